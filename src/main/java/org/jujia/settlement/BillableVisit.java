package org.jujia.settlement;

import java.time.Instant;

/** A verified visit as settlement keeps it: what to bill, and the EVV elements of check-in and check-out for claim files. */
record BillableVisit(long visitId, long orderId, long elderId, String regionPath, long providerId, long caregiverUserId, String itemCode,
        int quantity, long amountFen, Instant serviceAt, Instant verifiedAt, boolean cleared, Instant inAt, Double inLat, Double inLon,
        Double inAccuracy, Integer inFace, Instant outAt, Double outLat, Double outLon, Double outAccuracy, Integer outFace) {
}
