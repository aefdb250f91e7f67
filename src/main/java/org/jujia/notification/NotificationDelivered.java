package org.jujia.notification;

import java.time.Instant;

/** Published (as a Spring Modulith application event) when a channel has acknowledged a notification. */
public record NotificationDelivered(long id, Channel channel, String reference, Instant enqueuedAt, Instant deliveredAt, int attempts) {
}
