package org.jujia.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.OptionalDouble;
import org.jujia.oversight.ScorePolicy.Criterion;
import org.jujia.oversight.ScorePolicy.Evidence;
import org.jujia.oversight.ScorePolicy.Line;
import org.jujia.oversight.ScorePolicy.Result;
import org.junit.jupiter.api.Test;

/** The score formula; the first test is the worked example of docs/oversight.md, figure for figure. */
class ScorePolicyTest {

    private static Line line(Result r, Criterion c) {
        return r.lines().stream().filter(l -> l.criterion() == c).findFirst().orElseThrow();
    }

    @Test
    void worked_example_of_the_guide() {
        Evidence e = new Evidence(1250, 1000, 1050, 945, 100, 90, 2, 40, 38, OptionalDouble.of(0.75), OptionalDouble.empty(), 2, 86.0);
        Result r = ScorePolicy.score(e);
        assertThat(line(r, Criterion.VOLUME).points()).isEqualByComparingTo("12.00");
        assertThat(line(r, Criterion.EVV).points()).isEqualByComparingTo("13.50");
        assertThat(line(r, Criterion.SATISFACTION).points()).isEqualByComparingTo("13.50");
        assertThat(line(r, Criterion.COMPLAINTS).points()).isEqualByComparingTo("9.00");
        assertThat(line(r, Criterion.ALARMS).points()).isEqualByComparingTo("9.50");
        assertThat(line(r, Criterion.STAFFING).points()).isEqualByComparingTo("7.50");
        assertThat(line(r, Criterion.TRAINING).missing()).isTrue();
        assertThat(line(r, Criterion.TRAINING).points()).isNull();
        assertThat(line(r, Criterion.EVALUATION).points()).isEqualByComparingTo("8.60");
        assertThat(r.pointsEarned()).isEqualByComparingTo("73.60");
        assertThat(r.coveredWeight()).isEqualTo(90);
        // 73.6 / 90 × 100 = 81.777… → 81.8
        assertThat(r.score()).isEqualByComparingTo("81.8");
    }

    @Test
    void full_evidence_all_perfect_is_100_and_the_weights_add_up_to_100() {
        int sum = 0;
        for (Criterion c : Criterion.values()) {
            sum += c.weight();
        }
        assertThat(sum).isEqualTo(100);
        Evidence e = new Evidence(100, 120, 120, 120, 10, 10, 0, 5, 5, OptionalDouble.of(1), OptionalDouble.of(1), 1, 100);
        Result r = ScorePolicy.score(e);
        assertThat(r.score()).isEqualByComparingTo("100.0");
        assertThat(line(r, Criterion.VOLUME).measure()).isEqualTo(1.0); // more visits than planned is capped at 1
    }

    @Test
    void complaints_criterion_reaches_zero_at_five_upheld_per_thousand_verified_visits() {
        Evidence five = new Evidence(1000, 1000, 1000, 1000, 0, 0, 5, 0, 0, OptionalDouble.empty(), OptionalDouble.empty(), 0, 0);
        assertThat(line(ScorePolicy.score(five), Criterion.COMPLAINTS).points()).isEqualByComparingTo("0.00");
        Evidence four = new Evidence(1000, 1000, 1000, 1000, 0, 0, 4, 0, 0, OptionalDouble.empty(), OptionalDouble.empty(), 0, 0);
        assertThat(line(ScorePolicy.score(four), Criterion.COMPLAINTS).points()).isEqualByComparingTo("3.00");
        Evidence many = new Evidence(1000, 1000, 1000, 1000, 0, 0, 50, 0, 0, OptionalDouble.empty(), OptionalDouble.empty(), 0, 0);
        assertThat(line(ScorePolicy.score(many), Criterion.COMPLAINTS).measure()).isZero();
    }

    @Test
    void below_fifty_weight_points_of_evidence_there_is_no_score() {
        // volume 15 + evv 15 + complaints 15 = 45 covered: no score
        Evidence thin = new Evidence(10, 10, 10, 10, 0, 0, 0, 0, 0, OptionalDouble.empty(), OptionalDouble.empty(), 0, 0);
        Result r = ScorePolicy.score(thin);
        assertThat(r.coveredWeight()).isEqualTo(45);
        assertThat(r.scored()).isFalse();
        // + evaluation 10 = 55: scored
        Evidence enough = new Evidence(10, 10, 10, 10, 0, 0, 0, 0, 0, OptionalDouble.empty(), OptionalDouble.empty(), 1, 70);
        Result s = ScorePolicy.score(enough);
        assertThat(s.coveredWeight()).isEqualTo(55);
        // (15 + 15 + 15 + 7) / 55 × 100 = 94.545… → 94.5
        assertThat(s.score()).isEqualByComparingTo("94.5");
    }

    @Test
    void rounding_is_half_up_to_one_decimal() {
        // volume 15 × 0.5 = 7.5, evv 15, satisfaction 15, complaints 15 (no upheld), evaluation 10 × 0.7999 = 7.999 → covered 70
        Evidence e = new Evidence(2000, 1000, 1000, 1000, 10, 10, 0, 0, 0, OptionalDouble.empty(), OptionalDouble.empty(), 1, 79.99);
        // (7.5 + 15 + 15 + 15 + 7.999) / 70 × 100 = 86.4271… → 86.4
        assertThat(ScorePolicy.score(e).score()).isEqualByComparingTo(new BigDecimal("86.4"));
        Evidence half = new Evidence(0, 0, 0, 0, 0, 0, 0, 4, 3, OptionalDouble.of(0.5), OptionalDouble.of(0.65), 1, 81);
        // alarms 7.5 + staffing 5 + training 6.5 + evaluation 8.1 = 27.1 of 40 covered → below 50: no score
        assertThat(ScorePolicy.score(half).scored()).isFalse();
    }

    @Test
    void below_80_is_below_the_budget_threshold_80_point_0_is_not() {
        assertThat(card("79.9").belowThreshold()).isTrue();
        assertThat(card("80.0").belowThreshold()).isFalse();
        assertThat(card(null).belowThreshold()).isFalse();
    }

    private static PerformanceScores.ScoreCard card(String score) {
        return new PerformanceScores.ScoreCard(1, "p", 2025, score == null ? null : new BigDecimal(score), 70, BigDecimal.ZERO, java.util.List.of(),
                java.time.Instant.EPOCH, "admin");
    }
}
