package org.jujia.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * After {@code maxFailures} consecutive failed logins an account is locked for {@code lockout}; a success
 * resets the count.
 */
record LoginThrottlePolicy(int maxFailures, Duration lockout) {

    /** The instant until which the account must be locked after this many consecutive failures, if any. */
    Optional<Instant> lockAfter(int consecutiveFailures, Instant now) {
        return consecutiveFailures >= maxFailures ? Optional.of(now.plus(lockout)) : Optional.empty();
    }
}
