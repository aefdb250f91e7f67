package org.jujia.visit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jujia.shared.GeoPoint;

/**
 * Spoofed positions repeat exactly: the same coordinates to the metre (rounded to 1e-5°, about 1.1 m) used at a visit
 * of another elder within {@code jujia.visit.repeated-coordinates-days} (default 30) days before or after are flagged.
 * Real GNSS fixes at different homes never coincide to the metre.
 */
final class RepeatedCoordinatesPolicy implements VerificationPolicy {

    /** Rounding of coordinates: 5 decimal places of a degree. */
    static final double SCALE = 1e5;

    private final Duration window;

    RepeatedCoordinatesPolicy(int days) {
        this.window = Duration.ofDays(days);
    }

    static long rounded(double degrees) {
        return Math.round(degrees * SCALE);
    }

    static boolean samePosition(GeoPoint a, GeoPoint b) {
        return rounded(a.latitude()) == rounded(b.latitude()) && rounded(a.longitude()) == rounded(b.longitude());
    }

    /** Whether another elder's use of the position at {@code otherAt} counts as a repetition of a reading at {@code at}. */
    boolean repeated(long elderId, Instant at, VerificationContext.PositionUse other) {
        return other.elderId() != elderId && Duration.between(other.at(), at).abs().compareTo(window) <= 0;
    }

    @Override
    public List<Finding> evaluate(VerificationContext c) {
        if (!c.atCheckOut()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        Reading r = c.checkIn() != null ? c.checkIn() : c.checkOut();
        for (VerificationContext.PositionUse u : c.samePositions()) {
            if (repeated(c.elderId(), r.capturedAt(), u)) {
                out.add(new Finding(VisitFlag.REPEATED_COORDINATES, Finding.CHECK_OUT,
                        "the same coordinates as visit " + u.visitId() + " to another elder"));
                break;
            }
        }
        return out;
    }
}
