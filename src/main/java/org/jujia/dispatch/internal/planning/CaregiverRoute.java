package org.jujia.dispatch.internal.planning;

import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPinToIndex;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One caregiver's day: shift window, start and end location, qualifications with their level, maximum working time,
 * blacklist state, mode of transport and (benchmarks only) a vehicle capacity — and the ordered visits the solver
 * gives them. The first {@code pinnedCount} visits (started or done) are never moved by the solver.
 */
@PlanningEntity
public class CaregiverRoute {

    @PlanningId
    private String id;
    private int startLocation;
    private int endLocation;
    private long shiftStart;
    private long shiftEnd;
    private long maxWork;
    private Map<String, Integer> qualifications;
    private boolean blacklisted;
    private TransportMode mode;
    private long capacity;
    private TravelMatrix matrix;

    @PlanningListVariable(allowsUnassignedValues = true)
    private List<Visit> visits = new ArrayList<>();
    @PlanningPinToIndex
    private int pinnedCount;

    CaregiverRoute() {
    }

    /**
     * @param qualifications qualification code → level held (higher is more senior); {@code null} qualification on
     *                       a visit needs none
     * @param capacity       total demand the route may carry, 0 for unlimited
     */
    public CaregiverRoute(String id, int startLocation, int endLocation, long shiftStart, long shiftEnd, long maxWork,
            Map<String, Integer> qualifications, boolean blacklisted, TransportMode mode, long capacity, TravelMatrix matrix) {
        this.id = id;
        this.startLocation = startLocation;
        this.endLocation = endLocation;
        this.shiftStart = shiftStart;
        this.shiftEnd = shiftEnd;
        this.maxWork = maxWork;
        this.qualifications = Map.copyOf(qualifications);
        this.blacklisted = blacklisted;
        this.mode = mode;
        this.capacity = capacity;
        this.matrix = matrix;
    }

    long travel(int from, int to) {
        return matrix.time(from, to, mode);
    }

    /** Whether the caregiver holds the visit's qualification at its minimum level. */
    public boolean qualifiedFor(Visit visit) {
        if (visit.getQualification() == null) {
            return true;
        }
        Integer level = qualifications.get(visit.getQualification());
        return level != null && level >= visit.getMinLevel();
    }

    /** Travel from the last visit back to the end location (0 for an empty route). */
    public long travelToEnd() {
        if (visits.isEmpty()) {
            return 0;
        }
        return travel(visits.getLast().getLocation(), endLocation);
    }

    /** When the caregiver leaves the start location: as late as still reaches the first visit at its earliest start. */
    public long departure() {
        if (visits.isEmpty()) {
            return shiftStart;
        }
        Visit first = visits.getFirst();
        return Math.max(shiftStart, first.getEarliestStart() - travel(startLocation, first.getLocation()));
    }

    /** When the caregiver is back at the end location ({@code shiftStart} for an empty route). */
    public long returnTime() {
        if (visits.isEmpty()) {
            return shiftStart;
        }
        Visit last = visits.getLast();
        if (last.getStartTime() == null) {
            return shiftStart;
        }
        return last.endTime() + travelToEnd();
    }

    /** From leaving the start location to coming back (0 for an empty route). */
    public long workingTime() {
        return visits.isEmpty() ? 0 : returnTime() - departure();
    }

    public long overtime() {
        return Math.max(0, workingTime() - maxWork);
    }

    public long beyondShift() {
        return visits.isEmpty() ? 0 : Math.max(0, returnTime() - shiftEnd);
    }

    public long load() {
        long sum = 0;
        for (Visit v : visits) {
            sum += v.getDemand();
        }
        return sum;
    }

    public long overload() {
        return capacity <= 0 ? 0 : Math.max(0, load() - capacity);
    }

    /** Total travel of the route including the way back (the plan's time unit). */
    public long totalTravel() {
        long sum = travelToEnd();
        for (Visit v : visits) {
            sum += v.travelFromPrevious();
        }
        return sum;
    }

    public String getId() {
        return id;
    }

    public int getStartLocation() {
        return startLocation;
    }

    public int getEndLocation() {
        return endLocation;
    }

    public long getShiftStart() {
        return shiftStart;
    }

    public long getShiftEnd() {
        return shiftEnd;
    }

    public long getMaxWork() {
        return maxWork;
    }

    public Map<String, Integer> getQualifications() {
        return qualifications;
    }

    public boolean isBlacklisted() {
        return blacklisted;
    }

    public TransportMode getMode() {
        return mode;
    }

    public long getCapacity() {
        return capacity;
    }

    public TravelMatrix getMatrix() {
        return matrix;
    }

    public List<Visit> getVisits() {
        return visits;
    }

    public void setVisits(List<Visit> visits) {
        this.visits = visits;
    }

    public int getPinnedCount() {
        return pinnedCount;
    }

    public void setPinnedCount(int pinnedCount) {
        this.pinnedCount = pinnedCount;
    }

    @Override
    public String toString() {
        return id;
    }
}
