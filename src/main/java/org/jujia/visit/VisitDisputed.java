package org.jujia.visit;

import java.time.Instant;

/** The elder or family disputed a visit: a complaint ({@code disputeId}, status OPEN) was opened for oversight. */
public record VisitDisputed(long visitId, long orderId, long elderId, String regionPath, long providerId, long caregiverUserId,
        long disputeId, String reason, Instant disputedAt) {
}
