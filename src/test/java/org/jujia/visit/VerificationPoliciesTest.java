package org.jujia.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jujia.shared.GeoPoint;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every verification policy at the edges of its numbers (docs/visits.md). */
class VerificationPoliciesTest {

    static final GeoPoint HOME = new GeoPoint(31.3189, 120.6265);
    static final Instant T0 = Instant.parse("2026-11-30T01:00:00Z");

    static GeoPoint north(GeoPoint p, double meters) {
        return VisitFixtures.north(p, meters);
    }

    static Reading at(GeoPoint p, double accuracy, Instant t) {
        return new Reading(p, accuracy, t, t);
    }

    static VerificationContext checkOut(Reading in, Reading out) {
        return new VerificationContext(Finding.CHECK_OUT, 1, 60, in, out, HOME, VerificationContext.FaceResult.scored(95),
                VerificationContext.FaceResult.scored(95), null, null, null);
    }

    @Nested
    class Geofence {

        final GeofencePolicy policy = new GeofencePolicy(200);

        @Test
        void distance_plus_accuracy_up_to_the_radius_passes() {
            assertThat(policy.inside(199, 0)).isTrue();
            assertThat(policy.inside(200, 0)).isTrue();
            assertThat(policy.inside(201, 0)).isFalse();
        }

        @Test
        void poor_accuracy_counts_against_the_caregiver() {
            assertThat(policy.inside(150, 50)).isTrue();
            assertThat(policy.inside(150, 51)).isFalse();
            assertThat(policy.inside(0, 201)).isFalse();
        }

        @Test
        void real_positions_around_the_radius() {
            Reading near = at(north(HOME, 199), 0, T0);
            Reading far = at(north(HOME, 201), 0, T0);
            assertThat(policy.evaluate(checkOut(near, near))).isEmpty();
            List<Finding> f = policy.evaluate(checkOut(near, far));
            assertThat(f).extracting(Finding::flag).containsExactly(VisitFlag.OUTSIDE_GEOFENCE);
            assertThat(f.get(0).stage()).isEqualTo(Finding.CHECK_OUT);
        }

        @Test
        void an_unknown_home_is_flagged_not_passed() {
            Reading r = at(HOME, 5, T0);
            var c = new VerificationContext(Finding.CHECK_IN, 1, 60, r, null, null, null, null, null, null, null);
            assertThat(policy.evaluate(c)).extracting(Finding::flag).containsExactly(VisitFlag.NO_HOME_POSITION);
        }

        @Test
        void the_radius_is_configurable() {
            assertThat(new GeofencePolicy(100).inside(101, 0)).isFalse();
            assertThat(new GeofencePolicy(100).inside(100, 0)).isTrue();
        }
    }

    @Nested
    class Face {

        final FacePolicy policy = new FacePolicy(80);

        @Test
        void the_threshold_passes_one_below_fails() {
            assertThat(policy.matches(81)).isTrue();
            assertThat(policy.matches(80)).isTrue();
            assertThat(policy.matches(79)).isFalse();
        }

        @Test
        void a_face_that_could_not_be_compared_is_flagged() {
            Reading r = at(HOME, 5, T0);
            var c = new VerificationContext(Finding.CHECK_OUT, 1, 60, r, r, HOME, VerificationContext.FaceResult.missing(VisitFlag.NO_ENROLLED_FACE),
                    VerificationContext.FaceResult.scored(79), null, null, null);
            assertThat(policy.evaluate(c)).extracting(Finding::flag).containsExactly(VisitFlag.NO_ENROLLED_FACE, VisitFlag.FACE_MISMATCH);
        }
    }

    @Nested
    class Travel {

        final TravelPolicy policy = new TravelPolicy(120);

