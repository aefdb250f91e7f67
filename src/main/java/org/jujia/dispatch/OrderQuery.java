package org.jujia.dispatch;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A search of orders: service dates {@code from}..{@code to} (inclusive), statuses (any when empty), priority, provider,
 * elder, caregiver — each optional. The caller's scope is added by {@link DispatchManagement}.
 */
public record OrderQuery(LocalDate from, LocalDate to, Set<OrderStatus> statuses, OrderPriority priority, Long providerId, Long elderId,
        Long caregiverUserId) {

    public OrderQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    /**
     * What a caller may see: orders under {@code regionLike}, and further only of one provider (provider operators), of
     * one caregiver (caregivers) or of some elders (family members).
     */
    record Scope(String regionLike, Long providerId, Long caregiverUserId, List<Long> elderIds) {
    }
}
