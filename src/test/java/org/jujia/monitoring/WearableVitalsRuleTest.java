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
class WearableVitalsRuleTest {

    final WearableVitalsRule rule = new WearableVitalsRule();

    Optional<Trigger> reading(Map<String, Object> values) {
        return rule.evaluate(telemetry(DeviceType.WEARABLE, values, at(10, 0)), T);
    }

    @Test
    void heartRateSpo2AndBloodPressureAtTheirBounds() {
        assertThat(reading(Map.of("heartRate", 45))).isEmpty();
        assertThat(reading(Map.of("heartRate", 44))).isPresent();
        assertThat(reading(Map.of("heartRate", 110))).isEmpty();
        assertThat(reading(Map.of("heartRate", 111))).isPresent();
        assertThat(reading(Map.of("spo2", 90))).isEmpty();
        assertThat(reading(Map.of("spo2", 89))).map(Trigger::type).contains(AlarmType.VITALS);
        assertThat(reading(Map.of("systolic", 180, "diastolic", 110))).isEmpty();
        assertThat(reading(Map.of("systolic", 181, "diastolic", 80))).isPresent();
        assertThat(reading(Map.of("systolic", 89, "diastolic", 60))).isPresent();
        assertThat(reading(Map.of("systolic", 120, "diastolic", 111))).isPresent();
        assertThat(reading(Map.of("systolic", 120, "diastolic", 49))).isPresent();
        assertThat(reading(Map.of("steps", 1000))).isEmpty();
    }

    @Test
    void onlyWearables() {
        assertThat(rule.evaluate(telemetry(DeviceType.MATTRESS, Map.of("heartRate", 200), at(10, 0)), T)).isEmpty();
    }
}
