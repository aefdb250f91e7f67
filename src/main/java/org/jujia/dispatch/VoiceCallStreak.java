package org.jujia.dispatch;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Consecutive days without an answered daily call (a named policy, PLATFORM.md §4): walking back over the elder's
 * days from the given date, each UNANSWERED day (the phone rang on every attempt, never picked up) counts; an ANSWERED
 * day or a date without a task (no plan yet, a weekday the plan skips, the round did not run) ends the streak; a
 * FAILED day (no call reached the phone network: gateway down, no number) is no evidence either way and is passed
 * over. At {@code threshold} days (default 3) an urgent home visit is requested — once per streak, the streak being
 * identified by its first unanswered date.
 */
record VoiceCallStreak(int threshold) {

    /** How an elder's day of calls ended (a day still PENDING is not a closed day and ends the walk). */
    enum Day { ANSWERED, UNANSWERED, FAILED, PENDING }

    /** A run of unanswered days: its first and last date and how many unanswered days it holds. */
    record Run(LocalDate first, LocalDate last, int days) {

        String reference() {
            return "voice-call:" + first + ".." + last;
        }
    }

    VoiceCallStreak {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
    }

    /** The run of unanswered days ending on {@code last} (which must itself be UNANSWERED), if any. */
    static Optional<Run> endingOn(LocalDate last, Map<LocalDate, Day> days) {
        if (days.get(last) != Day.UNANSWERED) {
            return Optional.empty();
        }
        LocalDate first = last;
        int count = 0;
        LocalDate d = last;
        while (true) {
            Day day = days.get(d);
            if (day == Day.UNANSWERED) {
                count++;
                first = d;
            } else if (day != Day.FAILED) {
                break;
            }
            d = d.minusDays(1);
        }
        return Optional.of(new Run(first, last, count));
    }

    /** The run ending on {@code last} when it is long enough to request an urgent visit. */
    Optional<Run> urgent(LocalDate last, Map<LocalDate, Day> days) {
        return endingOn(last, days).filter(r -> r.days() >= threshold);
    }

    /**
     * The elder's current run as of {@code today}: ending today if today is closed unanswered, else ending on the latest
     * closed day before (today still pending or failed does not break yesterday's run; an answered today does).
     */
    static Optional<Run> current(LocalDate today, Map<LocalDate, Day> days) {
        LocalDate d = today;
        while (days.get(d) == Day.PENDING || days.get(d) == Day.FAILED) {
            d = d.minusDays(1);
        }
        return endingOn(d, days);
    }
}
