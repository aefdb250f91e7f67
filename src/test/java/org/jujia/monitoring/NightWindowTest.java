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

/** The night window of the rules: 21:59/22:00/05:59/06:00 Asia/Shanghai. */
class NightWindowTest {

    final NightWindow night = PROPS.night();

    @Test
    void startsAt22InclusiveAndEndsAt06Exclusive() {
        assertThat(night.contains(at(21, 59, 59))).isFalse();
        assertThat(night.contains(at(21, 59))).isFalse();
        assertThat(night.contains(at(22, 0))).isTrue();
        assertThat(night.contains(at(3, 0))).isTrue();
        assertThat(night.contains(at(5, 59))).isTrue();
        assertThat(night.contains(at(5, 59, 59))).isTrue();
        assertThat(night.contains(at(6, 0))).isFalse();
        assertThat(night.contains(at(12, 0))).isFalse();
    }

    @Test
    void isBusinessTimeNotUtc() {
        // 14:00 UTC is 22:00 in Shanghai
        assertThat(night.contains(Instant.parse("2026-11-20T14:00:00Z"))).isTrue();
        assertThat(night.contains(Instant.parse("2026-11-20T13:59:00Z"))).isFalse();
        assertThat(night.contains(Instant.parse("2026-11-20T22:00:00Z"))).isFalse(); // 06:00 next morning
    }
}
