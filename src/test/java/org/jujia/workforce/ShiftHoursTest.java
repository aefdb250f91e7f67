package org.jujia.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** Shift hours as people write them in a shift pattern. */
class ShiftHoursTest {

    @Test
    void hours_are_read_however_they_are_written() {
        assertThat(ShiftHours.of("白班 08:00-17:00")).contains(new ShiftHours(LocalTime.of(8, 0), LocalTime.of(17, 0)));
        assertThat(ShiftHours.of("早班 7:00～15:30")).contains(new ShiftHours(LocalTime.of(7, 0), LocalTime.of(15, 30)));
        assertThat(ShiftHours.of("8：00 至 17：30")).contains(new ShiftHours(LocalTime.of(8, 0), LocalTime.of(17, 30)));
        assertThat(ShiftHours.of("晚班 14:00 - 24:00")).contains(new ShiftHours(LocalTime.of(14, 0), LocalTime.MAX));
    }

    @Test
    void a_shift_past_midnight_keeps_the_part_of_the_day_it_starts_in() {
        ShiftHours night = ShiftHours.of("夜班 22:00-06:00").orElseThrow();
        assertThat(night).isEqualTo(new ShiftHours(LocalTime.of(22, 0), LocalTime.MAX));
        assertThat(night.startSecond()).isEqualTo(22 * 3600);
        assertThat(night.endSecond()).isEqualTo(24 * 3600);
    }

    @Test
    void patterns_without_hours_or_with_impossible_ones_have_none() {
        assertThat(ShiftHours.of("做五休二")).isEmpty();
        assertThat(ShiftHours.of("两班倒")).isEmpty();
        assertThat(ShiftHours.of(null)).isEmpty();
        assertThat(ShiftHours.of("25:00-26:00")).isEmpty();
        assertThat(ShiftHours.of("08:60-17:00")).isEmpty();
        assertThat(ShiftHours.of("08:00-08:00")).as("24 hours from 08:00: the rest of the day").contains(new ShiftHours(LocalTime.of(8, 0), LocalTime.MAX));
    }

    @Test
    void a_visit_is_covered_from_the_start_of_the_shift_to_its_end_inclusive() {
        ShiftHours day = ShiftHours.of("白班 08:00-17:00").orElseThrow();
        assertThat(day.covers(LocalTime.of(8, 0), 3600)).isTrue();
        assertThat(day.covers(LocalTime.of(7, 59), 3600)).isFalse();
        assertThat(day.covers(LocalTime.of(16, 0), 3600)).as("ends at 17:00").isTrue();
        assertThat(day.covers(LocalTime.of(16, 0), 3601)).isFalse();
        assertThat(ShiftHours.of("夜班 22:00-06:00").orElseThrow().covers(LocalTime.of(23, 0), 3600)).as("until midnight").isTrue();
    }
}
