package org.jujia.careplan;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jujia.assessment.AssessmentTask;
import org.jujia.elder.ElderRef;
import org.jujia.elder.ElderRegistry;
import org.jujia.shared.ConflictException;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.Money;
import org.jujia.shared.NotFoundException;
import org.jujia.shared.ValidationException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console pages of care plans: the list under my node, the elder's plans (versions, the open remake task, a new
 * version), the plan page with the builder (pick an item, frequency, weekdays, window — htmx re-quotes the whole plan
 * on every change and shows the split per line and per payer), the excess warning and consent, submission, the
 * agreement preview, the signature page (canvas, touch and mouse), the signed agreement and its verification, and
 * the diff between versions.
 */
@Controller
@PreAuthorize("hasAuthority('PERM_CAREPLAN_READ')")
class CarePlanConsoleController {

    static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final CarePlanManagement plans;
    private final ElderRegistry elders;

    CarePlanConsoleController(CarePlanManagement plans, ElderRegistry elders) {
        this.plans = plans;
        this.elders = elders;
    }

    /** Formatting helpers for the templates: yuan from fen, times in Asia/Shanghai. */
    public static final class Fmt {
        public String yuan(long fen) {
            return new Money(fen).toYuanString();
        }

        public String signed(long fen) {
            return (fen > 0 ? "+" : "") + new Money(fen).toYuanString();
        }

        public String time(Instant i) {
            return i == null ? "—" : DISPLAY.format(i);
        }

        public String countdown(AssessmentTask t, Instant now) {
            return t.countdown(now);
        }
    }

    @ModelAttribute("fmt")
    Fmt fmt() {
        return new Fmt();
    }

    // ------------------------------------------------------------------ lists

    @GetMapping("/care-plans")
    String list(@RequestParam(required = false) String status, Jurisdiction j, Model model) {
        CarePlanStatus s = null;
        if (status != null && !status.equals("ALL")) {
            try {
                s = CarePlanStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                s = null;
            }
        }
        model.addAttribute("status", s == null ? "ALL" : s.name());
        model.addAttribute("statuses", CarePlanStatus.values());
        model.addAttribute("counts", plans.counts(j));
        model.addAttribute("plans", plans.list(s, j));
        return "careplan/list";
    }

    @GetMapping("/elders/{elderId}/care-plans")
    String elderPlans(@PathVariable long elderId, Jurisdiction j, Model model) {
        ElderRef elder = elders.find(elderId, j).orElseThrow(() -> new NotFoundException("elder", elderId));
        List<CarePlan> history = plans.history(elderId, j);
        model.addAttribute("elder", elder);
        model.addAttribute("history", history);
        model.addAttribute("active", history.stream().filter(p -> p.status() == CarePlanStatus.ACTIVE).findFirst().orElse(null));
        model.addAttribute("open", history.stream().filter(p -> p.status().open()).findFirst().orElse(null));
        model.addAttribute("providers", j.can("CAREPLAN_WRITE") ? plans.providersFor(elderId, j) : List.of());
        model.addAttribute("remake", plans.openRemakeTask(elderId, j).orElse(null));
        model.addAttribute("now", plans.now());
        return "careplan/elder";
    }

    @PostMapping("/elders/{elderId}/care-plans")
    @PreAuthorize("hasAuthority('PERM_CAREPLAN_WRITE')")
    String create(@PathVariable long elderId, @RequestParam(required = false) Long providerId, @RequestParam(required = false) String note,
            @RequestParam(defaultValue = "false") boolean copyActive, Jurisdiction j, RedirectAttributes flash) {
        try {
            CarePlan p = plans.draft(elderId, new CarePlanManagement.NewPlan(providerId, note, copyActive), j);
            return "redirect:/care-plans/" + p.id();
        } catch (ValidationException | ConflictException e) {
            flash.addFlashAttribute("flashError", e.getMessage());
            return "redirect:/elders/" + elderId + "/care-plans";
        }
    }

    // ------------------------------------------------------------------ the plan page and builder

