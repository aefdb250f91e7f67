package org.jujia.monitoring;

import java.time.Instant;
import org.jujia.shared.GeoPoint;

/**
 * Someone the alarm centre can send to an elder's home: a provider's caregiver (staff), a registered volunteer or the
 * community worker, with their last known position and whether they are on duty; {@code busy} while dispatched to an
 * open alarm.
 */
public record Responder(long userId, String username, String displayName, Kind kind, String regionPath, double latitude,
        double longitude, boolean onDuty, Instant positionAt, boolean busy) {

    public enum Kind {
        STAFF, VOLUNTEER, COMMUNITY_WORKER
    }

    public boolean available() {
        return onDuty && !busy;
    }

    /** Great-circle distance in kilometres. */
    public double kmTo(double lat, double lon) {
        return new GeoPoint(latitude, longitude).distanceMetres(new GeoPoint(lat, lon)) / 1000.0;
    }
}
