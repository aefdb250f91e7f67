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
class OutOfBedRuleTest {

    final OutOfBedRule rule = new OutOfBedRule(PROPS.night(), Duration.ofMinutes(30));

    @Test
    void leavingAt2200AndStayingAway30MinutesFiresOnce() {
        RuleState s = RuleState.empty();
        assertThat(rule.onSignal(event(DeviceType.MATTRESS, "BED_EXIT", at(22, 0)), s)).isEmpty();
        assertThat(s.since()).isEqualTo(at(22, 0));
        assertThat(rule.check(s, at(22, 29, 59))).isEmpty();
        assertThat(rule.check(s, at(22, 30))).contains(Duration.ofMinutes(30));
        assertThat(rule.check(s, at(22, 45))).as("fires once per absence").isEmpty();
    }

    @Test
    void leavingAt2159IsNotTracked() {
        RuleState s = RuleState.empty();
        rule.onSignal(event(DeviceType.MATTRESS, "BED_EXIT", at(21, 59)), s);
        assertThat(s.since()).isNull();
        assertThat(rule.check(s, at(23, 0))).isEmpty();
    }

    @Test
    void comingBackInTimeClearsTheAbsence() {
        RuleState s = RuleState.empty();
        rule.onSignal(event(DeviceType.MATTRESS, "BED_EXIT", at(2, 0)), s);
        rule.onSignal(event(DeviceType.MATTRESS, "BED_ENTER", at(2, 29)), s);
        assertThat(s.since()).isNull();
        assertThat(rule.check(s, at(2, 31))).isEmpty();
    }

    @Test
    void theThresholdMustBeReachedBeforeSix() {
        RuleState early = RuleState.empty();
        rule.onSignal(event(DeviceType.MATTRESS, "BED_EXIT", at(5, 29)), early);
        assertThat(rule.check(early, at(5, 59))).as("due 05:59, still night").isPresent();
        RuleState late = RuleState.empty();
        rule.onSignal(event(DeviceType.MATTRESS, "BED_EXIT", at(5, 30)), late);
        assertThat(rule.check(late, at(6, 0))).as("due 06:00: the elder simply got up").isEmpty();
    }

    @Test
    void aLaterSignalAlsoChecks() {
        RuleState s = RuleState.empty();
        rule.onSignal(event(DeviceType.MATTRESS, "BED_EXIT", at(1, 0)), s);
        assertThat(rule.onSignal(event(DeviceType.MATTRESS, "BED_EXIT", at(1, 31)), s)).map(Trigger::type).contains(AlarmType.OUT_OF_BED);
    }
}
