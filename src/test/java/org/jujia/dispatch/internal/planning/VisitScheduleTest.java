package org.jujia.dispatch.internal.planning;

import static org.assertj.core.api.Assertions.assertThat;

import ai.timefold.solver.core.api.solver.SolutionManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The start-time shadow variables: waiting for the window, and double services kept within their delays. */
class VisitScheduleTest {

    private static final TravelMatrix LINE = new ExplicitMatrix(new double[][] {
            { 0, 10, 20, 30 }, { 10, 0, 10, 20 }, { 20, 10, 0, 10 }, { 30, 20, 10, 0 } }, 1);

    private static CaregiverRoute route(String id) {
        return new CaregiverRoute(id, 0, 0, 0, 1000, 500, Map.of(), false, TransportMode.CAR, 0, LINE);
    }

    private static Visit visit(String id, int location, long earliest, long duration) {
        return new Visit(id, location, earliest, 1000, 1000, duration, null, 0, Priority.GREEN, null);
    }

    @Test
    void aVisitStartsAtArrivalOrWhenItsWindowOpens() {
        CaregiverRoute r = route("a");
        Visit early = visit("1", 1, 0, 5);
        Visit waits = visit("2", 2, 100, 5);
        r.setVisits(new ArrayList<>(List.of(early, waits)));
        SolutionManager.updateShadowVariables(new RoutePlan(List.of(r), List.of(early, waits), null));
        assertThat(early.getStartTime()).isEqualTo(10);
        assertThat(waits.getStartTime()).isEqualTo(100);
        assertThat(r.returnTime()).isEqualTo(125);
    }

    @Test
    void theSecondServiceWaitsForTheMinimumDelayAndTheFirstWaitsUntilTheMaximumHolds() {
        CaregiverRoute a = route("a");
        CaregiverRoute b = route("b");
        Visit first = visit("3a", 3, 0, 10);
        Visit second = visit("3b", 3, 0, 10);
        Visit.synchronise(first, second, 15, 20);
        Visit detour = visit("n", 1, 0, 60);
        a.setVisits(new ArrayList<>(List.of(first)));
        b.setVisits(new ArrayList<>(List.of(detour, second)));
        SolutionManager.updateShadowVariables(new RoutePlan(List.of(a, b), List.of(first, second, detour), null));
        // a is ready at 30; b reaches 3 at 10 + 60 + 20 = 90: the first must wait until 90 - 20 = 70
        assertThat(first.getStartTime()).isEqualTo(70);
        assertThat(second.getStartTime()).isEqualTo(90);

        Visit together1 = visit("2a", 2, 0, 10);
        Visit together2 = visit("2b", 2, 0, 10);
        Visit.synchronise(together1, together2, 0, 0);
        CaregiverRoute c = route("c");
        CaregiverRoute d = route("d");
        Visit stop = visit("s", 1, 0, 7);
        c.setVisits(new ArrayList<>(List.of(together1)));
        d.setVisits(new ArrayList<>(List.of(stop, together2)));
        SolutionManager.updateShadowVariables(new RoutePlan(List.of(c, d), List.of(together1, together2, stop), null));
        assertThat(together1.getStartTime()).isEqualTo(27).isEqualTo(together2.getStartTime());
    }
}
