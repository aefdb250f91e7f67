package org.jujia.visit;

import java.util.ArrayList;
import java.util.List;

/**
 * The person at the door must be the caregiver: the face score of the check-in (and check-out) photo against the
 * enrolled photo must reach the threshold ({@code jujia.visit.face-threshold}, default 80 on 0–100). A face that
 * could not be compared (no photo, service down, nothing enrolled) is flagged as such, never passed.
 */
final class FacePolicy implements VerificationPolicy {

    private final int threshold;

    FacePolicy(int threshold) {
        this.threshold = threshold;
    }

    boolean matches(int score) {
        return score >= threshold;
    }

    @Override
    public List<Finding> evaluate(VerificationContext c) {
        List<Finding> out = new ArrayList<>();
        check(c.checkIn() == null ? null : c.faceIn(), Finding.CHECK_IN, out);
        if (c.atCheckOut() && c.checkOut() != null) {
            check(c.faceOut(), Finding.CHECK_OUT, out);
        }
        return out;
    }

    private void check(VerificationContext.FaceResult f, String stage, List<Finding> out) {
        if (f == null) {
            return;
        }
        if (f.score() == null) {
            VisitFlag why = f.unavailable() == null ? VisitFlag.FACE_UNAVAILABLE : f.unavailable();
            out.add(new Finding(why, stage, why == VisitFlag.NO_ENROLLED_FACE ? "no face photo enrolled" : "the face could not be compared"));
        } else if (!matches(f.score())) {
            out.add(new Finding(VisitFlag.FACE_MISMATCH, stage, "face score " + f.score() + " < " + threshold));
        }
    }
}
