package org.jujia.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** WATER_LEAK (severity from {@link AlarmType}): a water-leak sensor got wet (event {@code WATER_LEAK}). */
final class WaterLeakRule {

    static final String EVENT = "WATER_LEAK";

    Optional<Trigger> evaluate(DeviceSignal s) {
        if (s.kind() != DeviceSignal.Kind.EVENT || !EVENT.equals(s.event())) {
            return Optional.empty();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        Rules.copy(s, details, "lat", "lon", "level", "ppm");
        return Optional.of(Trigger.of(AlarmType.WATER_LEAK, s, Rules.summary("WATER_LEAK", details), details));
    }
}
