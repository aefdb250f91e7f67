package org.jujia.monitoring;

import java.time.Duration;
import java.time.Instant;

/**
 * DEVICE_OFFLINE (low, scheduled check): an active device whose last heartbeat is {@code missed-heartbeats} (3) ×
 * {@code heartbeat-interval} (5 min) or longer ago.
 */
final class DeviceOfflineRule {

    private final Duration after;

    DeviceOfflineRule(Duration after) {
        this.after = after;
    }

    boolean offline(Instant lastHeartbeat, Instant now) {
        return lastHeartbeat != null && !now.isBefore(lastHeartbeat.plus(after));
    }

    Instant cutoff(Instant now) {
        return now.minus(after);
    }

    static String summary(Instant last, Instant now) {
        return "no heartbeat for " + Duration.between(last, now).toMinutes() + " min";
    }
}
