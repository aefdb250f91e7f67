package org.jujia.visit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Runs the named verification policies: geofence and face at check-in; all of them (geofence and face for both
 * readings, travel, overlap, duration, repeated coordinates, check-in required) at check-out. Gathers what the
 * policies look at from the store; the policies themselves are pure.
 */
@Component
class Verifier {

    private final VisitStore store;
    private final VisitProperties props;
    private final List<VerificationPolicy> atCheckIn;
    private final List<VerificationPolicy> atCheckOut;

    Verifier(VisitStore store, VisitProperties props) {
        this.store = store;
        this.props = props;
        GeofencePolicy geofence = new GeofencePolicy(props.geofenceMeters());
        FacePolicy face = new FacePolicy(props.faceThreshold());
        this.atCheckIn = List.of(geofence, face);
        this.atCheckOut = List.of(new CheckInRequiredPolicy(), geofence, face, new TravelPolicy(props.maxSpeedKmh()), new OverlapPolicy(),
                new DurationPolicy(props.minDurationPercent()), new RepeatedCoordinatesPolicy(props.repeatedCoordinatesDays()));
    }

    List<Finding> run(VerificationContext c) {
        List<Finding> out = new ArrayList<>();
        for (VerificationPolicy p : c.atCheckOut() ? atCheckOut : atCheckIn) {
            out.addAll(p.evaluate(c));
        }
        return out;
    }

    /** The context of a visit at check-out: looks up the caregiver's previous check-out, other visits and repeated positions. */
    VerificationContext checkOutContext(Visit v, Reading in, Reading out, org.jujia.shared.GeoPoint home, VerificationContext.FaceResult faceIn,
            VerificationContext.FaceResult faceOut) {
        Instant start = in != null ? in.capturedAt() : out.capturedAt();
        Instant end = out.capturedAt();
        var previous = in == null ? null : store.previousCheckOut(v.caregiverUserId(), v.id(), in.capturedAt()).orElse(null);
        var intervals = in == null ? List.<VerificationContext.Interval>of() : store.intervals(v.caregiverUserId(), v.id(), start, end);
        Duration window = Duration.ofDays(props.repeatedCoordinatesDays());
        List<VerificationContext.PositionUse> same = new ArrayList<>();
        for (Reading r : in == null ? List.of(out) : List.of(in, out)) {
            same.addAll(store.samePosition(r.position(), v.id(), r.capturedAt().minus(window), r.capturedAt().plus(window)));
        }
        return new VerificationContext(Finding.CHECK_OUT, v.elderId(), referenceMinutes(v), in, out, home, faceIn, faceOut, previous, intervals,
                same);
    }

    /** The duration reference: the item's standard minutes × quantity, or the planned minutes for items without a standard. */
    static int referenceMinutes(Visit v) {
        return v.standardMinutes() > 0 ? v.standardMinutes() * Math.max(1, v.quantity()) : v.plannedMinutes();
    }
}
