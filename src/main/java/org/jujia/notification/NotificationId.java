package org.jujia.notification;

/** The id of a persisted notification (its outbox row); sent to the channel as the idempotency key. */
public record NotificationId(long value) {
}
