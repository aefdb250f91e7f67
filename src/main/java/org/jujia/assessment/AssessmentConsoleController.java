package org.jujia.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.jujia.assessment.scoring.BarthelScorer;
import org.jujia.assessment.scoring.Gbt42195Scorer;
import org.jujia.assessment.scoring.LawtonIadlScorer;
import org.jujia.assessment.scoring.MmseScorer;
import org.jujia.assessment.scoring.ScoringEngine;
import org.jujia.elder.ElderDetail;
import org.jujia.elder.ElderRef;
import org.jujia.elder.ElderRegistry;
import org.jujia.elder.ElderSearch;
import org.jujia.elder.ElderSummary;
import org.jujia.shared.CareColour;
import org.jujia.shared.ConflictException;
import org.jujia.shared.FieldViolation;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.NotFoundException;
import org.jujia.shared.PageResult;
import org.jujia.shared.ValidationException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Console pages of assessments (PLATFORM.md §3): the care card on the elder page (colour, flags, reassessment date,
 * history chart), the five-in-one assessment form with a live results panel, the assessment page with its PDF
 * report, the street officer's care-plan remake and reassessment tasks, and the reassessments due per community.
 *
 * <p>Scores are never typed: the form posts item-level answers, the platform's scorers compute everything.
 */
@Controller
@PreAuthorize("hasAuthority('PERM_ASSESSMENT_READ')")
class AssessmentConsoleController {

    static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** How far ahead the reassessment list looks. */
    static final int DUE_WITHIN_DAYS = 30;
    /** The reassessment list shows at most this many elders (pages of 200). */
    static final int DUE_LIST_CAP = 1_000;

    private final AssessmentManagement assessments;
    private final ScoringEngine engine;
    private final ElderRegistry elders;
    private final AssessmentReport report;
    private final JsonMapper json;

    AssessmentConsoleController(AssessmentManagement assessments, ScoringEngine engine, ElderRegistry elders, AssessmentReport report,
            JsonMapper json) {
        this.assessments = assessments;
        this.engine = engine;
        this.elders = elders;
        this.report = report;
        this.json = json;
    }

    /** Result summaries (shared with the PDF) for every page of this controller. */
    @org.springframework.web.bind.annotation.ModelAttribute("report")
    AssessmentReport report() {
        return report;
    }

    // ================================================================== the form's schema

    /** How an item is answered: one of a few options (radio buttons, a list when long), yes/no, or a number. */
    public enum Kind {
        CHOICE, YES_NO, NUMBER
    }

    /**
     * One answer field of the form. {@code path} is the key inside the instrument's answers ({@code ["final", "age"]}
     * for NRS 2002's age); the request parameter is {@code instrument.path…}, e.g. {@code gbt42195.B1.1}.
     */
    public record Field(String instrument, List<String> path, Kind kind, List<String> options, boolean numeric, int min, int max) {

        public String name() {
            return instrument + "." + String.join(".", path);
        }

        public String key() {
            return String.join(".", path);
        }

        /** An id safe in CSS selectors: {@code f-gbt42195-B1-1}. */
        public String id() {
            return "f-" + name().replace('.', '-');
        }

        public String labelKey() {
            return "assess.item." + name();
        }

        public String hintKey() {
            return "assess.hint." + name();
        }

        /**
         * Message key of an option's meaning, e.g. {@code assess.opt.barthel.feeding.10}; GB/T 42195's 0–4 items share
         * the standard's generic anchors.
         */
        public String optionKey(String option) {
            if (instrument.equals("gbt42195") && max == 4 && kind == Kind.CHOICE) {
                return "assess.gbt.anchor." + option;
            }
            return "assess.opt." + name() + "." + option;
        }

        /** Whether the option's value is shown beside its meaning (points, or Lawton's letters). */
        public boolean showValue() {
            return numeric || instrument.equals("iadl");
        }

        /** Long option lists are a drop-down, short ones radio buttons. */
        public boolean longList() {
            return options.size() > 6;
        }
    }

    public record Group(String key, List<Field> fields) {
    }

    /** One instrument's part of the form; optional ones are collapsed and only scored when included. */
    public record Section(String key, boolean optional, List<Group> groups) {

