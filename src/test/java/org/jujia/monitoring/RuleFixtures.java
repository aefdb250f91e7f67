package org.jujia.monitoring;


import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

/** Signals and times for the rule tests (Asia/Shanghai). */
final class RuleFixtures {

    private RuleFixtures() {
    }


    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final AlarmRuleProperties PROPS = AlarmRuleProperties.standard();
    static final VitalThresholds T = VitalThresholds.DEFAULTS;

    static Instant at(int hour, int minute) {
        return LocalDateTime.of(2026, 11, 20, hour, minute).atZone(ZONE).toInstant();
    }

    static Instant at(int hour, int minute, int second) {
        return LocalDateTime.of(2026, 11, 20, hour, minute, second).atZone(ZONE).toInstant();
    }

    static DeviceSignal event(DeviceType type, String event, Instant when) {
        return new DeviceSignal(7, "SN-7", type, 42L, "卧室", DeviceSignal.Kind.EVENT, event, Map.of(), when, when, "m-" + when);
    }

    static DeviceSignal telemetry(DeviceType type, Map<String, Object> values, Instant when) {
        return new DeviceSignal(7, "SN-7", type, 42L, "卧室", DeviceSignal.Kind.TELEMETRY, null, values, when, when, "m-" + when);
    }
}
