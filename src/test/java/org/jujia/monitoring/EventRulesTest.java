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
class EventRulesTest {

    @Test
    void sosSmokeGasFallAndWaterLeakFireOnTheirEventOnly() {
        Instant noon = at(12, 0);
        assertThat(new SosRule().evaluate(event(DeviceType.SOS_BUTTON, "SOS", noon))).map(Trigger::type).contains(AlarmType.SOS);
        assertThat(new SosRule().evaluate(event(DeviceType.WEARABLE, "SOS", noon))).isPresent();
        assertThat(new SosRule().evaluate(event(DeviceType.SOS_BUTTON, "HEARTBEAT", noon))).isEmpty();
        assertThat(new SosRule().evaluate(telemetry(DeviceType.SOS_BUTTON, Map.of("battery", 80), noon))).isEmpty();
        assertThat(new SmokeRule().evaluate(event(DeviceType.SMOKE, "SMOKE", noon))).map(Trigger::type).contains(AlarmType.SMOKE);
        assertThat(new GasRule().evaluate(event(DeviceType.GAS, "GAS", noon))).map(Trigger::type).contains(AlarmType.GAS);
        assertThat(new FallRule().evaluate(event(DeviceType.FALL_RADAR, "FALL", noon))).map(Trigger::type).contains(AlarmType.FALL);
        assertThat(new FallRule().evaluate(event(DeviceType.WEARABLE, "FALL", noon))).isPresent();
        assertThat(new WaterLeakRule().evaluate(event(DeviceType.WATER_LEAK, "WATER_LEAK", noon))).map(Trigger::type)
                .contains(AlarmType.WATER_LEAK);
        assertThat(new WaterLeakRule().evaluate(event(DeviceType.WATER_LEAK, "SMOKE", noon))).isEmpty();
    }

    @Test
    void severities() {
        assertThat(List.of(AlarmType.SOS, AlarmType.SMOKE, AlarmType.GAS, AlarmType.FALL, AlarmType.NIGHT_VITALS))
                .allMatch(t -> t.severity() == AlarmSeverity.CRITICAL);
        assertThat(AlarmType.WATER_LEAK.severity()).isEqualTo(AlarmSeverity.HIGH);
        assertThat(AlarmType.LOW_BATTERY.severity()).isEqualTo(AlarmSeverity.LOW);
    }

    @Test
    void theSummaryNamesTheEventAndItsValues() {
        DeviceSignal s = new DeviceSignal(7, "G-1", DeviceType.GAS, 42L, "厨房", DeviceSignal.Kind.EVENT, "GAS", Map.of("ppm", 850), at(12, 0),
                at(12, 0), "x");
        Trigger t = new GasRule().evaluate(s).orElseThrow();
        assertThat(t.summary()).isEqualTo("GAS ppm=850");
        assertThat(t.details()).containsEntry("messageId", "x");
        assertThat(t.room()).isEqualTo("厨房");
    }

    @Test
    void gasClosesTheDetectorsValve() {
        GasRule gas = new GasRule();
        Trigger t = gas.evaluate(event(DeviceType.GAS, "GAS", at(12, 0))).orElseThrow();
        assertThat(gas.shutsOffValve(t)).isTrue();
        assertThat(GasRule.SHUT_OFF_COMMAND).isEqualTo("CLOSE_VALVE");
    }

    @Test
    void wearableSosKeepsItsPosition() {
        DeviceSignal s = new DeviceSignal(7, "W-1", DeviceType.WEARABLE, 42L, null, DeviceSignal.Kind.EVENT, "SOS",
                Map.of("lat", 31.3, "lon", 120.6), at(12, 0), at(12, 0), "x");
        assertThat(new SosRule().evaluate(s).orElseThrow().details()).containsEntry("lat", 31.3).containsEntry("lon", 120.6);
    }

    @Test
    void mergeKeysArePerElderExceptDeviceFaults() {
        Trigger a = new SosRule().evaluate(event(DeviceType.SOS_BUTTON, "SOS", at(12, 0))).orElseThrow();
        Trigger b = new LowBatteryRule(15).evaluate(telemetry(DeviceType.SOS_BUTTON, Map.of("battery", 10), at(12, 0))).orElseThrow();
        assertThat(a.dedupKey()).isEqualTo("SOS:elder:42");
        assertThat(b.dedupKey()).isEqualTo("LOW_BATTERY:device:7");
    }
}