        public List<Field> fields() {
            return groups.stream().flatMap(g -> g.fields().stream()).toList();
        }

        public String titleKey() {
            return "assess.instrument." + key;
        }
    }

    static final List<Section> SECTIONS = buildSections();

    private static List<Section> buildSections() {
        List<Section> s = new ArrayList<>();
        List<Field> mmse = new ArrayList<>();
        for (MmseScorer.Item item : MmseScorer.Item.values()) {
            mmse.add(range("mmse", List.of(item.key()), 0, item.max(), true));
        }
        mmse.add(choice("mmse", List.of("education"), false,
                List.of(MmseScorer.Education.values()).stream().map(Enum::name).toList()));
        s.add(new Section("mmse", false, List.of(new Group("", mmse))));

        List<Field> barthel = new ArrayList<>();
        for (BarthelScorer.Item item : BarthelScorer.Item.values()) {
            int[] allowed = item.allowed();
            List<String> options = IntStream.range(0, allowed.length).mapToObj(i -> String.valueOf(allowed[allowed.length - 1 - i])).toList();
            barthel.add(choice("barthel", List.of(item.key()), true, options));
        }
        s.add(new Section("barthel", false, List.of(new Group("", barthel))));

        List<Field> iadl = new ArrayList<>();
        for (LawtonIadlScorer.Item item : LawtonIadlScorer.Item.values()) {
            iadl.add(choice("iadl", List.of(item.key()), false, item.options().stream().map(Enum::name).toList()));
        }
        s.add(new Section("iadl", false, List.of(new Group("", iadl))));

        s.add(new Section("frail", false, List.of(new Group("", List.of(yesNo("frail", "fatigue"), yesNo("frail", "resistance"),
                yesNo("frail", "ambulation"), range("frail", List.of("illnessCount"), 0, 11, false), yesNo("frail", "weightLossOver5Percent"))))));

        s.add(new Section("nrs2002", false, List.of(
                new Group("initial", List.of(yesNo("nrs2002", "initial", "lowBmi"), yesNo("nrs2002", "initial", "weightLoss3Months"),
                        yesNo("nrs2002", "initial", "reducedIntakeLastWeek"), yesNo("nrs2002", "initial", "severelyIll"))),
                new Group("final", List.of(range("nrs2002", List.of("final", "nutritionalStatusScore"), 0, 3, false),
                        range("nrs2002", List.of("final", "diseaseSeverityScore"), 0, 3, false),
                        number("nrs2002", List.of("final", "age"), 0, 130))))));

        Map<Gbt42195Scorer.Dimension, List<Field>> dims = new LinkedHashMap<>();
        for (Gbt42195Scorer.Item item : Gbt42195Scorer.Item.values()) {
            dims.computeIfAbsent(item.dimension(), d -> new ArrayList<>()).add(range("gbt42195", List.of(item.key()), 0, item.max(), true));
        }
        List<Group> gbt = new ArrayList<>();
        dims.forEach((d, fields) -> gbt.add(new Group(d.name(), fields)));
        gbt.add(new Group("adjustment", List.of(yesNo("gbt42195", "coma"), yesNo("gbt42195", "dementiaOrMentalDisorder"),
                number("gbt42195", List.of("careRiskEvents30Days"), 0, 99))));
        s.add(new Section("gbt42195", true, gbt));

        s.add(new Section("hardship", true, List.of(new Group("", List.of(yesNo("hardship", "eating"), yesNo("hardship", "dressing"),
                yesNo("hardship", "bedTransfer"), yesNo("hardship", "toileting"), yesNo("hardship", "indoorWalking"),
                yesNo("hardship", "bathing"))))));
        return List.copyOf(s);
    }

    /** Integer options min..max; best first when {@code bestFirst} (higher = better for that instrument). */
    private static Field range(String instrument, List<String> path, int min, int max, boolean bestFirst) {
        List<String> options = IntStream.rangeClosed(min, max).mapToObj(String::valueOf).toList();
        if (bestFirst) {
            options = options.reversed();
        }
        return new Field(instrument, path, Kind.CHOICE, options, true, min, max);
    }

