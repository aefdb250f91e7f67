package org.jujia.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One solve of a provider's day by the route optimiser (docs/routing.md): who asked, for which day, with which time
 * limit and which caregivers unavailable; its status, best score and progress; and the plan it found, which becomes
 * assignments only when an operator applies it.
 *
 * @param unavailableCaregivers caregivers (user ids) who cannot work that day: their unstarted orders go to others
 * @param progress              new best scores while solving (throttled), oldest first
 * @param result                the plan found (DONE, APPLIED), null before
 */
public record PlanningJob(long id, long providerId, LocalDate serviceDate, Kind kind, Status status, int timeLimitSeconds,
        List<Long> unavailableCaregivers, String requestedBy, Instant requestedAt, Instant startedAt, Instant endedAt, Long bestHard,
        Long bestMedium, Long bestSoft, List<Progress> progress, PlanView result, String error, String appliedBy, Instant appliedAt) {

    /** PLAN: plan a day ahead; REPLAN: the day under way (started visits pinned, nothing begins before now). */
    public enum Kind {
        PLAN, REPLAN
    }

    /**
     * <pre>
     * QUEUED ──▶ SOLVING ──▶ DONE ──apply──▶ APPLIED
     *   │           │  └──▶ FAILED     │
     *   └─cancel────┴──────────────────┴──▶ CANCELLED  (cancelled, or discarded once done)
     * </pre>
     * A job QUEUED or SOLVING when the platform stops is FAILED on the next start.
     */
    public enum Status {
        QUEUED, SOLVING, DONE, FAILED, CANCELLED, APPLIED;

        public boolean active() {
            return this == QUEUED || this == SOLVING;
        }
    }

    /** A new best score after {@code ms} milliseconds of solving (penalties as positive numbers). */
    public record Progress(long ms, long hard, long medium, long soft) {
    }

    /** Plan measures, the same for the solver's plan and the operator's current one (see {@code Planner.Metrics}). */
    public record Metrics(long travelMinutes, long latenessMinutes, int continuityBreaks, long workloadSpreadMinutes, int assigned,
            int unassigned, long hardPenalty, long mediumPenalty, long softPenalty) {
    }

    /**
     * The plan found: a route per caregiver, the orders left out with why, the plan's measures next to the current
     * plan's, and how many orders would change caregiver.
     */
    public record PlanView(List<RouteView> routes, List<UnassignedView> unassigned, Metrics proposed, Metrics current, int changes,
            int pinned) {
    }

    /** A caregiver's day in the plan; working and travel minutes include the way back to the base. */
    public record RouteView(long caregiverUserId, String caregiverName, Double baseLat, Double baseLon, long workMinutes, long travelMinutes,
            List<StopView> stops) {
    }

    /**
     * A visit on a route: the planned start and end, the travel to it, whether it is pinned (started or done), and the
     * order as it was when the plan was made ({@code caregiverBefore}, {@code statusBefore}) — applying checks it is unchanged.
     */
    public record StopView(long orderId, long elderId, String elderName, String itemName, String priority, Double lat, Double lon,
            Instant start, Instant end, Instant windowStart, Instant windowEnd, int travelMinutes, boolean pinned, Long caregiverBefore,
            String statusBefore) {
    }

    /** An order the plan leaves out, and the reason (a message key suffix: a hard constraint or noLocation/noEligibleCaregiver/notReached). */
    public record UnassignedView(long orderId, long elderId, String elderName, String itemName, String priority, Double lat, Double lon,
            Instant windowStart, Instant windowEnd, String reason, Long caregiverBefore, String statusBefore) {
    }
}
