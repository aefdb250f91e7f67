package org.jujia.visit;

import java.time.Instant;

/**
 * A visit passed verification at check-out, or a reviewer cleared its flags ({@code cleared} true, with the note): it is
 * billable for {@code amountFen}.
 */
public record VisitVerified(long visitId, long orderId, long elderId, String regionPath, long providerId, long caregiverUserId,
        String itemCode, int quantity, long amountFen, Instant serviceDate, boolean cleared, String reviewNote, Instant verifiedAt) {
}
