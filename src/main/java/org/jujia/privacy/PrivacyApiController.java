package org.jujia.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.PageResult;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit and keys", description = "The hash-chained audit log and encryption-key rotation")
class PrivacyApiController {

    private final AuditLog audit;
    private final KeyRotation rotation;

    PrivacyApiController(AuditLog audit, KeyRotation rotation) {
        this.audit = audit;
        this.rotation = rotation;
    }

    @GetMapping("/api/v1/audit")
    @PreAuthorize("hasAuthority('PERM_AUDIT_READ')")
    @Operation(summary = "Search the audit log (newest first)", description = "Example: /api/v1/audit?actor=street1&action=REVEAL")
    PageResult<AuditEntry> search(@RequestParam(required = false) String actor, @RequestParam(required = false) String subjectType,
            @RequestParam(required = false) String subjectId, @RequestParam(required = false) String action,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return audit.search(actor, subjectType, subjectId, action, page, size);
    }

    @GetMapping("/api/v1/audit/verify")
    @PreAuthorize("hasAuthority('PERM_AUDIT_READ')")
    @Operation(summary = "Verify the SM3 hash chain; reports the first broken link")
    AuditLog.Verification verify() {
        return audit.verify();
    }

    @PostMapping("/api/v1/admin/keys/rotate")
    @PreAuthorize("hasAuthority('PERM_KEY_ADMIN')")
    @Operation(summary = "Re-encrypt every sealed value under the active key (online; reads keep working meanwhile)")
    RotationReport rotate(Jurisdiction j) {
        RotationReport report = rotation.rotate();
        audit.record(j, AuditAction.KEY_ROTATION, "KEYS", report.activeKeyId(), null, null, report.reencryptedPerColumn().toString());
        return report;
    }
}
