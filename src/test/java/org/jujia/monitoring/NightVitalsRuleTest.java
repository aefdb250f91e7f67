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
class NightVitalsRuleTest {

    final NightVitalsRule rule = new NightVitalsRule(PROPS.night(), 3);

    Optional<Trigger> reading(RuleState s, Instant when, double hr, double br) {
        return rule.evaluate(telemetry(DeviceType.MATTRESS, Map.of("heartRate", hr, "breathingRate", br, "presence", 1), when), T, s);
    }

    @Test
    void threeConsecutiveReadingsOutsideTheThresholdsFire() {
        RuleState s = RuleState.empty();
        assertThat(reading(s, at(3, 0), 44, 14)).isEmpty();
        assertThat(reading(s, at(3, 1), 44, 14)).isEmpty();
        assertThat(reading(s, at(3, 2), 44, 14)).map(Trigger::type).contains(AlarmType.NIGHT_VITALS);
        assertThat(reading(s, at(3, 3), 44, 14)).as("every further one repeats").isPresent();
    }

    @Test
    void thresholdsAreInclusiveBounds() {
        RuleState s = RuleState.empty();
        for (int i = 0; i < 5; i++) {
            assertThat(reading(s, at(3, i), 45, 8)).isEmpty();
            assertThat(reading(s, at(3, 10 + i), 110, 28)).isEmpty();
        }
        assertThat(s.counter()).isZero();
        reading(s, at(4, 0), 111, 14);
        reading(s, at(4, 1), 60, 29);
        assertThat(reading(s, at(4, 2), 60, 7)).as("heart or breathing, mixed").isPresent();
    }

    @Test
    void breathingStoppingFires() {
        RuleState s = RuleState.empty();
        reading(s, at(3, 0), 70, 0);
        reading(s, at(3, 0, 10), 70, 0);
        assertThat(reading(s, at(3, 0, 20), 70, 0).orElseThrow().details()).containsEntry("breathingRate", 0.0);
    }

    @Test
    void aNormalReadingResetsTheRun() {
        RuleState s = RuleState.empty();
        reading(s, at(3, 0), 120, 14);
        reading(s, at(3, 1), 120, 14);
        reading(s, at(3, 2), 80, 14);
        assertThat(reading(s, at(3, 3), 120, 14)).isEmpty();
        assertThat(s.counter()).isEqualTo(1);
    }

    @Test
    void onlyDuringNightWatch() {
        RuleState s = RuleState.empty();
        reading(s, at(21, 57), 30, 14);
        reading(s, at(21, 58), 30, 14);
        assertThat(reading(s, at(21, 59), 30, 14)).as("21:59 is not night watch").isEmpty();
        assertThat(s.counter()).isZero();
        reading(s, at(22, 0), 30, 14);
        reading(s, at(22, 1), 30, 14);
        assertThat(reading(s, at(22, 2), 30, 14)).isPresent();

        RuleState m = RuleState.empty();
        reading(m, at(5, 57), 30, 14);
        reading(m, at(5, 58), 30, 14);
        assertThat(reading(m, at(5, 59), 30, 14)).as("05:59 is still night watch").isPresent();
        assertThat(reading(m, at(6, 0), 30, 14)).as("06:00 is not").isEmpty();
        assertThat(m.counter()).isZero();
    }

    @Test
    void anEmptyBedDoesNotCount() {
        RuleState s = RuleState.empty();
        for (int i = 0; i < 5; i++) {
            assertThat(rule.evaluate(telemetry(DeviceType.MATTRESS, Map.of("heartRate", 0, "breathingRate", 0, "presence", 0), at(3, i)), T, s))
                    .isEmpty();
        }
    }

    @Test
    void theElderOwnThresholdsApply() {
        VitalThresholds athlete = new VitalThresholds(38, 110, 8, 28, 90, 90, 180, 50, 110);
        RuleState s = RuleState.empty();
        for (int i = 0; i < 4; i++) {
            assertThat(rule.evaluate(telemetry(DeviceType.MATTRESS, Map.of("heartRate", 40, "presence", 1), at(3, i)), athlete, s)).isEmpty();
        }
    }
}
