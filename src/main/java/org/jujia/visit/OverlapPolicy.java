package org.jujia.visit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A caregiver cannot be at two visits at once: this visit's [check-in, check-out] overlapping another completed visit of
 * the same caregiver by one minute or more is flagged; visits that merely touch (one ends when the next begins) pass.
 */
final class OverlapPolicy implements VerificationPolicy {

    static final Duration LEAST_OVERLAP = Duration.ofMinutes(1);

    /** How long two intervals overlap (zero when they touch or are apart). */
    static Duration overlap(Instant aStart, Instant aEnd, Instant bStart, Instant bEnd) {
        Instant start = aStart.isAfter(bStart) ? aStart : bStart;
        Instant end = aEnd.isBefore(bEnd) ? aEnd : bEnd;
        return end.isAfter(start) ? Duration.between(start, end) : Duration.ZERO;
    }

    static boolean overlaps(Instant aStart, Instant aEnd, Instant bStart, Instant bEnd) {
        return overlap(aStart, aEnd, bStart, bEnd).compareTo(LEAST_OVERLAP) >= 0;
    }

    @Override
    public List<Finding> evaluate(VerificationContext c) {
        if (!c.atCheckOut() || c.checkIn() == null || c.checkOut() == null) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (VerificationContext.Interval o : c.otherIntervals()) {
            Duration d = overlap(c.checkIn().capturedAt(), c.checkOut().capturedAt(), o.start(), o.end());
            if (d.compareTo(LEAST_OVERLAP) >= 0) {
                out.add(new Finding(VisitFlag.OVERLAP, Finding.CHECK_OUT, "overlaps visit " + o.visitId() + " by " + d.toMinutes() + " min"));
            }
        }
        return out;
    }
}
