package org.jujia.visit;

/**
 * Where a visit stands. SCHEDULED → IN_PROGRESS (check-in) → VERIFIED or FLAGGED (check-out; a check-out without
 * check-in goes straight from SCHEDULED to FLAGGED); VERIFIED → CONFIRMED or DISPUTED (the family); FLAGGED or DISPUTED
 * → VERIFIED/CONFIRMED (review: cleared with a note) or FRAUD_CONFIRMED (review: fraud). CANCELLED: withdrawn before it
 * started (the order was cancelled or lost its caregiver).
 */
public enum VisitStatus {
    SCHEDULED, IN_PROGRESS, VERIFIED, FLAGGED, CONFIRMED, DISPUTED, FRAUD_CONFIRMED, CANCELLED;

    /** Whether the caregiver has checked out (or the visit was otherwise completed). */
    public boolean completed() {
        return this == VERIFIED || this == FLAGGED || this == CONFIRMED || this == DISPUTED || this == FRAUD_CONFIRMED;
    }
}
