package org.jujia.visit;

import java.time.Instant;

/**
 * A reviewer confirmed a visit as fraud (fake check-in, inflated duration): not billable, a penalty of 3 × the visit's
 * amount is recorded for settlement, and the caregiver is proposed for the blacklist.
 */
public record VisitFraudConfirmed(long visitId, long orderId, long elderId, String regionPath, long providerId, long caregiverUserId,
        String itemCode, long amountFen, long penaltyFen, String note, String confirmedBy, Instant confirmedAt) {
}
