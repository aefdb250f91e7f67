package org.jujia.dispatch;

import java.time.Instant;

/**
 * An order was cancelled (its care plan ended or changed, the booking was withdrawn, the elder left): any visit
 * scheduled for it is cancelled too. {@code caregiverUserId} is the caregiver it was assigned to, if any.
 */
public record OrderCancelled(long orderId, long elderId, Long caregiverUserId, String reason, Instant cancelledAt) {
}
