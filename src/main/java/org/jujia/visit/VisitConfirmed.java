package org.jujia.visit;

import java.time.Instant;

/** The elder or family confirmed a visit ({@code method}: APP, PIN, SMS or SIGNATURE). */
public record VisitConfirmed(long visitId, long orderId, long elderId, String regionPath, long providerId, long caregiverUserId,
        ConfirmationMethod method, Instant confirmedAt) {
}
