package org.jujia.dispatch.internal.planning;

import ai.timefold.solver.core.api.score.stream.test.ConstraintVerifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One test per constraint. Locations on a line: 0 = base, 1 at 10, 2 at 20, 3 at 30 (travel = distance, scale 1);
 * shift 0..1000, at most 500 of work.
 */
class RoutingConstraintsTest {

    private final ConstraintVerifier<RoutingConstraints, RoutePlan> verifier =
            ConstraintVerifier.build(new RoutingConstraints(), RoutePlan.class, CaregiverRoute.class, Visit.class);

    private static final TravelMatrix LINE = new ExplicitMatrix(new double[][] {
            { 0, 10, 20, 30 }, { 10, 0, 10, 20 }, { 20, 10, 0, 10 }, { 30, 20, 10, 0 } }, 1);

    static CaregiverRoute route(String id, Map<String, Integer> quals) {
        return new CaregiverRoute(id, 0, 0, 0, 1000, 500, quals, false, TransportMode.E_BIKE, 0, LINE);
    }

    static Visit visit(String id, int location, long earliest, long latestEnd, long duration) {
        return new Visit(id, location, earliest, latestEnd - duration, latestEnd, duration, null, 0, Priority.GREEN, null);
    }

    static RoutePlan plan(List<CaregiverRoute> routes, List<Visit> visits) {
        return new RoutePlan(routes, visits, null);
    }

    static void assign(CaregiverRoute route, Visit... visits) {
        route.setVisits(new ArrayList<>(List.of(visits)));
    }

    @Test
    void missingQualificationPenalisesEachVisitWithoutTheQualificationOrLevel() {
        CaregiverRoute r = route("a", Map.of("CAREGIVER", 1));
        Visit ok = new Visit("ok", 1, 0, 900, 1000, 10, "CAREGIVER", 1, Priority.GREEN, null);
        Visit levelTooLow = new Visit("low", 2, 0, 900, 1000, 10, "CAREGIVER", 2, Priority.GREEN, null);
        Visit nurse = new Visit("nurse", 3, 0, 900, 1000, 10, "NURSE", 0, Priority.GREEN, null);
        assign(r, ok, levelTooLow, nurse);
        verifier.verifyThat(RoutingConstraints::missingQualification).givenSolution(plan(List.of(r), List.of(ok, levelTooLow, nurse)))
                .settingAllShadowVariables().penalizesBy(2);
    }

    @Test
    void blacklistedCaregiverPenalisesEveryVisitGivenToThem() {
        CaregiverRoute banned = new CaregiverRoute("b", 0, 0, 0, 1000, 500, Map.of(), true, TransportMode.E_BIKE, 0, LINE);
        CaregiverRoute fine = route("f", Map.of());
        Visit v1 = visit("1", 1, 0, 1000, 10);
        Visit v2 = visit("2", 2, 0, 1000, 10);
        Visit v3 = visit("3", 3, 0, 1000, 10);
        assign(banned, v1, v2);
        assign(fine, v3);
        verifier.verifyThat(RoutingConstraints::blacklistedCaregiver).givenSolution(plan(List.of(banned, fine), List.of(v1, v2, v3)))
                .settingAllShadowVariables().penalizesBy(2);
    }

    @Test
    void visitFinishingAfterItsWindowIsPenalisedByTheOverrun() {
        CaregiverRoute r = route("a", Map.of());
        // arrives at 10, works 50 → finishes at 60; must finish by 55 → 5 over
        Visit late = visit("late", 1, 0, 55, 50);
        // then 10 more travel → starts at 70, finishes 80, window end 80 → on time (edge)
        Visit edge = visit("edge", 2, 0, 80, 10);
        assign(r, late, edge);
        verifier.verifyThat(RoutingConstraints::visitFinishesAfterWindow).givenSolution(plan(List.of(r), List.of(late, edge)))
                .settingAllShadowVariables().penalizesBy(5);
    }

    @Test
    void comingBackAfterTheShiftIsPenalisedByTheOverrun() {
        CaregiverRoute r = new CaregiverRoute("a", 0, 0, 0, 100, 500, Map.of(), false, TransportMode.E_BIKE, 0, LINE);
        // out 30, work 50, back 30 → back at 110, shift ends at 100
        Visit far = visit("far", 3, 0, 1000, 50);
        assign(r, far);
        verifier.verifyThat(RoutingConstraints::outsideShift).givenSolution(plan(List.of(r), List.of(far)))
                .settingAllShadowVariables().penalizesBy(10);
        CaregiverRoute exact = new CaregiverRoute("b", 0, 0, 0, 110, 500, Map.of(), false, TransportMode.E_BIKE, 0, LINE);
        Visit same = visit("same", 3, 0, 1000, 50);
        assign(exact, same);
        verifier.verifyThat(RoutingConstraints::outsideShift).givenSolution(plan(List.of(exact), List.of(same)))
                .settingAllShadowVariables().penalizesBy(0);
    }

