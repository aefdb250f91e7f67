package org.jujia.careplan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jujia.region.Organisation;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Care plans", description = "One household, one plan: versions, lines with the monthly split per payer, consent, signed agreements")
class CarePlanApiController {

    private final CarePlanManagement plans;

    CarePlanApiController(CarePlanManagement plans) {
        this.plans = plans;
    }

    @GetMapping("/api/v1/elders/{elderId}/care-plans")
    @PreAuthorize("hasAuthority('PERM_CAREPLAN_READ')")
    @Operation(summary = "Every version of the elder's care plan, newest first")
    List<CarePlan> history(@PathVariable long elderId, Jurisdiction j) {
        return plans.history(elderId, j);
    }

    @GetMapping("/api/v1/elders/{elderId}/care-plans/active")
    @PreAuthorize("hasAuthority('PERM_CAREPLAN_READ')")
    @Operation(summary = "The elder's plan in force (404 when none)")
    CarePlan active(@PathVariable long elderId, Jurisdiction j) {
        return plans.active(elderId, j).orElseThrow(() -> new NotFoundException("active care plan of elder", elderId));
    }

    @PostMapping("/api/v1/elders/{elderId}/care-plans")
    @PreAuthorize("hasAuthority('PERM_CAREPLAN_WRITE')")
    @Operation(summary = "Start the next plan version as a draft (copies the active version's lines unless copyActive is false)",
            description = "Example: {\"providerId\": 5, \"note\": \"复评后重新制定\"}. One plan in preparation per elder (409 otherwise).")
    ResponseEntity<CarePlan> draft(@PathVariable long elderId, @RequestBody CarePlanManagement.NewPlan in, Jurisdiction j) {
        CarePlan p = plans.draft(elderId, in, j);
        return ResponseEntity.created(URI.create("/api/v1/care-plans/" + p.id())).body(p);
    }

    @GetMapping("/api/v1/elders/{elderId}/care-plans/providers")
    @PreAuthorize("hasAuthority('PERM_CAREPLAN_READ')")
    @Operation(summary = "Service providers serving the elder's area")
    List<Organisation> providers(@PathVariable long elderId, Jurisdiction j) {
        return plans.providersFor(elderId, j);
    }

    @GetMapping("/api/v1/care-plans")
    @PreAuthorize("hasAuthority('PERM_CAREPLAN_READ')")
    @Operation(summary = "Plans under my node (family: my elders'), optionally of one status, newest first (at most 500)")
    List<CarePlan> list(@RequestParam(required = false) CarePlanStatus status, Jurisdiction j) {
        return plans.list(status, j);
    }

    @GetMapping("/api/v1/care-plans/{id}")
    @PreAuthorize("hasAuthority('PERM_CAREPLAN_READ')")
    CarePlan get(@PathVariable long id, Jurisdiction j) {
        return plans.get(id, j);
    }

    @PutMapping("/api/v1/care-plans/{id}/lines")
    @PreAuthorize("hasAuthority('PERM_CAREPLAN_WRITE')")
    @Operation(summary = "Replace a draft's lines; each is re-quoted (the same item keeps its frozen price)",
            description = "Example: [{\"itemCode\":\"MEAL_LUNCH\",\"frequencyCount\":1,\"frequencyPeriod\":\"DAY\",\"windowFrom\":\"11:00\","
                    + "\"windowTo\":\"12:30\"},{\"itemCode\":\"CLEAN_HOME\",\"frequencyCount\":1,\"frequencyPeriod\":\"WEEK\",\"weekdays\":[3],"
                    + "\"windowFrom\":\"09:00\",\"windowTo\":\"11:00\",\"durationMinutes\":90}]. Errors name lines[i].field.")
    CarePlan replaceLines(@PathVariable long id, @RequestBody List<CarePlanManagement.LineInput> lines, Jurisdiction j) {
        return plans.replaceLines(id, lines, j);
    }

    @PostMapping("/api/v1/care-plans/{id}/lines")
    @PreAuthorize("hasAuthority('PERM_CAREPLAN_WRITE')")
    @Operation(summary = "Add a line to a draft (its price is frozen now)")
    CarePlan addLine(@PathVariable long id, @RequestBody CarePlanManagement.LineInput line, Jurisdiction j) {
        return plans.addLine(id, line, j);
    }

    @PostMapping("/api/v1/care-plans/{id}/lines/preview")
    @PreAuthorize("hasAuthority('PERM_CAREPLAN_WRITE')")
    @Operation(summary = "The plan quoted with this line added (or put at ?position=n), not saved")
    CarePlan previewLine(@PathVariable long id, @RequestParam(required = false) Integer position, @RequestBody CarePlanManagement.LineInput line,
            Jurisdiction j) {
        return plans.preview(id, line, position, j);
    }

    @PutMapping("/api/v1/care-plans/{id}/lines/{position}")
    @PreAuthorize("hasAuthority('PERM_CAREPLAN_WRITE')")
    CarePlan changeLine(@PathVariable long id, @PathVariable int position, @RequestBody CarePlanManagement.LineInput line, Jurisdiction j) {
        return plans.changeLine(id, position, line, j);
    }

    @DeleteMapping("/api/v1/care-plans/{id}/lines/{position}")
    @PreAuthorize("hasAuthority('PERM_CAREPLAN_WRITE')")
    CarePlan removeLine(@PathVariable long id, @PathVariable int position, Jurisdiction j) {
        return plans.removeLine(id, position, j);
    }

