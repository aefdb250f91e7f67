package org.jujia.dispatch;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.jujia.catalogue.CaregiverLevel;
import org.jujia.catalogue.Qualification;
import org.jujia.shared.ConflictException;
import org.jujia.shared.ValidationException;

/**
 * A service order (PLATFORM.md §6): one visit of a catalogue item to an elder in a time window, with the price frozen
 * when it was made (from the care-plan line, or the catalogue price on the service date for a booking). The aggregate
 * guards its transitions ({@link OrderStatus}); each returns the order as it is afterwards and never changes this one.
 *
 * @param windowStart        when the visit should begin at the earliest; the caregiver is busy over
 *                           {@code [windowStart, windowStart + durationMinutes)}
 * @param quantity           units of the item the visit delivers (1; hours for an hourly item)
 * @param carePlanId         the plan it was generated from, with the line's position ({@code planLine})
 * @param bookedByUserId     who booked it (bookings and staff orders)
 */
public record Order(long id, long elderId, String elderName, String regionPath, String itemCode, String itemName, LocalDate serviceDate,
        Instant windowStart, Instant windowEnd, int durationMinutes, int quantity, long unitPriceFen, Qualification requiredQualification,
        CaregiverLevel minCaregiverLevel, OrderPriority priority, long providerId, String providerName, OrderSource source, Long carePlanId,
        Integer planLine, OrderStatus status, Long caregiverUserId, String caregiverName, String refusalReason, String cancelReason, String note,
        Long bookedByUserId, Instant createdAt, String createdBy, int rowVersion) {

    static final int MAX_REASON = 500;

    /** unit price × quantity, in fen */
    @JsonProperty
    public long amountFen() {
        return unitPriceFen * quantity;
    }

    /** When the caregiver is free again: {@code windowStart + durationMinutes}. */
    @JsonProperty
    public Instant busyUntil() {
        return windowStart.plus(Duration.ofMinutes(durationMinutes));
    }

    /** Whether the visit's planned time {@code [windowStart, busyUntil)} overlaps another's (touching does not). */
    boolean overlaps(Instant start, Instant end) {
        return windowStart.isBefore(end) && start.isBefore(busyUntil());
    }

    /** Not started: the window opens after {@code now}. */
    boolean notStartedAt(Instant now) {
        return windowStart.isAfter(now);
    }

    // ------------------------------------------------------------------ transitions

    Order accept() {
        require("accept", OrderStatus.PENDING);
        return with(OrderStatus.ACCEPTED, null, providerId, providerName, null, cancelReason);
    }

    /** The provider refuses (also after accepting or assigning: the caregiver is dropped). */
    Order refuse(String reason) {
        require("refuse", OrderStatus.PENDING, OrderStatus.ACCEPTED, OrderStatus.ASSIGNED);
        return with(OrderStatus.REFUSED, null, providerId, providerName, reason(reason, "reason"), cancelReason);
    }

    /** A caregiver takes the accepted order, or another caregiver takes it over. */
    Order assign(long caregiver, String name) {
        require("assign", OrderStatus.ACCEPTED, OrderStatus.ASSIGNED);
        if (caregiverUserId != null && caregiverUserId == caregiver) {
            throw new ConflictException("caregiverUserId", "order " + id + " is already assigned to caregiver " + caregiver);
        }
        return new Order(id, elderId, elderName, regionPath, itemCode, itemName, serviceDate, windowStart, windowEnd, durationMinutes, quantity,
                unitPriceFen, requiredQualification, minCaregiverLevel, priority, providerId, providerName, source, carePlanId, planLine,
                OrderStatus.ASSIGNED, caregiver, name, null, cancelReason, note, bookedByUserId, createdAt, createdBy, rowVersion);
    }

    /** The caregiver is taken off; the order stays accepted. */
    Order unassign() {
        require("unassign", OrderStatus.ASSIGNED);
        return with(OrderStatus.ACCEPTED, null, providerId, providerName, null, cancelReason);
    }

    /** The street moves a pending or refused order to another provider: it awaits that provider's acceptance. */
    Order moveTo(long newProvider, String newProviderName, String reason) {
        require("move", OrderStatus.PENDING, OrderStatus.REFUSED);
        reason(reason, "reason");
        if (newProvider == providerId) {
            throw ValidationException.of("providerId", "same", "order " + id + " is already with provider " + newProvider);
        }
        return with(OrderStatus.PENDING, null, newProvider, newProviderName, null, cancelReason);
    }

    Order cancel(String reason) {
        require("cancel", OrderStatus.PENDING, OrderStatus.ACCEPTED, OrderStatus.ASSIGNED, OrderStatus.REFUSED);
        return with(OrderStatus.CANCELLED, null, providerId, providerName, refusalReason, reason(reason, "reason"));
    }

    // ------------------------------------------------------------------ guards

    private void require(String what, OrderStatus... allowed) {
        for (OrderStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new ConflictException("status", "cannot " + what + " order " + id + ": it is " + status);
    }

    private static String reason(String reason, String field) {
        if (reason == null || reason.isBlank()) {
            throw ValidationException.of(field, "required", "give a reason");
        }
        if (reason.trim().length() > MAX_REASON) {
            throw ValidationException.of(field, "length", "the reason is at most " + MAX_REASON + " characters");
        }
        return reason.trim();
    }

    private Order with(OrderStatus s, Long caregiver, long provider, String providerNameNew, String refusal, String cancel) {
        return new Order(id, elderId, elderName, regionPath, itemCode, itemName, serviceDate, windowStart, windowEnd, durationMinutes, quantity,
                unitPriceFen, requiredQualification, minCaregiverLevel, priority, provider, providerNameNew, source, carePlanId, planLine, s,
                caregiver, caregiver == null ? null : caregiverName, refusal, cancel, note, bookedByUserId, createdAt, createdBy, rowVersion);
    }
}
