package org.jujia.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** SOS (severity from {@link AlarmType}): an SOS button or a wearable's SOS key was pressed (event {@code SOS}). */
final class SosRule {

    static final String EVENT = "SOS";

    Optional<Trigger> evaluate(DeviceSignal s) {
        if (s.kind() != DeviceSignal.Kind.EVENT || !EVENT.equals(s.event())) {
            return Optional.empty();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        Rules.copy(s, details, "lat", "lon", "level", "ppm");
        return Optional.of(Trigger.of(AlarmType.SOS, s, Rules.summary("SOS", details), details));
    }
}
