package org.jujia.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class VoiceCallScheduleTest {

    final VoiceCallSchedule schedule = new VoiceCallProperties(null, null, null, null, null, null, null, null).schedule();

    static LocalTime t(String s) {
        return LocalTime.parse(s);
    }

    @Test
    void defaultsAreNineElevenAndThreeWithAnEightPmCutOff() {
        assertThat(schedule.attemptTimes()).containsExactly(t("09:00"), t("11:00"), t("15:00"));
        assertThat(schedule.cutoff()).isEqualTo(t("20:00"));
        assertThat(schedule.maxAttempts()).isEqualTo(3);
    }

    @Test
    void attemptsBecomeDueAtTheirMinute() {
        assertThat(schedule.attemptsDue(t("08:59:59"))).isZero();
        assertThat(schedule.attemptsDue(t("09:00"))).isEqualTo(1);
        assertThat(schedule.attemptsDue(t("10:59"))).isEqualTo(1);
        assertThat(schedule.attemptsDue(t("11:00"))).isEqualTo(2);
        assertThat(schedule.attemptsDue(t("14:59"))).isEqualTo(2);
        assertThat(schedule.attemptsDue(t("15:00"))).isEqualTo(3);
        assertThat(schedule.attemptsDue(t("19:59"))).isEqualTo(3);
    }

    @Test
    void callsArePlacedOnlyBetweenTheFirstAttemptAndTheCutOff() {
        assertThat(schedule.open(t("08:59"))).isFalse();
        assertThat(schedule.open(t("09:00"))).isTrue();
        assertThat(schedule.open(t("19:59:59"))).isTrue();
        assertThat(schedule.open(t("20:00"))).isFalse();
        assertThat(schedule.open(t("23:30"))).isFalse();
    }

    @Test
    void aRetryWaitsForItsTimeAndIsPlacedOncePerRun() {
        // first call at 09:05, no answer: nothing more until 11:00
        assertThat(schedule.callNow(0, t("09:05"))).isTrue();
        assertThat(schedule.callNow(1, t("09:10"))).isFalse();
        assertThat(schedule.callNow(1, t("10:59"))).isFalse();
        assertThat(schedule.callNow(1, t("11:00"))).isTrue();
        assertThat(schedule.callNow(2, t("11:05"))).isFalse();
        assertThat(schedule.callNow(2, t("15:00"))).isTrue();
        assertThat(schedule.callNow(3, t("15:05"))).isFalse();
        assertThat(schedule.callNow(3, t("19:00"))).isFalse();
    }

    @Test
    void aNodeThatWasDownCatchesUpButNotAfterTheCutOff() {
        // down all morning: at 16:00 one call is due (three were), the next run places the second
        assertThat(schedule.callNow(0, t("16:00"))).isTrue();
        assertThat(schedule.callNow(1, t("16:05"))).isTrue();
        assertThat(schedule.callNow(0, t("20:00"))).isFalse();
    }

    @Test
    void theNextAttemptTime() {
        assertThat(schedule.nextAttempt(0)).contains(t("09:00"));
        assertThat(schedule.nextAttempt(1)).contains(t("11:00"));
        assertThat(schedule.nextAttempt(2)).contains(t("15:00"));
        assertThat(schedule.nextAttempt(3)).isEmpty();
    }

    @Test
    void badSchedulesAreRefused() {
        assertThatThrownBy(() -> new VoiceCallSchedule(List.of(), t("20:00"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VoiceCallSchedule(List.of(t("11:00"), t("09:00")), t("20:00"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VoiceCallSchedule(List.of(t("09:00"), t("09:00")), t("20:00"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VoiceCallSchedule(List.of(t("09:00"), t("20:00")), t("20:00"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(new VoiceCallSchedule(List.of(t("10:00")), t("10:01")).maxAttempts()).isEqualTo(1);
    }
}
