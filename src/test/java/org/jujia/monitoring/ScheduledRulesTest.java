package org.jujia.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jujia.monitoring.RuleFixtures.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Alarm rule at its thresholds and time-of-day edges (Asia/Shanghai). */
class ScheduledRulesTest {

    @Test
    void inactivityAtExactlyTheConfiguredHours() {
        InactivityRule rule = new InactivityRule(12);
        Instant last = at(8, 0);
        assertThat(rule.inactive(last, last.plus(Duration.ofHours(12)).minusSeconds(1))).isFalse();
        assertThat(rule.inactive(last, last.plus(Duration.ofHours(12)))).isTrue();
        assertThat(InactivityRule.activity(event(DeviceType.DOOR_CONTACT, "DOOR_OPEN", last))).isTrue();
        assertThat(InactivityRule.activity(event(DeviceType.FALL_RADAR, "MOTION", last))).isTrue();
        assertThat(InactivityRule.activity(event(DeviceType.MATTRESS, "BED_EXIT", last))).isTrue();
        assertThat(InactivityRule.activity(event(DeviceType.PILL_BOX, "PILL_TAKEN", last))).isFalse();
        assertThat(InactivityRule.activity(telemetry(DeviceType.MATTRESS, Map.of("heartRate", 60), last))).isFalse();
    }

    @Test
    void offlineAfterThreeMissedHeartbeats() {
        DeviceOfflineRule rule = new DeviceOfflineRule(PROPS.offlineAfter());
        assertThat(PROPS.offlineAfter()).isEqualTo(Duration.ofMinutes(15));
        Instant last = at(8, 0);
        assertThat(rule.offline(last, at(8, 14, 59))).isFalse();
        assertThat(rule.offline(last, at(8, 15))).isTrue();
        assertThat(rule.offline(null, at(8, 15))).as("never heard from: not offline").isFalse();
    }

    @Test
    void lowBatteryAtOrBelowTheThreshold() {
        LowBatteryRule rule = new LowBatteryRule(15);
        assertThat(rule.evaluate(telemetry(DeviceType.SMOKE, Map.of("battery", 16), at(9, 0)))).isEmpty();
        assertThat(rule.evaluate(telemetry(DeviceType.SMOKE, Map.of("battery", 15), at(9, 0)))).map(Trigger::type)
                .contains(AlarmType.LOW_BATTERY);
        assertThat(rule.evaluate(telemetry(DeviceType.SMOKE, Map.of("rssi", -70), at(9, 0)))).isEmpty();
    }
}
