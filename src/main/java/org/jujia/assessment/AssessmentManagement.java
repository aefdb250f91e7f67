package org.jujia.assessment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jujia.access.Certificate;
import org.jujia.access.UserAccounts;
import org.jujia.assessment.scoring.CareColourScorer;
import org.jujia.assessment.scoring.ScoringEngine;
import org.jujia.elder.ElderLeft;
import org.jujia.elder.ElderRef;
import org.jujia.elder.ElderRegistry;
import org.jujia.elder.ElderStatus;
import org.jujia.privacy.AuditAction;
import org.jujia.privacy.AuditLog;
import org.jujia.privacy.Sm3;
import org.jujia.shared.CareColour;
import org.jujia.shared.ConflictException;
import org.jujia.shared.FieldViolation;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.NotFoundException;
import org.jujia.shared.ValidationException;
import org.jujia.shared.Violations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The assessment module's facade: assessments of elders (draft, sign, correct), the care level they give the elder
 * record, the reassessment schedule, health events that call for an immediate reassessment, and the care-plan
 * remake tasks of the 10-point rule with their 48-hour deadline.
 */
@Service
public class AssessmentManagement {

    private static final Logger log = LoggerFactory.getLogger(AssessmentManagement.class);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String SUBJECT = "ASSESSMENT";
    /** The five instruments of every sitting, then the optional ones, keyed as the care-colour input names them. */
    static final Map<String, String> REQUIRED = orderedMap("mmse", "mmse", "barthel", "barthel", "iadl", "lawton-iadl", "frail", "frail",
            "nrs2002", "nrs2002");
    static final Map<String, String> OPTIONAL = orderedMap("gbt42195", "gbt42195", "hardship", "hardship-self-care");

