package org.jujia.assessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.PageResult;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Family caregivers, their Zarit Burden Interviews and the respite list (PLATFORM.md §3, ASSESSMENT.md §6). */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasAuthority('PERM_ASSESSMENT_READ')")
@Tag(name = "Family caregivers", description = "Family caregivers of elders, their Zarit Burden Interviews (ZBI-22, scored by the platform) "
        + "and the respite list of high-risk caregivers (ZBI ≥ 40: at least 4 hours of replacement care a month, paid by government). "
        + "Limited to the caller's jurisdiction; phone and ID number masked; reads audited.")
class FamilyCaregiverApiController {

    static final String CAREGIVER_EXAMPLE = """
            {"name":"李强","relation":"SON","phone":"13987654321","idNumber":"320508197003150018","livesWithElder":true,
             "weeklyCareHours":42,"startedOn":"2023-05-01"}""";

    static final String ZBI_EXAMPLE = """
            {"interviewedOn":"2026-11-20",
             "answers":{"q1":2,"q2":2,"q3":1,"q4":2,"q5":1,"q6":2,"q7":3,"q8":2,"q9":1,"q10":2,"q11":1,"q12":2,"q13":1,
                        "q14":3,"q15":2,"q16":1,"q17":2,"q18":2,"q19":2,"q20":1,"q21":2,"q22":3}}""";

    private final FamilyCaregivers caregivers;

    FamilyCaregiverApiController(FamilyCaregivers caregivers) {
        this.caregivers = caregivers;
    }

    @GetMapping("/elders/{elderId}/caregivers")
    @Operation(summary = "The family caregivers of an elder (masked, audited)",
            description = "Each with the latest Zarit result, whether the household is on the respite list because of them, and their respite history.")
    @ApiResponse(responseCode = "200", description = "The caregivers, active first")
    @ApiResponse(responseCode = "404", description = "No such elder in the caller's jurisdiction", content = @Content(mediaType = "application/problem+json"))
    List<FamilyCaregiver> ofElder(@PathVariable long elderId, Jurisdiction j) {
        return caregivers.ofElder(elderId, j);
    }

    @PostMapping("/elders/{elderId}/caregivers")
    @PreAuthorize("hasAuthority('PERM_ASSESSMENT_EVENTS')")
    @Operation(summary = "Record a family caregiver of an elder",
            description = "One record per elder-caregiver pair (the same ID number, or the same name and phone, twice for one elder is a 409). "
                    + "Phone and ID number are stored encrypted. relation: SPOUSE, SON, DAUGHTER, SON_IN_LAW, DAUGHTER_IN_LAW, GRANDCHILD, SIBLING, "
                    + "OTHER_RELATIVE, FRIEND_OR_NEIGHBOUR, OTHER; idNumber optional; weeklyCareHours 0–168; startedOn not in the future.")
    @ApiResponse(responseCode = "201", description = "The caregiver record (masked)")
    @ApiResponse(responseCode = "400", description = "Invalid input: problem document naming each field", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such elder in the caller's jurisdiction", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "This person is already a caregiver of this elder", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<FamilyCaregiver> add(@PathVariable long elderId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    examples = @ExampleObject(name = "son", value = CAREGIVER_EXAMPLE)))
            @RequestBody FamilyCaregiverInput input, Jurisdiction j) {
        FamilyCaregiver created = caregivers.add(elderId, input, j);
        return ResponseEntity.created(URI.create("/api/v1/caregivers/" + created.id())).body(created);
    }

    @GetMapping("/caregivers/{id}")
    @Operation(summary = "A family caregiver (masked, audited), with the latest Zarit result and respite history")
    @ApiResponse(responseCode = "404", description = "No such caregiver in the caller's jurisdiction", content = @Content(mediaType = "application/problem+json"))
    FamilyCaregiver get(@PathVariable long id, Jurisdiction j) {
        return caregivers.get(id, j);
    }

