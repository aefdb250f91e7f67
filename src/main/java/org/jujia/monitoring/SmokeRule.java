package org.jujia.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** SMOKE (severity from {@link AlarmType}): a smoke detector went off (event {@code SMOKE}). */
final class SmokeRule {

    static final String EVENT = "SMOKE";

    Optional<Trigger> evaluate(DeviceSignal s) {
        if (s.kind() != DeviceSignal.Kind.EVENT || !EVENT.equals(s.event())) {
            return Optional.empty();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        Rules.copy(s, details, "lat", "lon", "level", "ppm");
        return Optional.of(Trigger.of(AlarmType.SMOKE, s, Rules.summary("SMOKE", details), details));
    }
}
