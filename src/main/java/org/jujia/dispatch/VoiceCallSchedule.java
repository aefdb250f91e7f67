package org.jujia.dispatch;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * When the day's calls are placed (a named policy): the first attempt at {@code attemptTimes[0]} (default 09:00
 * Asia/Shanghai), a retry at each later time (default 11:00 and 15:00) while the elder has not answered, nothing from
 * the {@code cutoff} on (default 20:00). The round runs every few minutes and catches up: an attempt is due once its
 * time has come, so a node that was down at 09:00 calls at its next run — but one attempt per run, never two back
 * to back.
 */
record VoiceCallSchedule(List<LocalTime> attemptTimes, LocalTime cutoff) {

    VoiceCallSchedule {
        if (attemptTimes == null || attemptTimes.isEmpty() || cutoff == null) {
            throw new IllegalArgumentException("at least one attempt time and a cut-off are required");
        }
        attemptTimes = List.copyOf(attemptTimes);
        for (int i = 1; i < attemptTimes.size(); i++) {
            if (!attemptTimes.get(i).isAfter(attemptTimes.get(i - 1))) {
                throw new IllegalArgumentException("attempt times must be ascending: " + attemptTimes);
            }
        }
        if (!cutoff.isAfter(attemptTimes.getLast())) {
            throw new IllegalArgumentException("the cut-off " + cutoff + " must come after the last attempt " + attemptTimes.getLast());
        }
    }

    /** Attempts a day allows. */
    int maxAttempts() {
        return attemptTimes.size();
    }

    /** Are calls placed at this time of day (from the first attempt time, before the cut-off)? */
    boolean open(LocalTime time) {
        return !time.isBefore(attemptTimes.getFirst()) && time.isBefore(cutoff);
    }

    /** How many attempts should have been made by this time of day (0 before the first; none are placed after the cut-off). */
    int attemptsDue(LocalTime time) {
        int due = 0;
        for (LocalTime t : attemptTimes) {
            if (!time.isBefore(t)) {
                due++;
            }
        }
        return due;
    }

    /** Should a task with {@code made} attempts (none answered) be called now? */
    boolean callNow(int made, LocalTime time) {
        return open(time) && made < attemptsDue(time);
    }

    /** When the next attempt after {@code made} ones is due; empty when the day has none left. */
    Optional<LocalTime> nextAttempt(int made) {
        return made < attemptTimes.size() ? Optional.of(attemptTimes.get(made)) : Optional.empty();
    }
}