    @Test
    void workingLongerThanTheMaximumIsPenalisedByTheOvertime() {
        CaregiverRoute r = new CaregiverRoute("a", 0, 0, 0, 1000, 100, Map.of(), false, TransportMode.E_BIKE, 0, LINE);
        // leaves at 190 to be at location 1 at 200; 200-240 visit, 250-290 visit at 2, back at 310 → 120 worked, 20 over
        Visit first = visit("first", 1, 200, 1000, 40);
        Visit second = visit("second", 2, 0, 1000, 40);
        assign(r, first, second);
        verifier.verifyThat(RoutingConstraints::overMaxWorkingTime).givenSolution(plan(List.of(r), List.of(first, second)))
                .settingAllShadowVariables().penalizesBy(20);
    }

    @Test
    void overCapacityIsPenalisedByTheExcessLoad() {
        CaregiverRoute r = new CaregiverRoute("a", 0, 0, 0, 1000, 500, Map.of(), false, TransportMode.CAR, 10, LINE);
        Visit v1 = visit("1", 1, 0, 1000, 1).withDemand(6);
        Visit v2 = visit("2", 2, 0, 1000, 1).withDemand(7);
        assign(r, v1, v2);
        verifier.verifyThat(RoutingConstraints::overCapacity).givenSolution(plan(List.of(r), List.of(v1, v2)))
                .settingAllShadowVariables().penalizesBy(3);
    }

    @Test
    void bothServicesOfADoubleVisitByOneCaregiverIsPenalised() {
        CaregiverRoute r = route("a", Map.of());
        CaregiverRoute other = route("b", Map.of());
        Visit first = visit("1a", 1, 0, 1000, 10);
        Visit second = visit("1b", 1, 0, 1000, 10);
        Visit.synchronise(first, second, 0, 50);
        assign(r, first, second);
        RoutePlan p = plan(List.of(r, other), List.of(first, second));
        verifier.verifyThat(RoutingConstraints::doubleServiceSameCaregiver).givenSolution(p).settingAllShadowVariables().penalizesBy(1);
        // the first waits for the second, which comes after it: the start times loop and cannot be computed
        verifier.verifyThat(RoutingConstraints::inconsistentSchedule).givenSolution(p).settingAllShadowVariables().penalizesBy(2);
    }

    @Test
    void synchronisedVisitsOnTwoCaregiversStartWithinTheirDelayAndAreNotPenalised() {
        CaregiverRoute a = route("a", Map.of());
        CaregiverRoute b = route("b", Map.of());
        Visit first = visit("3a", 3, 0, 1000, 10);
        Visit second = visit("3b", 3, 0, 1000, 10);
        Visit.synchronise(first, second, 15, 20);
        Visit near = visit("n", 1, 0, 1000, 60);
        assign(a, first);
        assign(b, near, second);
        RoutePlan p = plan(List.of(a, b), List.of(first, second, near));
        verifier.verifyThat(RoutingConstraints::doubleServiceSameCaregiver).givenSolution(p).settingAllShadowVariables().penalizesBy(0);
        verifier.verifyThat(RoutingConstraints::inconsistentSchedule).givenSolution(p).settingAllShadowVariables().penalizesBy(0);
    }

    @Test
    void unassignedVisitsArePenalisedByPriority() {
        CaregiverRoute r = route("a", Map.of());
        Visit urgent = new Visit("u", 1, 0, 900, 1000, 10, null, 0, Priority.URGENT, null);
        Visit red = new Visit("r", 2, 0, 900, 1000, 10, null, 0, Priority.RED, null);
        Visit green = new Visit("g", 3, 0, 900, 1000, 10, null, 0, Priority.GREEN, null);
        assign(r, green);
        verifier.verifyThat(RoutingConstraints::unassignedVisit).givenSolution(plan(List.of(r), List.of(urgent, red, green)))
                .settingAllShadowVariables().penalizesBy(Priority.URGENT.unassignedWeight() + Priority.RED.unassignedWeight());
    }

    @Test
    void travelTimeCountsEveryLegIncludingTheWayBack() {
        CaregiverRoute r = route("a", Map.of());
        Visit v1 = visit("1", 1, 0, 1000, 10);
        Visit v3 = visit("3", 3, 0, 1000, 10);
        assign(r, v1, v3);
        // 0→1: 10, 1→3: 20, 3→0: 30
        verifier.verifyThat(RoutingConstraints::travelTime).givenSolution(plan(List.of(r), List.of(v1, v3)))
                .settingAllShadowVariables().penalizesBy(60);
    }

