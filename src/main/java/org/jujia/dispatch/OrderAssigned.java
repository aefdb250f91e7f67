package org.jujia.dispatch;

import java.time.Instant;

/**
 * A caregiver was assigned to an accepted order, or the order moved to another caregiver ({@code previousCaregiverUserId}
 * then names who had it): the visit module schedules (or moves) the visit from this.
 *
 * @param elderRegionPath  the elder's region path, for jurisdiction scoping of the visit
 * @param windowStart      the start of the time window in which the visit should begin
 * @param windowEnd        its end
 * @param durationMinutes  the planned duration of the visit
 * @param unitPriceFen     the price of one unit of the item for this order (frozen from the care plan or quote)
 * @param quantity         units of the item the visit delivers (1 for a visit; hours for an hourly item)
 */
public record OrderAssigned(long orderId, long elderId, String elderRegionPath, String itemCode, long providerId, long caregiverUserId,
        Long previousCaregiverUserId, OrderPriority priority, Instant windowStart, Instant windowEnd, int durationMinutes, long unitPriceFen,
        int quantity, Long carePlanId, Instant assignedAt) {

    /** The amount the visit would earn when verified: unit price × quantity, in fen. */
    public long amountFen() {
        return unitPriceFen * quantity;
    }
}
