package org.jujia.visit;

import java.util.ArrayList;
import java.util.List;
import org.jujia.shared.GeoPoint;

/**
 * The caregiver must be at the elder's home: the distance from the home plus the reading's reported accuracy must
 * not exceed the radius ({@code jujia.visit.geofence-meters}, default 200) — poor accuracy counts against the caregiver.
 * Checked at check-in and at check-out.
 */
final class GeofencePolicy implements VerificationPolicy {

    private final int radiusMeters;

    GeofencePolicy(int radiusMeters) {
        this.radiusMeters = radiusMeters;
    }

    /** Whether a reading {@code distanceMeters} from home with {@code accuracyMeters} lies inside the geofence. */
    boolean inside(double distanceMeters, double accuracyMeters) {
        return distanceMeters + Math.max(0, accuracyMeters) <= radiusMeters;
    }

    @Override
    public List<Finding> evaluate(VerificationContext c) {
        List<Finding> out = new ArrayList<>();
        check(c, c.checkIn(), Finding.CHECK_IN, out);
        if (c.atCheckOut()) {
            check(c, c.checkOut(), Finding.CHECK_OUT, out);
        }
        return out;
    }

    private void check(VerificationContext c, Reading r, String stage, List<Finding> out) {
        if (r == null) {
            return;
        }
        if (c.home() == null) {
            out.add(new Finding(VisitFlag.NO_HOME_POSITION, stage, "the elder's home position is not recorded"));
            return;
        }
        double d = distance(c.home(), r.position());
        if (!inside(d, r.accuracyMeters())) {
            out.add(new Finding(VisitFlag.OUTSIDE_GEOFENCE, stage, String.format("%.0f m from home (±%.0f m) > %d m", d, r.accuracyMeters(),
                    radiusMeters)));
        }
    }

    static double distance(GeoPoint home, GeoPoint at) {
        return home.distanceMetres(at);
    }
}
