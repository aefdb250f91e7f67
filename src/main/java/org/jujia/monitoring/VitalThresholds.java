package org.jujia.monitoring;

import org.jujia.shared.Violations;

/**
 * An elder's vital-sign thresholds: a reading below a minimum or above a maximum is out of range. The defaults suit
 * an older adult at rest (night-time heart rate 45–110, breathing 8–28, SpO2 ≥ 90 %, blood pressure 90–180 / 50–110).
 */
public record VitalThresholds(int heartRateMin, int heartRateMax, int breathingRateMin, int breathingRateMax, int spo2Min,
        int systolicMin, int systolicMax, int diastolicMin, int diastolicMax) {

    public static final VitalThresholds DEFAULTS = new VitalThresholds(45, 110, 8, 28, 90, 90, 180, 50, 110);

    /** The values by name (heartRateMin, heartRateMax, …), for forms. */
    public java.util.Map<String, Integer> asMap() {
        var m = new java.util.LinkedHashMap<String, Integer>();
        m.put("heartRateMin", heartRateMin);
        m.put("heartRateMax", heartRateMax);
        m.put("breathingRateMin", breathingRateMin);
        m.put("breathingRateMax", breathingRateMax);
        m.put("spo2Min", spo2Min);
        m.put("systolicMin", systolicMin);
        m.put("systolicMax", systolicMax);
        m.put("diastolicMin", diastolicMin);
        m.put("diastolicMax", diastolicMax);
        return m;
    }

    boolean heartRateOut(double v) {
        return v < heartRateMin || v > heartRateMax;
    }

    boolean breathingRateOut(double v) {
        return v < breathingRateMin || v > breathingRateMax;
    }

    /** Checks plausibility: each minimum below its maximum, values within physiological limits. */
    void validate(Violations v) {
        range(v, "heartRate", heartRateMin, heartRateMax, 20, 250);
        range(v, "breathingRate", breathingRateMin, breathingRateMax, 4, 60);
        v.require(spo2Min >= 70 && spo2Min <= 100, "spo2Min", "range", "SpO2 minimum must be 70–100");
        range(v, "systolic", systolicMin, systolicMax, 60, 260);
        range(v, "diastolic", diastolicMin, diastolicMax, 30, 160);
    }

    private static void range(Violations v, String name, int min, int max, int lo, int hi) {
        v.require(min >= lo && min <= hi, name + "Min", "range", name + " minimum must be " + lo + "–" + hi);
        v.require(max >= lo && max <= hi, name + "Max", "range", name + " maximum must be " + lo + "–" + hi);
        v.require(min < max, name + "Max", "order", name + " maximum must be above the minimum");
    }
}