    private static Field choice(String instrument, List<String> path, boolean numeric, List<String> options) {
        return new Field(instrument, path, Kind.CHOICE, options, numeric, 0, 0);
    }

    private static Field yesNo(String instrument, String... path) {
        return new Field(instrument, List.of(path), Kind.YES_NO, List.of("true", "false"), false, 0, 0);
    }

    private static Field number(String instrument, List<String> path, int min, int max) {
        return new Field(instrument, path, Kind.NUMBER, List.of(), true, min, max);
    }

    static Optional<Field> field(String instrument, String key) {
        return SECTIONS.stream().filter(s -> s.key().equals(instrument)).flatMap(s -> s.fields().stream())
                .filter(f -> f.key().equals(key)).findFirst();
    }

    // ================================================================== form values ⇄ answers

    /** The answers of a posted form, typed as the scorers expect; an optional instrument only when included. */
    static Map<String, Object> answers(MultiValueMap<String, String> params) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Section section : SECTIONS) {
            if (section.optional() && !included(params, section.key())) {
                continue;
            }
            Map<String, Object> instrument = new LinkedHashMap<>();
            for (Field f : section.fields()) {
                String raw = params.getFirst(f.name());
                if (raw == null || raw.isBlank()) {
                    continue;
                }
                put(instrument, f.path(), convert(f, raw.trim()));
            }
            answers.put(section.key(), instrument);
        }
        return answers;
    }

    static boolean included(MultiValueMap<String, String> params, String section) {
        String v = params.getFirst("include." + section);
        return v != null && !v.isBlank() && !v.equals("false");
    }

    private static Object convert(Field f, String raw) {
        return switch (f.kind()) {
            case YES_NO -> raw.equals("true") ? Boolean.TRUE : raw.equals("false") ? Boolean.FALSE : raw;
            case CHOICE, NUMBER -> {
                if (!f.numeric()) {
                    yield raw;
                }
                try {
                    yield Integer.valueOf(raw);
                } catch (NumberFormatException e) {
                    yield raw; // the scorer names it: "must be an integer"
                }
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> target, List<String> path, Object value) {
        Map<String, Object> m = target;
        for (int i = 0; i < path.size() - 1; i++) {
            m = (Map<String, Object>) m.computeIfAbsent(path.get(i), k -> new LinkedHashMap<String, Object>());
        }
        m.put(path.get(path.size() - 1), value);
    }

    /** The form's values (parameter → text) of stored answers, for editing a draft or correcting a signed assessment. */
    static Map<String, String> values(Map<String, Object> answers) {
        Map<String, String> values = new LinkedHashMap<>();
        if (answers == null) {
            return values;
        }
        for (Section section : SECTIONS) {
            if (!(answers.get(section.key()) instanceof Map<?, ?> instrument)) {
                continue;
            }
            if (section.optional()) {
                values.put("include." + section.key(), "on");
            }
            for (Field f : section.fields()) {
                Object v = instrument;
                for (String p : f.path()) {
                    v = v instanceof Map<?, ?> m ? m.get(p) : null;
                }
                if (v != null) {
                    values.put(f.name(), v.toString());
                }
            }
        }
        return values;
    }

    private static Map<String, String> values(MultiValueMap<String, String> params) {
        Map<String, String> values = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (!v.isEmpty() && v.get(0) != null && !k.equals("_csrf")) {
                values.put(k, v.get(0));
            }
        });
        return values;
    }

    // ================================================================== live results

    /** One instrument in the results panel: its result, or what is still missing. */
    public record InstrumentView(String key, boolean optional, Map<String, Object> result, String missingLabelKey, String missingField,
            String problemCode, String problem, int unanswered) {

        public boolean complete() {
            return result != null;
        }
    }

    /** The results panel: per instrument, and the care colour once all required instruments are complete. */
    public record Preview(List<InstrumentView> instruments, CareColour colour, List<String> flags, Map<String, Object> careColour,
            boolean ready) {
    }

    Preview preview(Map<String, Object> answers) {
        List<InstrumentView> views = new ArrayList<>();
        boolean allComplete = true;
        for (Section section : SECTIONS) {
            if (!answers.containsKey(section.key())) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> given = (Map<String, Object>) answers.get(section.key());
            int unanswered = unanswered(section, given);
            String api = AssessmentManagement.REQUIRED.getOrDefault(section.key(), AssessmentManagement.OPTIONAL.get(section.key()));
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> result = json.convertValue(engine.score(api, given), Map.class);
                views.add(new InstrumentView(section.key(), section.optional(), result, null, null, null, null, 0));
            } catch (ValidationException e) {
                allComplete = false;
                FieldViolation v = e.violations().get(0);
                // a missing answer is shown as the first unanswered item (in the scorer's documented order)
                Optional<Field> item = field(section.key(), v.field());
                if (item.isEmpty() && "required".equals(v.code())) {
                    item = firstUnanswered(section, given);
                }
                String labelKey = item.map(Field::labelKey).orElse("assess.group." + section.key() + "." + v.field());
                views.add(new InstrumentView(section.key(), section.optional(), null, labelKey, v.field(), v.code(), v.message(),
                        Math.max(unanswered, 1)));
            }
        }
        if (!allComplete) {
            return new Preview(views, null, List.of(), null, false);
        }
        try {
            AssessmentManagement.Scored scored = assessments.score(answers);
            @SuppressWarnings("unchecked")
            Map<String, Object> colour = (Map<String, Object>) scored.results().get("careColour");
            return new Preview(views, scored.colour(), scored.flags(), colour, true);
        } catch (ValidationException e) {
            return new Preview(views, null, List.of(), null, false);
        }
    }

    private static Optional<Field> firstUnanswered(Section section, Map<String, Object> given) {
        return applicable(section, given).stream().filter(f -> valueAt(given, f) == null).findFirst();
    }

    /** Items not yet answered (the NRS 2002 final part counts only when the initial screen is positive). */
    private static int unanswered(Section section, Map<String, Object> given) {
        return (int) applicable(section, given).stream().filter(f -> valueAt(given, f) == null).count();
    }

    private static Object valueAt(Map<String, Object> given, Field f) {
        Object v = given;
        for (String p : f.path()) {
            v = v instanceof Map<?, ?> m ? m.get(p) : null;
        }
        return v;
    }

    private static List<Field> applicable(Section section, Map<String, Object> given) {
        boolean nrsPositive = section.key().equals("nrs2002") && given.get("initial") instanceof Map<?, ?> initial
                && initial.values().stream().anyMatch(Boolean.TRUE::equals);
        List<Field> fields = new ArrayList<>();
        for (Group g : section.groups()) {
            if (!(section.key().equals("nrs2002") && g.key().equals("final") && !nrsPositive)) {
                fields.addAll(g.fields());
            }
        }
        return fields;
    }

    @PostMapping("/assessments/preview")
    @PreAuthorize("hasAuthority('PERM_ASSESSMENT_PERFORM')")
    String previewPanel(@RequestParam MultiValueMap<String, String> params, Model model) {
        model.addAttribute("preview", preview(answers(params)));
        return "assessment/form :: results";
    }

    // ================================================================== the form

    /** The non-answer fields of the form. */
    record Meta(String place, String assessedAt, AssessmentReason reason, Long correctsId) {
    }

    @GetMapping("/elders/{elderId}/assessments/new")
    @PreAuthorize("hasAuthority('PERM_ASSESSMENT_PERFORM')")
    String newForm(@PathVariable long elderId, @RequestParam(required = false) Long corrects, Jurisdiction j, Model model) {
        ElderRef elder = elder(elderId, j);
        Map<String, String> values = new LinkedHashMap<>();
        AssessmentReason reason;
        if (corrects != null) {
            Assessment corrected = assessments.get(corrects, j);
            if (corrected.elderId() != elderId || !corrected.signed()) {
                throw new NotFoundException("assessment", corrects);
            }
            values.putAll(values(corrected.answers()));
            values.put("place", corrected.place());
            reason = AssessmentReason.CORRECTION;
        } else {
            boolean assessedBefore = assessments.history(elderId, j).stream().anyMatch(Assessment::signed);
            reason = assessedBefore ? AssessmentReason.SCHEDULED : AssessmentReason.INITIAL;
        }
        values.putIfAbsent("nrs2002.final.age", String.valueOf(elder.ageOn(today())));
        values.put("assessedAt", LOCAL_INPUT.format(assessments.now().atZone(AssessmentManagement.ZONE)));
        values.put("reason", reason.name());
        if (corrects != null) {
            values.put("correctsId", corrects.toString());
        }
        return form(model, elder, null, values, List.of());
    }

    @PostMapping("/elders/{elderId}/assessments/new")
    @PreAuthorize("hasAuthority('PERM_ASSESSMENT_PERFORM')")
    String create(@PathVariable long elderId, @RequestParam MultiValueMap<String, String> params, Jurisdiction j, Model model,
            RedirectAttributes flash) {
        ElderRef elder = elder(elderId, j);
        Assessment draft;
        try {
            draft = assessments.draft(elderId, input(params), j);
        } catch (ValidationException e) {
            return form(model, elder, null, values(params), e.violations());
        } catch (ConflictException e) {
            return form(model, elder, null, values(params), List.of(new FieldViolation(e.field(), "conflict", e.getMessage())));
        }
        return afterSave(draft, params, j, flash);
    }

    @GetMapping("/assessments/{id}/edit")
    @PreAuthorize("hasAuthority('PERM_ASSESSMENT_PERFORM')")
    String editForm(@PathVariable long id, Jurisdiction j, Model model) {
        Assessment a = assessments.get(id, j);
        if (a.signed()) {
            return "redirect:/assessments/" + id;
        }
        requireOwn(a, j);
        Map<String, String> values = values(a.answers());
        values.put("place", a.place());
        values.put("assessedAt", LOCAL_INPUT.format(a.assessedAt().atZone(AssessmentManagement.ZONE)));
        values.put("reason", a.reason().name());
        if (a.correctsId() != null) {
            values.put("correctsId", a.correctsId().toString());
        }
        return form(model, elder(a.elderId(), j), a, values, List.of());
    }

    @PostMapping("/assessments/{id}/edit")
    @PreAuthorize("hasAuthority('PERM_ASSESSMENT_PERFORM')")
    String update(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Jurisdiction j, Model model,
            RedirectAttributes flash) {
        Assessment current = assessments.get(id, j);
        if (current.signed()) {
            flash.addFlashAttribute("flashError", "signed");
            return "redirect:/assessments/" + id;
        }
        requireOwn(current, j);
        Assessment saved;
        try {
            saved = assessments.updateDraft(id, input(params), j);
        } catch (ValidationException e) {
            return form(model, elder(current.elderId(), j), current, values(params), e.violations());
        } catch (ConflictException e) {
            return form(model, elder(current.elderId(), j), current, values(params),
                    List.of(new FieldViolation(e.field(), "conflict", e.getMessage())));
        }
        return afterSave(saved, params, j, flash);
    }

    /** "保存草稿" stays on the form; "签署" signs and shows the signed assessment. */
    private String afterSave(Assessment draft, MultiValueMap<String, String> params, Jurisdiction j, RedirectAttributes flash) {
        if ("sign".equals(params.getFirst("action"))) {
            try {
                assessments.sign(draft.id(), j);
                flash.addFlashAttribute("signedNow", true);
                return "redirect:/assessments/" + draft.id();
            } catch (ConflictException e) {
                flash.addFlashAttribute("flashError", e.getMessage());
                return "redirect:/assessments/" + draft.id() + "/edit";
            }
        }
        flash.addFlashAttribute("saved", true);
        return "redirect:/assessments/" + draft.id() + "/edit";
    }

    private AssessmentManagement.AssessmentInput input(MultiValueMap<String, String> params) {
        Instant at = null;
        String when = params.getFirst("assessedAt");
        if (when != null && !when.isBlank()) {
            try {
                at = LocalDateTime.parse(when.trim(), LOCAL_INPUT).atZone(AssessmentManagement.ZONE).toInstant();
            } catch (DateTimeParseException e) {
                throw ValidationException.of("assessedAt", "malformed", "date and time as yyyy-MM-ddTHH:mm");
            }
        }
        AssessmentReason reason = null;
        String r = params.getFirst("reason");
        if (r != null && !r.isBlank()) {
            try {
                reason = AssessmentReason.valueOf(r);
            } catch (IllegalArgumentException e) {
                throw ValidationException.of("reason", "notAllowed", "unknown reason " + r);
            }
        }
        Long correctsId = null;
        String c = params.getFirst("correctsId");
        if (c != null && !c.isBlank()) {
            try {
                correctsId = Long.valueOf(c.trim());
            } catch (NumberFormatException e) {
                throw ValidationException.of("correctsId", "malformed", "not an assessment id");
            }
        }
        String place = params.getFirst("place");
        return new AssessmentManagement.AssessmentInput(place, at, reason, correctsId, answers(params));
    }

    private String form(Model model, ElderRef elder, Assessment draft, Map<String, String> values, List<FieldViolation> errors) {
        Map<String, Object> answers = answers(toParams(values));
        model.addAttribute("elder", elder);
        model.addAttribute("elderAge", elder.ageOn(today()));
        model.addAttribute("draft", draft);
        model.addAttribute("sections", SECTIONS);
        model.addAttribute("values", values);
        model.addAttribute("correctsId", parseLong(values.get("correctsId")));
        model.addAttribute("errors", errors.stream().map(this::describe).toList());
        model.addAttribute("errorFields", errors.stream().map(FieldViolation::field).toList());
        model.addAttribute("preview", preview(answers));
        model.addAttribute("reasons", List.of(AssessmentReason.INITIAL, AssessmentReason.SCHEDULED, AssessmentReason.EVENT));
        model.addAttribute("nrsPositive", List.of("lowBmi", "weightLoss3Months", "reducedIntakeLastWeek", "severelyIll").stream()
                .anyMatch(k -> "true".equals(values.get("nrs2002.initial." + k))));
        return "assessment/form";
    }

    private static Long parseLong(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static MultiValueMap<String, String> toParams(Map<String, String> values) {
        var params = new org.springframework.util.LinkedMultiValueMap<String, String>();
        values.forEach(params::add);
        return params;
    }

    /** A violation as the form shows it: the item's label key (if it is an answer), the field and the message. */
    public record Problem(String labelKey, String field, String code, String message) {
    }

    private Problem describe(FieldViolation v) {
        String labelKey = null;
        if (v.field().startsWith("answers.")) {
            String rest = v.field().substring("answers.".length());
            int dot = rest.indexOf('.');
            if (dot > 0) {
                labelKey = field(rest.substring(0, dot), rest.substring(dot + 1)).map(Field::labelKey).orElse(null);
            } else {
                labelKey = "assess.instrument." + rest;
            }
        } else {
            labelKey = "assess.field." + v.field();
        }
        return new Problem(labelKey, v.field(), v.code(), v.message());
    }

    // ================================================================== the assessment page and its report

    @GetMapping("/assessments/{id}")
    String show(@PathVariable long id, Jurisdiction j, Model model) {
        Assessment a = assessments.get(id, j);
        ElderRef elder = elder(a.elderId(), j);
        List<Assessment> corrections = assessments.history(a.elderId(), j).stream().filter(x -> Long.valueOf(id).equals(x.correctsId()))
                .toList();
        model.addAttribute("a", a);
        model.addAttribute("elder", elder);
        model.addAttribute("sections", SECTIONS);
        model.addAttribute("values", values(a.answers()));
        model.addAttribute("corrections", corrections);
        model.addAttribute("own", a.assessorId() == j.userId());
        model.addAttribute("t", TIME);
        return "assessment/show";
    }

    @GetMapping("/assessments/{id}/report.pdf")
    ResponseEntity<byte[]> reportPdf(@PathVariable long id, Jurisdiction j) {
        Assessment a = assessments.get(id, j);
        ElderDetail elder = elders.get(a.elderId(), j);
        byte[] pdf = report.render(a, elder, assessments.now());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("评估报告-" + elder.name() + "-" + a.id() + ".pdf", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(pdf);
    }

    // ================================================================== the care card on the elder page

    /** One point of the history chart (signed assessments, oldest first). */
    public record ChartPoint(long id, String date, int barthel, Integer gbt, String colour) {
    }

    @GetMapping("/elders/{elderId}/care-card")
    String careCard(@PathVariable long elderId, Jurisdiction j, Model model) {
        return careCardView(elderId, j, model);
    }

    private String careCardView(long elderId, Jurisdiction j, Model model) {
        // the care level only: no personal data, so no second audited view beside the elder page's own
        ElderRef elder = elders.find(elderId, j).orElseThrow(() -> new NotFoundException("elder", elderId));
        List<Assessment> history = assessments.history(elderId, j);
        List<ChartPoint> points = history.stream().filter(Assessment::signed).sorted(Comparator.comparing(Assessment::assessedAt))
                .map(a -> new ChartPoint(a.id(), a.assessedAt().atZone(AssessmentManagement.ZONE).toLocalDate().toString(), a.barthelTotal(),
                        a.gbtTotal(), a.colour().name()))
                .toList();
        LocalDate today = today();
        model.addAttribute("elder", elder);
        model.addAttribute("history", history);
        model.addAttribute("points", points);
        model.addAttribute("pointsJson", json.writeValueAsString(points));
        model.addAttribute("overdue", elder.nextReassessmentDue() != null && elder.nextReassessmentDue().isBefore(today));
        model.addAttribute("dueToday", elder.nextReassessmentDue() != null && elder.nextReassessmentDue().isEqual(today));
        model.addAttribute("today", today);
        model.addAttribute("eventTypes", HealthEventType.values());
        model.addAttribute("draftOfMine", history.stream().filter(a -> !a.signed() && a.assessorId() == j.userId()).findFirst().orElse(null));
        model.addAttribute("t", TIME);
        return "assessment/care-card :: card";
    }

    @PostMapping("/elders/{elderId}/health-events")
    @PreAuthorize("hasAuthority('PERM_ASSESSMENT_EVENTS')")
    String healthEvent(@PathVariable long elderId, @RequestParam(required = false) HealthEventType type,
            @RequestParam(required = false) LocalDate occurredOn, @RequestParam(required = false) String note, Jurisdiction j, Model model,
            @RequestHeader(value = "HX-Request", required = false) String htmx, RedirectAttributes flash) {
        try {
            assessments.recordHealthEvent(elderId, type, occurredOn, note, j);
            model.addAttribute("eventRecorded", true);
            flash.addFlashAttribute("saved", true);
        } catch (ValidationException e) {
            model.addAttribute("eventError", e.violations().get(0));
            flash.addFlashAttribute("flashError", e.violations().get(0).message());
        }
        if (htmx == null) {
            return "redirect:/elders/" + elderId;
        }
        return careCardView(elderId, j, model);
    }

    // ================================================================== tasks

    @GetMapping("/assessment-tasks")
    String tasks(@RequestParam(required = false) String status, Jurisdiction j, Model model) {
        AssessmentTask.Status s = "DONE".equals(status) ? AssessmentTask.Status.DONE : "ALL".equals(status) ? null : AssessmentTask.Status.OPEN;
        List<AssessmentTask> all = assessments.tasks(null, s, false, j);
        model.addAttribute("status", s == null ? "ALL" : s.name());
        model.addAttribute("filters", List.of("OPEN", "DONE", "ALL"));
        model.addAttribute("remakes", all.stream().filter(t -> t.kind() == AssessmentTask.Kind.CARE_PLAN_REMAKE).toList());
        model.addAttribute("reassessments", all.stream().filter(t -> t.kind() == AssessmentTask.Kind.REASSESSMENT).toList());
        model.addAttribute("now", assessments.now());
        model.addAttribute("t", TIME);
        return "assessment/tasks";
    }

    @PostMapping("/assessment-tasks/{id}/done")
    @PreAuthorize("hasAuthority('PERM_TASK_MANAGE')")
    String done(@PathVariable long id, @RequestParam(required = false) String note, Jurisdiction j, Model model,
            @RequestHeader(value = "HX-Request", required = false) String htmx, RedirectAttributes flash) {
        AssessmentTask task;
        try {
            task = assessments.completeTask(id, note, j);
        } catch (ValidationException | ConflictException e) {
            if (htmx == null) {
                flash.addFlashAttribute("flashError", e.getMessage());
                return "redirect:/assessment-tasks";
            }
            task = assessments.tasks(null, null, false, j).stream().filter(t -> t.id() == id).findFirst()
                    .orElseThrow(() -> new NotFoundException("task", id));
            model.addAttribute("rowError", e instanceof ValidationException ? "note" : "done");
        }
        if (htmx == null) {
            return "redirect:/assessment-tasks";
        }
        model.addAttribute("task", task);
        model.addAttribute("now", assessments.now());
        model.addAttribute("t", TIME);
        return "assessment/tasks :: row";
    }

    // ================================================================== reassessments due

    /** The elders of one community whose reassessment is overdue or due soon. */
    public record CommunityDue(String community, List<ElderSummary> overdue, List<ElderSummary> upcoming) {
    }

    @GetMapping("/reassessments")
    String reassessments(Jurisdiction j, Model model) {
        LocalDate today = today();
        LocalDate by = today.plusDays(DUE_WITHIN_DAYS);
        List<ElderSummary> due = new ArrayList<>();
        long total = 0;
        for (int page = 0; due.size() < DUE_LIST_CAP; page++) {
            PageResult<ElderSummary> p = elders.search(new ElderSearch(null, null, null, null, null, null, null, null, null, null, null, by, page,
                    200, "reassessmentDue"), j);
            due.addAll(p.content());
            total = p.totalElements();
            if (!p.hasNext()) {
                break;
            }
        }
        Map<String, CommunityDue> byCommunity = new TreeMap<>();
        for (ElderSummary e : due) {
            CommunityDue c = byCommunity.computeIfAbsent(e.communityName(), n -> new CommunityDue(n, new ArrayList<>(), new ArrayList<>()));
            (e.nextReassessmentDue().isBefore(today) ? c.overdue() : c.upcoming()).add(e);
        }
        model.addAttribute("communities", byCommunity.values());
        model.addAttribute("overdueCount", due.stream().filter(e -> e.nextReassessmentDue().isBefore(today)).count());
        model.addAttribute("upcomingCount", due.stream().filter(e -> !e.nextReassessmentDue().isBefore(today)).count());
        model.addAttribute("total", total);
        model.addAttribute("shown", due.size());
        model.addAttribute("today", today);
        model.addAttribute("by", by);
        model.addAttribute("days", DUE_WITHIN_DAYS);
        return "assessment/reassessments";
    }

    // ================================================================== helpers

    /** Formats instants in business time (Asia/Shanghai) for the templates. */
    public static final class Time {
        public String of(Instant at) {
            return at == null ? "" : DISPLAY.format(at.atZone(AssessmentManagement.ZONE));
        }

        public String date(Instant at) {
            return at == null ? "" : at.atZone(AssessmentManagement.ZONE).toLocalDate().toString();
        }

        /**
         * Whether an open task is late: a care-plan remake past its 48-hour deadline; a reassessment (due the day it is
         * opened) still open after its due day.
         */
        public boolean late(AssessmentTask task, Instant now) {
            if (task.kind() == AssessmentTask.Kind.CARE_PLAN_REMAKE) {
                return task.overdue(now);
            }
            return task.status() == AssessmentTask.Status.OPEN
                    && task.dueAt().atZone(AssessmentManagement.ZONE).toLocalDate().isBefore(now.atZone(AssessmentManagement.ZONE).toLocalDate());
        }

        /** "47:59:58" until the deadline, with a minus sign once it has passed. */
        public String countdown(AssessmentTask task, Instant now) {
            long seconds = java.time.Duration.between(now, task.dueAt()).getSeconds();
            long abs = Math.abs(seconds);
            return (seconds < 0 ? "-" : "") + (abs / 3600) + ":" + String.format("%02d:%02d", abs % 3600 / 60, abs % 60);
        }
    }

    static final Time TIME = new Time();

    private ElderRef elder(long elderId, Jurisdiction j) {
        return elders.find(elderId, j).orElseThrow(() -> new NotFoundException("elder", elderId));
    }

    private static void requireOwn(Assessment a, Jurisdiction j) {
        if (a.assessorId() != j.userId()) {
            throw new AccessDeniedException("only the assessor who made assessment " + a.id() + " may change it");
        }
    }

    private LocalDate today() {
        return assessments.now().atZone(AssessmentManagement.ZONE).toLocalDate();
    }
}
