package org.jujia.visit;

import java.time.Instant;
import java.util.Set;

/** A visit failed verification at check-out: it waits in the review queue and is not billable. */
public record VisitFlagged(long visitId, long orderId, long elderId, String regionPath, long providerId, long caregiverUserId,
        String itemCode, Set<VisitFlag> flags, Instant flaggedAt) {
}
