package org.jujia.notification;

import java.time.Instant;

/**
 * A notification as operators see it: the recipient masked, the status ({@code PENDING, SENDING, DELIVERED,
 * FAILED_RETRYING, FAILING} — failing means it has failed many times and is still being retried) and its attempts.
 */
public record NotificationView(long id, Channel channel, String recipientMasked, String status, int attempts, Instant enqueuedAt,
        Instant lastAttemptAt, Instant deliveredAt, String lastError) {
}
