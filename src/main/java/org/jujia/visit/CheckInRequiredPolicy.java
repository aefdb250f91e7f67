package org.jujia.visit;

import java.util.List;

/**
 * A check-out must follow a check-in: a check-out without one is recorded (never rejected, the service may well have
 * been delivered) and flagged NO_CHECK_IN for review.
 */
final class CheckInRequiredPolicy implements VerificationPolicy {

    @Override
    public List<Finding> evaluate(VerificationContext c) {
        if (c.atCheckOut() && c.checkIn() == null) {
            return List.of(new Finding(VisitFlag.NO_CHECK_IN, Finding.CHECK_OUT, "checked out without a check-in"));
        }
        return List.of();
    }
}
