package org.jujia.dispatch;

import java.time.Instant;

/** A service order was created (from a care plan, a booking, staff or an urgent request). */
public record OrderCreated(long orderId, long elderId, String itemCode, long providerId, OrderSource source, OrderPriority priority,
        Instant windowStart, Instant windowEnd, int durationMinutes, Long carePlanId, Instant createdAt) {
}
