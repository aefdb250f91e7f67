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
import org.jujia.catalogue.CaregiverLevel;
import org.jujia.catalogue.Qualification;
import org.jujia.dispatch.Order;
import org.jujia.shared.GeoPoint;
import org.jujia.workforce.BlacklistStatus;
import org.jujia.workforce.Caregiver;
import org.jujia.workforce.ShiftHours;

/**
 * Maps a provider's day — dispatch orders and workforce caregivers — to a {@link RoutePlan}, solves it, and maps the
 * solution back to a {@link Result} of assignments; the Timefold model stays inside this package. Times are seconds
 * from midnight (Asia/Shanghai) of the day planned. An order's window is when the visit should begin (docs/dispatch.md):
 * it may start at {@code windowStart}, should start by {@code windowEnd} (later is soft lateness) and must be finished
 * by {@code windowEnd + duration + tolerance} (hard: "finishing after its window").
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
     * @param shiftStart      when caregivers start, local time (unless their own shift hours are known)
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
     * @param pinnedOrderIds  orders already started or done, in the order they were performed: they stay with their
     *                        caregiver, in that order, at the head of the route
     * @param eligibility     the platform's assignability policy; null: each caregiver's own profile decides
     * @param notBefore       re-planning the current day: no visit that is not pinned may begin before this instant; null for none
     */
    public record Request(LocalDate day, List<Order> orders, List<Caregiver> caregivers, Map<Long, GeoPoint> elderLocations,
            Map<Long, Long> usualCaregivers, List<Long> pinnedOrderIds, Eligibility eligibility, Instant notBefore,
            Map<Long, ShiftHours> shifts) {

        /** Every caregiver on the settings' shift. */
        public Request(LocalDate day, List<Order> orders, List<Caregiver> caregivers, Map<Long, GeoPoint> elderLocations,
                Map<Long, Long> usualCaregivers, List<Long> pinnedOrderIds, Eligibility eligibility, Instant notBefore) {
            this(day, orders, caregivers, elderLocations, usualCaregivers, pinnedOrderIds, eligibility, notBefore, Map.of());
        }

        /** A request judged by each caregiver's own profile ({@link Caregiver#eligibilityFor}). */
        public Request(LocalDate day, List<Order> orders, List<Caregiver> caregivers, Map<Long, GeoPoint> elderLocations,
                Map<Long, Long> usualCaregivers, List<Long> pinnedOrderIds) {
            this(day, orders, caregivers, elderLocations, usualCaregivers, pinnedOrderIds, null, null);
        }
    }

    /**
     * Who may do what: the platform's assignability policy ({@code Workforce.assignability}), asked once per caregiver
     * and distinct requirement of the day.
     */
    @FunctionalInterface
    public interface Eligibility {
        boolean eligible(long caregiverUserId, Qualification required, CaregiverLevel minLevel);
    }

    /**
     * A plan measured the same way whoever made it (the solver or the operator by hand).
     *
     * @param latenessMinutes         minutes started after the window end, summed
     * @param continuityBreaks        visits not done by the elder's usual caregiver
     * @param workloadSpreadMinutes   longest minus shortest working day among the caregivers
     */
    public record Metrics(long travelMinutes, long latenessMinutes, int continuityBreaks, long workloadSpreadMinutes, int assigned,
            int unassigned, long hardPenalty, long mediumPenalty, long softPenalty) {
    }

    /** An order given to a caregiver: its position in the route, planned start and the travel to get there. */
    public record Assignment(long orderId, long caregiverUserId, int sequence, Instant plannedStart, int travelMinutes, boolean pinned) {
    }

    /** The plan: assignments by caregiver and sequence, orders left unassigned, and the score. */
    public record Result(List<Assignment> assignments, List<Long> unassignedOrderIds, boolean feasible, long hardPenalty,
            long mediumPenalty, long softPenalty, long travelMinutes, Metrics metrics) {
    }

    /** Why an order was left out: {@link #NO_LOCATION}, {@link #NO_ELIGIBLE_CAREGIVER}, {@link #NOT_REACHED} or a hard constraint's name. */
    public static final String NO_LOCATION = "noLocation";
    public static final String NO_ELIGIBLE_CAREGIVER = "noEligibleCaregiver";
    /** fitting it in breaks no hard constraint: the solver's time ran out before it did */
    public static final String NOT_REACHED = "notReached";
    /** more orders were left out than were tried one by one */
    public static final String NOT_EXAMINED = "notExamined";

    /** Solves a day within {@code budget}. */
    public Result plan(Request request, Duration budget, long seed) {
        Mapping mapping = toProblem(request);
        RouteSolver.Result solved = RouteSolver.solve(mapping.problem(), budget, seed);
        return mapping.toResult(solved.plan());
    }

    /** A solved day: the mapping (to explain it further), the best plan found and its result. */
    public record Solved(Mapping mapping, RoutePlan plan, Result result) {
    }

    /**
     * Solves a day within {@code budget}, reporting every new best score to {@code onBest}; {@code started} receives the
     * solver before it starts (to stop it early from another thread: the best plan so far is returned).
     */
    public Solved solve(Request request, Duration budget, long seed, RouteSolver.BestListener onBest,
            java.util.function.Consumer<ai.timefold.solver.core.api.solver.Solver<RoutePlan>> started) {
        Mapping mapping = toProblem(request);
        RouteSolver.Result solved = RouteSolver.solve(mapping.problem(), RouteSolver.config(budget, seed), onBest, started);
        return new Solved(mapping, solved.plan(), mapping.toResult(solved.plan()));
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
        java.util.Set<String> requirements = new java.util.TreeSet<>();
        for (Order o : request.orders()) {
            requirements.add(requirementKey(o));
        }
        for (int i = 0; i < caregivers.size(); i++) {
            Caregiver c = caregivers.get(i);
            Map<String, Integer> quals = new HashMap<>();
            if (request.eligibility() == null) {
                int level = c.level() == null ? 0 : c.level().ordinal();
                for (Qualification q : c.qualifications()) {
                    quals.put(q.name(), level);
                }
            } else {
                // the platform's policy decides: a visit needs its requirement key, held by the caregivers it allows
                for (String key : requirements) {
                    String[] parts = key.split("@", -1);
                    CaregiverLevel min = parts[1].isEmpty() ? null : CaregiverLevel.valueOf(parts[1]);
                    if (request.eligibility().eligible(c.userId(), Qualification.valueOf(parts[0]), min)) {
                        quals.put(key, 0);
                    }
                }
            }
            boolean excluded = !c.active() || c.blacklist() != BlacklistStatus.NONE;
            // a caregiver's own shift hours (workforce records) where known, else the settings' day
            ShiftHours own = request.shifts() == null ? null : request.shifts().get(c.userId());
            routes.put(c.userId(), new CaregiverRoute(Long.toString(c.userId()), i, i, own == null ? shiftStart : own.startSecond(),
                    own == null ? shiftEnd : own.endSecond(), settings.maxWorkMinutes() * 60L,
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
            long booked = Duration.between(midnight, o.windowStart()).toSeconds();
            long start = booked;
            if (request.notBefore() != null && !request.pinnedOrderIds().contains(o.id())) {
                start = Math.max(start, Duration.between(midnight, request.notBefore()).toSeconds());
            }
            long windowEnd = Duration.between(midnight, o.windowEnd()).toSeconds();
            long end = Math.max(start, windowEnd);
            long duration = o.durationMinutes() * 60L;
            Qualification q = o.requiredQualification();
            String qualification;
            int minLevel;
            if (request.eligibility() == null) {
                qualification = q == null || q == Qualification.NONE ? null : q.name();
                minLevel = q == Qualification.CAREGIVER && o.minCaregiverLevel() != null ? o.minCaregiverLevel().ordinal() : 0;
            } else {
                qualification = requirementKey(o);
                minLevel = 0;
            }
            Long usual = request.usualCaregivers().get(o.elderId());
            Visit visit = new Visit(Long.toString(o.id()), location, start, end, windowEnd + duration + settings.toleranceMinutes() * 60L, duration, qualification, minLevel, Priority.valueOf(o.priority().name()),
                    usual == null ? null : usual.toString()).booked(booked);
            boolean heldByPresent = o.caregiverUserId() != null && routes.containsKey(o.caregiverUserId());
            if (request.pinnedOrderIds().contains(o.id()) && heldByPresent) {
                visit.setPinned(true);
                pinned.add(visit);
            } else if (heldByPresent && o.status() == org.jujia.dispatch.OrderStatus.ASSIGNED) {
                visit.promisedTo(o.caregiverUserId().toString());
            }
            visits.add(visit);
            orderOf.put(visit.getId(), o);
        }
        pinned.sort(Comparator.comparingInt(v -> request.pinnedOrderIds().indexOf(orderOf.get(v.getId()).id())));
        for (Visit v : pinned) {
            CaregiverRoute route = routes.get(orderOf.get(v.getId()).caregiverUserId());
            route.getVisits().add(v);
            route.setPinnedCount(route.getVisits().size());
        }
        RoutePlan problem = new RoutePlan(new ArrayList<>(routes.values()), visits, null);
        return new Mapping(problem, orderOf, unplannable, midnight);
    }

    /** The requirement an order puts on a caregiver, as a key: {@code QUALIFICATION@MIN_LEVEL} (level empty when none applies). */
    static String requirementKey(Order o) {
        Qualification q = o.requiredQualification() == null ? Qualification.NONE : o.requiredQualification();
        CaregiverLevel min = q == Qualification.CAREGIVER ? o.minCaregiverLevel() : null;
        return q.name() + "@" + (min == null ? "" : min.name());
    }

    /**
     * The plan as it stands (the operator's): every order assigned to a caregiver of the request on that caregiver's
     * route in order of start (pinned ones first, as performed), scored with the same constraints as a solved plan.
     */
    public Result current(Request request) {
        Mapping mapping = toProblem(request);
        RoutePlan plan = mapping.problem();
        Map<String, CaregiverRoute> byId = new HashMap<>();
        plan.getRoutes().forEach(r -> byId.put(r.getId(), r));
        List<Visit> held = new ArrayList<>();
        for (Visit v : plan.getVisits()) {
            Order o = mapping.orderOf().get(v.getId());
            if (!v.isPinned() && o.status() == org.jujia.dispatch.OrderStatus.ASSIGNED && byId.containsKey(String.valueOf(o.caregiverUserId()))) {
                held.add(v);
            }
        }
        held.sort(Comparator.comparingLong(Visit::getEarliestStart).thenComparing(Visit::getId));
        for (Visit v : held) {
            byId.get(String.valueOf(mapping.orderOf().get(v.getId()).caregiverUserId())).getVisits().add(v);
        }
        plan.setScore(scorer().update(plan));
        return mapping.toResult(plan);
    }

    /** Scores and explains plans with the routing constraints (no solving). */
    static ai.timefold.solver.core.api.solver.SolutionManager<RoutePlan, ai.timefold.solver.core.api.score.HardMediumSoftScore> scorer() {
        return ai.timefold.solver.core.api.solver.SolutionManager.create(
                ai.timefold.solver.core.api.solver.SolverFactory.create(RouteSolver.config(Duration.ofSeconds(1), 0)));
    }

    /**
     * Why each order of a solved plan was left out: no location, nobody eligible, else the hard constraint that the best
     * place to fit it in would break most — each eligible caregiver's route is tried at the positions around the
     * visit's window and the best trial's hard penalties are compared constraint by constraint ({@link #hardBreakdown};
     * Timefold's score analysis and recommendations are commercial features) — or {@link #NOT_REACHED} when it fits
     * without breaking one. At most {@code limit} orders are tried ({@link #NOT_EXAMINED} beyond).
     */
    public Map<Long, String> explainUnassigned(Mapping mapping, RoutePlan solved, int limit) {
        Map<Long, String> out = new LinkedHashMap<>();
        for (Long id : mapping.unplannable()) {
            out.put(id, NO_LOCATION);
        }
        var manager = scorer();
        int examined = 0;
        List<Visit> left = solved.getVisits().stream().filter(v -> v.getRoute() == null).toList();
        for (Visit v : left) {
            long orderId = mapping.orderOf().get(v.getId()).id();
            List<CaregiverRoute> candidates = solved.getRoutes().stream().filter(r -> r.qualifiedFor(v) && !r.isBlacklisted()).toList();
            if (candidates.isEmpty()) {
                out.put(orderId, NO_ELIGIBLE_CAREGIVER);
                continue;
            }
            if (examined++ >= limit) {
                out.put(orderId, NOT_EXAMINED);
                continue;
            }
            ai.timefold.solver.core.api.score.HardMediumSoftScore best = null;
            CaregiverRoute bestRoute = null;
            int bestIndex = -1;
            for (CaregiverRoute r : candidates) {
                List<Visit> list = r.getVisits();
                int at = r.getPinnedCount();
                while (at < list.size() && list.get(at).getEarliestStart() <= v.getEarliestStart()) {
                    at++;
                }
                for (int i = Math.max(r.getPinnedCount(), at - 1); i <= Math.min(list.size(), at + 1); i++) {
                    list.add(i, v);
                    var score = manager.update(solved);
                    list.remove(i);
                    if (best == null || score.compareTo(best) > 0) {
                        best = score;
                        bestRoute = r;
                        bestIndex = i;
                    }
                }
            }
            String reason = NOT_REACHED;
            if (best != null && best.hardScore() < 0) {
                manager.update(solved);
                Map<String, Long> without = hardBreakdown(solved);
                bestRoute.getVisits().add(bestIndex, v);
                manager.update(solved);
                Map<String, Long> with = hardBreakdown(solved);
                bestRoute.getVisits().remove(bestIndex);
                long worst = 0;
                for (var e : with.entrySet()) {
                    long increase = e.getValue() - without.getOrDefault(e.getKey(), 0L);
                    if (increase > worst) {
                        worst = increase;
                        reason = e.getKey();
                    }
                }
            }
            out.put(orderId, reason);
        }
        solved.setScore(manager.update(solved));
        return out;
    }

    /**
     * The hard penalty of a real plan (shadow variables up to date) per hard constraint, computed as
     * {@link RoutingConstraints} does: qualification, blacklist, window overrun, shift overrun, working time, booked-time
     * clashes, inconsistent times (capacity and double services do not occur in real plans).
     */
    static Map<String, Long> hardBreakdown(RoutePlan plan) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (CaregiverRoute r : plan.getRoutes()) {
            List<Visit> vs = r.getVisits();
            for (int i = 0; i < vs.size(); i++) {
                Visit v = vs.get(i);
                if (v.isInconsistent() || v.getStartTime() == null) {
                    m.merge(RoutingConstraints.INCONSISTENT_SCHEDULE, 1L, Long::sum);
                    continue;
                }
                if (!r.qualifiedFor(v)) {
                    m.merge(RoutingConstraints.MISSING_QUALIFICATION, 1L, Long::sum);
                }
                if (r.isBlacklisted()) {
                    m.merge(RoutingConstraints.BLACKLISTED_CAREGIVER, 1L, Long::sum);
                }
                m.merge(RoutingConstraints.FINISHES_AFTER_WINDOW, Math.max(0, v.overrunOfWindow()), Long::sum);
                if (i == vs.size() - 1) {
                    m.merge(RoutingConstraints.OUTSIDE_SHIFT, Math.max(0, v.beyondShift()), Long::sum);
                    m.merge(RoutingConstraints.OVER_MAX_WORKING_TIME, Math.max(0, v.overtimeFrom(vs.getFirst())), Long::sum);
                }
                for (int k = i + 1; k < vs.size(); k++) {
                    Visit w = vs.get(k);
                    if (v.isBooked() && w.isBooked() && v.getBookedStart() < w.bookedUntil() && w.getBookedStart() < v.bookedUntil()) {
                        m.merge(RoutingConstraints.BOOKED_TIME_CLASH, 1L, Long::sum);
                    }
                }
            }
        }
        return m;
    }

    /** A problem and how its visits map back to orders. */
    public record Mapping(RoutePlan problem, Map<String, Order> orderOf, List<Long> unplannable, Instant midnight) {

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
            long lateness = 0;
            int breaks = 0;
            for (Visit v : solved.getVisits()) {
                if (v.getRoute() != null && v.getStartTime() != null) {
                    lateness += v.lateness();
                    if (v.getPreferredCaregiver() != null && !v.getPreferredCaregiver().equals(v.getRoute().getId())) {
                        breaks++;
                    }
                }
            }
            long longest = solved.getRoutes().stream().mapToLong(CaregiverRoute::workingTime).max().orElse(0);
            long shortest = solved.getRoutes().stream().mapToLong(CaregiverRoute::workingTime).min().orElse(0);
            Metrics metrics = new Metrics(Math.round(travel / 60.0), Math.round(lateness / 60.0), breaks, Math.round((longest - shortest) / 60.0),
                    assignments.size(), unassigned.size(), -score.hardScore(), -score.mediumScore(), -score.softScore());
            return new Result(assignments, unassigned, score.isFeasible(), -score.hardScore(), -score.mediumScore(), -score.softScore(),
                    Math.round(travel / 60.0), metrics);
        }
    }
}
