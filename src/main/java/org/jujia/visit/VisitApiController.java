package org.jujia.visit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Visits", description = "Visits and electronic visit verification: check-in/out, confirmation, rating, review of flagged visits")
class VisitApiController {

    private static final String ANY_VISIT = "hasAnyAuthority('PERM_VISIT_READ','PERM_VISIT_PERFORM','PERM_VISIT_REVIEW','PERM_VISIT_CONFIRM')";

    private final Visits visits;

    VisitApiController(Visits visits) {
        this.visits = visits;
    }

    @GetMapping("/api/v1/visits")
    @PreAuthorize(ANY_VISIT)
    @Operation(summary = "Visits I may see, by planned start (at most 500)",
            description = "A caregiver sees only their own visits, a family member only their elders'. Examples: ?caregiver=me&date=2026-11-30; "
                    + "?elderId=42&from=2026-11-01&to=2026-11-30&status=FLAGGED. Dates are Asia/Shanghai days, to inclusive.")
    List<Visits.VisitView> list(@RequestParam(required = false) @Parameter(description = "\"me\" or a caregiver's user id") String caregiver,
            @RequestParam(required = false) Long elderId, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) VisitStatus status, Jurisdiction j) {
        return visits.list(new Visits.Query(caregiver, elderId, date, from, to, status), j);
    }

    @GetMapping("/api/v1/visits/{id}")
    @PreAuthorize(ANY_VISIT)
    @Operation(summary = "One visit: EVV elements, flags, the item's measurable checks, the elder's home position; for the family the visit PIN")
    Visits.VisitView get(@PathVariable long id, Jurisdiction j) {
        return visits.get(id, j);
    }

    @PostMapping("/api/v1/visits/{id}/check-in")
    @PreAuthorize("hasAuthority('PERM_VISIT_PERFORM')")
    @Operation(summary = "Check in at the elder's home (the caregiver of the visit)",
            description = "Example: {\"latitude\":31.2989,\"longitude\":120.5853,\"accuracyMeters\":12,\"capturedAt\":\"2026-11-30T01:02:03Z\","
                    + "\"photo\":\"/9j/4AAQ…\"}. capturedAt is the device's time (an offline check-in keeps it; more than 2 min before receipt "
                    + "marks delayedSync); more than 2 min ahead or older than 72 h is refused. Answers the visit with status and flags.")
    Visits.VisitView checkIn(@PathVariable long id, @RequestBody Visits.CheckInput in, Jurisdiction j) {
        return visits.checkIn(id, in, j);
    }

    @PostMapping("/api/v1/visits/{id}/check-out")
    @PreAuthorize("hasAuthority('PERM_VISIT_PERFORM')")
    @Operation(summary = "Check out and verify the visit (VERIFIED or FLAGGED with flags)",
            description = "Like check-in, plus an optional record: {\"latitude\":…,\"longitude\":…,\"accuracyMeters\":8,\"capturedAt\":\"…\","
                    + "\"photo\":\"…\",\"record\":{\"measurements\":{\"water_temp_c\":38.5},\"notes\":\"…\",\"tasks\":[\"洗澡\"]}}. Measurements "
                    + "outside a check's bounds are kept and listed in record.outOfBounds. A check-out without check-in is recorded and flagged NO_CHECK_IN.")
    Visits.VisitView checkOut(@PathVariable long id, @RequestBody Visits.CheckInput in, Jurisdiction j) {
        return visits.checkOut(id, in, j);
    }

    @PostMapping("/api/v1/visits/{id}/confirmation-code")
    @PreAuthorize("hasAuthority('PERM_VISIT_PERFORM')")
    @Operation(summary = "Send a confirmation code by SMS to the family's phone (valid 15 min)")
    Visits.CodeSent sendCode(@PathVariable long id, Jurisdiction j) {
        return visits.sendConfirmationCode(id, j);
    }

    @PostMapping("/api/v1/visits/{id}/confirmation")
    @PreAuthorize("hasAnyAuthority('PERM_VISIT_CONFIRM','PERM_VISIT_PERFORM')")
    @Operation(summary = "Confirm or dispute a completed visit",
            description = "Family in the app: {\"outcome\":\"CONFIRMED\",\"method\":\"APP\"}; at the door (caregiver): {\"outcome\":\"CONFIRMED\","
                    + "\"method\":\"PIN\",\"code\":\"4821\"} (the PIN on the family page), {\"method\":\"SMS\",\"code\":\"093712\"} or "
                    + "{\"method\":\"SIGNATURE\",\"signaturePng\":\"iVBOR…\"}. A dispute needs a reason and opens a complaint: "
                    + "{\"outcome\":\"DISPUTED\",\"method\":\"APP\",\"reason\":\"护理员只待了十分钟\"}.")
    Visits.VisitView confirm(@PathVariable long id, @RequestBody Visits.ConfirmationInput in, Jurisdiction j) {
        return visits.confirm(id, in, j);
    }

    @PostMapping("/api/v1/visits/{id}/rating")
    @PreAuthorize("hasAuthority('PERM_VISIT_CONFIRM')")
    @Operation(summary = "Rate a completed visit once (family): {\"stars\":5,\"comment\":\"很细心\"}")
    Visits.VisitView rate(@PathVariable long id, @RequestBody Visits.RatingInput in, Jurisdiction j) {
        return visits.rate(id, in, j);
    }

    @GetMapping("/api/v1/visits/review-queue")
    @PreAuthorize("hasAuthority('PERM_VISIT_REVIEW')")
    @Operation(summary = "Flagged and disputed visits waiting for review (provider: its own; street/civil affairs: their jurisdiction)")
    List<Visits.VisitView> reviewQueue(Jurisdiction j) {
        return visits.reviewQueue(j);
    }

    @GetMapping("/api/v1/visits/flag-counts")
    @PreAuthorize("hasAuthority('PERM_VISIT_REVIEW')")
    @Operation(summary = "Flagged visits (and confirmed frauds) in the last 90 days per caregiver and per provider")
    Map<String, List<VisitStore.FlagCount>> flagCounts(Jurisdiction j) {
        return Map.of("caregivers", visits.flagCounts("caregiver", j), "providers", visits.flagCounts("provider", j));
    }

    @PostMapping("/api/v1/visits/{id}/review")
    @PreAuthorize("hasAuthority('PERM_VISIT_REVIEW')")
    @Operation(summary = "Decide a flagged or disputed visit: {\"decision\":\"CLEAR\"|\"FRAUD\",\"note\":\"…\"} (note required)",
            description = "CLEAR: billable again with the note. FRAUD: FRAUD_CONFIRMED, a penalty of 3 × the visit's amount, the caregiver "
                    + "proposed for the blacklist.")
    Visits.VisitView review(@PathVariable long id, @RequestBody Visits.ReviewInput in, Jurisdiction j) {
        return visits.review(id, in, j);
    }

    @GetMapping(value = "/api/v1/visits/{id}/photos/{stage}", produces = MediaType.IMAGE_JPEG_VALUE)
    @PreAuthorize("hasAuthority('PERM_VISIT_REVIEW')")
    @Operation(summary = "The check-in (stage CHECK_IN) or check-out (CHECK_OUT) photo for a reviewer; every view is audited")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable String stage, Jurisdiction j) {
        byte[] photo = visits.photo(id, stage.toUpperCase(), j).orElseThrow(() -> new NotFoundException("photo of visit", id));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_JPEG).body(photo);
    }

    @GetMapping(value = "/api/v1/visits/{id}/enrolled-face", produces = MediaType.IMAGE_JPEG_VALUE)
    @PreAuthorize("hasAuthority('PERM_VISIT_REVIEW')")
    @Operation(summary = "The caregiver's enrolled face, to compare with the visit's photos (audited)")
    ResponseEntity<byte[]> enrolledFace(@PathVariable long id, Jurisdiction j) {
        byte[] photo = visits.enrolledFace(id, j).orElseThrow(() -> new NotFoundException("enrolled face of visit", id));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_JPEG).body(photo);
    }
}
