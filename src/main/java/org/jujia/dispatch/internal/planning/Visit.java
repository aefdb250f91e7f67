package org.jujia.dispatch.internal.planning;

import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.variable.InverseRelationShadowVariable;
import ai.timefold.solver.core.api.domain.variable.NextElementShadowVariable;
import ai.timefold.solver.core.api.domain.variable.PreviousElementShadowVariable;
import ai.timefold.solver.core.api.domain.variable.ShadowSources;
import ai.timefold.solver.core.api.domain.variable.ShadowVariable;
import ai.timefold.solver.core.api.domain.variable.ShadowVariablesInconsistent;

/**
 * One visit to plan: where, when it may start ({@code earliestStart}), when it should have started
 * ({@code dueStart}: later is soft lateness) and when it must be finished ({@code latestEnd}: hard), how long it
 * takes, which qualification (and level) it needs, its priority, the elder's usual caregiver, and — for a double
 * service — the partner visit it is synchronised with: the first of the pair starts {@code syncMinDelay} to
 * {@code syncMaxDelay} before the second (0/0 = simultaneously). Times are in the plan's unit from the plan's origin.
 * The caregiver, previous visit and start time are shadow variables maintained by the solver.
 */
@PlanningEntity
public class Visit {

    @PlanningId
    private String id;
    private int location;
    private long earliestStart;
    private long dueStart;
    private long latestEnd;
    private long duration;
    private String qualification;
    private int minLevel;
    private Priority priority;
    private String preferredCaregiver;
    private long demand;
    private Visit partner;
    private java.util.List<Visit> partners = java.util.List.of();
    private boolean firstOfPair;
    private long syncMinDelay;
    private long syncMaxDelay;
    private boolean pinned;
    /** the caregiver (route id) the visit is already promised to (an assigned order), preferred to stay there; null if none */
    private String promisedTo;
    /**
     * Real orders: the visit occupies {@code [earliestStart, earliestStart + duration)} as booked (dispatch's clash rule),
     * so two such visits of one caregiver may not overlap there.
     */
    private boolean booked;
    private long bookedStart;

    @InverseRelationShadowVariable(sourceVariableName = "visits")
    private CaregiverRoute route;
    @PreviousElementShadowVariable(sourceVariableName = "visits")
    private Visit previous;
    @NextElementShadowVariable(sourceVariableName = "visits")
    private Visit next;
    @ShadowVariable(supplierName = "readyTimeSupplier")
    private Long readyTime;
    @ShadowVariable(supplierName = "startTimeSupplier")
    private Long startTime;
    @ShadowVariablesInconsistent
    private boolean inconsistent;

    Visit() {
    }

    public Visit(String id, int location, long earliestStart, long dueStart, long latestEnd, long duration, String qualification,
            int minLevel, Priority priority, String preferredCaregiver) {
        this.id = id;
        this.location = location;
        this.earliestStart = earliestStart;
        this.dueStart = dueStart;
        this.latestEnd = latestEnd;
        this.duration = duration;
        this.qualification = qualification;
        this.minLevel = minLevel;
        this.priority = priority;
        this.preferredCaregiver = preferredCaregiver;
    }

    /** Links two visits of a double service; {@code first} must start between min and max delay before {@code second}. */
    public static void synchronise(Visit first, Visit second, long minDelay, long maxDelay) {
        first.partner = second;
        second.partner = first;
        first.partners = java.util.List.of(second);
        second.partners = java.util.List.of(first);
        first.firstOfPair = true;
        second.firstOfPair = false;
        first.syncMinDelay = second.syncMinDelay = minDelay;
        first.syncMaxDelay = second.syncMaxDelay = maxDelay;
    }

    // ------------------------------------------------------------------ shadow variable suppliers

    @ShadowSources({ "route", "previous.startTime" })
    public Long readyTimeSupplier() {
        if (route == null) {
            return null;
        }
        long arrival;
        if (previous == null) {
            arrival = route.getShiftStart() + route.travel(route.getStartLocation(), location);
        } else {
            if (previous.startTime == null) {
                return null;
            }
            arrival = previous.startTime + previous.duration + route.travel(previous.location, location);
        }
        return Math.max(arrival, earliestStart);
    }

    /**
     * The earliest start respecting the partner: simultaneous services start together; otherwise the first starts no
     * earlier than {@code partnerReady - maxDelay} and the second no earlier than {@code firstReady + minDelay}
     * (which keeps both delays within [min, max]).
     */
    @ShadowSources({ "readyTime", "partners[].readyTime" })
    public Long startTimeSupplier() {
        if (readyTime == null) {
            return null;
        }
        if (partner == null || partner.readyTime == null) {
            return readyTime;
        }
        return firstOfPair ? Math.max(readyTime, partner.readyTime - syncMaxDelay)
                : Math.max(readyTime, partner.readyTime + syncMinDelay);
    }

