package org.jujia.visit;

import java.time.Instant;
import java.util.List;
import org.jujia.shared.GeoPoint;

/**
 * Everything the verification policies look at for one visit at one stage: the readings, the elder's home, the face
 * scores, the caregiver's previous check-out, the caregiver's other completed visits and the visits of other elders at
 * the same rounded coordinates.
 *
 * @param checkIn         null when the caregiver never checked in
 * @param checkOut        null at the check-in stage
 * @param home            the elder's home position, null when unknown
 * @param faceIn          the face result at check-in
 * @param faceOut         the face result at check-out
 * @param previous        the caregiver's latest check-out before this check-in (another visit), null when none
 * @param otherIntervals  [check-in, check-out] of the caregiver's other completed visits near this one
 * @param samePositions   visits at the same rounded coordinates as this visit's readings
 */
record VerificationContext(String stage, long elderId, int referenceMinutes, Reading checkIn, Reading checkOut, GeoPoint home,
        FaceResult faceIn, FaceResult faceOut, PreviousCheckOut previous, List<Interval> otherIntervals, List<PositionUse> samePositions) {

    VerificationContext {
        otherIntervals = otherIntervals == null ? List.of() : otherIntervals;
        samePositions = samePositions == null ? List.of() : samePositions;
    }

    boolean atCheckOut() {
        return Finding.CHECK_OUT.equals(stage);
    }

    /** The outcome of comparing a photo with the enrolled face: a score, or why there is none. */
    record FaceResult(Integer score, VisitFlag unavailable) {

        static FaceResult scored(int score) {
            return new FaceResult(score, null);
        }

        static FaceResult missing(VisitFlag why) {
            return new FaceResult(null, why);
        }
    }

    record PreviousCheckOut(long visitId, GeoPoint position, Instant at) {
    }

    record Interval(long visitId, Instant start, Instant end) {
    }

    record PositionUse(long visitId, long elderId, Instant at) {
    }
}