    @Test
    void latenessInsideTheToleranceIsPenalisedPerUnit() {
        CaregiverRoute r = route("a", Map.of());
        // due to start by 5, hard end 100: arrives at 10 → 5 late
        Visit v = new Visit("1", 1, 0, 5, 100, 10, null, 0, Priority.GREEN, null);
        assign(r, v);
        verifier.verifyThat(RoutingConstraints::lateness).givenSolution(plan(List.of(r), List.of(v)))
                .settingAllShadowVariables().penalizesBy(5);
    }

    @Test
    void maxLatenessCountsOnlyTheWorstVisit() {
        CaregiverRoute r = route("a", Map.of());
        Visit v1 = new Visit("1", 1, 0, 5, 1000, 10, null, 0, Priority.GREEN, null);
        // arrives at 30 (10 + 10 service + 10 travel), due at 10 → 20 late
        Visit v2 = new Visit("2", 2, 0, 10, 1000, 10, null, 0, Priority.GREEN, null);
        assign(r, v1, v2);
        verifier.verifyThat(RoutingConstraints::maxLateness).givenSolution(plan(List.of(r), List.of(v1, v2)))
                .settingAllShadowVariables().penalizesBy(20);
    }

    @Test
    void anotherCaregiverThanTheUsualOneIsPenalised() {
        CaregiverRoute usual = route("usual", Map.of());
        CaregiverRoute other = route("other", Map.of());
        Visit kept = new Visit("k", 1, 0, 900, 1000, 10, null, 0, Priority.GREEN, "usual");
        Visit moved = new Visit("m", 2, 0, 900, 1000, 10, null, 0, Priority.GREEN, "usual");
        Visit none = new Visit("n", 3, 0, 900, 1000, 10, null, 0, Priority.GREEN, null);
        assign(usual, kept);
        assign(other, moved, none);
        verifier.verifyThat(RoutingConstraints::continuityOfCare).givenSolution(plan(List.of(usual, other), List.of(kept, moved, none)))
                .settingAllShadowVariables().penalizes(1);
    }

    @Test
    void workloadImbalanceIsZeroWhenEqualAndGrowsWithTheSpread() {
        CaregiverRoute a = route("a", Map.of());
        CaregiverRoute b = route("b", Map.of());
        Visit va = visit("a1", 1, 0, 1000, 30);
        Visit vb = visit("b1", 1, 0, 1000, 30);
        assign(a, va);
        assign(b, vb);
        verifier.verifyThat(RoutingConstraints::workloadImbalance).givenSolution(plan(List.of(a, b), List.of(va, vb)))
                .settingAllShadowVariables().penalizesBy(0);
        CaregiverRoute c = route("c", Map.of());
        CaregiverRoute d = route("d", Map.of());
        Visit vc1 = visit("c1", 1, 0, 1000, 30);
        Visit vc2 = visit("c2", 1, 0, 1000, 30);
        assign(c, vc1, vc2);
        verifier.verifyThat(RoutingConstraints::workloadImbalance).givenSolution(plan(List.of(c, d), List.of(vc1, vc2)))
                .settingAllShadowVariables().penalizes();
    }

    @Test
    void bookedVisitsOfOneCaregiverMayNotOverlapInTheirBookedTimesTouchingIsFine() {
        CaregiverRoute a = route("a", Map.of());
        CaregiverRoute b = route("b", Map.of());
        // booked [0,50) and [49,99): overlap by one; [99,149) only touches the second; unbooked visits never clash
        Visit first = visit("1", 1, 0, 1000, 50).booked();
        Visit overlaps = visit("2", 2, 49, 1000, 50).booked();
        Visit touches = visit("3", 3, 99, 1000, 50).booked();
        Visit unbooked = visit("4", 1, 0, 1000, 50);
        Visit otherRoute = visit("5", 1, 0, 1000, 50).booked();
        assign(a, first, overlaps, touches, unbooked);
        assign(b, otherRoute);
        verifier.verifyThat(RoutingConstraints::bookedTimeClash)
                .givenSolution(plan(List.of(a, b), List.of(first, overlaps, touches, unbooked, otherRoute)))
                .settingAllShadowVariables().penalizesBy(1);
    }

    @Test
    void brokenPromiseCostsHalfAnHourOfTravelPerVisitMovedOrLeftOut() {
        CaregiverRoute a = route("a", Map.of());
        CaregiverRoute b = route("b", Map.of());
        Visit kept = visit("kept", 1, 0, 1000, 10).promisedTo("a");
        Visit moved = visit("moved", 2, 0, 1000, 10).promisedTo("a");
        Visit dropped = visit("dropped", 3, 0, 1000, 10).promisedTo("b");
        Visit free = visit("free", 1, 0, 1000, 10);
        assign(a, kept);
        assign(b, moved, free);
        verifier.verifyThat(RoutingConstraints::brokenPromise).givenSolution(plan(List.of(a, b), List.of(kept, moved, dropped, free)))
                .settingAllShadowVariables().penalizesBy(2);
    }
}
