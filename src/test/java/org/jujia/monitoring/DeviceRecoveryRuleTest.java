package org.jujia.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A device fault clears itself only on what the device said after the alarm's last trigger. */
class DeviceRecoveryRuleTest {

    static final Instant TRIGGERED = Instant.parse("2026-11-30T02:00:00Z");
    final DeviceRecoveryRule rule = new DeviceRecoveryRule(15);

    @Test
    void an_offline_device_recovers_with_a_heartbeat_after_the_last_trigger() {
        assertThat(rule.recovered(AlarmType.DEVICE_OFFLINE, TRIGGERED, null, null, null)).isFalse();
        assertThat(rule.recovered(AlarmType.DEVICE_OFFLINE, TRIGGERED, TRIGGERED, TRIGGERED, 80)).as("the same instant").isFalse();
        assertThat(rule.recovered(AlarmType.DEVICE_OFFLINE, TRIGGERED, TRIGGERED.plusMillis(1), TRIGGERED.plusMillis(1), null)).isTrue();
        assertThat(rule.recovered(AlarmType.DEVICE_OFFLINE, TRIGGERED, TRIGGERED.minusSeconds(1), TRIGGERED.plusSeconds(5), 80))
                .as("an event is not a heartbeat").isFalse();
    }

    @Test
    void a_low_battery_recovers_above_the_low_mark_reported_after_the_last_trigger() {
        assertThat(rule.recovered(AlarmType.LOW_BATTERY, TRIGGERED, null, TRIGGERED.plusSeconds(5), 15)).as("at the mark is still low").isFalse();
        assertThat(rule.recovered(AlarmType.LOW_BATTERY, TRIGGERED, null, TRIGGERED.plusSeconds(5), 16)).isTrue();
        assertThat(rule.recovered(AlarmType.LOW_BATTERY, TRIGGERED, null, TRIGGERED, 90)).as("not reported since").isFalse();
        assertThat(rule.recovered(AlarmType.LOW_BATTERY, TRIGGERED, null, TRIGGERED.plusSeconds(5), null)).isFalse();
    }

    @Test
    void other_alarms_are_closed_by_an_operator_only() {
        assertThat(rule.recovered(AlarmType.SOS, TRIGGERED, TRIGGERED.plusSeconds(5), TRIGGERED.plusSeconds(5), 90)).isFalse();
        assertThat(rule.recovered(AlarmType.FALL, TRIGGERED, TRIGGERED.plusSeconds(5), TRIGGERED.plusSeconds(5), 90)).isFalse();
    }
}
