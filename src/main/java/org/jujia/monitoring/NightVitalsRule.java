package org.jujia.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * NIGHT_VITALS (critical; the night-watch package, PLATFORM.md §4): during night watch (22:00 inclusive – 06:00
 * exclusive, Asia/Shanghai, by the reading's own time) a mattress reading with the elder in bed whose heart rate or
 * breathing rate is outside the elder's thresholds counts; {@code night-vitals-consecutive} (3) such readings in a row
 * fire, and every further one is a repeated trigger of the same alarm. A reading within range, a reading outside the
 * night or an empty bed resets the count. State per mattress: {@code counter}.
 */
final class NightVitalsRule {

    static final String RULE = "NIGHT_VITALS";

    private final NightWindow night;
    private final int consecutive;

    NightVitalsRule(NightWindow night, int consecutive) {
        this.night = night;
        this.consecutive = consecutive;
    }

    static boolean relevant(DeviceSignal s) {
        return s.deviceType() == DeviceType.MATTRESS && s.kind() == DeviceSignal.Kind.TELEMETRY
                && (s.number("heartRate") != null || s.number("breathingRate") != null);
    }

    /** {@code presence} false (or 0): nobody in bed, the rates mean nothing. */
    static boolean emptyBed(DeviceSignal s) {
        Object p = s.values().get("presence");
        return Boolean.FALSE.equals(p) || (p instanceof Number n && n.doubleValue() == 0);
    }

    Optional<Trigger> evaluate(DeviceSignal s, VitalThresholds t, RuleState state) {
        if (!relevant(s)) {
            return Optional.empty();
        }
        if (!night.contains(s.occurredAt()) || emptyBed(s)) {
            state.counter(0);
            return Optional.empty();
        }
        Double hr = s.number("heartRate");
        Double br = s.number("breathingRate");
        StringBuilder out = new StringBuilder();
        Map<String, Object> details = new LinkedHashMap<>();
        if (hr != null && t.heartRateOut(hr)) {
            out.append("heart rate ").append(Rules.num(hr)).append(" (").append(t.heartRateMin()).append('–').append(t.heartRateMax()).append(") ");
            details.put("heartRate", hr);
        }
        if (br != null && t.breathingRateOut(br)) {
            out.append("breathing rate ").append(Rules.num(br)).append(" (").append(t.breathingRateMin()).append('–').append(t.breathingRateMax())
                    .append(") ");
            details.put("breathingRate", br);
        }
        if (details.isEmpty()) {
            state.counter(0);
            return Optional.empty();
        }
        state.counter(state.counter() + 1);
        if (state.counter() < consecutive) {
            return Optional.empty();
        }
        details.put("consecutive", state.counter());
        return Optional.of(Trigger.of(AlarmType.NIGHT_VITALS, s, out.toString().trim() + " ×" + state.counter(), details));
    }
}
