package org.jujia.visit;

import java.time.Duration;
import java.util.List;

/**
 * A visit must last at least {@code jujia.visit.min-duration-percent} (default 50) % of the item's standard duration
 * (standard minutes × quantity; the order's planned minutes for items without a standard): exactly the minimum passes,
 * anything shorter fails.
 */
final class DurationPolicy implements VerificationPolicy {

    private final int percent;

    DurationPolicy(int percent) {
        this.percent = percent;
    }

    /** The least acceptable duration for a reference of {@code referenceMinutes}. */
    Duration minimum(int referenceMinutes) {
        return Duration.ofSeconds((long) referenceMinutes * 60 * percent / 100);
    }

    boolean tooShort(Duration actual, int referenceMinutes) {
        return actual.compareTo(minimum(referenceMinutes)) < 0;
    }

    @Override
    public List<Finding> evaluate(VerificationContext c) {
        if (!c.atCheckOut() || c.checkIn() == null || c.checkOut() == null || c.referenceMinutes() <= 0) {
            return List.of();
        }
        Duration actual = Duration.between(c.checkIn().capturedAt(), c.checkOut().capturedAt());
        if (!tooShort(actual, c.referenceMinutes())) {
            return List.of();
        }
        Duration min = minimum(c.referenceMinutes());
        return List.of(new Finding(VisitFlag.TOO_SHORT, Finding.CHECK_OUT, String.format("%d min %02d s < minimum %d min %02d s (%d%% of %d min)",
                actual.toMinutes(), actual.toSecondsPart(), min.toMinutes(), min.toSecondsPart(), percent, c.referenceMinutes())));
    }
}