    @PutMapping("/caregivers/{id}")
    @PreAuthorize("hasAuthority('PERM_ASSESSMENT_EVENTS')")
    @Operation(summary = "Replace a family caregiver record",
            description = "All fields as on creation; a missing phone or idNumber keeps the stored (encrypted) value; optional version for "
                    + "optimistic locking. \"active\":false (no longer caring) takes the household off the respite list; true again puts it back "
                    + "if the latest interview is still ≥ 40.")
    @ApiResponse(responseCode = "200", description = "The updated record")
    @ApiResponse(responseCode = "409", description = "Stale version or duplicate caregiver", content = @Content(mediaType = "application/problem+json"))
    FamilyCaregiver replace(@PathVariable long id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    examples = @ExampleObject(name = "stopped caring", value = """
                            {"name":"李强","relation":"SON","livesWithElder":false,"weeklyCareHours":0,"startedOn":"2023-05-01",
                             "active":false,"version":0}""")))
            @RequestBody FamilyCaregiverInput input, Jurisdiction j) {
        return caregivers.replace(id, input, j);
    }

    record RevealRequest(String purpose) {
    }

    @PostMapping("/caregivers/{id}/reveal")
    @PreAuthorize("hasAuthority('PERM_SENSITIVE_REVEAL')")
    @Operation(summary = "Reveal the caregiver's phone and ID number in the clear (permission + purpose; audited)",
            description = "Example: {\"purpose\":\"联系照顾者安排喘息服务\"}")
    Map<String, String> reveal(@PathVariable long id, @RequestBody RevealRequest request, Jurisdiction j) {
        return caregivers.reveal(id, request == null ? null : request.purpose(), j);
    }

    record ZbiRequest(LocalDate interviewedOn, Map<String, Object> answers) {
    }

    @PostMapping("/caregivers/{id}/zbi")
    @PreAuthorize("hasAuthority('PERM_ASSESSMENT_EVENTS')")
    @Operation(summary = "Record a Zarit Burden Interview (ZBI-22) of a caregiver",
            description = """
                    The 22 answers q1…q22, each 0 never / 1 rarely / 2 sometimes / 3 quite frequently / 4 nearly always, are scored by the \
                    platform (total 0–88; band LITTLE_OR_NO_BURDEN 0–20, MILD_TO_MODERATE 21–40, MODERATE_TO_SEVERE 41–60, SEVERE 61–88; \
                    highRiskCaregiver = total ≥ 40) and stored item by item with the scorer version. Interviews are immutable. \
                    An invalid answer gives 400 with `"error":"VALIDATION_ERROR"` and `"field"` e.g. `answers.q22`; interviewedOn may not be \
                    in the future nor before the caregiver's latest interview.

                    The latest interview decides the respite list: ≥ 40 puts the household on it (respiteChange ENTER, event \
                    HighRiskCaregiverIdentified published once), a later one below 40 takes it off (LEAVE; history kept), otherwise STAY or NONE.""")
    @ApiResponse(responseCode = "201", description = "The stored interview with its result")
    @ApiResponse(responseCode = "400", description = "Invalid answers or date", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such caregiver in the caller's jurisdiction", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "The caregiver is inactive or the elder's record is not active",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<ZbiInterview> recordInterview(@PathVariable long id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    examples = @ExampleObject(name = "total 40: high-risk", value = ZBI_EXAMPLE)))
            @RequestBody ZbiRequest request, Jurisdiction j) {
        ZbiInterview recorded = caregivers.recordInterview(id, request == null ? null : request.interviewedOn(),
                request == null ? null : request.answers(), j);
        return ResponseEntity.created(URI.create("/api/v1/caregivers/" + id + "/zbi/" + recorded.id())).body(recorded);
    }

    @GetMapping("/caregivers/{id}/zbi")
    @Operation(summary = "Every Zarit interview of a caregiver, latest first (audited)")
    List<ZbiInterview> interviews(@PathVariable long id, Jurisdiction j) {
        return caregivers.interviews(id, j);
    }

    @GetMapping("/caregivers/{id}/zbi/{interviewId}")
    @Operation(summary = "One Zarit interview of a caregiver (audited)")
    ZbiInterview interview(@PathVariable long id, @PathVariable long interviewId, Jurisdiction j) {
        return caregivers.interview(id, interviewId, j);
    }

    @GetMapping("/respite-list")
    @Operation(summary = "The respite list: households of high-risk family caregivers in the caller's jurisdiction",
            description = "Each line: caregiver, elder, community, latest ZBI total, on the list since (from), entitlement (monthlyHours ≥ 4, "
                    + "payer GOVERNMENT). includeEnded=true adds past periods (with to and endReason). "
                    + "Example: /api/v1/respite-list?communityCode=320508001001")
    PageResult<RespiteEntry> respiteList(
            @Parameter(description = "Limit to a community (or any region node) in the caller's jurisdiction") @RequestParam(required = false) String communityCode,
            @Parameter(description = "Include periods that have ended") @RequestParam(defaultValue = "false") boolean includeEnded,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Jurisdiction j) {
        return caregivers.respiteList(communityCode, includeEnded, page, size, j);
    }
}
