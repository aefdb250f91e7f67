package org.jujia.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InServiceTrainingTest {

    @Test
    void fourHoursAMonthFromTheMonthAfterHiring() {
        var months = InServiceTraining.months(LocalDate.of(2026, 3, 15), null, YearMonth.of(2026, 1), YearMonth.of(2026, 6),
                Map.of(YearMonth.of(2026, 4), 240, YearMonth.of(2026, 5), 239, YearMonth.of(2026, 3), 0));
        assertThat(months).extracting(InServiceTraining.Month::month).containsExactly(YearMonth.of(2026, 4), YearMonth.of(2026, 5),
                YearMonth.of(2026, 6));
        assertThat(months.get(0).met()).as("exactly 4 h").isTrue();
        assertThat(months.get(0).deductionPercent()).isZero();
        assertThat(months.get(1).met()).as("3 h 59 min").isFalse();
        assertThat(months.get(1).deductionPercent()).isEqualTo(5);
        assertThat(months.get(2).minutes()).isZero();
        assertThat(months.get(2).deductionPercent()).isEqualTo(5);
    }

    @Test
    void noMonthsOwedAfterLeaving() {
        var months = InServiceTraining.months(LocalDate.of(2025, 1, 2), LocalDate.of(2026, 3, 10), YearMonth.of(2026, 1), YearMonth.of(2026, 12),
                Map.of());
        assertThat(months).extracting(InServiceTraining.Month::month).containsExactly(YearMonth.of(2026, 1), YearMonth.of(2026, 2));
    }

    @Test
    void missedMonthCostsFivePercentOfThatMonthsPerformancePay() {
        var missed = new InServiceTraining.Month(YearMonth.of(2026, 5), 120, false, 5);
        var met = new InServiceTraining.Month(YearMonth.of(2026, 6), 240, true, 0);
        assertThat(InServiceTraining.performancePayAfter(missed, 100_000)).isEqualTo(95_000);
        assertThat(InServiceTraining.performancePayAfter(missed, 33_333)).as("1,666.65 fen rounds to 1,667").isEqualTo(31_666);
        assertThat(InServiceTraining.performancePayAfter(met, 100_000)).isEqualTo(100_000);
    }
}
