package org.jujia.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * VITALS (high): a wearable's reading of heart rate, SpO2 or blood pressure outside the elder's thresholds (below a
 * minimum or above a maximum; the thresholds themselves are in range).
 */
final class WearableVitalsRule {

    static boolean relevant(DeviceSignal s) {
        return s.deviceType() == DeviceType.WEARABLE && s.kind() == DeviceSignal.Kind.TELEMETRY
                && (s.number("heartRate") != null || s.number("spo2") != null || s.number("systolic") != null || s.number("diastolic") != null);
    }

    Optional<Trigger> evaluate(DeviceSignal s, VitalThresholds t) {
        if (!relevant(s)) {
            return Optional.empty();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder();
        Double hr = s.number("heartRate");
        if (hr != null && t.heartRateOut(hr)) {
            details.put("heartRate", hr);
            out.append("heart rate ").append(Rules.num(hr)).append(" (").append(t.heartRateMin()).append('–').append(t.heartRateMax()).append(") ");
        }
        Double spo2 = s.number("spo2");
        if (spo2 != null && spo2 < t.spo2Min()) {
            details.put("spo2", spo2);
            out.append("SpO2 ").append(Rules.num(spo2)).append("% (≥").append(t.spo2Min()).append(") ");
        }
        Double sys = s.number("systolic");
        Double dia = s.number("diastolic");
        boolean sysOut = sys != null && (sys < t.systolicMin() || sys > t.systolicMax());
        boolean diaOut = dia != null && (dia < t.diastolicMin() || dia > t.diastolicMax());
        if (sysOut || diaOut) {
            details.put("systolic", sys);
            details.put("diastolic", dia);
            out.append("BP ").append(sys == null ? "?" : Rules.num(sys)).append('/').append(dia == null ? "?" : Rules.num(dia)).append(" (")
                    .append(t.systolicMin()).append('–').append(t.systolicMax()).append(" / ").append(t.diastolicMin()).append('–')
                    .append(t.diastolicMax()).append(") ");
        }
        if (details.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Trigger.of(AlarmType.VITALS, s, out.toString().trim(), details));
    }
}