    // ------------------------------------------------------------------ derived values used by constraints

    public long endTime() {
        return startTime == null ? 0 : startTime + duration;
    }

    /** Travel from the previous visit (or the caregiver's start location) to this one. */
    public long travelFromPrevious() {
        if (route == null) {
            return 0;
        }
        return route.travel(previous == null ? route.getStartLocation() : previous.location, location);
    }

    /** How much later than {@code dueStart} the visit starts (0 when on time). */
    public long lateness() {
        return startTime == null ? 0 : Math.max(0, startTime - dueStart);
    }

    /** How much later than {@code latestEnd} the visit finishes (0 when within its window). */
    public long overrunOfWindow() {
        return startTime == null ? 0 : Math.max(0, endTime() - latestEnd);
    }

    /** Travel from this visit's location to the end location of its route (0 if unassigned). */
    public long travelToRouteEnd() {
        return route == null ? 0 : route.travel(location, route.getEndLocation());
    }

    public boolean isLast() {
        return route != null && next == null;
    }

    public boolean isFirst() {
        return route != null && previous == null;
    }

    /** For the last visit of a route: when the caregiver is back at the end location. */
    public long returnTime() {
        return endTime() + route.travel(location, route.getEndLocation());
    }

    /** For the last visit of a route: how long after the end of the shift the caregiver is back. */
    public long beyondShift() {
        return Math.max(0, returnTime() - route.getShiftEnd());
    }

    /** For the first visit of a route: when the caregiver leaves, as late as still reaches it at its earliest start. */
    public long routeDeparture() {
        return Math.max(route.getShiftStart(), earliestStart - route.travel(route.getStartLocation(), location));
    }

    /** Working time of the route from its first visit ({@code first}) to this, its last one. */
    public long workingTimeFrom(Visit first) {
        return returnTime() - first.routeDeparture();
    }

    /** Working time over the caregiver's maximum (route from {@code first} to this last visit). */
    public long overtimeFrom(Visit first) {
        return Math.max(0, workingTimeFrom(first) - route.getMaxWork());
    }

    // ------------------------------------------------------------------ accessors

    public String getId() {
        return id;
    }

    public int getLocation() {
        return location;
    }

    public long getEarliestStart() {
        return earliestStart;
    }

    public long getDueStart() {
        return dueStart;
    }

    public long getLatestEnd() {
        return latestEnd;
    }

    public long getDuration() {
        return duration;
    }

    public String getQualification() {
        return qualification;
    }

    public int getMinLevel() {
        return minLevel;
    }

    public Priority getPriority() {
        return priority;
    }

    public String getPreferredCaregiver() {
        return preferredCaregiver;
    }

    public long getDemand() {
        return demand;
    }

    public Visit withDemand(long demand) {
        this.demand = demand;
        return this;
    }

    public Visit getPartner() {
        return partner;
    }

    public java.util.List<Visit> getPartners() {
        return partners;
    }

    public boolean isFirstOfPair() {
        return firstOfPair;
    }

    public long getSyncMinDelay() {
        return syncMinDelay;
    }

    public long getSyncMaxDelay() {
        return syncMaxDelay;
    }

    public String getPromisedTo() {
        return promisedTo;
    }

    public Visit promisedTo(String caregiver) {
        this.promisedTo = caregiver;
        return this;
    }

    public boolean isBooked() {
        return booked;
    }

    /** Booked from its earliest start. */
    public Visit booked() {
        return booked(earliestStart);
    }

    /** Booked over {@code [from, from + duration)} (the order's window start, even when re-planning moves the earliest start later). */
    public Visit booked(long from) {
        this.booked = true;
        this.bookedStart = from;
        return this;
    }

    public long getBookedStart() {
        return bookedStart;
    }

    public long bookedUntil() {
        return bookedStart + duration;
    }

    public boolean isPinned() {
        return pinned;
    }

    void setPinned(boolean pinned) {
        this.pinned = pinned;
    }

    public CaregiverRoute getRoute() {
        return route;
    }

    public void setRoute(CaregiverRoute route) {
        this.route = route;
    }

    public Visit getPrevious() {
        return previous;
    }

    public void setPrevious(Visit previous) {
        this.previous = previous;
    }

    public Visit getNext() {
        return next;
    }

    public void setNext(Visit next) {
        this.next = next;
    }

    public Long getReadyTime() {
        return readyTime;
    }

    public Long getStartTime() {
        return startTime;
    }

    public void setStartTime(Long startTime) {
        this.startTime = startTime;
    }

    public boolean isInconsistent() {
        return inconsistent;
    }

    public void setInconsistent(boolean inconsistent) {
        this.inconsistent = inconsistent;
    }

    public void setReadyTime(Long readyTime) {
        this.readyTime = readyTime;
    }

    @Override
    public String toString() {
        return id;
    }
}
