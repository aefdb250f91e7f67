package org.jujia.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jujia.careplan.CarePlanActivated;
import org.jujia.careplan.Frequency.Period;
import org.jujia.catalogue.CaregiverLevel;
import org.jujia.catalogue.Qualification;
import org.jujia.catalogue.ServiceItem;
import org.jujia.catalogue.ServicePackage;
import org.jujia.catalogue.ServiceUnit;
import org.junit.jupiter.api.Test;

class OrderScheduleTest {

    // 2026-12-07 is a Monday
    static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

    static CarePlanActivated.Line line(int count, Period period, List<Integer> weekdays, String from, String to) {
        return new CarePlanActivated.Line("X", count, period, weekdays, LocalTime.parse(from), LocalTime.parse(to), 30);
    }

    static List<OrderSchedule.Occurrence> occ(CarePlanActivated.Line l, LocalDate from, LocalDate to) {
        return OrderSchedule.occurrences(l, from, to, 0);
    }

    @Test
    void dailyOnceFillsTheWindowEveryDay() {
        var o = occ(line(1, Period.DAY, List.of(), "11:00", "12:30"), MONDAY, MONDAY.plusDays(13));
        assertThat(o).hasSize(14);
        assertThat(o.get(0)).isEqualTo(new OrderSchedule.Occurrence(MONDAY, 0, MONDAY.atTime(11, 0), MONDAY.atTime(12, 30)));
        assertThat(o).extracting(OrderSchedule.Occurrence::index).containsOnly(0);
    }

    @Test
    void dailySeveralSplitTheWindowEvenly() {
        var o = occ(line(3, Period.DAY, List.of(), "08:00", "17:00"), MONDAY, MONDAY);
        assertThat(o).extracting(OrderSchedule.Occurrence::start)
                .containsExactly(MONDAY.atTime(8, 0), MONDAY.atTime(11, 0), MONDAY.atTime(14, 0));
        assertThat(o).extracting(OrderSchedule.Occurrence::end)
                .containsExactly(MONDAY.atTime(11, 0), MONDAY.atTime(14, 0), MONDAY.atTime(17, 0));
        assertThat(o).extracting(OrderSchedule.Occurrence::index).containsExactly(0, 1, 2);
    }

    @Test
    void dailyIgnoresPreferredWeekdays() {
        assertThat(occ(line(1, Period.DAY, List.of(1), "09:00", "10:00"), MONDAY, MONDAY.plusDays(6))).hasSize(7);
    }

    @Test
    void windowAcrossMidnightEndsNextDay() {
        var o = occ(line(1, Period.DAY, List.of(), "22:00", "06:00"), MONDAY, MONDAY);
        assertThat(o).singleElement().satisfies(x -> {
            assertThat(x.date()).isEqualTo(MONDAY);
            assertThat(x.start()).isEqualTo(MONDAY.atTime(22, 0));
            assertThat(x.end()).isEqualTo(MONDAY.plusDays(1).atTime(6, 0));
        });
        var two = occ(line(2, Period.DAY, List.of(), "22:00", "06:00"), MONDAY, MONDAY);
        assertThat(two).extracting(OrderSchedule.Occurrence::start).containsExactly(MONDAY.atTime(22, 0), MONDAY.plusDays(1).atTime(2, 0));
    }

    @Test
    void windowEndingAtItsStartLastsADay() {
        var o = occ(line(1, Period.DAY, List.of(), "00:00", "00:00"), MONDAY, MONDAY);
        assertThat(o.get(0).end()).isEqualTo(MONDAY.plusDays(1).atStartOfDay());
    }

    @Test
    void weeklyOnPreferredWeekdays() {
        var o = occ(line(2, Period.WEEK, List.of(2, 5), "15:00", "16:30"), MONDAY, MONDAY.plusDays(13));
        assertThat(o).hasSize(4);
        assertThat(o).extracting(x -> x.date().getDayOfWeek())
                .containsExactly(DayOfWeek.TUESDAY, DayOfWeek.FRIDAY, DayOfWeek.TUESDAY, DayOfWeek.FRIDAY);
    }

