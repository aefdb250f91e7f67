package org.jujia.monitoring;

import java.time.Duration;
import java.time.Instant;

/**
 * INACTIVITY (high, scheduled check): no door, motion or mattress event from the elder's home for
 * {@code inactivity-hours} (12 h): fires when at least that long has passed since the last one.
 */
final class InactivityRule {

    private final Duration limit;

    InactivityRule(int hours) {
        this.limit = Duration.ofHours(hours);
    }

    /** Events that show someone is moving about the home. */
    static boolean activity(DeviceSignal s) {
        if (s.kind() != DeviceSignal.Kind.EVENT || s.event() == null) {
            return false;
        }
        return switch (s.event()) {
            case "DOOR_OPEN", "DOOR_CLOSED", "MOTION", "BED_ENTER", "BED_EXIT" -> true;
            default -> false;
        };
    }

    boolean inactive(Instant lastActivity, Instant now) {
        return !now.isBefore(lastActivity.plus(limit));
    }

    /** Activity at or before this instant is too old at {@code now}. */
    Instant cutoff(Instant now) {
        return now.minus(limit);
    }

    static String summary(Instant last, Instant now) {
        return "no activity for " + Duration.between(last, now).toHours() + " h";
    }
}
