package org.jujia.visit;

import java.time.Instant;

/**
 * A caregiver checked out: the service was delivered (its verification follows as {@link VisitVerified} or
 * {@link VisitFlagged}). {@code checkedInAt} is null when the caregiver never checked in.
 */
public record VisitCompleted(long visitId, long orderId, long elderId, String regionPath, long providerId, long caregiverUserId,
        String itemCode, Instant checkedInAt, Instant checkedOutAt, int actualMinutes, long amountFen) {
}
