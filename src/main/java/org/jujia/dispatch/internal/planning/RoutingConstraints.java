package org.jujia.dispatch.internal.planning;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;

/**
 * The rules of a good day plan, one method each. Hard: qualification, blacklist, visit window, shift, working time,
 * (benchmarks) capacity, double services on two different caregivers, consistent schedules. Medium: unassigned visits
 * weighted by priority. Soft (all in the plan's time unit, seconds for real plans): travel, lateness inside the
 * tolerance, the single worst lateness, continuity of care and workload imbalance. Default weights are those of real
 * plans; a plan can override them ({@link RoutePlan#getConstraintWeightOverrides()}).
 */
public class RoutingConstraints implements ConstraintProvider {

    public static final String MISSING_QUALIFICATION = "missingQualification";
    public static final String BLACKLISTED_CAREGIVER = "blacklistedCaregiver";
    public static final String FINISHES_AFTER_WINDOW = "visitFinishesAfterWindow";
    public static final String OUTSIDE_SHIFT = "outsideShift";
    public static final String OVER_MAX_WORKING_TIME = "overMaxWorkingTime";
    public static final String OVER_CAPACITY = "overCapacity";
    public static final String DOUBLE_SERVICE_SAME_CAREGIVER = "doubleServiceSameCaregiver";
    public static final String INCONSISTENT_SCHEDULE = "inconsistentSchedule";
    public static final String UNASSIGNED_VISIT = "unassignedVisit";
    public static final String TRAVEL_TIME = "travelTime";
    public static final String LATENESS = "lateness";
    public static final String MAX_LATENESS = "maxLateness";
    public static final String CONTINUITY_OF_CARE = "continuityOfCare";
    public static final String WORKLOAD_IMBALANCE = "workloadImbalance";
    public static final String BOOKED_TIME_CLASH = "bookedTimeClash";
    public static final String BROKEN_PROMISE = "brokenPromise";

