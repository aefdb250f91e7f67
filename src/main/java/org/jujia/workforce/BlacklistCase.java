package org.jujia.workforce;

import java.util.EnumMap;
import java.util.Map;
import org.jujia.shared.ConflictException;

/**
 * A blacklist case (PLATFORM.md §9): a proposal with evidence becomes a lifelong ban only when street, civil affairs
 * and police have each confirmed it — three confirmations by three different users, one per party. Two of three is
 * still PROPOSED; the same user cannot confirm twice (not even for another party); a party confirms once. Only civil
 * affairs corrects a case (an open proposal becomes REJECTED, a ban CORRECTED), always with a reason.
 */
final class BlacklistCase {

    enum Party {
        STREET, CIVIL_AFFAIRS, POLICE
    }

    private final String status;
    private final Map<Party, Long> confirmations;

    BlacklistCase(String status, Map<Party, Long> confirmations) {
        this.status = status;
        this.confirmations = confirmations.isEmpty() ? new EnumMap<>(Party.class) : new EnumMap<>(confirmations);
    }

    String status() {
        return status;
    }

    Map<Party, Long> confirmations() {
        return Map.copyOf(confirmations);
    }

    /** The case after {@code userId} confirmed it for {@code party}; CONFIRMED once all three parties have. */
    BlacklistCase confirm(Party party, long userId) {
        if (!"PROPOSED".equals(status)) {
            throw new ConflictException("status", "the case is " + status + "; only a proposed case can be confirmed");
        }
        if (confirmations.containsKey(party)) {
            throw new ConflictException("party", party + " has already confirmed this case");
        }
        if (confirmations.containsValue(userId)) {
            throw new ConflictException("userId", "this user has already confirmed this case; three different people must confirm");
        }
        Map<Party, Long> next = new EnumMap<>(Party.class);
        next.putAll(confirmations);
        next.put(party, userId);
        return new BlacklistCase(next.size() == Party.values().length ? "CONFIRMED" : "PROPOSED", next);
    }

    /** The case after a correction by civil affairs: a proposal is REJECTED, a ban CORRECTED; a reason is required. */
    BlacklistCase correct(String reason) {
        if (reason == null || reason.isBlank()) {
            throw org.jujia.shared.ValidationException.of("reason", "required", "a correction needs a reason");
        }
        return switch (status) {
            case "PROPOSED" -> new BlacklistCase("REJECTED", confirmations);
            case "CONFIRMED" -> new BlacklistCase("CORRECTED", confirmations);
            default -> throw new ConflictException("status", "the case is already " + status);
        };
    }
}