        @Test
        void exactly_120_kmh_passes_faster_is_impossible() {
            assertThat(policy.impossible(120_000, Duration.ofHours(1))).isFalse();
            assertThat(policy.impossible(120_001, Duration.ofHours(1))).isTrue();
            assertThat(policy.impossible(2_000, Duration.ofMinutes(1))).isFalse();
            assertThat(policy.impossible(2_001, Duration.ofMinutes(1))).isTrue();
        }

        @Test
        void measured_from_the_previous_check_out_to_this_check_in() {
            GeoPoint prev = north(HOME, 30_000);
            Reading in = at(HOME, 5, T0);
            var slow = new VerificationContext(Finding.CHECK_OUT, 1, 60, in, at(HOME, 5, T0.plusSeconds(3600)), HOME, null, null,
                    new VerificationContext.PreviousCheckOut(7, prev, T0.minus(Duration.ofMinutes(16))), null, null);
            var fast = new VerificationContext(Finding.CHECK_OUT, 1, 60, in, at(HOME, 5, T0.plusSeconds(3600)), HOME, null, null,
                    new VerificationContext.PreviousCheckOut(7, prev, T0.minus(Duration.ofMinutes(14))), null, null);
            assertThat(policy.evaluate(slow)).isEmpty();
            assertThat(policy.evaluate(fast)).extracting(Finding::flag).containsExactly(VisitFlag.IMPOSSIBLE_TRAVEL);
        }
    }

    @Nested
    class Overlap {

        final OverlapPolicy policy = new OverlapPolicy();
        final Instant s = T0;
        final Instant e = T0.plus(Duration.ofMinutes(60));

        @Test
        void touching_passes_one_minute_of_overlap_fails() {
            assertThat(OverlapPolicy.overlaps(s, e, e, e.plus(Duration.ofMinutes(30)))).isFalse();
            assertThat(OverlapPolicy.overlaps(s, e, e.minusSeconds(59), e.plus(Duration.ofMinutes(30)))).isFalse();
            assertThat(OverlapPolicy.overlaps(s, e, e.minusSeconds(60), e.plus(Duration.ofMinutes(30)))).isTrue();
            assertThat(OverlapPolicy.overlaps(s, e, s.minus(Duration.ofMinutes(30)), s)).isFalse();
            assertThat(OverlapPolicy.overlaps(s, e, s.plusSeconds(600), s.plusSeconds(900))).isTrue();
        }

        @Test
        void against_the_caregivers_other_visits() {
            Reading in = at(HOME, 5, s);
            Reading out = at(HOME, 5, e);
            var c = new VerificationContext(Finding.CHECK_OUT, 1, 60, in, out, HOME, null, null, null,
                    List.of(new VerificationContext.Interval(8, e, e.plusSeconds(1800)),
                            new VerificationContext.Interval(9, e.minusSeconds(60), e.plusSeconds(1800))), null);
            List<Finding> f = policy.evaluate(c);
            assertThat(f).hasSize(1);
            assertThat(f.get(0).detail()).contains("visit 9");
        }
    }

    @Nested
    class DurationRule {

        final DurationPolicy policy = new DurationPolicy(50);

        @Test
        void at_the_minimum_passes_one_minute_below_fails() {
            assertThat(policy.minimum(60)).isEqualTo(Duration.ofMinutes(30));
            assertThat(policy.tooShort(Duration.ofMinutes(30), 60)).isFalse();
            assertThat(policy.tooShort(Duration.ofMinutes(29), 60)).isTrue();
            assertThat(policy.tooShort(Duration.ofMinutes(31), 60)).isFalse();
        }

        @Test
        void odd_standards_keep_the_seconds() {
            assertThat(policy.minimum(45)).isEqualTo(Duration.ofSeconds(1350));
            assertThat(policy.tooShort(Duration.ofSeconds(1349), 45)).isTrue();
            assertThat(policy.tooShort(Duration.ofSeconds(1350), 45)).isFalse();
        }