    private final AssessmentStore store;
    private final ScoringEngine engine;
    private final ElderRegistry elders;
    private final UserAccounts users;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    AssessmentManagement(AssessmentStore store, ScoringEngine engine, ElderRegistry elders, UserAccounts users, AuditLog audit,
            ApplicationEventPublisher events, JsonMapper json, Clock clock) {
        this.store = store;
        this.engine = engine;
        this.elders = elders;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** What an assessor submits: where and when, why, and the item-level answers per instrument. */
    public record AssessmentInput(String place, Instant assessedAt, AssessmentReason reason, Long correctsId, Map<String, Object> answers) {
    }

    /** The results the platform computes from answers: per instrument, and the care level. */
    public record Scored(Map<String, Object> results, CareColour colour, List<String> flags, int barthelTotal, Integer gbtTotal) {
    }

    // ------------------------------------------------------------------ scoring

    /**
     * Scores a whole sitting: the five required instruments, the optional GB/T 42195 and hardship ones, and the
     * care colour. A violation names its field within {@code answers}, e.g. {@code answers.barthel.feeding}.
     */
    public Scored score(Map<String, Object> answers) {
        if (answers == null) {
            throw ValidationException.of("answers", "required", "answers are required");
        }
        Map<String, Object> results = new LinkedHashMap<>();
        try {
            for (var e : REQUIRED.entrySet()) {
                results.put(e.getKey(), json.convertValue(scoreOne(e.getKey(), e.getValue(), instrumentAnswers(answers, e.getKey(), true)), Map.class));
            }
            for (var e : OPTIONAL.entrySet()) {
                if (answers.get(e.getKey()) != null) {
                    results.put(e.getKey(), json.convertValue(scoreOne(e.getKey(), e.getValue(), instrumentAnswers(answers, e.getKey(), false)), Map.class));
                }
            }
            var colour = (CareColourScorer.Result) engine.score("care-colour", answers);
            results.put("careColour", json.convertValue(colour, Map.class));
            int barthel = ((Number) ((Map<?, ?>) results.get("barthel")).get("total")).intValue();
            Integer gbt = results.get("gbt42195") == null ? null : ((Number) ((Map<?, ?>) results.get("gbt42195")).get("total")).intValue();
            return new Scored(results, colour.colour(), colour.flags().stream().map(Enum::name).toList(), barthel, gbt);
        } catch (ValidationException e) {
            throw new ValidationException(e.violations().stream()
                    .map(v -> new FieldViolation(v.field().startsWith("answers") ? v.field() : "answers." + v.field(), v.code(), v.message()))
                    .toList());
        }
    }

    /** Scores one instrument; its violations are named within the sitting, e.g. {@code barthel.feeding}. */
    private org.jujia.assessment.scoring.ScoringResult scoreOne(String key, String instrument, Map<String, Object> answers) {
        try {
            return engine.score(instrument, answers);
        } catch (ValidationException e) {
            throw new ValidationException(e.violations().stream()
                    .map(v -> new FieldViolation(key + "." + v.field(), v.code(), v.message())).toList());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> instrumentAnswers(Map<String, Object> answers, String key, boolean required) {
        Object value = answers.get(key);
        if (value == null) {
            if (required) {
                throw ValidationException.of(key, "required", key + " answers are required");
            }
            return Map.of();
        }
        if (!(value instanceof Map)) {
            throw ValidationException.of(key, "notObject", key + " must be an object of item answers");
        }
        return (Map<String, Object>) value;
    }

    // ------------------------------------------------------------------ assessments

    @Transactional
    public Assessment draft(long elderId, AssessmentInput in, Jurisdiction j) {
        requirePerform(j);
        ElderRef elder = elders.find(elderId, j).orElseThrow(() -> new NotFoundException("elder", elderId));
        if (elder.status() != ElderStatus.ACTIVE) {
            throw new ConflictException("elderId", "elder " + elderId + " is " + elder.status() + " and cannot be assessed");
        }
        Instant at = validate(in);
        AssessmentReason reason = in.reason() == null ? AssessmentReason.SCHEDULED : in.reason();
        if (in.correctsId() != null) {
            Assessment corrected = store.find(in.correctsId(), j).filter(a -> a.elderId() == elderId && a.signed())
                    .orElseThrow(() -> ValidationException.of("correctsId", "unknown", "no signed assessment " + in.correctsId() + " of this elder"));
            reason = AssessmentReason.CORRECTION;
            log.debug("correcting {}", corrected.id());
        } else if (reason == AssessmentReason.CORRECTION) {
            throw ValidationException.of("correctsId", "required", "a correction must name the assessment it corrects");
        }
        Scored s = score(in.answers());
        var draft = new Assessment(0, elderId, elder.regionPath(), Assessment.Status.DRAFT, reason, in.correctsId(), j.userId(),
                assessorName(j), at, in.place().trim(), in.answers(), s.results(), ScoringEngine.SCORER_VERSION, s.colour(), s.flags(),
                s.barthelTotal(), s.gbtTotal(), null, null, 0);
        long id = store.insert(draft);
        audit.record(j, AuditAction.CREATE, SUBJECT, id, "answers", null, "elder " + elderId);
        return store.find(id, j).orElseThrow();
    }

    @Transactional
    public Assessment updateDraft(long id, AssessmentInput in, Jurisdiction j) {
        requirePerform(j);
        Assessment current = get(id, j);
        current.requireDraft();
        requireOwnAssessment(current, j);
        Instant at = validate(in);
        Scored s = score(in.answers());
        var changed = new Assessment(id, current.elderId(), current.regionPath(), current.status(), current.reason(), current.correctsId(),
                current.assessorId(), current.assessorName(), at, in.place().trim(), in.answers(), s.results(), ScoringEngine.SCORER_VERSION,
                s.colour(), s.flags(), s.barthelTotal(), s.gbtTotal(), null, null, current.version());
        if (!store.updateDraft(changed)) {
            throw new ConflictException("version", "assessment " + id + " was changed meanwhile");
        }
        audit.record(j, AuditAction.UPDATE, SUBJECT, id, "answers", null, null);
        return store.find(id, j).orElseThrow();
    }

    /**
     * Signs a draft: it becomes immutable; the elder record gets its colour, flags and next reassessment date; open
     * reassessment tasks close; the 10-point rule may open a 48-hour care-plan remake task for the street's officer.
     */
    @Transactional
    public Assessment sign(long id, Jurisdiction j) {
        requirePerform(j);
        Assessment a = get(id, j);
        a.requireDraft();
        requireOwnAssessment(a, j);
        Instant now = clock.instant();
        String signature = Sm3.hashHex(String.join("|", String.valueOf(a.id()), String.valueOf(a.elderId()), a.assessedAt().toString(),
                json.writeValueAsString(a.answers()), json.writeValueAsString(a.results()), a.assessorName(), now.toString()));
        if (!store.sign(id, now, signature)) {
            throw new ConflictException("status", "assessment " + id + " was signed meanwhile");
        }
        ElderRef elder = elders.find(a.elderId(), j).orElseThrow(() -> new NotFoundException("elder", a.elderId()));
        Optional<Assessment> previous = store.previousSigned(a.elderId(), id);
        LocalDate assessedOn = a.assessedAt().atZone(ZONE).toLocalDate();
        LocalDate nextDue = ReassessmentPolicy.nextDue(a.colour(), assessedOn);
        elders.recordCareLevel(a.elderId(), a.colour(), new LinkedHashSet<>(a.flags()), id, assessedOn, nextDue, j);
        store.closeOpen(AssessmentTask.Kind.REASSESSMENT, a.elderId(), now, j.username(), "assessment " + id + " signed");

        CareColour before = previous.map(Assessment::colour).orElse(null);
        CarePlanRemakePolicy.trigger(previous.map(Assessment::barthelTotal).orElse(null), before, a.barthelTotal(), a.colour())
                .ifPresent(trigger -> {
                    String detail = trigger == CarePlanRemakePolicy.Trigger.COLOUR_CHANGE ? "colour " + before + " → " + a.colour()
                            : "Barthel " + previous.get().barthelTotal() + " → " + a.barthelTotal();
                    Instant deadline = now.plus(CarePlanRemakePolicy.DEADLINE);
                    long taskId = store.insertTask(AssessmentTask.Kind.CARE_PLAN_REMAKE, elder, trigger.name(), detail, id, now, deadline);
                    events.publishEvent(new CarePlanRemakeRequired(taskId, a.elderId(), elder.streetId(), trigger.name(), id, deadline));
                });
        events.publishEvent(new AssessmentCompleted(id, a.elderId(), a.colour(), a.flags(), a.barthelTotal(), before, now));
        if (before != a.colour()) {
            events.publishEvent(new CareColourChanged(a.elderId(), before, a.colour(), id));
        }
        audit.record(j, AuditAction.UPDATE, SUBJECT, id, "status", null, "signed: " + a.colour() + ", next reassessment " + nextDue);
        return store.find(id, j).orElseThrow();
    }

    /** An assessment with its item-level answers (health data: the read is audited). */
    @Transactional
    public Assessment get(long id, Jurisdiction j) {
        requireRead(j);
        Assessment a = store.find(id, j).orElseThrow(() -> new NotFoundException("assessment", id));
        elders.find(a.elderId(), j).orElseThrow(() -> new NotFoundException("assessment", id));
        audit.record(j, AuditAction.VIEW, SUBJECT, id, "answers", null, null);
        return a;
    }

    /** Every assessment of an elder, newest first. */
    @Transactional
    public List<Assessment> history(long elderId, Jurisdiction j) {
        requireRead(j);
        elders.find(elderId, j).orElseThrow(() -> new NotFoundException("elder", elderId));
        audit.record(j, AuditAction.VIEW, "ELDER", elderId, "assessments", null, null);
        return store.history(elderId);
    }

    // ------------------------------------------------------------------ events and tasks

    /** A hospital admission, fall or major illness: the elder needs reassessing now. */
    @Transactional
    public AssessmentTask recordHealthEvent(long elderId, HealthEventType type, LocalDate occurredOn, String note, Jurisdiction j) {
        if (!j.can("ASSESSMENT_EVENTS")) {
            throw new AccessDeniedException("recording health events needs the ASSESSMENT_EVENTS permission");
        }
        ElderRef elder = elders.find(elderId, j).orElseThrow(() -> new NotFoundException("elder", elderId));
        new Violations().require(type != null, "type", "required", "type is required (HOSPITAL_ADMISSION, FALL, MAJOR_ILLNESS)")
                .require(occurredOn == null || !occurredOn.isAfter(today()), "occurredOn", "future", "the event cannot be in the future")
                .require(note == null || note.length() <= 500, "note", "length", "note is at most 500 characters")
                .throwIfAny();
        Instant now = clock.instant();
        String detail = (occurredOn == null ? today() : occurredOn) + (note == null || note.isBlank() ? "" : " " + note.trim());
        Optional<Long> opened = store.openReassessment(elder, type.name(), detail, now, now);
        elders.bringReassessmentForward(elderId, today(), j);
        opened.ifPresent(taskId -> events.publishEvent(new ReassessmentDue(taskId, elderId, type.name(), today())));
        audit.record(j, AuditAction.CREATE, "ELDER", elderId, "healthEvent", null, type.name());
        return store.openTask(AssessmentTask.Kind.REASSESSMENT, elderId).orElseThrow();
    }

    public List<AssessmentTask> tasks(AssessmentTask.Kind kind, AssessmentTask.Status status, boolean overdueOnly, Jurisdiction j) {
        requireRead(j);
        if (j.familyOnly()) {
            return List.of();
        }
        return store.tasks(j, kind, status, overdueOnly, clock.instant(), 500);
    }

    /** Marks a task done with a note (until the care-plan module closes remake tasks by signing a new plan). */
    @Transactional
    public AssessmentTask completeTask(long taskId, String note, Jurisdiction j) {
        if (!j.can("TASK_MANAGE")) {
            throw new AccessDeniedException("completing tasks needs the TASK_MANAGE permission");
        }
        AssessmentTask task = store.task(taskId, j).orElseThrow(() -> new NotFoundException("task", taskId));
        if (note == null || note.isBlank()) {
            throw ValidationException.of("note", "required", "say what was done");
        }
        if (!store.complete(taskId, clock.instant(), j.username(), note.trim(), j)) {
            throw new ConflictException("status", "task " + taskId + " is already done");
        }
        audit.record(j, AuditAction.UPDATE, "TASK", taskId, "status", null, task.kind() + " done");
        return store.task(taskId, j).orElseThrow();
    }

    /**
     * Closes the elder's open care-plan remake task, if any, because a new care-plan version was signed (called by the
     * care-plan module inside the signing transaction; the caller has checked its own permissions and the elder's
     * jurisdiction). Answers the task as closed, or empty when none was open. Deadline and escalation are untouched.
     */
    @Transactional
    public Optional<AssessmentTask> closeCarePlanRemake(long elderId, String note, Jurisdiction j) {
        Optional<AssessmentTask> open = store.openTask(AssessmentTask.Kind.CARE_PLAN_REMAKE, elderId);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        store.closeOpen(AssessmentTask.Kind.CARE_PLAN_REMAKE, elderId, clock.instant(), j.username(), note);
        audit.record(j, AuditAction.UPDATE, "TASK", open.get().id(), "status", null, "CARE_PLAN_REMAKE done: " + note);
        return store.task(open.get().id(), Jurisdiction.system("/"));
    }

    /**
     * Opens a reassessment task for every active elder whose next reassessment is due by {@code today} and who has
     * none open; answers how many were opened. Runs nightly; safe to run again.
     */
    @Transactional
    public int openDueReassessments(LocalDate today) {
        Instant now = clock.instant();
        int opened = 0;
        long after = 0;
        while (true) {
            List<ElderRef> due = elders.dueForReassessment(today, after, 5_000);
            if (due.isEmpty()) {
                return opened;
            }
            for (long[] task : store.openReassessments(due, "SCHEDULE", "due by schedule", now, now)) {
                events.publishEvent(new ReassessmentDue(task[0], task[1], "SCHEDULE", today));
                opened++;
            }
            after = due.get(due.size() - 1).id();
        }
    }

    /** The elder died or moved away: their open reassessment and care-plan remake tasks close (nobody is to call on them). */
    @ApplicationModuleListener
    void on(ElderLeft e) {
        Instant now = clock.instant();
        for (AssessmentTask.Kind kind : AssessmentTask.Kind.values()) {
            store.closeOpen(kind, e.elderId(), now, "system", "elder " + e.status() + " on " + e.on());
        }
    }

    /** Escalates care-plan remake tasks past their 48-hour deadline to the district; they stay overdue until done. */
    @Transactional
    public List<AssessmentTask> escalateOverdueRemakes() {
        List<AssessmentTask> escalated = store.escalateOverdue(clock.instant());
        escalated.forEach(t -> log.warn("Care-plan remake task {} for elder {} is overdue (deadline {}); escalated to the district", t.id(),
                t.elderId(), t.dueAt()));
        return escalated;
    }

    public Instant now() {
        return clock.instant();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    // ------------------------------------------------------------------ rules of who may do what

    private Instant validate(AssessmentInput in) {
        var v = new Violations();
        v.require(in.place() != null && !in.place().isBlank() && in.place().length() <= 200, "place", "required",
                "where the assessment took place is required");
        v.require(in.assessedAt() == null || !in.assessedAt().isAfter(clock.instant().plusSeconds(300)), "assessedAt", "future",
                "the assessment cannot be in the future");
        v.require(in.answers() != null, "answers", "required", "answers are required");
        v.throwIfAny();
        return in.assessedAt() == null ? clock.instant() : in.assessedAt();
    }

    private void requirePerform(Jurisdiction j) {
        if (!j.can("ASSESSMENT_PERFORM")) {
            throw new AccessDeniedException("assessments are performed by assessors");
        }
        if (!users.holdsValidCertificate(j.userId(), Certificate.ASSESSOR, today())) {
            throw new AccessDeniedException("you hold no assessor certificate valid today");
        }
    }

    private static void requireOwnAssessment(Assessment a, Jurisdiction j) {
        if (a.assessorId() != j.userId()) {
            throw new AccessDeniedException("only the assessor who made assessment " + a.id() + " may change or sign it");
        }
    }

    private static void requireRead(Jurisdiction j) {
        if (!j.can("ASSESSMENT_READ")) {
            throw new AccessDeniedException("reading assessments needs the ASSESSMENT_READ permission");
        }
    }

    private String assessorName(Jurisdiction j) {
        return users.findByUsername(j.username()).map(u -> u.displayName()).orElse(j.username());
    }

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static List<String> instrumentKeys() {
        List<String> keys = new ArrayList<>(REQUIRED.keySet());
        keys.addAll(OPTIONAL.keySet());
        return keys;
    }
}