    @PostMapping("/api/v1/care-plans/{id}/consent")
    @PreAuthorize("hasAuthority('PERM_CAREPLAN_READ')")
    @Operation(summary = "Record the family's consent to pay the excess beyond the entitlements (staff with CAREPLAN_WRITE, or the family)",
            description = "Example: {\"consentedBy\":\"李强\",\"relation\":\"儿子\",\"excessFen\":12000} — excessFen must equal the plan's excessFen.")
    CarePlan consent(@PathVariable long id, @RequestBody CarePlanManagement.ConsentInput in, Jurisdiction j) {
        return plans.recordConsent(id, in, j);
    }

    @PostMapping("/api/v1/care-plans/{id}/submit")
    @PreAuthorize("hasAuthority('PERM_CAREPLAN_WRITE')")
    @Operation(summary = "Submit the draft for signature (needs lines, and consent to any excess)")
    CarePlan submit(@PathVariable long id, Jurisdiction j) {
        return plans.submit(id, j);
    }

    @PostMapping("/api/v1/care-plans/{id}/reopen")
    @PreAuthorize("hasAuthority('PERM_CAREPLAN_WRITE')")
    @Operation(summary = "Back to draft before signature")
    CarePlan reopen(@PathVariable long id, Jurisdiction j) {
        return plans.reopen(id, j);
    }

    @PostMapping("/api/v1/care-plans/{id}/sign")
    @PreAuthorize("hasAuthority('PERM_CAREPLAN_READ')")
    @Operation(summary = "Sign the agreement: stores the signed PDF with its SM3 hash and activates the plan at once",
            description = """
                    The previous active version is superseded; the elder's open care-plan remake task is closed. Examples:
                    {"signerType":"GUARDIAN","signerName":"李强","method":"DRAWN","signaturePng":"data:image/png;base64,iVBOR..."} or
                    {"signerType":"ELDER","signerName":"王秀英","method":"FINGERPRINT","witnessName":"社工 王丽"}""")
    CarePlan sign(@PathVariable long id, @RequestBody CarePlanManagement.SignInput in, Jurisdiction j) {
        return plans.sign(id, in, j);
    }

    record EndInput(EndReason reason, String note) {
    }

    @PostMapping("/api/v1/care-plans/{id}/end")
    @PreAuthorize("hasAuthority('PERM_CAREPLAN_WRITE')")
    @Operation(summary = "End an active plan (DECEASED, MOVED, WITHDRAWN, OTHER) or abandon one in preparation (ABANDONED)")
    CarePlan end(@PathVariable long id, @RequestBody EndInput in, Jurisdiction j) {
        return plans.end(id, in == null ? null : in.reason(), in == null ? null : in.note(), j);
    }

    @GetMapping("/api/v1/care-plans/{id}/diff")
    @PreAuthorize("hasAuthority('PERM_CAREPLAN_READ')")
    @Operation(summary = "Lines added, removed and changed against another version (default: the previous one), with money per payer")
    PlanDiff diff(@PathVariable long id, @RequestParam(required = false) Long against, Jurisdiction j) {
        return plans.diff(id, against, j);
    }

    @GetMapping("/api/v1/care-plans/{id}/agreement")
    @PreAuthorize("hasAuthority('PERM_CAREPLAN_READ')")
    @Operation(summary = "The signed agreement's record: SM3 hash, size, signer, method, witness, time (404 before signing)")
    Agreement agreement(@PathVariable long id, Jurisdiction j) {
        return plans.agreement(id, j).orElseThrow(() -> new NotFoundException("agreement", id));
    }

    @GetMapping("/api/v1/care-plans/{id}/agreement.pdf")
    @PreAuthorize("hasAuthority('PERM_CAREPLAN_READ')")
    @Operation(summary = "The signed agreement PDF exactly as stored; its SM3 equals the agreement's sm3")
    ResponseEntity<byte[]> agreementPdf(@PathVariable long id, Jurisdiction j) {
        return pdf(plans.agreementPdf(id, j), "服务协议-" + id + ".pdf");
    }

    @GetMapping("/api/v1/care-plans/{id}/agreement-preview.pdf")
    @PreAuthorize("hasAuthority('PERM_CAREPLAN_READ')")
    @Operation(summary = "An unsigned, watermarked preview of the agreement")
    ResponseEntity<byte[]> previewPdf(@PathVariable long id, Jurisdiction j) {
        return pdf(plans.previewPdf(id, j), "服务协议-预览-" + id + ".pdf");
    }

    @PostMapping(value = "/api/v1/care-plans/{id}/agreement/verify", consumes = { MediaType.APPLICATION_PDF_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE, MediaType.ALL_VALUE })
    @PreAuthorize("hasAuthority('PERM_CAREPLAN_READ')")
    @Operation(summary = "Verify the stored agreement against its SM3 hash, and optionally a copy sent as the request body")
    CarePlanManagement.Verification verify(@PathVariable long id, @RequestBody(required = false) byte[] copy, Jurisdiction j) {
        return plans.verify(id, copy, j);
    }

    @GetMapping("/api/v1/care-plans/counts")
    @PreAuthorize("hasAuthority('PERM_CAREPLAN_READ')")
    Map<CarePlanStatus, Long> counts(Jurisdiction j) {
        return plans.counts(j);
    }

    static ResponseEntity<byte[]> pdf(byte[] bytes, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name, java.nio.charset.StandardCharsets.UTF_8).build()
                        .toString())
                .body(bytes);
    }
}
