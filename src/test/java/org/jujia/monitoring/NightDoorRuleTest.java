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
class NightDoorRuleTest {

    final NightDoorRule rule = new NightDoorRule(PROPS.night());
    final List<String> impaired = List.of("COGNITIVE_IMPAIRMENT");

    @Test
    void firesOnlyAtNightForCognitiveImpairment() {
        assertThat(rule.evaluate(event(DeviceType.DOOR_CONTACT, "DOOR_OPEN", at(21, 59)), impaired)).isEmpty();
        assertThat(rule.evaluate(event(DeviceType.DOOR_CONTACT, "DOOR_OPEN", at(22, 0)), impaired)).isPresent();
        assertThat(rule.evaluate(event(DeviceType.DOOR_CONTACT, "DOOR_OPEN", at(5, 59)), impaired)).isPresent();
        assertThat(rule.evaluate(event(DeviceType.DOOR_CONTACT, "DOOR_OPEN", at(6, 0)), impaired)).isEmpty();
        assertThat(rule.evaluate(event(DeviceType.DOOR_CONTACT, "DOOR_OPEN", at(23, 0)), List.of("FRAIL"))).isEmpty();
        assertThat(rule.evaluate(event(DeviceType.DOOR_CONTACT, "DOOR_OPEN", at(23, 0)), List.of())).isEmpty();
        assertThat(rule.evaluate(event(DeviceType.DOOR_CONTACT, "DOOR_CLOSED", at(23, 0)), impaired)).isEmpty();
    }
}