    @GetMapping("/care-plans/{id}")
    String show(@PathVariable long id, Jurisdiction j, Model model) {
        CarePlan p = plans.get(id, j);
        model.addAttribute("plan", p);
        model.addAttribute("elder", elders.find(p.elderId(), j).orElseThrow());
        model.addAttribute("agreement", plans.agreement(id, j).orElse(null));
        model.addAttribute("remake", p.status().open() ? plans.openRemakeTask(p.elderId(), j).orElse(null) : null);
        model.addAttribute("now", plans.now());
        model.addAttribute("endReasons", p.status().open() ? List.of(EndReason.ABANDONED)
                : List.of(EndReason.DECEASED, EndReason.MOVED, EndReason.WITHDRAWN, EndReason.OTHER));
        if (p.editable() && j.can("CAREPLAN_WRITE")) {
            model.addAttribute("items", plans.items(j));
            model.addAttribute("periods", Frequency.Period.values());
        }
        return "careplan/plan";
    }

    /** The builder's live estimate: the whole plan re-quoted with the line being entered, not saved. */
    @PostMapping("/care-plans/{id}/preview")
    @PreAuthorize("hasAuthority('PERM_CAREPLAN_WRITE')")
    String preview(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Jurisdiction j, Model model) {
        CarePlan p = plans.get(id, j);
        model.addAttribute("plan", p);
        try {
            CarePlanManagement.LineInput line = line(form);
            if (line.itemCode() == null) {
                model.addAttribute("preview", null);
            } else {
                CarePlan candidate = plans.preview(id, line, null, j);
                model.addAttribute("preview", candidate);
                model.addAttribute("candidate", candidate.lines().get(candidate.lines().size() - 1));
            }
        } catch (ValidationException e) {
            model.addAttribute("previewErrors", e.violations());
        }
        return "careplan/plan :: preview";
    }

    @PostMapping("/care-plans/{id}/lines")
    @PreAuthorize("hasAuthority('PERM_CAREPLAN_WRITE')")
    String addLine(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Jurisdiction j, RedirectAttributes flash) {
        return act(id, flash, () -> plans.addLine(id, line(form), j));
    }

    @PostMapping("/care-plans/{id}/lines/{position}/remove")
    @PreAuthorize("hasAuthority('PERM_CAREPLAN_WRITE')")
    String removeLine(@PathVariable long id, @PathVariable int position, Jurisdiction j, RedirectAttributes flash) {
        return act(id, flash, () -> plans.removeLine(id, position, j));
    }

    @PostMapping("/care-plans/{id}/consent")
    String consent(@PathVariable long id, @RequestParam(required = false) String consentedBy, @RequestParam(required = false) String relation,
            @RequestParam(required = false) Long excessFen, Jurisdiction j, RedirectAttributes flash) {
        return act(id, flash, () -> plans.recordConsent(id, new CarePlanManagement.ConsentInput(consentedBy, relation, excessFen), j));
    }

    @PostMapping("/care-plans/{id}/submit")
    @PreAuthorize("hasAuthority('PERM_CAREPLAN_WRITE')")
    String submit(@PathVariable long id, Jurisdiction j, RedirectAttributes flash) {
        return act(id, flash, () -> plans.submit(id, j));
    }

    @PostMapping("/care-plans/{id}/reopen")
    @PreAuthorize("hasAuthority('PERM_CAREPLAN_WRITE')")
    String reopen(@PathVariable long id, Jurisdiction j, RedirectAttributes flash) {
        return act(id, flash, () -> plans.reopen(id, j));
    }

    @PostMapping("/care-plans/{id}/end")
    @PreAuthorize("hasAuthority('PERM_CAREPLAN_WRITE')")
    String end(@PathVariable long id, @RequestParam(required = false) EndReason reason, @RequestParam(required = false) String note, Jurisdiction j,
            RedirectAttributes flash) {
        return act(id, flash, () -> plans.end(id, reason, note, j));
    }

    // ------------------------------------------------------------------ signature

    @GetMapping("/care-plans/{id}/sign")
    String signPage(@PathVariable long id, Jurisdiction j, Model model) {
        CarePlan p = plans.get(id, j);
        model.addAttribute("plan", p);
        model.addAttribute("methods", SignatureMethod.values());
        model.addAttribute("signerTypes", SignerType.values());
        return "careplan/sign";
    }

