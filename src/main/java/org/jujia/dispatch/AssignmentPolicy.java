package org.jujia.dispatch;

import java.util.List;
import java.util.Optional;
import org.jujia.workforce.Caregiver;
import org.jujia.workforce.Eligibility;

/**
 * Whether a caregiver may take an order (PLATFORM.md §6): the caregiver must work for the order's provider, be
 * {@link Eligibility#ELIGIBLE} by workforce's one assignability policy ({@code Workforce.assignability}: qualification
 * and level, certificate valid on the order's date, pre-job training complete, background check passed, never inactive
 * or on the blacklist, confirmed or pending, provider qualification not revoked), and have no other assigned order whose planned time {@code [windowStart, windowStart +
 * duration)} overlaps this one's (touching is fine). The first reason that applies, in this order, is the answer.
 */
final class AssignmentPolicy {

    private AssignmentPolicy() {
    }

    /** Why a caregiver cannot take the order. */
    enum Refusal {
        NOT_A_CAREGIVER, OTHER_PROVIDER, INACTIVE, BLACKLISTED, BLACKLIST_PENDING, LACKS_QUALIFICATION, LEVEL_TOO_LOW, PROVIDER_REVOKED,
        CERTIFICATE_INVALID, BACKGROUND_CHECK_MISSING, TRAINING_INCOMPLETE, BOOKED
    }

    /** The verdict: empty when the caregiver may take it; otherwise the reason, a message, and the clashing order if BOOKED. */
    record Verdict(Refusal refusal, String message, Long clashingOrderId) {

        static final Verdict OK = new Verdict(null, null, null);

        boolean allowed() {
            return refusal == null;
        }
    }

    /**
     * @param caregiver   the caregiver's profile (empty when the user has none)
     * @param eligibility the answer of {@code Workforce.assignability} for the order's qualification, level and date
     * @param assigned    the caregiver's other ASSIGNED orders near the order's time (any others are ignored)
     */
    static Verdict check(Order order, Optional<Caregiver> caregiver, Eligibility eligibility, List<Order> assigned) {
        if (caregiver.isEmpty()) {
            return new Verdict(Refusal.NOT_A_CAREGIVER, "user is not a caregiver", null);
        }
        Caregiver c = caregiver.get();
        if (c.providerId() != order.providerId()) {
            return new Verdict(Refusal.OTHER_PROVIDER, c.displayName() + " works for another provider (" + c.providerName() + ")", null);
        }
        Eligibility e = eligibility;
        if (!e.eligible()) {
            return new Verdict(Refusal.valueOf(e.name()), c.displayName() + " is not eligible for " + order.itemCode() + ": " + describe(e, order),
                    null);
        }
        for (Order other : assigned) {
            if (other.id() != order.id() && other.status() == OrderStatus.ASSIGNED && other.overlaps(order.windowStart(), order.busyUntil())) {
                return new Verdict(Refusal.BOOKED, c.displayName() + " is booked at that time (order " + other.id() + ", " + other.itemCode() + " for "
                        + other.elderName() + ")", other.id());
            }
        }
        return Verdict.OK;
    }

    /** The day of the order's planned start in Asia/Shanghai: the date certificates and training are checked for. */
    static java.time.LocalDate serviceDate(Order order) {
        return java.time.LocalDate.ofInstant(order.windowStart(), java.time.ZoneId.of("Asia/Shanghai"));
    }

    static String describe(Eligibility e, Order order) {
        return switch (e) {
            case ELIGIBLE -> "eligible";
            case INACTIVE -> "inactive";
            case BLACKLISTED -> "on the blacklist";
            case BLACKLIST_PENDING -> "proposed for the blacklist";
            case LACKS_QUALIFICATION -> "lacks the qualification " + order.requiredQualification();
            case LEVEL_TOO_LOW -> "level below the minimum " + order.minCaregiverLevel();
            case PROVIDER_REVOKED -> "the provider's operating qualification is revoked";
            case CERTIFICATE_INVALID -> "no certificate for " + order.requiredQualification() + " valid on the service date";
            case BACKGROUND_CHECK_MISSING -> "no passed background check";
            case TRAINING_INCOMPLETE -> "pre-job training (160 h) not complete";
        };
    }
}
