package org.jujia.dispatch;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.jujia.shared.Jurisdiction;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Route planning jobs over HTTP (provider operators, their own provider's days). */
@RestController
@Tag(name = "Route planning", description = "Plan a provider's day with the route optimiser, watch it solve, apply or discard the plan")
@PreAuthorize("hasAuthority('PERM_ORDER_MANAGE')")
class PlanApiController {

    private final RoutePlanning planning;

    PlanApiController(RoutePlanning planning) {
        this.planning = planning;
    }

    /** What to plan: the day, PLAN or REPLAN (today), the time limit, caregivers unavailable that day. */
    record JobRequest(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, PlanningJob.Kind kind, Integer budgetSeconds,
            List<Long> unavailableCaregiverIds) {
    }

    @PostMapping("/api/v1/planning-jobs")
    @Operation(summary = "Queue a solve of my provider's day (409 while that day is being planned)",
            description = "Example: {\"date\":\"2026-12-01\",\"kind\":\"PLAN\",\"budgetSeconds\":20}; re-plan today with a caregiver off sick: "
                    + "{\"date\":\"2026-11-30\",\"kind\":\"REPLAN\",\"unavailableCaregiverIds\":[42]}")
    ResponseEntity<PlanningJob> create(@RequestBody(required = false) JobRequest in, Jurisdiction j) {
        JobRequest r = in == null ? new JobRequest(null, null, null, null) : in;
        PlanningJob job = planning.request(r.date(), r.kind(), r.budgetSeconds(), r.unavailableCaregiverIds(), j);
        return ResponseEntity.created(URI.create("/api/v1/planning-jobs/" + job.id())).body(job);
    }

    @GetMapping("/api/v1/planning-jobs")
    @Operation(summary = "My provider's planning jobs, newest first (one day with ?date=)")
    List<PlanningJob> list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Jurisdiction j) {
        return planning.list(date, j);
    }

    @GetMapping("/api/v1/planning-jobs/{id}")
    @Operation(summary = "A planning job: status, best score, progress and (when done) the plan with routes, unassigned orders and the "
            + "comparison with the current plan")
    PlanningJob get(@PathVariable long id, Jurisdiction j) {
        return planning.get(id, j);
    }

    @GetMapping(path = "/api/v1/planning-jobs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live progress (Server-Sent Events): 'progress' with each new best score, then 'end' with the final status")
    SseEmitter events(@PathVariable long id, Jurisdiction j) {
        return planning.subscribe(id, j);
    }

    @PostMapping("/api/v1/planning-jobs/{id}/cancel")
    @Operation(summary = "Stop a queued or solving job, or discard a finished plan")
    PlanningJob cancel(@PathVariable long id, Jurisdiction j) {
        return planning.cancel(id, j);
    }

    @PostMapping("/api/v1/planning-jobs/{id}/apply")
    @Operation(summary = "Apply a finished plan as assignments, all or nothing (409 naming orderId when an order changed since)")
    PlanningJob apply(@PathVariable long id, Jurisdiction j) {
        return planning.apply(id, j);
    }
}
