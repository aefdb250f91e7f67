package org.jujia.careplan;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/**
 * A care plan version was signed and is now in force (for the dispatch module to generate recurring orders from).
 * When it replaces an earlier version, {@code supersededPlanId} names the plan whose orders stop.
 */
public record CarePlanActivated(long elderId, long planId, int version, long providerId, Instant activatedAt, Long supersededPlanId,
        List<Line> lines) {

    public CarePlanActivated {
        lines = List.copyOf(lines);
    }

    /** What to deliver: the item, how often, on which weekdays (ISO 1–7, empty = any), in which window, for how long. */
    public record Line(String itemCode, int frequencyCount, Frequency.Period frequencyPeriod, List<Integer> weekdays, LocalTime windowFrom,
            LocalTime windowTo, int durationMinutes) {
    }
}