    @Test
    void weeklyOnceWithSeveralPreferredPicksOne() {
        var o = occ(line(1, Period.WEEK, List.of(3, 5), "09:00", "11:00"), MONDAY, MONDAY.plusDays(6));
        assertThat(o).singleElement().extracting(x -> x.date().getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
    }

    @Test
    void weeklyMoreThanPreferredDaysDoublesUp() {
        var o = occ(line(3, Period.WEEK, List.of(1, 4), "09:00", "12:00"), MONDAY, MONDAY.plusDays(6));
        assertThat(o).hasSize(3);
        Map<DayOfWeek, Long> perDay = o.stream().collect(Collectors.groupingBy(x -> x.date().getDayOfWeek(), Collectors.counting()));
        assertThat(perDay).containsEntry(DayOfWeek.MONDAY, 2L).containsEntry(DayOfWeek.THURSDAY, 1L);
    }

    @Test
    void weeklyWithoutPreferenceSpreadsOverTheWeek() {
        assertThat(occ(line(1, Period.WEEK, List.of(), "09:00", "10:00"), MONDAY, MONDAY.plusDays(13))).extracting(x -> x.date().getDayOfWeek())
                .containsExactly(DayOfWeek.MONDAY, DayOfWeek.MONDAY);
        assertThat(occ(line(3, Period.WEEK, List.of(), "09:00", "10:00"), MONDAY, MONDAY.plusDays(6))).extracting(x -> x.date().getDayOfWeek())
                .containsExactly(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
        assertThat(occ(line(7, Period.WEEK, List.of(), "09:00", "10:00"), MONDAY, MONDAY.plusDays(6))).hasSize(7);
        assertThat(occ(line(14, Period.WEEK, List.of(), "09:00", "10:00"), MONDAY, MONDAY.plusDays(6))).hasSize(14);
    }

    @Test
    void spreadKeyShiftsAWeekWithoutPreference() {
        var shifted = OrderSchedule.occurrences(line(1, Period.WEEK, List.of(), "09:00", "10:00"), MONDAY, MONDAY.plusDays(6), 3);
        assertThat(shifted).singleElement().extracting(x -> x.date().getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
        var wrapped = OrderSchedule.occurrences(line(2, Period.WEEK, List.of(), "09:00", "10:00"), MONDAY, MONDAY.plusDays(6), 6);
        assertThat(wrapped).extracting(x -> x.date().getDayOfWeek()).containsExactly(DayOfWeek.WEDNESDAY, DayOfWeek.SUNDAY);
        // a preference is never shifted
        var preferred = OrderSchedule.occurrences(line(1, Period.WEEK, List.of(2), "09:00", "10:00"), MONDAY, MONDAY.plusDays(6), 3);
        assertThat(preferred).singleElement().extracting(x -> x.date().getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
    }

    @Test
    void monthlySpreadsOverTheMonth() {
        LocalDate dec1 = LocalDate.of(2026, 12, 1);
        var o = occ(line(2, Period.MONTH, List.of(), "14:00", "16:00"), dec1, LocalDate.of(2026, 12, 31));
        assertThat(o).extracting(OrderSchedule.Occurrence::date).containsExactly(dec1, LocalDate.of(2026, 12, 16));
        var four = occ(line(4, Period.MONTH, List.of(), "14:00", "17:00"), dec1, LocalDate.of(2026, 12, 31));
        assertThat(four).extracting(x -> x.date().getDayOfMonth()).containsExactly(1, 8, 16, 24);
    }

    @Test
    void monthlyInFebruaryAndAcrossAMonthBoundary() {
        var feb = occ(line(2, Period.MONTH, List.of(), "14:00", "16:00"), LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 28));
        assertThat(feb).extracting(x -> x.date().getDayOfMonth()).containsExactly(1, 15);
        // 14 days from 25 January: the 15 January occurrence is outside, 1 and 15 February inside... only the 1st falls in range
        var across = occ(line(2, Period.MONTH, List.of(), "14:00", "16:00"), LocalDate.of(2027, 1, 25), LocalDate.of(2027, 2, 7));
        assertThat(across).extracting(OrderSchedule.Occurrence::date).containsExactly(LocalDate.of(2027, 2, 1));
        var dec = occ(line(2, Period.MONTH, List.of(), "14:00", "16:00"), LocalDate.of(2026, 12, 10), LocalDate.of(2027, 1, 5));
        assertThat(dec).extracting(OrderSchedule.Occurrence::date).containsExactly(LocalDate.of(2026, 12, 16), LocalDate.of(2027, 1, 1));
    }

    @Test
    void monthlyOnPreferredWeekdays() {
        // December 2026 has five Tuesdays (1, 8, 15, 22, 29) and five Thursdays (3, 10, 17, 24, 31): ten candidates
        var o = occ(line(2, Period.MONTH, List.of(2, 4), "14:00", "16:00"), LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31));
        assertThat(o).extracting(x -> x.date().getDayOfMonth()).containsExactly(1, 17);
        assertThat(o).allSatisfy(x -> assertThat(x.date().getDayOfWeek()).isIn(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY));
    }

    @Test
    void monthlyShiftStaysInTheMonth() {
        for (long key = 0; key < 40; key++) {
            var o = OrderSchedule.occurrences(line(4, Period.MONTH, List.of(), "14:00", "17:00"), LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 28),
                    key);
            assertThat(o).hasSize(4);
            assertThat(o).extracting(OrderSchedule.Occurrence::date).doesNotHaveDuplicates();
        }
    }

    @Test
    void monthlyMoreThanDaysDoublesUp() {
        var o = occ(line(62, Period.MONTH, List.of(), "08:00", "20:00"), LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 28));
        assertThat(o).hasSize(62);
    }

