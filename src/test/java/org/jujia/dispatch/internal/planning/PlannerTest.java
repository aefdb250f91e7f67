package org.jujia.dispatch.internal.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jujia.catalogue.CaregiverLevel;
import org.jujia.catalogue.Qualification;
import org.jujia.dispatch.Order;
import org.jujia.dispatch.OrderPriority;
import org.jujia.dispatch.OrderSource;
import org.jujia.dispatch.OrderStatus;
import org.jujia.shared.GeoPoint;
import org.jujia.workforce.BlacklistStatus;
import org.jujia.workforce.Caregiver;
import org.jujia.workforce.ShiftHours;
import org.junit.jupiter.api.Test;

/** Mapping domain orders and caregivers to the planning problem and back; solving; re-planning with pinned visits. */
class PlannerTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 7);

    static Instant at(int hour, int minute) {
        return LocalDateTime.of(DAY, java.time.LocalTime.of(hour, minute)).atZone(Planner.ZONE).toInstant();
    }

    static Order order(long id, long elder, int fromHour, int toHour, int minutes, Qualification q, CaregiverLevel level, OrderPriority p,
            Long caregiver) {
        return new Order(id, elder, "老人" + elder, "/1/2/3/4/", "HOME_VISIT", "巡访", DAY, at(fromHour, 0), at(toHour, 0), minutes, 1, 3000, q,
                level, p, 5, "姑苏康养", OrderSource.CARE_PLAN, null, null, caregiver == null ? OrderStatus.ACCEPTED : OrderStatus.ASSIGNED,
                caregiver, null, null, null, null, null, at(0, 0), "system", 0);
    }

    static Caregiver caregiver(long id, CaregiverLevel level, Set<Qualification> q, BlacklistStatus b, GeoPoint base) {
        return new Caregiver(id, "caregiver" + id, "护理员" + id, 5, "姑苏康养", "/1/2/3/", level, q, base, true, null, true, b);
    }

    static GeoPoint point(double dLat, double dLon) {
        return new GeoPoint(31.30 + dLat, 120.60 + dLon);
    }

    @Test
    void ordersAndCaregiversMapToVisitsAndRoutesAndAssignmentsMapBack() {
        Caregiver nurse = caregiver(21, CaregiverLevel.LEVEL_3, Set.of(Qualification.CAREGIVER, Qualification.NURSE), BlacklistStatus.NONE,
                point(0, 0));
        Caregiver banned = caregiver(22, CaregiverLevel.LEVEL_5, Set.of(Qualification.CAREGIVER), BlacklistStatus.PROPOSED, point(0.01, 0));
        Order wound = order(1, 101, 9, 11, 45, Qualification.NURSE, null, OrderPriority.RED, null);
        Order bath = order(2, 102, 14, 16, 60, Qualification.CAREGIVER, CaregiverLevel.LEVEL_4, OrderPriority.GREEN, null);
        Order nowhere = order(3, 999, 9, 10, 30, Qualification.NONE, null, OrderPriority.YELLOW, null);
        Planner planner = new Planner(Planner.Settings.DEFAULT);
        Planner.Request request = new Planner.Request(DAY, List.of(wound, bath, nowhere), List.of(banned, nurse),
                Map.of(101L, point(0.005, 0.005), 102L, point(-0.005, 0.01)), Map.of(101L, 21L), List.of());

        Planner.Mapping mapping = planner.toProblem(request);
        RoutePlan problem = mapping.problem();
        assertThat(problem.getRoutes()).extracting(CaregiverRoute::getId).containsExactly("21", "22");
        CaregiverRoute nurseRoute = problem.getRoutes().get(0);
        assertThat(nurseRoute.getQualifications()).isEqualTo(Map.of("CAREGIVER", 2, "NURSE", 2));
        assertThat(nurseRoute.isBlacklisted()).isFalse();
        assertThat(problem.getRoutes().get(1).isBlacklisted()).isTrue();
        assertThat(nurseRoute.getShiftStart()).isEqualTo(7 * 3600 + 1800);
        assertThat(nurseRoute.getMaxWork()).isEqualTo(540 * 60);

        assertThat(problem.getVisits()).hasSize(2);
        Visit w = problem.getVisits().get(0);
        assertThat(w.getId()).isEqualTo("1");
        assertThat(w.getEarliestStart()).isEqualTo(9 * 3600);
        assertThat(w.getDueStart()).isEqualTo(11 * 3600);
        assertThat(w.getLatestEnd()).isEqualTo(11 * 3600 + 45 * 60 + 15 * 60);
        assertThat(w.getDuration()).isEqualTo(45 * 60);
        assertThat(w.getQualification()).isEqualTo("NURSE");
        assertThat(w.getPriority()).isEqualTo(Priority.RED);
        assertThat(w.getPreferredCaregiver()).isEqualTo("21");
        Visit b = problem.getVisits().get(1);
        assertThat(b.getQualification()).isEqualTo("CAREGIVER");
        assertThat(b.getMinLevel()).isEqualTo(CaregiverLevel.LEVEL_4.ordinal());

        nurseRoute.setVisits(new ArrayList<>(List.of(w, b)));
        ai.timefold.solver.core.api.solver.SolutionManager.updateShadowVariables(problem);
        problem.setScore(ai.timefold.solver.core.api.score.HardMediumSoftScore.ZERO);
        Planner.Result result = mapping.toResult(problem);
        assertThat(result.assignments()).extracting(Planner.Assignment::orderId).containsExactly(1L, 2L);
        assertThat(result.assignments()).extracting(Planner.Assignment::caregiverUserId).containsOnly(21L);
        assertThat(result.assignments()).extracting(Planner.Assignment::sequence).containsExactly(1, 2);
        assertThat(result.assignments().get(0).plannedStart()).isEqualTo(at(9, 0));
        assertThat(result.assignments().get(1).plannedStart()).isEqualTo(at(14, 0));
        assertThat(result.unassignedOrderIds()).containsExactly(3L);
    }

    @Test
    void aSmallInstanceIsSolvedToItsKnownOptimum() {
        // one caregiver, six elders at random points: the optimum tour is found by enumerating all 720 orders
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        int n = 7;
        double[][] d = new double[n][n];
        double[][] xy = new double[n][2];
        for (int i = 0; i < n; i++) {
            xy[i][0] = random.nextInt(100);
            xy[i][1] = random.nextInt(100);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = Math.round(Math.hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1]));
            }
        }
        TravelMatrix matrix = new ExplicitMatrix(d, 1);
        CaregiverRoute route = new CaregiverRoute("a", 0, 0, 0, 100_000, 100_000, Map.of(), false, TransportMode.CAR, 0, matrix);
        List<Visit> visits = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            visits.add(new Visit("v" + i, i, 0, 100_000, 100_000, 5, null, 0, Priority.GREEN, null));
        }
        var weights = SolomonInstance.distanceOnlyWeights();
        RoutePlan solved = RouteSolver.solve(new RoutePlan(List.of(route), visits, weights), Duration.ofSeconds(3), 1).plan();
        assertThat(solved.getScore().hardScore()).isZero();
        assertThat(solved.unassignedCount()).isZero();
        assertThat(-solved.getScore().softScore()).isEqualTo(bruteForce(d, new ArrayList<>(List.of(1, 2, 3, 4, 5, 6)), 0, 0));
    }

    private static long bruteForce(double[][] d, List<Integer> left, int at, long sofar) {
        if (left.isEmpty()) {
            return sofar + (long) d[at][0];
        }
        long best = Long.MAX_VALUE;
        for (int k = 0; k < left.size(); k++) {
            int next = left.remove(k);
            best = Math.min(best, bruteForce(d, left, next, sofar + (long) d[at][next]));
            left.add(k, next);
        }
        return best;
    }

    @Test
    void replanningKeepsStartedAndDoneVisitsWhereTheyWereAndMovesTheRest() {
        List<Caregiver> team = new ArrayList<>();
        for (long id = 1; id <= 3; id++) {
            team.add(caregiver(id, CaregiverLevel.LEVEL_3, Set.of(Qualification.CAREGIVER), BlacklistStatus.NONE, point(0.002 * id, 0)));
        }
        List<Order> orders = new ArrayList<>();
        Map<Long, GeoPoint> homes = new HashMap<>();
        for (long i = 1; i <= 12; i++) {
            orders.add(order(i, 100 + i, 8 + (int) (i % 4) * 2, 10 + (int) (i % 4) * 2, 30, Qualification.CAREGIVER, null, OrderPriority.YELLOW,
                    null));
            homes.put(100 + i, point(0.001 * i, 0.002 * (i % 3)));
        }
        Planner planner = new Planner(Planner.Settings.DEFAULT);
        Planner.Result first = planner.plan(new Planner.Request(DAY, orders, team, homes, Map.of(), List.of()), Duration.ofSeconds(2), 1);
        assertThat(first.feasible()).isTrue();
        assertThat(first.unassignedOrderIds()).isEmpty();

        // 10:00: the busiest caregiver has done its first visit and started the second; another calls in sick
        Map<Long, Long> assignedTo = new HashMap<>();
        Map<Long, Integer> load = new HashMap<>();
        first.assignments().forEach(a -> {
            assignedTo.put(a.orderId(), a.caregiverUserId());
            load.merge(a.caregiverUserId(), 1, Integer::sum);
        });
        long busiest = load.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        long sick = team.stream().map(Caregiver::userId).filter(id -> id != busiest).findFirst().orElseThrow();
        List<Planner.Assignment> before = first.assignments().stream().filter(a -> a.caregiverUserId() == busiest).toList();
        assertThat(before).hasSizeGreaterThanOrEqualTo(2);
        List<Long> pinned = List.of(before.get(0).orderId(), before.get(1).orderId());
        List<Order> current = orders.stream()
                .map(o -> order(o.id(), o.elderId(), hourOf(o.windowStart()), hourOf(o.windowEnd()), o.durationMinutes(), o.requiredQualification(),
                        null, o.priority(), assignedTo.get(o.id())))
                .toList();
        List<Caregiver> present = team.stream().filter(c -> c.userId() != sick).toList();
        Planner.Result replanned = planner.plan(new Planner.Request(DAY, current, present, homes, Map.of(), pinned), Duration.ofSeconds(2), 2);

        List<Planner.Assignment> after = replanned.assignments().stream().filter(a -> a.caregiverUserId() == busiest).toList();
        assertThat(after.get(0).orderId()).isEqualTo(before.get(0).orderId());
        assertThat(after.get(1).orderId()).isEqualTo(before.get(1).orderId());
        assertThat(after.get(0).pinned()).isTrue();
        assertThat(after.get(1).pinned()).isTrue();
        assertThat(replanned.assignments()).filteredOn(a -> !pinned.contains(a.orderId())).extracting(Planner.Assignment::pinned)
                .containsOnly(false);
        assertThat(replanned.assignments()).extracting(Planner.Assignment::caregiverUserId).doesNotContain(sick);
        assertThat(replanned.assignments().size() + replanned.unassignedOrderIds().size()).isEqualTo(12);
    }

    @Test
    void thePlatformsEligibilityPolicyDecidesWhoMayTakeAVisitByRequirement() {
        Caregiver a = caregiver(31, CaregiverLevel.LEVEL_3, Set.of(Qualification.CAREGIVER), BlacklistStatus.NONE, point(0, 0));
        Caregiver b = caregiver(32, CaregiverLevel.LEVEL_3, Set.of(Qualification.CAREGIVER), BlacklistStatus.NONE, point(0, 0));
        Order bath = order(1, 101, 9, 11, 45, Qualification.CAREGIVER, CaregiverLevel.LEVEL_4, OrderPriority.GREEN, null);
        Order chat = order(2, 102, 9, 11, 30, Qualification.NONE, null, OrderPriority.GREEN, 31L);
        List<String> asked = new ArrayList<>();
        // the policy (not the profile) says: 31 may do anything, 32 nothing (e.g. its provider lost its qualification)
        Planner.Eligibility policy = (user, q, min) -> {
            asked.add(user + ":" + q + "@" + min);
            return user == 31;
        };
        Planner.Request request = new Planner.Request(DAY, List.of(bath, chat), List.of(a, b), Map.of(101L, point(0.01, 0), 102L, point(0, 0.01)),
                Map.of(), List.of(), policy, null);
        RoutePlan problem = new Planner(Planner.Settings.DEFAULT).toProblem(request).problem();
        assertThat(asked).containsExactlyInAnyOrder("31:CAREGIVER@LEVEL_4", "31:NONE@null", "32:CAREGIVER@LEVEL_4", "32:NONE@null");
        Visit v1 = problem.getVisits().get(0);
        Visit v2 = problem.getVisits().get(1);
        assertThat(v1.getQualification()).isEqualTo("CAREGIVER@LEVEL_4");
        assertThat(problem.getRoutes().get(0).qualifiedFor(v1)).isTrue();
        assertThat(problem.getRoutes().get(1).qualifiedFor(v1)).isFalse();
        assertThat(problem.getRoutes().get(1).qualifiedFor(v2)).isFalse();
        // the assigned order is promised to its caregiver; both occupy their booked time
        assertThat(v2.getPromisedTo()).isEqualTo("31");
        assertThat(v1.getPromisedTo()).isNull();
        assertThat(v1.isBooked()).isTrue();
        assertThat(v1.getBookedStart()).isEqualTo(9 * 3600);
    }

    @Test
    void aCaregiverWorksTheHoursOfTheirOwnShiftWhereTheyAreKnown() {
        Caregiver evening = caregiver(41, CaregiverLevel.LEVEL_3, Set.of(Qualification.CAREGIVER), BlacklistStatus.NONE, point(0, 0));
        Caregiver day = caregiver(42, CaregiverLevel.LEVEL_3, Set.of(Qualification.CAREGIVER), BlacklistStatus.NONE, point(0.02, 0));
        Order morning = order(1, 101, 9, 10, 45, Qualification.NONE, null, OrderPriority.GREEN, null);
        Planner.Request request = new Planner.Request(DAY, List.of(morning), List.of(evening, day), Map.of(101L, point(0.001, 0)), Map.of(),
                List.of(), null, null, Map.of(41L, ShiftHours.of("晚班 14:00-22:00").orElseThrow()));
        RoutePlan problem = new Planner(Planner.Settings.DEFAULT).toProblem(request).problem();
        assertThat(problem.getRoutes().get(0).getShiftStart()).isEqualTo(14 * 3600);
        assertThat(problem.getRoutes().get(0).getShiftEnd()).isEqualTo(22 * 3600);
        assertThat(problem.getRoutes().get(1).getShiftStart()).isEqualTo(Planner.Settings.DEFAULT.shiftStart().toSecondOfDay());

        // the evening caregiver lives next door, but the morning visit goes to the one on duty
        Planner.Result result = new Planner(Planner.Settings.DEFAULT).plan(request, Duration.ofSeconds(1), 1);
        assertThat(result.feasible()).isTrue();
        assertThat(result.assignments()).singleElement().extracting(Planner.Assignment::caregiverUserId).isEqualTo(42L);
    }

    @Test
    void rePlanningTheCurrentDayBeginsNothingBeforeNowButKeepsTheBookedTimeAndTheHardWindow() {
        Caregiver a = caregiver(31, CaregiverLevel.LEVEL_3, Set.of(Qualification.CAREGIVER), BlacklistStatus.NONE, point(0, 0));
        Order open = order(1, 101, 9, 11, 45, Qualification.NONE, null, OrderPriority.GREEN, null);
        Order missed = order(2, 102, 7, 8, 30, Qualification.NONE, null, OrderPriority.GREEN, null);
        Planner.Request request = new Planner.Request(DAY, List.of(open, missed), List.of(a), Map.of(101L, point(0.01, 0), 102L, point(0, 0.01)),
                Map.of(), List.of(), null, at(10, 0));
        RoutePlan problem = new Planner(Planner.Settings.DEFAULT).toProblem(request).problem();
        Visit v = problem.getVisits().get(0);
        assertThat(v.getEarliestStart()).isEqualTo(10 * 3600);
        assertThat(v.getBookedStart()).isEqualTo(9 * 3600);
        assertThat(v.getLatestEnd()).isEqualTo(11 * 3600 + 45 * 60 + 15 * 60);
        Visit late = problem.getVisits().get(1);
        assertThat(late.getEarliestStart() + late.getDuration()).as("the missed window cannot be met any more").isGreaterThan(late.getLatestEnd());
    }

    @Test
    void unassignedVisitsAreExplainedByTheConstraintThatKeepsThemOutAndTheCurrentPlanIsScoredAlike() {
        Caregiver a = caregiver(31, CaregiverLevel.LEVEL_3, Set.of(Qualification.CAREGIVER), BlacklistStatus.NONE, point(0, 0));
        // two one-hour visits booked at 09:00 and one nurse visit: one caregiver can do only one of the first two
        Order first = order(1, 101, 9, 9, 60, Qualification.NONE, null, OrderPriority.RED, 31L);
        Order clash = order(2, 102, 9, 9, 60, Qualification.NONE, null, OrderPriority.GREEN, null);
        Order nurse = order(3, 103, 13, 15, 30, Qualification.NURSE, null, OrderPriority.GREEN, null);
        Order nowhere = order(4, 999, 13, 15, 30, Qualification.NONE, null, OrderPriority.GREEN, null);
        Planner planner = new Planner(Planner.Settings.DEFAULT);
        Planner.Request request = new Planner.Request(DAY, List.of(first, clash, nurse, nowhere), List.of(a),
                Map.of(101L, point(0.01, 0), 102L, point(0, 0.01), 103L, point(0.01, 0.01)), Map.of(), List.of());
        Planner.Solved solved = planner.solve(request, Duration.ofSeconds(1), 1, null, null);
        assertThat(solved.result().unassignedOrderIds()).containsExactlyInAnyOrder(2L, 3L, 4L);
        var score = solved.plan().getScore();
        Map<Long, String> why = planner.explainUnassigned(solved.mapping(), solved.plan(), 10);
        assertThat(why).containsEntry(3L, Planner.NO_ELIGIBLE_CAREGIVER).containsEntry(4L, Planner.NO_LOCATION);
        assertThat(why.get(2L)).isIn(RoutingConstraints.BOOKED_TIME_CLASH, RoutingConstraints.FINISHES_AFTER_WINDOW);
        // trying it in left the plan as it was
        assertThat(solved.plan().getScore()).isEqualTo(score);
        assertThat(solved.plan().getVisits().get(1).getRoute()).isNull();

        // the per-constraint breakdown used for the reason adds up to the solver's own hard score
        RoutePlan plan = solved.plan();
        Visit clashing = plan.getVisits().get(1);
        plan.getRoutes().get(0).getVisits().add(clashing);
        var forced = Planner.scorer().update(plan);
        assertThat(forced.hardScore()).isNegative();
        assertThat(Planner.hardBreakdown(plan).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(-forced.hardScore());
        plan.getRoutes().get(0).getVisits().remove(clashing);

        Planner.Result current = planner.current(request);
        assertThat(current.assignments()).extracting(Planner.Assignment::orderId).containsExactly(1L);
        assertThat(current.metrics().assigned()).isEqualTo(1);
        assertThat(current.metrics().unassigned()).isEqualTo(3);
        assertThat(current.mediumPenalty()).isEqualTo(solved.result().mediumPenalty());
        assertThat(current.metrics().travelMinutes()).isEqualTo(solved.result().metrics().travelMinutes());
    }

    private static int hourOf(Instant instant) {
        return instant.atZone(Planner.ZONE).getHour();
    }
}
