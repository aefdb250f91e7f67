package org.jujia.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jujia.dispatch.VoiceCallStreak.Day.ANSWERED;
import static org.jujia.dispatch.VoiceCallStreak.Day.FAILED;
import static org.jujia.dispatch.VoiceCallStreak.Day.PENDING;
import static org.jujia.dispatch.VoiceCallStreak.Day.UNANSWERED;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VoiceCallStreakTest {

    static final LocalDate D = LocalDate.of(2026, 11, 29);
    final VoiceCallStreak policy = new VoiceCallStreak(3);

    /** Days ending on D: the last argument is D, the one before it D-1, and so on; null = no task that day. */
    static Map<LocalDate, VoiceCallStreak.Day> days(VoiceCallStreak.Day... days) {
        Map<LocalDate, VoiceCallStreak.Day> m = new HashMap<>();
        for (int i = 0; i < days.length; i++) {
            if (days[i] != null) {
                m.put(D.minusDays(days.length - 1 - i), days[i]);
            }
        }
        return m;
    }

    @Test
    void twoUnansweredDaysAreNotYetUrgent() {
        assertThat(policy.urgent(D, days(ANSWERED, UNANSWERED, UNANSWERED))).isEmpty();
        assertThat(VoiceCallStreak.endingOn(D, days(ANSWERED, UNANSWERED, UNANSWERED))).hasValueSatisfying(r -> assertThat(r.days()).isEqualTo(2));
    }

    @Test
    void threeUnansweredDaysAreUrgentWithTheirDates() {
        var run = policy.urgent(D, days(ANSWERED, UNANSWERED, UNANSWERED, UNANSWERED));
        assertThat(run).hasValueSatisfying(r -> {
            assertThat(r.days()).isEqualTo(3);
            assertThat(r.first()).isEqualTo(D.minusDays(2));
            assertThat(r.last()).isEqualTo(D);
            assertThat(r.reference()).isEqualTo("voice-call:2026-11-27..2026-11-29");
        });
    }

    @Test
    void aFourthDayKeepsTheSameStreakIdentifiedByItsFirstDate() {
        var run = policy.urgent(D, days(UNANSWERED, UNANSWERED, UNANSWERED, UNANSWERED));
        assertThat(run).hasValueSatisfying(r -> {
            assertThat(r.days()).isEqualTo(4);
            assertThat(r.first()).isEqualTo(D.minusDays(3));
        });
    }

    @Test
    void anAnsweredDayResetsTheStreak() {
        assertThat(policy.urgent(D, days(UNANSWERED, UNANSWERED, ANSWERED, UNANSWERED, UNANSWERED))).isEmpty();
        assertThat(policy.urgent(D, days(UNANSWERED, UNANSWERED, UNANSWERED, ANSWERED))).isEmpty();
    }

    @Test
    void aDayWithoutATaskBreaksTheStreak() {
        // the plan started two days ago: only two days of calls so far
        assertThat(policy.urgent(D, days(null, UNANSWERED, UNANSWERED))).isEmpty();
        assertThat(policy.urgent(D, days(UNANSWERED, UNANSWERED, null, UNANSWERED, UNANSWERED))).isEmpty();
    }

    @Test
    void aFailedDayIsPassedOverNeitherCountingNorBreaking() {
        assertThat(policy.urgent(D, days(UNANSWERED, FAILED, UNANSWERED))).isEmpty();
        assertThat(policy.urgent(D, days(UNANSWERED, FAILED, UNANSWERED, UNANSWERED))).hasValueSatisfying(r -> {
            assertThat(r.days()).isEqualTo(3);
            assertThat(r.first()).isEqualTo(D.minusDays(3));
        });
    }

    @Test
    void onlyAnUnansweredLastDayEndsARun() {
        assertThat(policy.urgent(D, days(UNANSWERED, UNANSWERED, UNANSWERED, FAILED))).isEmpty();
        assertThat(policy.urgent(D, days(UNANSWERED, UNANSWERED, UNANSWERED, PENDING))).isEmpty();
        assertThat(policy.urgent(D, days(UNANSWERED, UNANSWERED, UNANSWERED, null))).isEmpty();
    }

    @Test
    void theCurrentRunLooksPastAPendingOrFailedToday() {
        assertThat(VoiceCallStreak.current(D, days(ANSWERED, UNANSWERED, UNANSWERED, PENDING)))
                .hasValueSatisfying(r -> assertThat(r.days()).isEqualTo(2));
        assertThat(VoiceCallStreak.current(D, days(UNANSWERED, UNANSWERED, ANSWERED))).isEmpty();
        assertThat(VoiceCallStreak.current(D, days())).isEmpty();
    }

    @Test
    void theThresholdIsConfigurable() {
        assertThat(new VoiceCallStreak(2).urgent(D, days(ANSWERED, UNANSWERED, UNANSWERED))).isPresent();
        assertThat(new VoiceCallStreak(1).urgent(D, days(UNANSWERED))).isPresent();
        assertThatThrownBy(() -> new VoiceCallStreak(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
