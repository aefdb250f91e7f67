package org.jujia.oversight;

import java.time.Instant;
import java.util.Set;
import org.jujia.shared.ConflictException;

/**
 * A complaint (投诉) and its lifecycle; the state changes guard themselves:
 * <pre>
 * OPEN ──acknowledge──▶ ACKNOWLEDGED ──resolve (outcome)──▶ RESOLVED ──complainant's satisfaction──▶ CLOSED
 *   └──────────────resolve (acknowledges too)───────────────▶
 * </pre>
 * Deadlines: {@code ackDueAt} and {@code resolveDueAt} (working days, see {@link WorkingDays}); past them the complaint is
 * overdue and escalates one level each (1 = not acknowledged in time, 2 = not resolved in time).
 */
public record Complaint(long id, Channel channel, Category category, Status status, String regionPath, Long elderId, Long providerId,
        Long caregiverUserId, Long visitId, Long followUpId, String complainantName, String complainantPhoneMasked, String description,
        Assignee assignee, Instant filedAt, String filedBy, long filedByUserId, Instant ackDueAt, Instant resolveDueAt,
        Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt, String resolvedBy, Outcome outcome, String resolution,
        Integer satisfaction, Instant closedAt, int escalationLevel, Instant escalatedAt, int version) {

    /** How the complaint reached the platform. */
    public enum Channel {
        HOTLINE, FAMILY_PAGE, VISIT_DISPUTE, FOLLOW_UP_CALL
    }

    public enum Category {
        SERVICE_QUALITY, MISSED_OR_LATE, FAKE_SERVICE, ATTITUDE, ABUSE, THEFT, BILLING, PRIVACY, OTHER
    }

    public enum Status {
        OPEN, ACKNOWLEDGED, RESOLVED, CLOSED;

        boolean open() {
            return this == OPEN || this == ACKNOWLEDGED;
        }
    }

    public enum Outcome {
        UPHELD, PARTLY_UPHELD, NOT_UPHELD;

        /** Counts against the provider in the performance score. */
        public boolean upheld() {
            return this != NOT_UPHELD;
        }
    }

    /** Who must handle it: the provider concerned or the street. */
    public enum Assignee {
        PROVIDER, STREET
    }

    /** Categories an upheld complaint of which proposes the caregiver for the blacklist (PLATFORM.md §9). */
    static final Set<Category> BLACKLISTABLE = Set.of(Category.ABUSE, Category.THEFT, Category.FAKE_SERVICE);

    public boolean ackOverdue(Instant now) {
        return status == Status.OPEN && !now.isBefore(ackDueAt);
    }

    public boolean resolveOverdue(Instant now) {
        return status.open() && !now.isBefore(resolveDueAt);
    }

    public boolean overdue(Instant now) {
        return ackOverdue(now) || resolveOverdue(now);
    }

    /** The escalation level the complaint should have at {@code now}: 2 not resolved in time, 1 not acknowledged in time. */
    int dueEscalationLevel(Instant now) {
        return resolveOverdue(now) ? 2 : ackOverdue(now) ? 1 : 0;
    }

    Complaint acknowledge(String actor, Instant at) {
        if (status != Status.OPEN) {
            throw new ConflictException("status", "complaint " + id + " is " + status + ", not OPEN");
        }
        return with(Status.ACKNOWLEDGED, at, actor, resolvedAt, resolvedBy, outcome, resolution, satisfaction, closedAt);
    }

    Complaint resolve(Outcome o, String text, String actor, Instant at) {
        if (!status.open()) {
            throw new ConflictException("status", "complaint " + id + " is already " + status);
        }
        return with(Status.RESOLVED, acknowledgedAt == null ? at : acknowledgedAt, acknowledgedBy == null ? actor : acknowledgedBy, at, actor,
                o, text, satisfaction, closedAt);
    }

    Complaint close(Integer stars, Instant at) {
        if (status != Status.RESOLVED) {
            throw new ConflictException("status", "complaint " + id + " is " + status + ": only a RESOLVED complaint takes the complainant's satisfaction");
        }
        return with(Status.CLOSED, acknowledgedAt, acknowledgedBy, resolvedAt, resolvedBy, outcome, resolution, stars, at);
    }

    Complaint assign(Assignee to, Long provider) {
        if (!status.open()) {
            throw new ConflictException("status", "complaint " + id + " is " + status + ": it can no longer be reassigned");
        }
        return new Complaint(id, channel, category, status, regionPath, elderId, provider, caregiverUserId, visitId, followUpId,
                complainantName, complainantPhoneMasked, description, to, filedAt, filedBy, filedByUserId, ackDueAt, resolveDueAt,
                acknowledgedAt, acknowledgedBy, resolvedAt, resolvedBy, outcome, resolution, satisfaction, closedAt, escalationLevel,
                escalatedAt, version);
    }

    Complaint escalate(int level, Instant at) {
        return new Complaint(id, channel, category, status, regionPath, elderId, providerId, caregiverUserId, visitId, followUpId,
                complainantName, complainantPhoneMasked, description, assignee, filedAt, filedBy, filedByUserId, ackDueAt, resolveDueAt,
                acknowledgedAt, acknowledgedBy, resolvedAt, resolvedBy, outcome, resolution, satisfaction, closedAt, level, at, version);
    }

    /** Does an upheld outcome of this complaint propose its caregiver for the blacklist? */
    boolean proposesBlacklist() {
        return outcome != null && outcome == Outcome.UPHELD && BLACKLISTABLE.contains(category) && caregiverUserId != null;
    }

    private Complaint with(Status s, Instant ackAt, String ackBy, Instant resAt, String resBy, Outcome o, String res, Integer sat, Instant closed) {
        return new Complaint(id, channel, category, s, regionPath, elderId, providerId, caregiverUserId, visitId, followUpId, complainantName,
                complainantPhoneMasked, description, assignee, filedAt, filedBy, filedByUserId, ackDueAt, resolveDueAt, ackAt, ackBy, resAt,
                resBy, o, res, sat, closed, escalationLevel, escalatedAt, version);
    }
}