    @PostMapping("/care-plans/{id}/sign")
    String sign(@PathVariable long id, @RequestParam(required = false) SignerType signerType, @RequestParam(required = false) String signerName,
            @RequestParam(required = false) SignatureMethod method, @RequestParam(required = false) String signaturePng,
            @RequestParam(required = false) String witnessName, Jurisdiction j, Model model, RedirectAttributes flash) {
        try {
            plans.sign(id, new CarePlanManagement.SignInput(signerType, signerName, method, signaturePng, witnessName), j);
            flash.addFlashAttribute("signed", true);
            return "redirect:/care-plans/" + id;
        } catch (ValidationException e) {
            model.addAttribute("errors", e.violations());
        } catch (ConflictException e) {
            model.addAttribute("flashError", e.getMessage());
        }
        model.addAttribute("signerType", signerType);
        model.addAttribute("signerName", signerName);
        model.addAttribute("method", method);
        model.addAttribute("witnessName", witnessName);
        return signPage(id, j, model);
    }

    // ------------------------------------------------------------------ agreement and diff

    @GetMapping("/care-plans/{id}/agreement.pdf")
    ResponseEntity<byte[]> agreementPdf(@PathVariable long id, Jurisdiction j) {
        return CarePlanApiController.pdf(plans.agreementPdf(id, j), "服务协议-" + id + ".pdf");
    }

    @GetMapping("/care-plans/{id}/agreement-preview.pdf")
    ResponseEntity<byte[]> previewPdf(@PathVariable long id, Jurisdiction j) {
        return CarePlanApiController.pdf(plans.previewPdf(id, j), "服务协议-预览-" + id + ".pdf");
    }

    @PostMapping("/care-plans/{id}/verify")
    String verify(@PathVariable long id, Jurisdiction j, RedirectAttributes flash) {
        flash.addFlashAttribute("verification", plans.verify(id, null, j));
        return "redirect:/care-plans/" + id;
    }

    @GetMapping("/care-plans/{id}/diff")
    String diff(@PathVariable long id, @RequestParam(required = false) Long against, Jurisdiction j, Model model) {
        PlanDiff d = plans.diff(id, against, j);
        CarePlan p = plans.get(id, j);
        model.addAttribute("plan", p);
        model.addAttribute("diff", d);
        model.addAttribute("versions", plans.history(p.elderId(), j).stream().filter(x -> x.id() != id).toList());
        return "careplan/diff";
    }

    // ------------------------------------------------------------------ helpers

    private String act(long id, RedirectAttributes flash, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("saved", true);
        } catch (ValidationException e) {
            flash.addFlashAttribute("flashErrors", e.violations());
        } catch (ConflictException e) {
            flash.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/care-plans/" + id;
    }

    /** A line from the builder form; unparsable values become violations naming their field. */
    static CarePlanManagement.LineInput line(MultiValueMap<String, String> f) {
        List<org.jujia.shared.FieldViolation> bad = new ArrayList<>();
        String item = blank(f.getFirst("itemCode"));
        Integer count = integer(f.getFirst("frequencyCount"), "frequencyCount", bad);
        Frequency.Period period = null;
        if (blank(f.getFirst("frequencyPeriod")) != null) {
            try {
                period = Frequency.Period.valueOf(f.getFirst("frequencyPeriod"));
            } catch (IllegalArgumentException e) {
                bad.add(new org.jujia.shared.FieldViolation("frequencyPeriod", "format", "DAY, WEEK or MONTH"));
            }
        }
        List<Integer> weekdays = new ArrayList<>();
        for (String d : Optional.ofNullable(f.get("weekdays")).orElse(List.of())) {
            Integer v = integer(d, "weekdays", bad);
            if (v != null) {
                weekdays.add(v);
            }
        }
        LocalTime from = time(f.getFirst("windowFrom"), "windowFrom", bad);
        LocalTime to = time(f.getFirst("windowTo"), "windowTo", bad);
        Integer minutes = integer(f.getFirst("durationMinutes"), "durationMinutes", bad);
        if (!bad.isEmpty()) {
            throw new ValidationException(bad);
        }
        return new CarePlanManagement.LineInput(item, count, period, weekdays, from, to, minutes);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Integer integer(String s, String field, List<org.jujia.shared.FieldViolation> bad) {
        if (blank(s) == null) {
            return null;
        }
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            bad.add(new org.jujia.shared.FieldViolation(field, "format", "not a whole number"));
            return null;
        }
    }

    private static LocalTime time(String s, String field, List<org.jujia.shared.FieldViolation> bad) {
        if (blank(s) == null) {
            return null;
        }
        try {
            return LocalTime.parse(s.trim());
        } catch (DateTimeParseException e) {
            bad.add(new org.jujia.shared.FieldViolation(field, "format", "a time like 09:30"));
            return null;
        }
    }
}
