package org.jujia.assessment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jujia.assessment.scoring.ZbiScorer;
import org.jujia.elder.ElderRef;
import org.jujia.elder.ElderRegistry;
import org.jujia.region.RegionDirectory;
import org.jujia.region.RegionLevel;
import org.jujia.shared.ConflictException;
import org.jujia.shared.FieldViolation;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.NotFoundException;
import org.jujia.shared.PageResult;
import org.jujia.shared.ValidationException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Console pages for family caregivers: the respite list of the caller's area ({@code /caregivers}) and, per elder,
 * the caregivers with a form to add one and the 22-question Zarit interview ({@code /elders/{elderId}/caregivers}).
 */
@Controller
@PreAuthorize("hasAuthority('PERM_ASSESSMENT_READ')")
class FamilyCaregiverConsoleController {

    static final int PAGE_SIZE = 50;

    private final FamilyCaregivers caregivers;
    private final ElderRegistry elders;
    private final RegionDirectory regions;

    FamilyCaregiverConsoleController(FamilyCaregivers caregivers, ElderRegistry elders, RegionDirectory regions) {
        this.caregivers = caregivers;
        this.elders = elders;
        this.regions = regions;
    }

    // ---------------------------------------------------------------- respite list

    @GetMapping("/caregivers")
    String respiteList(@RequestParam(required = false) String communityCode, @RequestParam(defaultValue = "false") boolean history,
            @RequestParam(defaultValue = "0") int page, Jurisdiction j, Model model) {
        String code = communityCode == null || communityCode.isBlank() ? null : communityCode.trim();
        PageResult<RespiteEntry> result;
        try {
            result = caregivers.respiteList(code, history, page, PAGE_SIZE, j);
        } catch (ValidationException e) {
            model.addAttribute("filterError", e.violations().get(0).message());
            result = caregivers.respiteList(null, history, page, PAGE_SIZE, j);
            code = null;
        }
        model.addAttribute("result", result);
        model.addAttribute("communityCode", code);
        model.addAttribute("history", history);
        model.addAttribute("communities", regions.ofLevel(RegionLevel.COMMUNITY, j));
        return "assessment/caregivers";
    }

    // ---------------------------------------------------------------- caregivers of one elder

    /** The add-caregiver form's fields. */
    record CaregiverForm(String name, FamilyCaregiverRelation relation, String phone, String idNumber, Boolean livesWithElder,
            Integer weeklyCareHours, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startedOn) {

        static CaregiverForm empty() {
            return new CaregiverForm(null, null, null, null, null, null, null);
        }

        FamilyCaregiverInput toInput() {
            return new FamilyCaregiverInput(name, relation, phone, idNumber, livesWithElder, weeklyCareHours, startedOn, true, null);
        }
    }

    /** The interview form as entered: the caregiver, the date and the answers as typed (kept when re-shown). */
    record ZbiForm(Long caregiverId, String interviewedOn, Map<String, String> answers) {

        static ZbiForm empty(Long caregiverId, LocalDate today) {
            return new ZbiForm(caregiverId, today.toString(), Map.of());
        }

        public String answer(int n) {
            return answers.get(ZbiScorer.key(n));
        }
    }

    /** One caregiver with their interviews, latest first. */
    record CaregiverRow(FamilyCaregiver caregiver, List<ZbiInterview> interviews) {
    }

    @GetMapping("/elders/{elderId}/caregivers")
    String elderCaregivers(@PathVariable long elderId, @RequestParam(required = false) Long interview, @RequestParam(required = false) Long caregiver,
            @RequestParam(required = false) Boolean saved, Jurisdiction j, Model model) {
        model.addAttribute("saved", Boolean.TRUE.equals(saved));
        return page(elderId, j, model, CaregiverForm.empty(), List.of(), ZbiForm.empty(caregiver, caregivers.today()), List.of(), interview);
    }

    @PostMapping("/elders/{elderId}/caregivers")
    @PreAuthorize("hasAuthority('PERM_ASSESSMENT_EVENTS')")
    String add(@PathVariable long elderId, CaregiverForm form, Jurisdiction j, Model model) {
        try {
            FamilyCaregiver added = caregivers.add(elderId, form.toInput(), j);
            return "redirect:/elders/" + elderId + "/caregivers?saved=true&caregiver=" + added.id();
        } catch (ValidationException e) {
            return page(elderId, j, model, form, e.violations(), ZbiForm.empty(null, caregivers.today()), List.of(), null);
        } catch (ConflictException e) {
            return page(elderId, j, model, form, List.of(new FieldViolation(e.field(), "conflict", e.getMessage())),
                    ZbiForm.empty(null, caregivers.today()), List.of(), null);
        }
    }

