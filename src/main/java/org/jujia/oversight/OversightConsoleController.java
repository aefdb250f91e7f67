package org.jujia.oversight;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jujia.elder.ElderRef;
import org.jujia.elder.ElderRegistry;
import org.jujia.region.Organisation;
import org.jujia.shared.ConflictException;
import org.jujia.shared.FieldViolation;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.ValidationException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console pages of oversight: complaints (list, filing by a hotline operator or a family member, the complaint page with
 * its timeline and the handling forms), follow-up calls of a month with the satisfaction rates, evaluations and
 * ratings, and the performance scores of a year with the breakdown page explaining every point.
 */
@Controller
class OversightConsoleController {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkingDays.ZONE);

    private final Complaints complaints;
    private final FollowUps followUps;
    private final Evaluations evaluations;
    private final PerformanceScores scores;
    private final ProviderScope providers;
    private final ElderRegistry elders;

    OversightConsoleController(Complaints complaints, FollowUps followUps, Evaluations evaluations, PerformanceScores scores, ProviderScope providers,
            ElderRegistry elders) {
        this.complaints = complaints;
        this.followUps = followUps;
        this.evaluations = evaluations;
        this.scores = scores;
        this.providers = providers;
        this.elders = elders;
    }

    /** Formatting for the templates. */
    public static final class Fmt {
        public String time(Instant i) {
            return i == null ? "—" : TIME.format(i);
        }

        /** A deadline at midnight is shown as the last minute of the day it ends. */
        public String due(Instant i) {
            return i == null ? "—" : TIME.format(i.minusSeconds(60));
        }

        public String pct(Double d) {
            return d == null ? "—" : String.format(Locale.ROOT, "%.1f%%", d * 100);
        }

        public String num(Double d) {
            if (d == null) {
                return "—";
            }
            return d == Math.rint(d) ? String.format(Locale.ROOT, "%,.0f", d) : String.format(Locale.ROOT, "%,.2f", d);
        }

        public String points(BigDecimal b) {
            return b == null ? "—" : b.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        }
    }

    // ------------------------------------------------------------------ complaints

    @GetMapping("/oversight/complaints")
    @PreAuthorize("hasAnyAuthority('PERM_COMPLAINT_READ','PERM_COMPLAINT_FILE')")
    String complaints(@RequestParam(required = false) Complaint.Status status, @RequestParam(required = false) Boolean overdue, Jurisdiction j,
            Model model) {
        model.addAttribute("complaints", complaints.list(new ComplaintStore.Filter(status, overdue, null, null, null, null, null), j));
        model.addAttribute("status", status);
        model.addAttribute("overdue", overdue);
        model.addAttribute("statuses", Complaint.Status.values());
        model.addAttribute("f", new Fmt());
        return "oversight/complaints";
    }

    @GetMapping("/oversight/complaints/new")
    @PreAuthorize("hasAuthority('PERM_COMPLAINT_FILE')")
    String newComplaint(@RequestParam(required = false) Long elderId, Jurisdiction j, Model model) {
        model.addAttribute("categories", Complaint.Category.values());
        model.addAttribute("family", j.familyOnly());
        model.addAttribute("elderId", elderId);
        if (j.familyOnly()) {
            List<ElderRef> mine = new ArrayList<>();
            for (Long id : elders.linkedElderIds(j)) {
                elders.find(id, j).ifPresent(mine::add);
            }
            model.addAttribute("myElders", mine);
        } else {
            model.addAttribute("providers", providers.visible(j));
        }
        return "oversight/complaint-new";
    }

    @PostMapping("/oversight/complaints")
    @PreAuthorize("hasAuthority('PERM_COMPLAINT_FILE')")
    String file(@RequestParam(required = false) Complaint.Category category, @RequestParam(required = false) Long elderId,
            @RequestParam(required = false) Long providerId, @RequestParam(required = false) Long caregiverUserId,
            @RequestParam(required = false) String complainantName, @RequestParam(required = false) String complainantPhone,
            @RequestParam(required = false) String description, Jurisdiction j, RedirectAttributes flash) {
        try {
            Complaints.View v = complaints.file(new Complaints.FileInput(null, category, elderId, providerId, caregiverUserId, null, complainantName,
                    complainantPhone, description), j);
            flash.addFlashAttribute("flashInfo", "filed");
            return "redirect:/oversight/complaints/" + v.complaint().id();
        } catch (ValidationException e) {
            flash.addFlashAttribute("flashError", describe(e));
            return "redirect:/oversight/complaints/new" + (elderId == null ? "" : "?elderId=" + elderId);
        }
    }

    @GetMapping("/oversight/complaints/{id}")
    @PreAuthorize("hasAnyAuthority('PERM_COMPLAINT_READ','PERM_COMPLAINT_FILE')")
    String complaint(@PathVariable long id, Jurisdiction j, Model model) {
        Complaints.View v = complaints.get(id, j);
        model.addAttribute("v", v);
        model.addAttribute("c", v.complaint());
        model.addAttribute("handler", j.can("COMPLAINT_HANDLE"));
        model.addAttribute("providerUser", providers.ownProvider(j).isPresent());
        model.addAttribute("mine", v.complaint().filedByUserId() == j.userId());
        model.addAttribute("outcomes", Complaint.Outcome.values());
        model.addAttribute("providers", j.familyOnly() ? List.of() : providers.visible(j));
        model.addAttribute("f", new Fmt());
        return "oversight/complaint";
    }

    @PostMapping("/oversight/complaints/{id}/{action}")
    @PreAuthorize("hasAnyAuthority('PERM_COMPLAINT_HANDLE','PERM_COMPLAINT_FILE')")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) Complaint.Outcome outcome,
            @RequestParam(required = false) String resolution, @RequestParam(required = false) Complaint.Assignee assignee,
            @RequestParam(required = false) Long providerId, @RequestParam(required = false) Integer satisfaction, Jurisdiction j,
            RedirectAttributes flash) {
        try {
            switch (action) {
                case "acknowledge" -> complaints.acknowledge(id, j);
                case "assign" -> complaints.assign(id, new Complaints.AssignInput(assignee, providerId), j);
                case "resolve" -> complaints.resolve(id, new Complaints.ResolveInput(outcome, resolution), j);
                case "satisfaction" -> complaints.recordSatisfaction(id, new Complaints.SatisfactionInput(satisfaction), j);
                default -> throw new org.jujia.shared.NotFoundException("action", action);
            }
            flash.addFlashAttribute("flashInfo", action);
        } catch (ValidationException e) {
            flash.addFlashAttribute("flashError", describe(e));
        } catch (ConflictException e) {
            flash.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/oversight/complaints/" + id;
    }

    // ------------------------------------------------------------------ follow-up calls

    @GetMapping("/oversight/follow-ups")
    @PreAuthorize("hasAnyAuthority('PERM_FOLLOWUP_PERFORM','PERM_OVERSIGHT_READ')")
    String followUps(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, Jurisdiction j, Model model) {
        YearMonth m = month == null ? YearMonth.now(WorkingDays.ZONE).minusMonths(1) : month;
        model.addAttribute("month", m);
        model.addAttribute("calls", followUps.calls(m, null, null, j));
        model.addAttribute("samples", followUps.samples(m, j));
        model.addAttribute("byProvider", followUps.satisfaction("provider", m, m, j));
        model.addAttribute("byStreet", followUps.satisfaction("street", m, m, j));
        List<Organisation> visible = providers.visible(j);
        model.addAttribute("providers", visible);
        model.addAttribute("providerNames", visible.stream().collect(java.util.stream.Collectors.toMap(Organisation::id, Organisation::name)));
        model.addAttribute("outcomes", FollowUps.Outcome.values());
        model.addAttribute("categories", Complaint.Category.values());
        model.addAttribute("caller", j.can("FOLLOWUP_PERFORM"));
        model.addAttribute("f", new Fmt());
        return "oversight/follow-ups";
    }

    @PostMapping("/oversight/follow-ups/sample")
    @PreAuthorize("hasAuthority('PERM_FOLLOWUP_PERFORM')")
    String sample(@RequestParam long providerId, @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, Jurisdiction j,
            RedirectAttributes flash) {
        try {
            FollowUps.Sample s = followUps.sample(providerId, month, j);
            flash.addFlashAttribute("flashInfo", s.sampled() + " / " + s.verified());
        } catch (ValidationException e) {
            flash.addFlashAttribute("flashError", describe(e));
        } catch (ConflictException e) {
            flash.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/oversight/follow-ups?month=" + month;
    }

    @PostMapping("/oversight/follow-ups/{id}")
    @PreAuthorize("hasAuthority('PERM_FOLLOWUP_PERFORM')")
    String call(@PathVariable long id, @RequestParam(required = false) FollowUps.Outcome outcome, @RequestParam(required = false) Integer satisfaction,
            @RequestParam(required = false) String note, @RequestParam(required = false) Complaint.Category complaintCategory,
            @RequestParam(required = false) String complaintText, Jurisdiction j, RedirectAttributes flash) {
        FollowUps.Call c = followUps.get(id, j);
        try {
            followUps.record(id, new FollowUps.CallInput(outcome, satisfaction, note, complaintCategory, complaintText), j);
            flash.addFlashAttribute("flashInfo", "#" + id);
        } catch (ValidationException e) {
            flash.addFlashAttribute("flashError", "#" + id + ": " + describe(e));
        } catch (ConflictException e) {
            flash.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/oversight/follow-ups?month=" + YearMonth.from(c.month());
    }

    // ------------------------------------------------------------------ evaluations and ratings

    @GetMapping("/oversight/evaluations")
    @PreAuthorize("hasAuthority('PERM_OVERSIGHT_READ')")
    String evaluations(Jurisdiction j, Model model) {
        model.addAttribute("evaluations", evaluations.evaluations(null, null, j));
        model.addAttribute("ratings", evaluations.ratings(j));
        model.addAttribute("providers", providers.visible(j));
        model.addAttribute("admin", j.can("OVERSIGHT_ADMIN"));
        model.addAttribute("today", LocalDate.now(WorkingDays.ZONE));
        model.addAttribute("f", new Fmt());
        return "oversight/evaluations";
    }

    @PostMapping("/oversight/evaluations")
    @PreAuthorize("hasAuthority('PERM_OVERSIGHT_ADMIN')")
    String evaluate(@RequestParam(required = false) Long providerId, @RequestParam(required = false) String evaluator,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate evaluatedOn,
            @RequestParam(required = false) BigDecimal score, @RequestParam(required = false) String findings, Jurisdiction j, RedirectAttributes flash) {
        try {
            evaluations.record(new Evaluations.EvaluationInput(providerId, evaluator, evaluatedOn, score, findings), j);
            flash.addFlashAttribute("flashInfo", "evaluation");
        } catch (ValidationException e) {
            flash.addFlashAttribute("flashError", describe(e));
        }
        return "redirect:/oversight/evaluations";
    }

    @PostMapping("/oversight/providers/{providerId}/rating")
    @PreAuthorize("hasAuthority('PERM_OVERSIGHT_ADMIN')")
    String rate(@PathVariable long providerId, @RequestParam(required = false) Integer stars, @RequestParam(required = false) String credit,
            @RequestParam(required = false) String reason, Jurisdiction j, RedirectAttributes flash) {
        try {
            evaluations.rate(providerId, new Evaluations.RatingInput(stars, credit, reason), j);
            flash.addFlashAttribute("flashInfo", "rating");
        } catch (ValidationException e) {
            flash.addFlashAttribute("flashError", describe(e));
        }
        return "redirect:/oversight/evaluations";
    }

    // ------------------------------------------------------------------ performance scores

    @GetMapping("/oversight/scores")
    @PreAuthorize("hasAuthority('PERM_OVERSIGHT_READ')")
    String scores(@RequestParam(required = false) Integer year, Jurisdiction j, Model model) {
        int y = year == null ? LocalDate.now(WorkingDays.ZONE).getYear() - 1 : year;
        model.addAttribute("year", y);
        model.addAttribute("yearText", Integer.toString(y));
        model.addAttribute("scores", scores.list(y, j));
        model.addAttribute("admin", j.can("OVERSIGHT_ADMIN"));
        model.addAttribute("f", new Fmt());
        return "oversight/scores";
    }

    @PostMapping("/oversight/scores/{year}")
    @PreAuthorize("hasAuthority('PERM_OVERSIGHT_ADMIN')")
    String compute(@PathVariable int year, Jurisdiction j, RedirectAttributes flash) {
        try {
            List<PerformanceScores.ScoreCard> cards = scores.computeAll(year, j);
            List<String> unscored = cards.stream().filter(c -> c.score() == null).map(PerformanceScores.ScoreCard::providerName).toList();
            flash.addFlashAttribute("flashInfo", cards.size() - unscored.size() + "");
            if (!unscored.isEmpty()) {
                flash.addFlashAttribute("unscored", String.join("、", unscored));
            }
        } catch (ValidationException e) {
            flash.addFlashAttribute("flashError", describe(e));
        }
        return "redirect:/oversight/scores?year=" + year;
    }

    @GetMapping("/oversight/scores/{year}/{providerId}")
    @PreAuthorize("hasAuthority('PERM_OVERSIGHT_READ')")
    String breakdown(@PathVariable int year, @PathVariable long providerId, Jurisdiction j, Model model) {
        Organisation p = providers.require(providerId, j);
        model.addAttribute("provider", p);
        model.addAttribute("year", year);
        model.addAttribute("yearText", Integer.toString(year));
        model.addAttribute("card", scores.get(providerId, year, j).orElse(null));
        model.addAttribute("minCovered", ScorePolicy.MIN_COVERED_WEIGHT);
        model.addAttribute("complaintsAtZero", ScorePolicy.COMPLAINTS_PER_THOUSAND_AT_ZERO);
        model.addAttribute("f", new Fmt());
        return "oversight/breakdown";
    }

    private static String describe(ValidationException e) {
        return e.violations().stream().map(FieldViolation::field).distinct().reduce((a, b) -> a + ", " + b).orElse("") + ": "
                + e.violations().stream().map(FieldViolation::message).reduce((a, b) -> a + "; " + b).orElse("");
    }
}
