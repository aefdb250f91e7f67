package org.jujia.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * GAS (critical): the gas detector tripped (event {@code GAS}). The detector's shut-off valve is closed at once: the
 * processor sends {@link #SHUT_OFF_COMMAND} to the device that raised it.
 */
final class GasRule {

    static final String EVENT = "GAS";
    static final String SHUT_OFF_COMMAND = "CLOSE_VALVE";

    Optional<Trigger> evaluate(DeviceSignal s) {
        if (s.kind() != DeviceSignal.Kind.EVENT || !EVENT.equals(s.event())) {
            return Optional.empty();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        Rules.copy(s, details, "ppm", "level");
        return Optional.of(Trigger.of(AlarmType.GAS, s, Rules.summary("GAS", details), details));
    }

    /** Whether the device that raised the trigger has a valve to close (gas detectors do). */
    boolean shutsOffValve(Trigger t) {
        return t.type() == AlarmType.GAS && t.deviceType() == DeviceType.GAS;
    }
}
