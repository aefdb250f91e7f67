package org.jujia.notification;

import java.time.Duration;

/**
 * When to try a failed notification again, and what it is called meanwhile. Delays double from the initial backoff
 * up to the cap ({@code initial × 2^(attempts-1)}, attempts counting the one that just failed). Urgent notifications
 * are never given up: after {@code failingAfter} attempts they are FAILING (operators see them) and still retried;
 * other notifications are given up after {@code maxAttempts}.
 */
record BackoffPolicy(Duration initial, Duration cap, int failingAfter, int maxAttempts) {

    BackoffPolicy {
        if (initial.isNegative() || initial.isZero() || cap.compareTo(initial) < 0 || failingAfter < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("invalid backoff: " + initial + ", " + cap + ", " + failingAfter + ", " + maxAttempts);
        }
    }

    /** The delay after the given number of attempts (at least 1), capped. */
    Duration delayAfter(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
        }
        long capMillis = cap.toMillis();
        long delay = initial.toMillis();
        for (int i = 1; i < attempts && delay < capMillis; i++) {
            delay *= 2;
        }
        return Duration.ofMillis(Math.min(delay, capMillis));
    }

    /** The status of a notification whose latest attempt (number {@code attempts}) failed. */
    OutboxStatus statusAfterFailure(int attempts, boolean urgent) {
        if (!urgent && attempts >= maxAttempts) {
            return OutboxStatus.GAVE_UP;
        }
        return attempts >= failingAfter ? OutboxStatus.FAILING : OutboxStatus.FAILED_RETRYING;
    }
}
