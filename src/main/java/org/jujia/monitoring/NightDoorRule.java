package org.jujia.monitoring;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * NIGHT_DOOR (high): a door contact reports {@code DOOR_OPEN} between {@code night-start} (22:00, inclusive) and
 * {@code night-end} (06:00, exclusive), Asia/Shanghai, in the home of an elder whose latest assessment flags cognitive
 * impairment (MMSE below the cut-off for their education: care flag {@code COGNITIVE_IMPAIRMENT}).
 */
final class NightDoorRule {

    static final String EVENT = "DOOR_OPEN";
    static final String FLAG = "COGNITIVE_IMPAIRMENT";

    private final NightWindow night;

    NightDoorRule(NightWindow night) {
        this.night = night;
    }

    /** Whether the signal could fire the rule (cheap; the elder's flags are looked up only for these). */
    boolean candidate(DeviceSignal s) {
        return s.kind() == DeviceSignal.Kind.EVENT && EVENT.equals(s.event()) && s.elderId() != null && night.contains(s.occurredAt());
    }

    Optional<Trigger> evaluate(DeviceSignal s, List<String> careFlags) {
        if (!candidate(s) || careFlags == null || !careFlags.contains(FLAG)) {
            return Optional.empty();
        }
        return Optional.of(Trigger.of(AlarmType.NIGHT_DOOR, s, "DOOR_OPEN at night", Map.of("flag", FLAG)));
    }
}
