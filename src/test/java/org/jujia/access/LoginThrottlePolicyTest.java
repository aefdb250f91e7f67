package org.jujia.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottlePolicyTest {

    final LoginThrottlePolicy policy = new LoginThrottlePolicy(5, Duration.ofMinutes(15));
    final Instant now = Instant.parse("2026-11-23T02:00:00Z");

    @Test
    void fourFailuresDoNotLock() {
        assertThat(policy.lockAfter(4, now)).isEmpty();
    }

    @Test
    void theFifthFailureLocksForFifteenMinutes() {
        assertThat(policy.lockAfter(5, now)).contains(now.plus(Duration.ofMinutes(15)));
    }
}
