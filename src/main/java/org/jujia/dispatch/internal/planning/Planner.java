package org.jujia.dispatch.internal.planning;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jujia.catalogue.Qualification;
import org.jujia.dispatch.Order;
import org.jujia.shared.GeoPoint;
import org.jujia.workforce.BlacklistStatus;
import org.jujia.workforce.Caregiver;

/**
 * Maps a provider's day — dispatch orders and workforce caregivers — to a {@link RoutePlan}, solves it, and maps the
 * solution back to a {@link Result} of assignments; the Timefold model stays inside this package. Times are seconds
 * from midnight (Asia/Shanghai) of the day planned. A visit may start at its window start, should start by
 * {@code windowEnd - duration} (later is soft lateness) and must finish by {@code windowEnd + tolerance} (hard).
 * Re-planning pins the orders named in {@link Request#pinnedOrderIds()} (started or done) at the head of their
 * caregiver's route, where the solver cannot move them.
 */
public final class Planner {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Settings settings;

    public Planner(Settings settings) {
        this.settings = settings;
    }

    /**
     * @param shiftStart      when caregivers start, local time
     * @param shiftEnd        when they must be back
     * @param maxWorkMinutes  longest working time (leaving for the first visit to coming back)
     * @param toleranceMinutes how long after the window end a visit may still finish (soft lateness)
     * @param mode            how caregivers travel
     */
    public record Settings(LocalTime shiftStart, LocalTime shiftEnd, int maxWorkMinutes, int toleranceMinutes, TransportMode mode,
            TravelSpeeds speeds) {

        public static final Settings DEFAULT = new Settings(LocalTime.of(7, 30), LocalTime.of(19, 0), 540, 15, TransportMode.E_BIKE,
                TravelSpeeds.DEFAULT);
    }

    /**
     * One day's planning input.
     *
     * @param elderLocations  where each elder lives (orders of elders without a location are left unassigned)
     * @param usualCaregivers the elder's usual caregiver (user id), for continuity of care
     * @param pinnedOrderIds  orders already started or done: they stay with their caregiver, in time order
     */
    public record Request(LocalDate day, List<Order> orders, List<Caregiver> caregivers, Map<Long, GeoPoint> elderLocations,
            Map<Long, Long> usualCaregivers, Set<Long> pinnedOrderIds) {
    }

    /** An order given to a caregiver: its position in the route, planned start and the travel to get there. */
    public record Assignment(long orderId, long caregiverUserId, int sequence, Instant plannedStart, int travelMinutes, boolean pinned) {
    }

    /** The plan: assignments by caregiver and sequence, orders left unassigned, and the score. */
    public record Result(List<Assignment> assignments, List<Long> unassignedOrderIds, boolean feasible, long hardPenalty,
            long mediumPenalty, long softPenalty, long travelMinutes) {
    }

    /** Solves a day within {@code budget}. */
    public Result plan(Request request, Duration budget, long seed) {
        Mapping mapping = toProblem(request);
        RouteSolver.Result solved = RouteSolver.solve(mapping.problem(), budget, seed);
        return mapping.toResult(solved.plan());
    }