    @PostMapping("/elders/{elderId}/caregivers/zbi")
    @PreAuthorize("hasAuthority('PERM_ASSESSMENT_EVENTS')")
    String recordInterview(@PathVariable long elderId, @RequestParam Map<String, String> params, Jurisdiction j, Model model) {
        Map<String, String> typed = new LinkedHashMap<>();
        Map<String, Object> answers = new LinkedHashMap<>();
        for (int n = 1; n <= ZbiScorer.ITEMS; n++) {
            String key = ZbiScorer.key(n);
            String raw = params.get(key);
            if (raw != null && !raw.isBlank()) {
                typed.put(key, raw.trim());
                answers.put(key, number(raw.trim()));
            }
        }
        Long caregiverId = parseLong(params.get("caregiverId"));
        ZbiForm form = new ZbiForm(caregiverId, params.get("interviewedOn"), typed);
        try {
            if (caregiverId == null) {
                throw ValidationException.of("caregiverId", "required", "choose the caregiver interviewed");
            }
            LocalDate on = parseDate(form.interviewedOn());
            // the caregiver must be one of this elder's (and in the caller's jurisdiction)
            if (caregivers.ofElder(elderId, j).stream().noneMatch(c -> c.id() == caregiverId)) {
                throw new NotFoundException("caregiver", caregiverId);
            }
            ZbiInterview recorded = caregivers.recordInterview(caregiverId, on, answers, j);
            return "redirect:/elders/" + elderId + "/caregivers?interview=" + recorded.id() + "#zbi-result";
        } catch (ValidationException e) {
            return page(elderId, j, model, CaregiverForm.empty(), List.of(), form, e.violations(), null);
        } catch (ConflictException e) {
            return page(elderId, j, model, CaregiverForm.empty(), List.of(), form,
                    List.of(new FieldViolation(e.field(), "conflict", e.getMessage())), null);
        }
    }

    private String page(long elderId, Jurisdiction j, Model model, CaregiverForm form, List<FieldViolation> formErrors, ZbiForm zbi,
            List<FieldViolation> zbiErrors, Long interviewId) {
        ElderRef elder = elders.find(elderId, j).orElseThrow(() -> new NotFoundException("elder", elderId));
        List<CaregiverRow> rows = new ArrayList<>();
        ZbiInterview recorded = null;
        for (FamilyCaregiver c : caregivers.ofElder(elderId, j)) {
            List<ZbiInterview> interviews = caregivers.interviews(c.id(), j);
            rows.add(new CaregiverRow(c, interviews));
            if (interviewId != null) {
                for (ZbiInterview i : interviews) {
                    if (i.id() == interviewId) {
                        recorded = i;
                    }
                }
            }
        }
        model.addAttribute("elder", elder);
        model.addAttribute("rows", rows);
        model.addAttribute("activeCaregivers", rows.stream().map(CaregiverRow::caregiver).filter(FamilyCaregiver::active).toList());
        model.addAttribute("recorded", recorded);
        model.addAttribute("form", form);
        model.addAttribute("formErrors", formErrors);
        model.addAttribute("formErrorFields", fields(formErrors));
        model.addAttribute("zbi", zbi);
        model.addAttribute("zbiErrors", zbiErrors);
        model.addAttribute("zbiErrorFields", fields(zbiErrors));
        model.addAttribute("relations", FamilyCaregiverRelation.values());
        model.addAttribute("items", ZbiScorer.ITEMS);
        model.addAttribute("today", caregivers.today());
        return "assessment/caregivers-elder";
    }

    private static Map<String, String> fields(List<FieldViolation> errors) {
        Map<String, String> byField = new HashMap<>();
        errors.forEach(e -> byField.merge(e.field(), e.message(), (a, b) -> a + "; " + b));
        return byField;
    }

    /** A typed answer as a number when it is one, else as typed (the scorer then names it). */
    private static Object number(String raw) {
        try {
            return Integer.valueOf(raw);
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    private static Long parseLong(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : Long.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate parseDate(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw ValidationException.of("interviewedOn", "malformed", "must be a date like 2026-11-20");
        }
    }
}
