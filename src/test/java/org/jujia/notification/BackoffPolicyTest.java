package org.jujia.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffPolicyTest {

    final BackoffPolicy policy = new BackoffPolicy(Duration.ofSeconds(1), Duration.ofMinutes(5), 5, 20);

    @Test
    void delaysDoubleFromTheInitialBackoff() {
        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.delayAfter(9)).isEqualTo(Duration.ofSeconds(256));
    }

    @Test
    void delaysAreCappedAtTheBoundary() {
        // 2^8 = 256 s < 300 s cap; 2^9 = 512 s > cap
        assertThat(policy.delayAfter(9)).isLessThan(Duration.ofMinutes(5));
        assertThat(policy.delayAfter(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.delayAfter(1_000)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aCapEqualToAPowerIsReachedExactly() {
        var p = new BackoffPolicy(Duration.ofMillis(500), Duration.ofSeconds(4), 3, 5);
        assertThat(p.delayAfter(4)).isEqualTo(Duration.ofSeconds(4));
        assertThat(p.delayAfter(5)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void urgentNotificationsAreFailingAfterNAttemptsAndNeverGivenUp() {
        assertThat(policy.statusAfterFailure(1, true)).isEqualTo(OutboxStatus.FAILED_RETRYING);
        assertThat(policy.statusAfterFailure(4, true)).isEqualTo(OutboxStatus.FAILED_RETRYING);
        assertThat(policy.statusAfterFailure(5, true)).isEqualTo(OutboxStatus.FAILING);
        assertThat(policy.statusAfterFailure(20, true)).isEqualTo(OutboxStatus.FAILING);
        assertThat(policy.statusAfterFailure(10_000, true)).isEqualTo(OutboxStatus.FAILING);
    }

    @Test
    void routineNotificationsAreGivenUpAtTheMaximum() {
        assertThat(policy.statusAfterFailure(4, false)).isEqualTo(OutboxStatus.FAILED_RETRYING);
        assertThat(policy.statusAfterFailure(5, false)).isEqualTo(OutboxStatus.FAILING);
        assertThat(policy.statusAfterFailure(19, false)).isEqualTo(OutboxStatus.FAILING);
        assertThat(policy.statusAfterFailure(20, false)).isEqualTo(OutboxStatus.GAVE_UP);
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> policy.delayAfter(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackoffPolicy(Duration.ZERO, Duration.ofSeconds(1), 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackoffPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyWaitingStatusesAreRetried() {
        assertThat(OutboxStatus.PENDING.retryable()).isTrue();
        assertThat(OutboxStatus.FAILED_RETRYING.retryable()).isTrue();
        assertThat(OutboxStatus.FAILING.retryable()).isTrue();
        assertThat(OutboxStatus.SENDING.retryable()).isFalse();
        assertThat(OutboxStatus.DELIVERED.retryable()).isFalse();
        assertThat(OutboxStatus.GAVE_UP.retryable()).isFalse();
    }
}