    /** Soft penalty for a visit not done by the elder's usual caregiver: worth 10 minutes of travel. */
    static final long CONTINUITY_WEIGHT = 600;
    /** Lateness costs twice as much as travel. */
    static final long LATENESS_WEIGHT = 2;
    /** Soft penalty for moving a visit away from the caregiver it was promised to: worth 30 minutes of travel. */
    static final long PROMISE_WEIGHT = 1800;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory f) {
        return new Constraint[] {
                missingQualification(f), blacklistedCaregiver(f), visitFinishesAfterWindow(f), outsideShift(f),
                overMaxWorkingTime(f), overCapacity(f), doubleServiceSameCaregiver(f), inconsistentSchedule(f), bookedTimeClash(f),
                unassignedVisit(f),
                travelTime(f), lateness(f), maxLateness(f), continuityOfCare(f), workloadImbalance(f), brokenPromise(f) };
    }

    // ------------------------------------------------------------------ hard

    Constraint missingQualification(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(v -> !v.getRoute().qualifiedFor(v))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint(MISSING_QUALIFICATION);
    }

    Constraint blacklistedCaregiver(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(v -> v.getRoute().isBlacklisted())
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint(BLACKLISTED_CAREGIVER);
    }

    /** By how much (time unit) the visit finishes after its latest end. */
    Constraint visitFinishesAfterWindow(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(v -> v.overrunOfWindow() > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, Visit::overrunOfWindow)
                .asConstraint(FINISHES_AFTER_WINDOW);
    }

    /** By how much the caregiver comes back after the end of the shift. */
    Constraint outsideShift(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(v -> v.isLast() && v.beyondShift() > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, Visit::beyondShift)
                .asConstraint(OUTSIDE_SHIFT);
    }

    /**
     * By how much the route (leaving for its first visit to coming back after its last) exceeds the caregiver's
     * maximum working time. Evaluated on the visits, whose times the solver tracks, not on the route.
     */
    Constraint overMaxWorkingTime(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(Visit::isLast)
                .join(Visit.class, Joiners.equal(Visit::getRoute), Joiners.filtering((last, first) -> first.isFirst()))
                .filter((last, first) -> last.overtimeFrom(first) > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, Visit::overtimeFrom)
                .asConstraint(OVER_MAX_WORKING_TIME);
    }

    /** Vehicle capacity (Solomon benchmarks; real caregivers have capacity 0 = unlimited). */
    Constraint overCapacity(ConstraintFactory f) {
        return f.forEach(CaregiverRoute.class)
                .filter(r -> r.overload() > 0)
                .penalize(HardMediumSoftScore.ONE_HARD, CaregiverRoute::overload)
                .asConstraint(OVER_CAPACITY);
    }

    /** The two services of a double visit need two people (counted even when the pair's times are inconsistent). */
    Constraint doubleServiceSameCaregiver(ConstraintFactory f) {
        return f.forEachUnfiltered(Visit.class)
                .filter(v -> v.isFirstOfPair() && v.getRoute() != null && v.getPartner().getRoute() == v.getRoute())
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint(DOUBLE_SERVICE_SAME_CAREGIVER);
    }

    /** A start time that cannot be computed (two synchronised visits waiting for each other in a loop). */
    Constraint inconsistentSchedule(ConstraintFactory f) {
        return f.forEachUnfiltered(Visit.class)
                .filter(Visit::isInconsistent)
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint(INCONSISTENT_SCHEDULE);
    }

    /**
     * Two booked visits (real orders) of one caregiver whose booked times {@code [windowStart, windowStart + duration)}
     * overlap: dispatch's assignment refuses such a clash, so a plan must not contain one (touching is fine).
     */
    Constraint bookedTimeClash(ConstraintFactory f) {
        return f.forEach(Visit.class).filter(Visit::isBooked)
                .join(f.forEach(Visit.class).filter(Visit::isBooked), Joiners.equal(Visit::getRoute), Joiners.lessThan(Visit::getId),
                        Joiners.overlapping(Visit::getBookedStart, Visit::bookedUntil))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint(BOOKED_TIME_CLASH);
    }

    // ------------------------------------------------------------------ medium

    Constraint unassignedVisit(ConstraintFactory f) {
        return f.forEachIncludingUnassigned(Visit.class)
                .filter(v -> v.getRoute() == null)
                .penalize(HardMediumSoftScore.ONE_MEDIUM, v -> v.getPriority().unassignedWeight())
                .asConstraint(UNASSIGNED_VISIT);
    }

    // ------------------------------------------------------------------ soft

    /** Travel to each visit from the previous one (or the start location), and from the last one back. */
    Constraint travelTime(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .penalize(HardMediumSoftScore.ONE_SOFT, v -> v.travelFromPrevious() + (v.getNext() == null ? v.travelToRouteEnd() : 0))
                .asConstraint(TRAVEL_TIME);
    }

    /** Starting after the due start (still inside the hard window: the tolerance). */
    Constraint lateness(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(v -> v.lateness() > 0)
                .penalize(HardMediumSoftScore.ofSoft(LATENESS_WEIGHT), Visit::lateness)
                .asConstraint(LATENESS);
    }

    /** The worst single lateness of the plan (part of the Mankowska objective; keeps lateness spread). */
    Constraint maxLateness(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(v -> v.lateness() > 0)
                .groupBy(ConstraintCollectors.max(Visit::lateness))
                .penalize(HardMediumSoftScore.ONE_SOFT, max -> max)
                .asConstraint(MAX_LATENESS);
    }

    Constraint continuityOfCare(ConstraintFactory f) {
        return f.forEach(Visit.class)
                .filter(v -> v.getPreferredCaregiver() != null && !v.getPreferredCaregiver().equals(v.getRoute().getId()))
                .penalize(HardMediumSoftScore.ofSoft(CONTINUITY_WEIGHT))
                .asConstraint(CONTINUITY_OF_CARE);
    }

    /** A visit already promised to a caregiver (an assigned order) that the plan moves to another or leaves out. */
    Constraint brokenPromise(ConstraintFactory f) {
        return f.forEachIncludingUnassigned(Visit.class)
                .filter(v -> v.getPromisedTo() != null && (v.getRoute() == null || !v.getPromisedTo().equals(v.getRoute().getId())))
                .penalize(HardMediumSoftScore.ofSoft(PROMISE_WEIGHT))
                .asConstraint(BROKEN_PROMISE);
    }

    /**
     * Unfairness (standard-deviation-like spread) of working time across all caregivers, idle ones included. Read from
     * the routes: exact when visit times depend only on their own route (true without double services).
     */
    Constraint workloadImbalance(ConstraintFactory f) {
        return f.forEach(CaregiverRoute.class)
                .groupBy(ConstraintCollectors.loadBalance(r -> r, CaregiverRoute::workingTime))
                .penalize(HardMediumSoftScore.ONE_SOFT, lb -> lb.unfairness().longValue())
                .asConstraint(WORKLOAD_IMBALANCE);
    }
}
