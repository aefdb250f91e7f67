package org.jujia.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Complaint deadlines in working days across weekends and holidays, Asia/Shanghai. 2026-11-27 is a Friday. */
class WorkingDaysTest {

    private final WorkingDays wd = new WorkingDays(Set.of());

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingDays.ZONE).toInstant();
    }

    @Test
    void filed_on_a_weekday_one_working_day_ends_at_the_end_of_the_next_day() {
        // Tuesday 10:00 → by the end of Wednesday
        assertThat(wd.deadline(at("2026-11-24T10:00"), 1)).isEqualTo(at("2026-11-26T00:00"));
    }

    @Test
    void filed_on_friday_one_working_day_skips_the_weekend() {
        assertThat(wd.lastDay(at("2026-11-27T16:30"), 1)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(wd.deadline(at("2026-11-27T16:30"), 1)).isEqualTo(at("2026-12-01T00:00"));
    }

    @Test
    void filed_on_saturday_or_sunday_the_first_working_day_is_monday() {
        assertThat(wd.lastDay(at("2026-11-28T09:00"), 1)).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(wd.lastDay(at("2026-11-29T23:59"), 1)).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void seven_working_days_from_friday_end_on_the_tuesday_week_after() {
        // Mon 30, Tue 1, Wed 2, Thu 3, Fri 4, (weekend), Mon 7, Tue 8
        assertThat(wd.lastDay(at("2026-11-27T10:00"), 7)).isEqualTo(LocalDate.of(2026, 12, 8));
        assertThat(wd.deadline(at("2026-11-27T10:00"), 7)).isEqualTo(at("2026-12-09T00:00"));
    }

    @Test
    void the_day_is_the_shanghai_day_not_utc() {
        // 2026-11-27T17:00Z is Saturday 01:00 in Shanghai: the deadline is the end of Monday, not of Monday via Friday
        Instant saturdayInShanghai = Instant.parse("2026-11-27T17:00:00Z");
        assertThat(wd.lastDay(saturdayInShanghai, 1)).isEqualTo(LocalDate.of(2026, 11, 30));
        // 2026-11-26T15:59:59Z is Thursday 23:59:59 in Shanghai: one working day → Friday
        assertThat(wd.lastDay(Instant.parse("2026-11-26T15:59:59Z"), 1)).isEqualTo(LocalDate.of(2026, 11, 27));
    }

    @Test
    void a_holiday_does_not_count() {
        WorkingDays national = new WorkingDays(Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2)));
        // Wednesday 30 Sep → Thu 1 and Fri 2 Oct are holidays, weekend → Monday 5 Oct
        assertThat(national.lastDay(at("2026-09-30T11:00"), 1)).isEqualTo(LocalDate.of(2026, 10, 5));
    }

    @Test
    void zero_working_days_is_the_day_itself_or_the_next_working_day() {
        assertThat(wd.lastDay(at("2026-11-24T10:00"), 0)).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(wd.lastDay(at("2026-11-28T10:00"), 0)).isEqualTo(LocalDate.of(2026, 11, 30));
    }
}
