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
class VitalThresholdsTest {

    @Test
    void defaultsAreValidAndNonsenseIsRefused() {
        var v = new org.jujia.shared.Violations();
        VitalThresholds.DEFAULTS.validate(v);
        assertThat(v.isEmpty()).isTrue();
        var bad = new org.jujia.shared.Violations();
        new VitalThresholds(120, 100, 8, 28, 101, 90, 180, 50, 110).validate(bad);
        assertThat(bad.list()).extracting(f -> f.field()).contains("heartRateMax", "spo2Min");
    }
}
