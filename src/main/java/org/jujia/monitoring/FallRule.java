package org.jujia.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** FALL (severity from {@link AlarmType}): the fall radar or a wearable detected a fall (event {@code FALL}). */
final class FallRule {

    static final String EVENT = "FALL";

    Optional<Trigger> evaluate(DeviceSignal s) {
        if (s.kind() != DeviceSignal.Kind.EVENT || !EVENT.equals(s.event())) {
            return Optional.empty();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        Rules.copy(s, details, "lat", "lon", "level", "ppm");
        return Optional.of(Trigger.of(AlarmType.FALL, s, Rules.summary("FALL", details), details));
    }
}