        @Test
        void the_percentage_is_configurable_and_the_reference_is_standard_times_quantity() {
            assertThat(new DurationPolicy(80).minimum(60)).isEqualTo(Duration.ofMinutes(48));
            Visit hourly = new Visit(1, 1, 1, "x", "/1/", "RESPITE_CARE", "喘息", 60, 1, 1, T0, T0, 120, 2, 8000, VisitStatus.SCHEDULED, null,
                    null, "1234", T0, null, null, null, null, false, null, null, null, 0);
            assertThat(Verifier.referenceMinutes(hourly)).isEqualTo(120);
        }

        @Test
        void evaluated_on_capture_times() {
            var ok = checkOut(at(HOME, 5, T0), at(HOME, 5, T0.plus(Duration.ofMinutes(30))));
            var shortVisit = checkOut(at(HOME, 5, T0), at(HOME, 5, T0.plus(Duration.ofMinutes(29))));
            assertThat(policy.evaluate(ok)).isEmpty();
            assertThat(policy.evaluate(shortVisit)).extracting(Finding::flag).containsExactly(VisitFlag.TOO_SHORT);
        }
    }

    @Nested
    class RepeatedCoordinates {

        final RepeatedCoordinatesPolicy policy = new RepeatedCoordinatesPolicy(30);

        @Test
        void the_same_position_to_the_metre() {
            GeoPoint a = new GeoPoint(31.318901, 120.626501);
            assertThat(RepeatedCoordinatesPolicy.samePosition(a, new GeoPoint(31.318904, 120.626498))).isTrue();
            assertThat(RepeatedCoordinatesPolicy.samePosition(a, new GeoPoint(31.318911, 120.626501))).isFalse();
        }

        @Test
        void another_elder_within_30_days_counts_the_same_elder_or_31_days_does_not() {
            assertThat(policy.repeated(1, T0, new VerificationContext.PositionUse(5, 2, T0.minus(Duration.ofDays(30))))).isTrue();
            assertThat(policy.repeated(1, T0, new VerificationContext.PositionUse(5, 2, T0.minus(Duration.ofDays(31))))).isFalse();
            assertThat(policy.repeated(1, T0, new VerificationContext.PositionUse(5, 1, T0.minus(Duration.ofDays(1))))).isFalse();
        }

        @Test
        void evaluated_at_check_out() {
            Reading r = at(HOME, 5, T0);
            var c = new VerificationContext(Finding.CHECK_OUT, 1, 60, r, r, HOME, null, null, null, null,
                    List.of(new VerificationContext.PositionUse(5, 2, T0.minus(Duration.ofDays(3)))));
            assertThat(policy.evaluate(c)).extracting(Finding::flag).containsExactly(VisitFlag.REPEATED_COORDINATES);
        }
    }

    @Nested
    class Others {

        @Test
        void a_check_out_without_check_in_is_flagged() {
            Reading out = at(HOME, 5, T0);
            var c = new VerificationContext(Finding.CHECK_OUT, 1, 60, null, out, HOME, null, null, null, null, null);
            assertThat(new CheckInRequiredPolicy().evaluate(c)).extracting(Finding::flag).containsExactly(VisitFlag.NO_CHECK_IN);
            assertThat(new CheckInRequiredPolicy().evaluate(checkOut(out, out))).isEmpty();
        }

        @Test
        void the_fraud_penalty_is_three_times_the_amount() {
            assertThat(FraudPenalty.of(13_500)).isEqualTo(40_500);
            assertThat(FraudPenalty.of(1)).isEqualTo(3);
            assertThat(FraudPenalty.of(0)).isZero();
        }

        @Test
        void the_demo_face_simulator_matches_any_photo_but_an_empty_one() {
            FaceSimulator sim = new FaceSimulator();
            assertThat(sim.compare(new byte[] { 1 }, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1 })).isBetween(92, 99);
            assertThat(sim.compare(new byte[] { 1 }, new byte[0])).isZero();
            assertThat(new FacePolicy(80).matches(sim.compare(new byte[] { 1 }, new byte[0]))).isFalse();
        }
    }
}
