package org.jujia.visit;

import java.time.Duration;
import java.util.List;

/**
 * Travel from the caregiver's previous check-out (another visit) to this check-in must be possible: faster than
 * {@code jujia.visit.max-speed-kmh} (default 120 km/h) is impossible; exactly the limit passes. A check-in at or before
 * the previous check-out is left to {@link OverlapPolicy}.
 */
final class TravelPolicy implements VerificationPolicy {

    private final int maxKmh;

    TravelPolicy(int maxKmh) {
        this.maxKmh = maxKmh;
    }

    /** Whether covering {@code meters} in {@code elapsed} is faster than the limit. */
    boolean impossible(double meters, Duration elapsed) {
        long millis = elapsed.toMillis();
        if (millis <= 0) {
            return false;
        }
        // km/h = (m / 1000) / (ms / 3 600 000) = m * 3600 / ms
        return meters * 3600.0 > (double) maxKmh * millis;
    }

    static double kmh(double meters, Duration elapsed) {
        return elapsed.toMillis() <= 0 ? Double.POSITIVE_INFINITY : meters * 3600.0 / elapsed.toMillis();
    }

    @Override
    public List<Finding> evaluate(VerificationContext c) {
        if (!c.atCheckOut() || c.checkIn() == null || c.previous() == null) {
            return List.of();
        }
        double meters = c.previous().position().distanceMetres(c.checkIn().position());
        Duration elapsed = Duration.between(c.previous().at(), c.checkIn().capturedAt());
        if (!impossible(meters, elapsed)) {
            return List.of();
        }
        return List.of(new Finding(VisitFlag.IMPOSSIBLE_TRAVEL, Finding.CHECK_IN, String.format("%.1f km in %d min from visit %d (%.0f km/h > %d)",
                meters / 1000, elapsed.toMinutes(), c.previous().visitId(), kmh(meters, elapsed), maxKmh)));
    }
}
