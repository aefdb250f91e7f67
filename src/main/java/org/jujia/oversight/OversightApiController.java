package org.jujia.oversight;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.NotFoundException;
import org.jujia.shared.ValidationException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Oversight", description = "Complaints, follow-up calls, third-party evaluations, ratings and the annual performance score")
class OversightApiController {

    private static final String READ_COMPLAINTS = "hasAnyAuthority('PERM_COMPLAINT_READ','PERM_COMPLAINT_FILE')";
    private static final String READ_FOLLOW_UPS = "hasAnyAuthority('PERM_FOLLOWUP_PERFORM','PERM_OVERSIGHT_READ')";

    private final Complaints complaints;
    private final FollowUps followUps;
    private final Evaluations evaluations;
    private final PerformanceScores scores;

    OversightApiController(Complaints complaints, FollowUps followUps, Evaluations evaluations, PerformanceScores scores) {
        this.complaints = complaints;
        this.followUps = followUps;
        this.evaluations = evaluations;
        this.scores = scores;
    }

    // ------------------------------------------------------------------ complaints

    @GetMapping("/api/v1/oversight/complaints")
    @PreAuthorize(READ_COMPLAINTS)
    @Operation(summary = "Complaints I may see, newest first (at most 500)", description = "A family member sees the complaints it filed, a provider "
            + "those concerning it, staff their jurisdiction. Filters: status, overdue=true, providerId, category, from/to (filing days, inclusive).")
    List<Complaints.View> complaints(@RequestParam(required = false) Complaint.Status status, @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) Long providerId, @RequestParam(required = false) Complaint.Category category,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Jurisdiction j) {
        return complaints.list(new ComplaintStore.Filter(status, overdue, providerId, category,
                from == null ? null : from.atStartOfDay(WorkingDays.ZONE).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(WorkingDays.ZONE).toInstant(), null), j);
    }

    @PostMapping("/api/v1/oversight/complaints")
    @PreAuthorize("hasAuthority('PERM_COMPLAINT_FILE')")
    @Operation(summary = "File a complaint (hotline operator or family)", description = "Example (hotline): {\"category\":\"MISSED_OR_LATE\","
            + "\"elderId\":42,\"providerId\":3,\"complainantName\":\"李强\",\"complainantPhone\":\"13962100001\",\"description\":\"…\"}. "
            + "A family member files for a linked elder (channel FAMILY_PAGE, phone optional). Deadlines: acknowledge within 1, resolve within 7 "
            + "working days (configurable).")
    Complaints.View file(@RequestBody Complaints.FileInput in, Jurisdiction j) {
        return complaints.file(in, j);
    }

    @GetMapping("/api/v1/oversight/complaints/{id}")
    @PreAuthorize(READ_COMPLAINTS)
    @Operation(summary = "One complaint with its timeline (audited)")
    Complaints.View complaint(@PathVariable long id, Jurisdiction j) {
        return complaints.get(id, j);
    }

    @GetMapping("/api/v1/oversight/complaints/{id}/contact")
    @PreAuthorize("hasAuthority('PERM_COMPLAINT_HANDLE')")
    @Operation(summary = "The complainant's phone in the clear, to call back (audited with the purpose)")
    Map<String, String> contact(@PathVariable long id, @RequestParam(required = false) String purpose, Jurisdiction j) {
        return Map.of("phone", complaints.revealPhone(id, purpose, j).orElseThrow(() -> new NotFoundException("complainant phone", id)));
    }

    @PostMapping("/api/v1/oversight/complaints/{id}/acknowledge")
    @PreAuthorize("hasAuthority('PERM_COMPLAINT_HANDLE')")
    Complaints.View acknowledge(@PathVariable long id, Jurisdiction j) {
        return complaints.acknowledge(id, j);
    }

    @PostMapping("/api/v1/oversight/complaints/{id}/assignment")
    @PreAuthorize("hasAuthority('PERM_COMPLAINT_HANDLE')")
    @Operation(summary = "Assign to the provider or the street (street and civil affairs)", description = "{\"assignee\":\"PROVIDER\",\"providerId\":3}")
    Complaints.View assign(@PathVariable long id, @RequestBody Complaints.AssignInput in, Jurisdiction j) {
        return complaints.assign(id, in, j);
    }

    @PostMapping("/api/v1/oversight/complaints/{id}/resolution")
    @PreAuthorize("hasAuthority('PERM_COMPLAINT_HANDLE')")
    @Operation(summary = "Resolve with an outcome", description = "{\"outcome\":\"UPHELD\",\"resolution\":\"…\"}. An UPHELD abuse, theft or "
            + "fake-service complaint naming a caregiver proposes the caregiver for the blacklist.")
    Complaints.View resolve(@PathVariable long id, @RequestBody Complaints.ResolveInput in, Jurisdiction j) {
        return complaints.resolve(id, in, j);
    }

    @PostMapping("/api/v1/oversight/complaints/{id}/satisfaction")
    @PreAuthorize("hasAnyAuthority('PERM_COMPLAINT_HANDLE','PERM_COMPLAINT_FILE')")
    @Operation(summary = "The complainant's satisfaction with the handling, 1–5 (closes a resolved complaint)")
    Complaints.View satisfaction(@PathVariable long id, @RequestBody Complaints.SatisfactionInput in, Jurisdiction j) {
        return complaints.recordSatisfaction(id, in, j);
    }

    // ------------------------------------------------------------------ follow-up calls

    record SampleInput(Long providerId, YearMonth month) {
    }

    @PostMapping("/api/v1/oversight/follow-ups/samples")
    @PreAuthorize("hasAuthority('PERM_FOLLOWUP_PERFORM')")
    @Operation(summary = "Draw a provider's follow-up sample of a month (once)", description = "{\"providerId\":3,\"month\":\"2026-10\"}; the "
            + "monthly job draws every provider's previous month on the 1st.")
    FollowUps.Sample sample(@RequestBody SampleInput in, Jurisdiction j) {
        if (in == null || in.providerId() == null) {
            throw ValidationException.of("providerId", "required", "the provider");
        }
        if (in.month() == null) {
            throw ValidationException.of("month", "required", "the month, e.g. 2026-10");
        }
        return followUps.sample(in.providerId(), in.month(), j);
    }

    @GetMapping("/api/v1/oversight/follow-ups")
    @PreAuthorize(READ_FOLLOW_UPS)
    @Operation(summary = "Follow-up calls of a month (pending first); providers see only the calls made")
    List<FollowUps.Call> calls(@RequestParam YearMonth month, @RequestParam(required = false) Long providerId,
            @RequestParam(required = false) String status, Jurisdiction j) {
        return followUps.calls(month, providerId, status, j);
    }

    @PostMapping("/api/v1/oversight/follow-ups/{id}")
    @PreAuthorize("hasAuthority('PERM_FOLLOWUP_PERFORM')")
    @Operation(summary = "Record a call", description = "{\"outcome\":\"REACHED\",\"satisfaction\":4,\"note\":\"…\"}; add complaintCategory and "
            + "complaintText to open a complaint from the call.")
    FollowUps.Call record(@PathVariable long id, @RequestBody FollowUps.CallInput in, Jurisdiction j) {
        return followUps.record(id, in, j);
    }

    @GetMapping("/api/v1/oversight/follow-ups/satisfaction")
    @PreAuthorize(READ_FOLLOW_UPS)
    @Operation(summary = "Satisfaction rate (calls rated 4–5 of calls that reached the family) by provider or street over months from..to")
    List<FollowUps.Satisfaction> satisfaction(@RequestParam(defaultValue = "provider") String by, @RequestParam YearMonth from,
            @RequestParam YearMonth to, Jurisdiction j) {
        return followUps.satisfaction(by, from, to, j);
    }

    // ------------------------------------------------------------------ evaluations and ratings

    @GetMapping("/api/v1/oversight/evaluations")
    @PreAuthorize("hasAuthority('PERM_OVERSIGHT_READ')")
    List<Evaluations.Evaluation> evaluations(@RequestParam(required = false) Long providerId, @RequestParam(required = false) Integer year,
            Jurisdiction j) {
        return evaluations.evaluations(providerId, year, j);
    }

    @PostMapping("/api/v1/oversight/evaluations")
    @PreAuthorize("hasAuthority('PERM_OVERSIGHT_ADMIN')")
    @Operation(summary = "Record a third-party evaluation", description = "{\"providerId\":3,\"evaluator\":\"苏州社会评估中心\",\"evaluatedOn\":"
            + "\"2025-11-20\",\"score\":86.5,\"findings\":\"…\"}")
    Evaluations.Evaluation evaluate(@RequestBody Evaluations.EvaluationInput in, Jurisdiction j) {
        return evaluations.record(in, j);
    }

    @GetMapping("/api/v1/oversight/ratings")
    @PreAuthorize("hasAuthority('PERM_OVERSIGHT_READ')")
    @Operation(summary = "Current star (1–5) and credit (A–D) rating of every provider I may see")
    List<Evaluations.Rating> ratings(Jurisdiction j) {
        return evaluations.ratings(j);
    }

    @GetMapping("/api/v1/oversight/providers/{providerId}/ratings")
    @PreAuthorize("hasAuthority('PERM_OVERSIGHT_READ')")
    List<Evaluations.Rating> ratingHistory(@PathVariable long providerId, Jurisdiction j) {
        return evaluations.ratingHistory(providerId, j);
    }

    @PostMapping("/api/v1/oversight/providers/{providerId}/rating")
    @PreAuthorize("hasAuthority('PERM_OVERSIGHT_ADMIN')")
    @Operation(summary = "Rate a provider", description = "{\"stars\":4,\"credit\":\"A\",\"reason\":\"…\"}")
    Evaluations.Rating rate(@PathVariable long providerId, @RequestBody Evaluations.RatingInput in, Jurisdiction j) {
        return evaluations.rate(providerId, in, j);
    }

    // ------------------------------------------------------------------ performance scores

    @GetMapping("/api/v1/oversight/scores")
    @PreAuthorize("hasAuthority('PERM_OVERSIGHT_READ')")
    @Operation(summary = "Stored performance scores of a year with their breakdowns; a provider sees its own")
    List<PerformanceScores.ScoreCard> scores(@RequestParam int year, Jurisdiction j) {
        return scores.list(year, j);
    }

    @GetMapping("/api/v1/oversight/scores/{year}/{providerId}")
    @PreAuthorize("hasAuthority('PERM_OVERSIGHT_READ')")
    PerformanceScores.ScoreCard score(@PathVariable int year, @PathVariable long providerId, Jurisdiction j) {
        return scores.get(providerId, year, j).orElseThrow(() -> new NotFoundException("performance score", providerId + "/" + year));
    }

    @PostMapping("/api/v1/oversight/scores/{year}")
    @PreAuthorize("hasAuthority('PERM_OVERSIGHT_ADMIN')")
    @Operation(summary = "Compute the scores of a finished year for every provider I may see (publishes PerformanceScoreComputed)",
            description = "Cards with score null had too little evidence (under 50 of 100 weight points) and were not stored.")
    List<PerformanceScores.ScoreCard> computeAll(@PathVariable int year, Jurisdiction j) {
        return scores.computeAll(year, j);
    }

    @PostMapping("/api/v1/oversight/scores/{year}/{providerId}")
    @PreAuthorize("hasAuthority('PERM_OVERSIGHT_ADMIN')")
    PerformanceScores.ScoreCard compute(@PathVariable int year, @PathVariable long providerId, Jurisdiction j) {
        return scores.compute(providerId, year, j);
    }
}
