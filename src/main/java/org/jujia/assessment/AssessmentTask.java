package org.jujia.assessment;

import java.time.Duration;
import java.time.Instant;

/** A reassessment to do, or a care plan the street's officer must remake by a deadline. */
public record AssessmentTask(long id, Kind kind, long elderId, String elderName, String regionPath, long streetId, String reason,
        String detail, Long assessmentId, Instant createdAt, Instant dueAt, Status status, Instant escalatedAt, Instant doneAt,
        String doneBy, String note) {

    public enum Kind {
        REASSESSMENT, CARE_PLAN_REMAKE
    }

    public enum Status {
        OPEN, DONE
    }

    public boolean overdue(Instant now) {
        return status == Status.OPEN && dueAt.isBefore(now);
    }

    /** Time left until the deadline (negative when overdue). */
    public Duration remaining(Instant now) {
        return Duration.between(now, dueAt);
    }

    /** "47:59" style countdown, with a leading minus sign when overdue. */
    public String countdown(Instant now) {
        Duration d = remaining(now);
        long minutes = Math.abs(d.toMinutes());
        return (d.isNegative() ? "-" : "") + (minutes / 60) + ":" + String.format("%02d", minutes % 60);
    }
}
