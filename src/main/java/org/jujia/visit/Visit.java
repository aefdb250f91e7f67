package org.jujia.visit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jujia.shared.ConflictException;

/**
 * A visit: one assigned order served at the elder's home. The aggregate guards its own transitions (see
 * {@link VisitStatus}); every transition answers a new value.
 *
 * @param regionPath       the elder's region path (jurisdiction of the visit)
 * @param standardMinutes  the item's standard minutes per unit (0 when the item has none)
 * @param plannedMinutes   the order's planned duration
 * @param amountFen        what the visit earns when verified (unit price × quantity)
 * @param flags            the verification failures (check-in findings while in progress, all findings after check-out)
 * @param findings         the failures with what was measured
 * @param pin              the visit PIN shown to the family, entered at the door to confirm
 * @param checkIn          the EVV elements at check-in, null before (or without) it
 * @param checkOut         the EVV elements at check-out, null before it
 * @param record           what the caregiver recorded at check-out (measurements, notes, tasks), null before
 */
public record Visit(long id, long orderId, long elderId, String elderName, String regionPath, String itemCode, String itemName,
        int standardMinutes, long providerId, long caregiverUserId, Instant windowStart, Instant windowEnd, int plannedMinutes, int quantity,
        long amountFen, VisitStatus status, Set<VisitFlag> flags, List<Finding> findings, @JsonIgnore String pin, Instant orderEventAt,
        Instant orderCancelledAt, String orderCancelNote, Evv checkIn, Evv checkOut, boolean photosPurged, ServiceRecord record,
        Confirmation confirmation, Review review, @JsonIgnore int rowVersion) {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public Visit {
        flags = flags == null || flags.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(flags));
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /**
     * The six EVV elements as recorded at check-in or check-out, plus verification measurements.
     *
     * @param serviceType    the item code
     * @param date           the business date of the capture (Asia/Shanghai)
     * @param capturedAt     the device's capture time: the business time of the check-in/out
     * @param receivedAt     when the server received it
     * @param delayedSync    received more than 2 min after capture (queued offline on the phone)
     * @param distanceMeters from the elder's home, null when the home position is unknown
     * @param faceScore      face match score 0–100, null when not compared
     * @param photo          whether a photo is stored (shown to reviewers only)
     */
    public record Evv(String serviceType, long elderId, long caregiverUserId, LocalDate date, double latitude, double longitude,
            double accuracyMeters, Instant capturedAt, Instant receivedAt, boolean delayedSync, Double distanceMeters, Integer faceScore,
            boolean photo) {
    }

    /**
     * What was done: measurements by check name (values outside a check's bounds are kept and listed in
     * {@code outOfBounds}), free notes and the tasks done.
     */
    public record ServiceRecord(Map<String, java.math.BigDecimal> measurements, String notes, List<String> tasks, List<String> outOfBounds,
            List<String> missing) {

        public ServiceRecord {
            measurements = measurements == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(measurements));
            tasks = tasks == null ? List.of() : List.copyOf(tasks);
            outOfBounds = outOfBounds == null ? List.of() : List.copyOf(outOfBounds);
            missing = missing == null ? List.of() : List.copyOf(missing);
        }
    }

    /** The family's confirmation (or the confirmation recorded at the door). */
    public record Confirmation(ConfirmationMethod method, Instant at, String by, boolean signature) {
    }

    /** A reviewer's decision on a flagged or disputed visit. */
    public record Review(String decision, String note, String by, Instant at) {
    }

    // ------------------------------------------------------------------ derived

    /** Only verified (or cleared) and confirmed visits are billed. */
    public boolean billable() {
        return status == VisitStatus.VERIFIED || status == VisitStatus.CONFIRMED;
    }

    /** Cleared by a reviewer despite flags. */
    public boolean cleared() {
        return review != null && "CLEAR".equals(review.decision());
    }

    /** Minutes between check-in and check-out (capture times), null until both exist. */
    public Integer actualMinutes() {
        if (checkIn == null || checkOut == null) {
            return null;
        }
        return (int) Duration.between(checkIn.capturedAt(), checkOut.capturedAt()).toMinutes();
    }

    /** The business date of the visit: the planned start's date in Asia/Shanghai. */
    public LocalDate date() {
        return windowStart.atZone(ZONE).toLocalDate();
    }

    // ------------------------------------------------------------------ transitions

    /** The order moved to another caregiver (or was assigned again after being withdrawn) before the visit started. */
    Visit reassign(long caregiver, long provider, Instant windowStart, Instant windowEnd, int plannedMinutes, long amountFen, Instant at) {
        if (status != VisitStatus.SCHEDULED && status != VisitStatus.CANCELLED) {
            throw new ConflictException("status", "visit " + id + " has started (" + status + "); it cannot be moved");
        }
        return new Visit(id, orderId, elderId, elderName, regionPath, itemCode, itemName, standardMinutes, provider, caregiver, windowStart,
                windowEnd, plannedMinutes, quantity, amountFen, VisitStatus.SCHEDULED, Set.of(), List.of(), pin, at, null, null, null, null,
                photosPurged, null, null, null, rowVersion);
    }

    /**
     * The order was cancelled or lost its caregiver: a visit that has not started is withdrawn (CANCELLED); a started
     * one is kept (the service happened or is happening) with the cancellation noted.
     */
    Visit orderWithdrawn(String note, Instant at) {
        VisitStatus next = status == VisitStatus.SCHEDULED ? VisitStatus.CANCELLED : status;
        return new Visit(id, orderId, elderId, elderName, regionPath, itemCode, itemName, standardMinutes, providerId, caregiverUserId,
                windowStart, windowEnd, plannedMinutes, quantity, amountFen, next, flags, findings, pin, at, at, note, checkIn, checkOut,
                photosPurged, record, confirmation, review, rowVersion);
    }

    Visit checkedIn(Evv evv, List<Finding> found) {
        if (status != VisitStatus.SCHEDULED) {
            throw new ConflictException("status", "visit " + id + " is " + status + ": check-in needs a SCHEDULED visit");
        }
        return new Visit(id, orderId, elderId, elderName, regionPath, itemCode, itemName, standardMinutes, providerId, caregiverUserId,
                windowStart, windowEnd, plannedMinutes, quantity, amountFen, VisitStatus.IN_PROGRESS, flagsOf(found), found, pin, orderEventAt,
                orderCancelledAt, orderCancelNote, evv, null, photosPurged, null, null, null, rowVersion);
    }

    Visit checkedOut(Evv evv, ServiceRecord rec, List<Finding> found) {
        if (status != VisitStatus.SCHEDULED && status != VisitStatus.IN_PROGRESS) {
            throw new ConflictException("status", "visit " + id + " is " + status + ": it was already checked out or withdrawn");
        }
        VisitStatus next = found.isEmpty() ? VisitStatus.VERIFIED : VisitStatus.FLAGGED;
        return new Visit(id, orderId, elderId, elderName, regionPath, itemCode, itemName, standardMinutes, providerId, caregiverUserId,
                windowStart, windowEnd, plannedMinutes, quantity, amountFen, next, flagsOf(found), found, pin, orderEventAt, orderCancelledAt,
                orderCancelNote, checkIn, evv, photosPurged, rec, null, null, rowVersion);
    }

    /**
     * The family confirms: a verified visit becomes CONFIRMED; a flagged one keeps waiting for review with the
     * confirmation recorded (a clearing review then makes it CONFIRMED).
     */
    Visit confirmed(Confirmation c) {
        if (confirmation != null) {
            throw new ConflictException("outcome", "visit " + id + " was already confirmed");
        }
        VisitStatus next = switch (status) {
            case VERIFIED -> VisitStatus.CONFIRMED;
            case FLAGGED -> VisitStatus.FLAGGED;
            default -> throw new ConflictException("outcome", "visit " + id + " is " + status + ": only a completed visit can be confirmed");
        };
        return with(next, c, review);
    }

    /** The family disputes a completed visit: it leaves billing until a reviewer decides. */
    Visit disputed() {
        if (status != VisitStatus.VERIFIED && status != VisitStatus.FLAGGED && status != VisitStatus.CONFIRMED) {
            throw new ConflictException("outcome", "visit " + id + " is " + status + ": only a completed visit can be disputed");
        }
        return with(VisitStatus.DISPUTED, confirmation, review);
    }

    /** A reviewer clears (billable again, with the note) or confirms fraud. */
    Visit reviewed(Review r) {
        if (status != VisitStatus.FLAGGED && status != VisitStatus.DISPUTED) {
            throw new ConflictException("decision", "visit " + id + " is " + status + ": only flagged or disputed visits are reviewed");
        }
        VisitStatus next = switch (r.decision()) {
            case "CLEAR" -> confirmation != null && status == VisitStatus.FLAGGED ? VisitStatus.CONFIRMED : VisitStatus.VERIFIED;
            case "FRAUD" -> VisitStatus.FRAUD_CONFIRMED;
            default -> throw new IllegalArgumentException(r.decision());
        };
        return with(next, confirmation, r);
    }

    private Visit with(VisitStatus next, Confirmation c, Review r) {
        return new Visit(id, orderId, elderId, elderName, regionPath, itemCode, itemName, standardMinutes, providerId, caregiverUserId,
                windowStart, windowEnd, plannedMinutes, quantity, amountFen, next, flags, findings, pin, orderEventAt, orderCancelledAt,
                orderCancelNote, checkIn, checkOut, photosPurged, record, c, r, rowVersion);
    }

    private static Set<VisitFlag> flagsOf(List<Finding> found) {
        Set<VisitFlag> s = EnumSet.noneOf(VisitFlag.class);
        found.forEach(f -> s.add(f.flag()));
        return s;
    }
}
