package org.jujia.dispatch;

import java.time.LocalDate;
import java.util.List;
import org.jujia.shared.ConflictException;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.ValidationException;
import org.jujia.workforce.Workforce;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The route planning pages of a provider operator: "plan tomorrow" and "re-plan today" (caregivers called in sick
 * ticked), the recent jobs; a job's page with its live progress, the route plot, per-caregiver timelines, the orders
 * left out and why, the comparison with the current plan, and accept / discard.
 */
@Controller
@PreAuthorize("hasAuthority('PERM_ORDER_MANAGE')")
class PlanConsoleController {

    private final RoutePlanning planning;
    private final DispatchManagement dispatch;
    private final Workforce workforce;
    private final JsonMapper json;

    PlanConsoleController(RoutePlanning planning, DispatchManagement dispatch, Workforce workforce, JsonMapper json) {
        this.planning = planning;
        this.dispatch = dispatch;
        this.workforce = workforce;
        this.json = json;
    }

    @GetMapping("/plan")
    String index(Jurisdiction j, Model model) {
        LocalDate today = dispatch.today();
        Long provider = dispatch.operatorProvider(j);
        model.addAttribute("today", today);
        model.addAttribute("tomorrow", today.plusDays(1));
        model.addAttribute("lastDay", today.plusDays(dispatch.horizonDays() - 1L));
        model.addAttribute("jobs", planning.list(null, j));
        model.addAttribute("caregivers", provider == null ? List.of() : workforce.ofProvider(provider));
        model.addAttribute("budgets", List.of(5, 10, 20, 30, 60));
        model.addAttribute("defaultBudget", planning.defaultBudgetSeconds());
        return "dispatch/plan";
    }

    @PostMapping("/plan/jobs")
    String create(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) PlanningJob.Kind kind, @RequestParam(required = false) Integer budgetSeconds,
            @RequestParam(name = "unavailable", required = false) List<Long> unavailable, Jurisdiction j, RedirectAttributes flash) {
        try {
            PlanningJob job = planning.request(date, kind, budgetSeconds, unavailable, j);
            return "redirect:/plan/jobs/" + job.id();
        } catch (ValidationException | ConflictException e) {
            flash.addFlashAttribute("flashError", e.getMessage());
            return "redirect:/plan";
        }
    }

    @GetMapping("/plan/jobs/{id}")
    String job(@PathVariable long id, Jurisdiction j, Model model) {
        PlanningJob job = planning.get(id, j);
        model.addAttribute("job", job);
        model.addAttribute("jobJson", json.writeValueAsString(job));
        model.addAttribute("fmt", new OrderConsoleController.Fmt());
        model.addAttribute("comparison", job.result() == null ? List.of() : comparison(job.result()));
        return "dispatch/plan-job";
    }

    /** One line of the comparison: a measure of the current plan and of the proposed one; fewer is better except for assigned. */
    record CompareRow(String metric, long current, long proposed, boolean better, boolean worse) {
        static CompareRow of(String metric, long current, long proposed, boolean moreIsBetter) {
            boolean better = moreIsBetter ? proposed > current : proposed < current;
            return new CompareRow(metric, current, proposed, better, proposed != current && !better);
        }
    }

    static List<CompareRow> comparison(PlanningJob.PlanView v) {
        PlanningJob.Metrics c = v.current();
        PlanningJob.Metrics p = v.proposed();
        return List.of(CompareRow.of("assigned", c.assigned(), p.assigned(), true), CompareRow.of("unassigned", c.unassigned(), p.unassigned(), false),
                CompareRow.of("travelMinutes", c.travelMinutes(), p.travelMinutes(), false),
                CompareRow.of("latenessMinutes", c.latenessMinutes(), p.latenessMinutes(), false),
                CompareRow.of("continuityBreaks", c.continuityBreaks(), p.continuityBreaks(), false),
                CompareRow.of("workloadSpreadMinutes", c.workloadSpreadMinutes(), p.workloadSpreadMinutes(), false),
                CompareRow.of("hardPenalty", c.hardPenalty(), p.hardPenalty(), false));
    }

    @GetMapping(path = "/plan/jobs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events(@PathVariable long id, Jurisdiction j) {
        return planning.subscribe(id, j);
    }

    @PostMapping("/plan/jobs/{id}/cancel")
    String cancel(@PathVariable long id, Jurisdiction j, RedirectAttributes flash) {
        try {
            planning.cancel(id, j);
        } catch (ConflictException e) {
            flash.addFlashAttribute("flashError", e.getMessage());
        }
        return "redirect:/plan/jobs/" + id;
    }

    @PostMapping("/plan/jobs/{id}/apply")
    String apply(@PathVariable long id, Jurisdiction j, RedirectAttributes flash) {
        try {
            PlanningJob job = planning.apply(id, j);
            flash.addFlashAttribute("flashOk", job.result().changes());
            return "redirect:/orders?from=" + job.serviceDate() + "&to=" + job.serviceDate();
        } catch (ValidationException | ConflictException e) {
            flash.addFlashAttribute("flashError", e.getMessage());
            return "redirect:/plan/jobs/" + id;
        }
    }
}