    @Test
    void asiaShanghaiHasNoDaylightSaving() {
        // every day's 09:00 maps to 01:00 UTC, all year round
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        var o = occ(line(1, Period.DAY, List.of(), "09:00", "10:00"), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        assertThat(o).hasSize(365);
        assertThat(o).allSatisfy(x -> assertThat(x.start().atZone(zone).toInstant().atZone(ZoneId.of("UTC")).getHour()).isEqualTo(1));
    }

    @Test
    void emptyRangeOrCountGivesNothing() {
        assertThat(occ(line(1, Period.DAY, List.of(), "09:00", "10:00"), MONDAY, MONDAY.minusDays(1))).isEmpty();
        assertThat(occ(line(0, Period.DAY, List.of(), "09:00", "10:00"), MONDAY, MONDAY)).isEmpty();
    }

    @Test
    void onlyVisitsBecomeOrders() {
        assertThat(OrderSchedule.deliveredByVisit(item("HOME_VISIT", ServiceUnit.VISIT, 30))).isTrue();
        assertThat(OrderSchedule.deliveredByVisit(item("MEAL_LUNCH", ServiceUnit.MEAL, 15))).isTrue();
        assertThat(OrderSchedule.deliveredByVisit(item("VOICE_CALL", ServiceUnit.TIME, 3))).isFalse();
        assertThat(OrderSchedule.deliveredByVisit(item("EMERGENCY_BUTTON", ServiceUnit.MONTH, 0))).isFalse();
        assertThat(OrderSchedule.deliveredByVisit(item("SOMETHING", ServiceUnit.TIME, 0))).isFalse();
        assertThat(OrderSchedule.deliveredByVisit(item("SUBSCRIPTION", ServiceUnit.MONTH, 30))).isFalse();
        assertThat(OrderSchedule.deliveredByVisit(null)).isFalse();
    }

    @Test
    void hourlyItemsCountHours() {
        assertThat(OrderSchedule.quantity(ServiceUnit.HOUR, 60)).isEqualTo(1);
        assertThat(OrderSchedule.quantity(ServiceUnit.HOUR, 61)).isEqualTo(2);
        assertThat(OrderSchedule.quantity(ServiceUnit.HOUR, 120)).isEqualTo(2);
        assertThat(OrderSchedule.quantity(ServiceUnit.VISIT, 120)).isEqualTo(1);
    }

    static ServiceItem item(String code, ServiceUnit unit, int minutes) {
        return new ServiceItem(code, code, code, "LIVING_CARE", ServicePackage.BASIC, unit, minutes, 1000, null, null, false, Qualification.NONE,
                (CaregiverLevel) null, null, List.of(), true);
    }

    static LocalDateTime at(LocalDate d, int h, int m) {
        return d.atTime(h, m);
    }
}
