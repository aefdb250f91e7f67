package org.jujia.privacy;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Console page of the audit log with chain verification. */
@Controller
@PreAuthorize("hasAuthority('PERM_AUDIT_READ')")
class AuditConsoleController {

    private final AuditLog audit;

    AuditConsoleController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String subjectId,
            @RequestParam(required = false) String action, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "false") boolean verify, Model model) {
        model.addAttribute("result", audit.search(actor, null, subjectId, action, page, 50));
        model.addAttribute("actor", actor);
        model.addAttribute("subjectId", subjectId);
        model.addAttribute("action", action);
        model.addAttribute("actions", AuditAction.values());
        if (verify) {
            model.addAttribute("verification", audit.verify());
        }
        return "privacy/audit";
    }
}
