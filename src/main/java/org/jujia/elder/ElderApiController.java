package org.jujia.elder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jujia.privacy.Consent;
import org.jujia.privacy.ConsentScope;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/elders")
@PreAuthorize("hasAuthority('PERM_ELDER_READ')")
@Tag(name = "Elders", description = "The elder registry, limited to the caller's jurisdiction; sensitive values masked")
class ElderApiController {

    private final ElderRegistry registry;

    ElderApiController(ElderRegistry registry) {
        this.registry = registry;
    }

    @GetMapping
    @Operation(summary = "Search elders", description = "q matches the start of the name, or exactly an ID number or phone. "
            + "Example: /api/v1/elders?q=王&communityCode=320508001001&page=0&size=20&sort=name")
    PageResult<ElderSummary> search(@RequestParam(required = false) String q, @RequestParam(required = false) String idNumber,
            @RequestParam(required = false) String phone, @RequestParam(required = false) String communityCode,
            @RequestParam(required = false) Integer ageMin, @RequestParam(required = false) Integer ageMax,
            @RequestParam(required = false) LivingSituation livingSituation,
            @RequestParam(required = false) EconomicCategory economicCategory,
            @RequestParam(required = false) SpecialCategory special, @RequestParam(required = false) ElderStatus status,
            @RequestParam(required = false) org.jujia.shared.CareColour colour,
            @Parameter(description = "active elders whose next reassessment is due on or before this date") @RequestParam(required = false) LocalDate reassessmentDueBy,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @Parameter(description = "name|birthDate|age|createdAt|id, optionally ',desc'") @RequestParam(required = false) String sort,
            Jurisdiction j) {
        return registry.search(new ElderSearch(q, idNumber, phone, communityCode, ageMin, ageMax, livingSituation, economicCategory,
                special, status, colour, reassessmentDueBy, page, size, sort), j);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('PERM_ELDER_WRITE')")
    @Operation(summary = "Register an elder", description = """
            Example: {"name":"王秀英","idNumber":"320508194503120026","phone":"13812345678","address":"平江路 12 号 3 幢 201 室",
            "communityCode":"320508001001","livingSituation":"ALONE","economicCategory":"MINIMUM_LIVING",
            "contacts":[{"kind":"EMERGENCY","name":"李强","relation":"儿子","phone":"13987654321"}]}""")
    ResponseEntity<ElderDetail> create(@RequestBody ElderInput input, Jurisdiction j) {
        ElderDetail created = registry.create(input, j);
        return ResponseEntity.created(URI.create("/api/v1/elders/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "An elder record with sensitive values masked (audited)")
    ElderDetail get(@PathVariable long id, Jurisdiction j) {
        return registry.get(id, j);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('PERM_ELDER_WRITE')")
    @Operation(summary = "Replace an elder record (all required fields; optional version for optimistic locking)")
    ElderDetail replace(@PathVariable long id, @RequestBody ElderInput input, Jurisdiction j) {
        return registry.replace(id, input, j);
    }

    @PatchMapping(path = "/{id}", consumes = { "application/merge-patch+json", "application/json" })
    @PreAuthorize("hasAuthority('PERM_ELDER_WRITE')")
    @Operation(summary = "Change some fields of an elder record (JSON merge patch)", description = "Example: {\"phone\":\"13900001111\",\"livingSituation\":\"WITH_FAMILY\"}")
    ElderDetail patch(@PathVariable long id, @RequestBody Map<String, Object> patch, Jurisdiction j) {
        return registry.patch(id, patch, j);
    }

    record RevealRequest(String purpose, Set<String> fields) {
    }

    @PostMapping("/{id}/reveal")
    @PreAuthorize("hasAuthority('PERM_SENSITIVE_REVEAL')")
    @Operation(summary = "Reveal sensitive values in the clear (permission + purpose; audited)",
            description = "Example: {\"purpose\":\"核实身份办理补贴\",\"fields\":[\"idNumber\",\"phone\"]}; fields: idNumber, phone, address, health, contacts")
    Map<String, Object> reveal(@PathVariable long id, @RequestBody RevealRequest request, Jurisdiction j) {
        return registry.reveal(id, request.fields(), request.purpose(), j);
    }

    record StatusChange(ElderStatus status, LocalDate date) {
    }

    @PostMapping("/{id}/status")
    @PreAuthorize("hasAuthority('PERM_ELDER_WRITE')")
    @Operation(summary = "Change status: ACTIVE, MOVED_AWAY, DECEASED (deceased is final)")
    ElderDetail status(@PathVariable long id, @RequestBody StatusChange change, Jurisdiction j) {
        return registry.changeStatus(id, change.status(), change.date(), j);
    }

    record ConsentRequest(ConsentScope scope, LocalDate grantedOn, String signerType, String signerName) {
    }

    @PostMapping("/{id}/consents")
    @PreAuthorize("hasAuthority('PERM_CONSENT_WRITE')")
    @Operation(summary = "Record informed consent", description = "Example: {\"scope\":\"HEALTH_DATA\",\"grantedOn\":\"2026-11-01\",\"signerType\":\"GUARDIAN\",\"signerName\":\"李强\"}")
    Consent consent(@PathVariable long id, @RequestBody ConsentRequest r, Jurisdiction j) {
        return registry.recordConsent(id, r.scope(), r.grantedOn(), r.signerType(), r.signerName(), j);
    }

    @GetMapping("/{id}/consents")
    List<Consent> consents(@PathVariable long id, Jurisdiction j) {
        return registry.get(id, j).consents();
    }
}
