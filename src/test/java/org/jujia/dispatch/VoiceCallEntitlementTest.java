package org.jujia.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import org.jujia.careplan.CarePlan;
import org.jujia.careplan.CarePlanStatus;
import org.jujia.careplan.Frequency;
import org.jujia.careplan.Payers;
import org.jujia.careplan.PlanLine;
import org.junit.jupiter.api.Test;

/** Which plans give the daily call on a date: an active plan with the item's line, on the line's weekdays if it has any. */
class VoiceCallEntitlementTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    static PlanLine line(String item, List<Integer> weekdays) {
        return new PlanLine(1, item, item, "BASIC", "TIME", new Frequency(1, Frequency.Period.DAY), weekdays, LocalTime.of(9, 0),
                LocalTime.of(10, 0), 3, 100, 1, 30, 30, 0, 3000, Payers.NONE);
    }

    static CarePlan plan(CarePlanStatus status, PlanLine... lines) {
        return new CarePlan(1, 2, "张桂英", "/1/2/3/4/", 1, status, 5, "机构", YearMonth.of(2026, 11), null, null, Instant.EPOCH, "t", null,
                null, List.of(lines), List.of(), 0);
    }

    @Test
    void anActivePlanWithTheLineIsCalledEveryDay() {
        var p = plan(CarePlanStatus.ACTIVE, line("MEAL_LUNCH", List.of()), line("VOICE_CALL", List.of()));
        for (int i = 0; i < 7; i++) {
            assertThat(VoiceCallRound.entitledOn(p, "VOICE_CALL", MONDAY.plusDays(i))).isTrue();
        }
    }

    @Test
    void aPlanWithoutTheLineOrNotActiveIsNotCalled() {
        assertThat(VoiceCallRound.entitledOn(plan(CarePlanStatus.ACTIVE, line("MEAL_LUNCH", List.of()), line("HOME_VISIT", List.of(3))),
                "VOICE_CALL", MONDAY)).isFalse();
        assertThat(VoiceCallRound.entitledOn(plan(CarePlanStatus.ENDED, line("VOICE_CALL", List.of())), "VOICE_CALL", MONDAY)).isFalse();
        assertThat(VoiceCallRound.entitledOn(plan(CarePlanStatus.DRAFT, line("VOICE_CALL", List.of())), "VOICE_CALL", MONDAY)).isFalse();
    }

    @Test
    void aLineLimitedToWeekdaysIsCalledOnThoseDaysOnly() {
        var weekdays = plan(CarePlanStatus.ACTIVE, line("VOICE_CALL", List.of(1, 2, 3, 4, 5)));
        assertThat(VoiceCallRound.entitledOn(weekdays, "VOICE_CALL", MONDAY)).isTrue();
        assertThat(VoiceCallRound.entitledOn(weekdays, "VOICE_CALL", MONDAY.plusDays(4))).isTrue();
        assertThat(VoiceCallRound.entitledOn(weekdays, "VOICE_CALL", MONDAY.plusDays(5))).as("Saturday").isFalse();
        assertThat(VoiceCallRound.entitledOn(weekdays, "VOICE_CALL", MONDAY.plusDays(6))).as("Sunday").isFalse();
    }

    @Test
    void theItemIsConfigurable() {
        var p = plan(CarePlanStatus.ACTIVE, line("CALL_DAILY", List.of()));
        assertThat(VoiceCallRound.entitledOn(p, "CALL_DAILY", MONDAY)).isTrue();
        assertThat(VoiceCallRound.entitledOn(p, "VOICE_CALL", MONDAY)).isFalse();
    }
}