    /** The planning problem of a request, with what is needed to map the solution back. */
    Mapping toProblem(Request request) {
        Instant midnight = request.day().atStartOfDay(ZONE).toInstant();
        List<GeoPoint> points = new ArrayList<>();
        Map<Long, Integer> elderIndex = new HashMap<>();
        List<Caregiver> caregivers = request.caregivers().stream().sorted(Comparator.comparingLong(Caregiver::userId)).toList();
        GeoPoint fallback = request.elderLocations().values().stream().findFirst().orElse(new GeoPoint(31.30, 120.60));
        for (Caregiver c : caregivers) {
            points.add(c.base() != null ? c.base() : fallback);
        }
        for (Order o : request.orders()) {
            GeoPoint at = request.elderLocations().get(o.elderId());
            if (at != null && !elderIndex.containsKey(o.elderId())) {
                elderIndex.put(o.elderId(), points.size());
                points.add(at);
            }
        }
        TravelMatrix matrix = new GreatCircleMatrix(points, settings.speeds());
        long shiftStart = settings.shiftStart().toSecondOfDay();
        long shiftEnd = settings.shiftEnd().toSecondOfDay();
        Map<Long, CaregiverRoute> routes = new LinkedHashMap<>();
        for (int i = 0; i < caregivers.size(); i++) {
            Caregiver c = caregivers.get(i);
            Map<String, Integer> quals = new HashMap<>();
            int level = c.level() == null ? 0 : c.level().ordinal();
            for (Qualification q : c.qualifications()) {
                quals.put(q.name(), level);
            }
            boolean excluded = !c.active() || c.blacklist() != BlacklistStatus.NONE;
            routes.put(c.userId(), new CaregiverRoute(Long.toString(c.userId()), i, i, shiftStart, shiftEnd, settings.maxWorkMinutes() * 60L,
                    quals, excluded, settings.mode(), 0, matrix));
        }
        List<Visit> visits = new ArrayList<>();
        Map<String, Order> orderOf = new HashMap<>();
        List<Long> unplannable = new ArrayList<>();
        List<Visit> pinned = new ArrayList<>();
        for (Order o : request.orders()) {
            Integer location = elderIndex.get(o.elderId());
            if (location == null) {
                unplannable.add(o.id());
                continue;
            }
            long start = Duration.between(midnight, o.windowStart()).toSeconds();
            long end = Duration.between(midnight, o.windowEnd()).toSeconds();
            long duration = o.durationMinutes() * 60L;
            Qualification q = o.requiredQualification();
            String qualification = q == null || q == Qualification.NONE ? null : q.name();
            int minLevel = q == Qualification.CAREGIVER && o.minCaregiverLevel() != null ? o.minCaregiverLevel().ordinal() : 0;
            Long usual = request.usualCaregivers().get(o.elderId());
            Visit visit = new Visit(Long.toString(o.id()), location, start, Math.max(start, end - duration),
                    end + settings.toleranceMinutes() * 60L, duration, qualification, minLevel, Priority.valueOf(o.priority().name()),
                    usual == null ? null : usual.toString());
            if (request.pinnedOrderIds().contains(o.id()) && o.caregiverUserId() != null && routes.containsKey(o.caregiverUserId())) {
                visit.setPinned(true);
                pinned.add(visit);
            }
            visits.add(visit);
            orderOf.put(visit.getId(), o);
        }
        pinned.sort(Comparator.comparingLong(Visit::getEarliestStart));
        for (Visit v : pinned) {
            CaregiverRoute route = routes.get(orderOf.get(v.getId()).caregiverUserId());
            route.getVisits().add(v);
            route.setPinnedCount(route.getVisits().size());
        }
        RoutePlan problem = new RoutePlan(new ArrayList<>(routes.values()), visits, null);
        return new Mapping(problem, orderOf, unplannable, midnight);
    }

    /** A problem and how its visits map back to orders. */
    record Mapping(RoutePlan problem, Map<String, Order> orderOf, List<Long> unplannable, Instant midnight) {

        Result toResult(RoutePlan solved) {
            List<Assignment> assignments = new ArrayList<>();
            long travel = 0;
            for (CaregiverRoute route : solved.getRoutes()) {
                int sequence = 0;
                for (Visit v : route.getVisits()) {
                    assignments.add(new Assignment(orderOf.get(v.getId()).id(), Long.parseLong(route.getId()), ++sequence,
                            midnight.plusSeconds(v.getStartTime()), (int) Math.round(v.travelFromPrevious() / 60.0), v.isPinned()));
                }
                travel += route.totalTravel();
            }
            List<Long> unassigned = new ArrayList<>(unplannable);
            for (Visit v : solved.getVisits()) {
                if (v.getRoute() == null) {
                    unassigned.add(orderOf.get(v.getId()).id());
                }
            }
            var score = solved.getScore();
            return new Result(assignments, unassigned, score.isFeasible(), -score.hardScore(), -score.mediumScore(), -score.softScore(),
                    Math.round(travel / 60.0));
        }
    }
}
