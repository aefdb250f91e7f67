package org.jujia.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jujia.assessment.scoring.ScoringEngine;
import org.jujia.assessment.scoring.ZbiScorer;
import org.jujia.elder.ElderRef;
import org.jujia.elder.ElderRegistry;
import org.jujia.elder.ElderStatus;
import org.jujia.privacy.AuditAction;
import org.jujia.privacy.AuditLog;
import org.jujia.privacy.FieldCipher;
import org.jujia.region.Region;
import org.jujia.region.RegionDirectory;
import org.jujia.shared.ConflictException;
import org.jujia.shared.FieldViolation;
import org.jujia.shared.InvalidValueException;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.NotFoundException;
import org.jujia.shared.PageResult;
import org.jujia.shared.PhoneNumber;
import org.jujia.shared.ResidentIdNumber;
import org.jujia.shared.ValidationException;
import org.jujia.shared.Violations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Family caregivers (PLATFORM.md §3): one record per elder-caregiver pair, their Zarit Burden Interviews and the
 * respite list. Every operation is limited to the caller's jurisdiction through the elder module (an elder or
 * caregiver outside it is "not found"); reads of caregiver records and interviews are audited, phone and ID number
 * are sealed.
 *
 * <p>Scores always come from the platform's {@link ScoringEngine}; the respite rule is {@link RespitePolicy}. When an
 * interview puts a caregiver on the respite list, {@link HighRiskCaregiverIdentified} is published (once per period
 * on the list).
 */
@Service
public class FamilyCaregivers {

    static final String SUBJECT = "FAMILY_CAREGIVER";
    static final String INTERVIEW_SUBJECT = "ZBI_INTERVIEW";
    static final String RESPITE_SUBJECT = "RESPITE_LIST";
    static final String WRITE = "ASSESSMENT_EVENTS";
    static final String READ = "ASSESSMENT_READ";
    static final int MAX_WEEKLY_HOURS = 7 * 24;

    private final FamilyCaregiverStore store;
    private final ElderRegistry elders;
    private final RegionDirectory regions;
    private final ScoringEngine engine;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RespitePolicy policy = RespitePolicy.standard();

    FamilyCaregivers(FamilyCaregiverStore store, ElderRegistry elders, RegionDirectory regions, ScoringEngine engine, FieldCipher cipher,
            AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.elders = elders;
        this.regions = regions;
        this.engine = engine;
        this.cipher = cipher;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---------------------------------------------------------------- caregivers

    /** The caregivers of an elder in the caller's jurisdiction (masked); the read is audited. */
    @Transactional
    public List<FamilyCaregiver> ofElder(long elderId, Jurisdiction j) {
        requireRead(j);
        ElderRef elder = elder(elderId, j);
        List<FamilyCaregiver> out = store.ofElder(elderId).stream().map(r -> view(r, elder)).toList();
        audit.record(j, AuditAction.VIEW, SUBJECT, null, "masked", null, "caregivers of elder " + elderId + " → " + out.size());
        return out;
    }

    @Transactional
    public FamilyCaregiver add(long elderId, FamilyCaregiverInput input, Jurisdiction j) {
        requireWrite(j);
        ElderRef elder = elder(elderId, j);
        requireActive(elder);
        FamilyCaregiverStore.CaregiverRow row = seal(validate(input, null), elder, null);
        if (store.pairTaken(elderId, row.idNumberIdx(), row.name(), row.phoneIdx(), 0)) {
            throw new ConflictException("name", "this person is already recorded as a caregiver of this elder");
        }
        long id;
        try {
            id = store.insert(row);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("name", "this person is already recorded as a caregiver of this elder");
        }
        audit.record(j, AuditAction.CREATE, SUBJECT, id, "all", null, "caregiver of elder " + elderId);
        return view(store.find(id).orElseThrow(), elder);
    }

    /** The record (masked), with the latest Zarit result and respite history; the read is audited. */
    @Transactional
    public FamilyCaregiver get(long id, Jurisdiction j) {
        requireRead(j);
        FamilyCaregiverStore.CaregiverRow row = store.find(id).orElseThrow(() -> new NotFoundException("caregiver", id));
        ElderRef elder = elders.find(row.elderId(), j).orElseThrow(() -> new NotFoundException("caregiver", id));
        audit.record(j, AuditAction.VIEW, SUBJECT, id, "masked", null, null);
        return view(row, elder);
    }

    /**
     * Full replacement of the editable fields. A {@code null} phone or ID number keeps the stored value. Making the
     * caregiver inactive takes the household off the respite list; making them active again puts it back if their
     * latest interview is still high-risk (RespitePolicy).
     */
    @Transactional
    public FamilyCaregiver replace(long id, FamilyCaregiverInput input, Jurisdiction j) {
        requireWrite(j);
        LockedCaregiver locked = lock(id, j);
        FamilyCaregiverStore.CaregiverRow current = locked.row();
        if (input != null && input.version() != null && input.version() != current.version()) {
            throw new ConflictException("version", "the record was changed meanwhile (version " + current.version() + ")");
        }
        FamilyCaregiverStore.CaregiverRow row = seal(validate(input, current), locked.elder(), current);
        if (store.pairTaken(current.elderId(), row.idNumberIdx(), row.name(), row.phoneIdx(), id)) {
            throw new ConflictException("name", "this person is already recorded as a caregiver of this elder");
        }
        boolean updated;
        try {
            updated = store.update(id, current.version(), row);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("name", "this person is already recorded as a caregiver of this elder");
        }
        if (!updated) {
            throw new ConflictException("version", "the record was changed meanwhile");
        }
        if (row.active() != current.active()) {
            applyActiveChange(current, row.active());
        }
        audit.record(j, AuditAction.UPDATE, SUBJECT, id, String.join(",", changedFields(current, row)), null, null);
        return view(store.find(id).orElseThrow(), locked.elder());
    }

    /** Phone and ID number in the clear: needs the reveal permission and a purpose; always audited. */
    @Transactional
    public Map<String, String> reveal(long id, String purpose, Jurisdiction j) {
        FamilyCaregiverStore.CaregiverRow row = store.find(id).orElseThrow(() -> new NotFoundException("caregiver", id));
        elders.find(row.elderId(), j).orElseThrow(() -> new NotFoundException("caregiver", id));
        if (!j.can("SENSITIVE_REVEAL")) {
            throw new AccessDeniedException("revealing sensitive data needs the SENSITIVE_REVEAL permission");
        }
        if (purpose == null || purpose.trim().length() < 2) {
            throw ValidationException.of("purpose", "required", "state the purpose of revealing these values");
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("phone", cipher.open(row.phoneEnc()));
        out.put("idNumber", cipher.open(row.idNumberEnc()));
        audit.record(j, AuditAction.REVEAL, SUBJECT, id, "phone,idNumber", purpose.trim(), null);
        return out;
    }

    // ---------------------------------------------------------------- Zarit interviews

    /**
     * Records a Zarit interview: validates and scores the 22 answers with the platform's scorer (a problem is reported
     * on {@code answers.qN}), stores them item by item with the result and scorer version, then applies the respite
     * rule. An interview may not be dated in the future or before the caregiver's latest interview, and an inactive
     * caregiver cannot be interviewed.
     *
     * @param answers {@code q1}…{@code q22} as decoded from JSON (or form fields converted to numbers)
     */
    @Transactional
    public ZbiInterview recordInterview(long caregiverId, LocalDate interviewedOn, Map<String, ?> answers, Jurisdiction j) {
        requireWrite(j);
        LockedCaregiver locked = lock(caregiverId, j);
        FamilyCaregiverStore.CaregiverRow caregiver = locked.row();
        ElderRef elder = locked.elder();
        Optional<FamilyCaregiverStore.InterviewRow> previous = store.latestInterview(caregiverId);

        Violations v = new Violations();
        if (interviewedOn == null) {
            v.add("interviewedOn", "required", "is required");
        } else if (interviewedOn.isAfter(today())) {
            v.add("interviewedOn", "future", "cannot be in the future");
        } else if (previous.isPresent() && interviewedOn.isBefore(previous.get().interviewedOn())) {
            v.add("interviewedOn", "beforeLatest", "cannot be before the caregiver's latest interview (" + previous.get().interviewedOn() + ")");
        }
        List<Integer> items = null;
        try {
            engine.score("zbi", answers);
            items = items(answers);
        } catch (ValidationException e) {
            for (FieldViolation f : e.violations()) {
                v.add("answers." + f.field(), f.code(), f.message());
            }
        }
        v.throwIfAny();
        if (!caregiver.active()) {
            throw new ConflictException("active", "the caregiver is no longer active; make the record active before interviewing");
        }
        requireActive(elder);

        ZbiScorer.Result result = engine.zbi(new ZbiScorer.Input(items));
        Optional<FamilyCaregiverStore.EntryRow> open = store.openEntry(caregiverId);
        RespitePolicy.Transition transition = policy.next(open.isPresent(), true, result);
        long id = store.insertInterview(new FamilyCaregiverStore.InterviewRow(0, caregiverId, elder.id(), interviewedOn,
                j.userId() == 0 ? null : j.userId(), j.username(), items, result.total(), result.band(), result.highRiskCaregiver(),
                ScoringEngine.SCORER_VERSION, null, transition));
        switch (transition) {
            case ENTER -> {
                store.openEntry(caregiverId, elder.id(), interviewedOn, id, policy.entitlement());
                events.publishEvent(new HighRiskCaregiverIdentified(caregiverId, elder.id(), id, result.total(), interviewedOn));
            }
            case LEAVE -> {
                FamilyCaregiverStore.EntryRow entry = open.orElseThrow();
                LocalDate to = interviewedOn.isBefore(entry.from()) ? entry.from() : interviewedOn;
                store.closeEntry(entry.id(), to, id, FamilyCaregiverStore.END_BELOW_THRESHOLD);
            }
            case STAY, NONE -> {
                // the list does not change
            }
        }
        store.refreshRegionPath(caregiverId, elder.regionPath());
        audit.record(j, AuditAction.CREATE, INTERVIEW_SUBJECT, id, "answers", null,
                "caregiver " + caregiverId + ", total " + result.total() + ", respite " + transition);
        return interview(store.findInterview(id).orElseThrow());
    }

    /** Every interview of a caregiver, latest first; the read is audited. */
    @Transactional
    public List<ZbiInterview> interviews(long caregiverId, Jurisdiction j) {
        requireRead(j);
        FamilyCaregiverStore.CaregiverRow row = store.find(caregiverId).orElseThrow(() -> new NotFoundException("caregiver", caregiverId));
        elders.find(row.elderId(), j).orElseThrow(() -> new NotFoundException("caregiver", caregiverId));
        List<ZbiInterview> out = store.interviews(caregiverId).stream().map(FamilyCaregivers::interview).toList();
        audit.record(j, AuditAction.VIEW, INTERVIEW_SUBJECT, null, "answers", null, "interviews of caregiver " + caregiverId + " → " + out.size());
        return out;
    }

    /** One interview of a caregiver; the read is audited. */
    @Transactional
    public ZbiInterview interview(long caregiverId, long interviewId, Jurisdiction j) {
        requireRead(j);
        FamilyCaregiverStore.InterviewRow row = store.findInterview(interviewId).filter(i -> i.caregiverId() == caregiverId)
                .orElseThrow(() -> new NotFoundException("interview", interviewId));
        elders.find(row.elderId(), j).orElseThrow(() -> new NotFoundException("interview", interviewId));
        audit.record(j, AuditAction.VIEW, INTERVIEW_SUBJECT, interviewId, "answers", null, null);
        return interview(row);
    }

    // ---------------------------------------------------------------- respite list

    /**
     * The respite list in the caller's jurisdiction, optionally limited to one community (or any region node) by code;
     * current entries only unless {@code includeEnded}. The search is audited.
     */
    @Transactional
    public PageResult<RespiteEntry> respiteList(String communityCode, boolean includeEnded, int page, int size, Jurisdiction j) {
        requireRead(j);
        int s = Math.max(1, Math.min(size <= 0 ? 50 : size, 200));
        int p = Math.max(0, page);
        String pattern = j.likePattern();
        if (communityCode != null && !communityCode.isBlank()) {
            Region node = regions.findByCode(communityCode.trim(), j)
                    .orElseThrow(() -> ValidationException.of("communityCode", "unknown", "no such region within your jurisdiction"));
            pattern = node.path() + "%";
        }
        List<RespiteEntry> content = new ArrayList<>();
        long total;
        Map<Long, Optional<ElderRef>> eldersSeen = new java.util.HashMap<>();
        Map<Long, String> communityNames = new java.util.HashMap<>();
        if (j.familyOnly()) {
            // family members see only the households of their own elders: filter the (small) list of their node
            List<RespiteEntry> all = new ArrayList<>();
            for (var row : store.respiteList(pattern, includeEnded, 10_000, 0)) {
                entry(row, j, eldersSeen, communityNames).ifPresent(all::add);
            }
            total = all.size();
            content.addAll(all.subList(Math.min(all.size(), p * s), Math.min(all.size(), p * s + s)));
        } else {
            total = store.countRespiteList(pattern, includeEnded);
            for (var row : store.respiteList(pattern, includeEnded, s, p * s)) {
                entry(row, j, eldersSeen, communityNames).ifPresent(content::add);
            }
        }
        audit.record(j, AuditAction.SEARCH, RESPITE_SUBJECT, null, null, null,
                (communityCode == null || communityCode.isBlank() ? "all" : "community=" + communityCode.trim())
                        + (includeEnded ? " with history" : "") + " → " + total);
        return new PageResult<>(content, p, s, total);
    }

    /**
     * The respite entitlement of an elder's household on a day, for the platform's own use (dispatch orders the
     * replacement care, settlement pays it): present while any of the elder's caregivers is on the list. Several
     * high-risk caregivers of one household do not add up [D].
     */
    @Transactional(readOnly = true)
    public Optional<RespiteEntitlement> householdEntitlement(long elderId, LocalDate day) {
        return store.householdEntryOn(elderId, day).map(e -> new RespiteEntitlement(e.monthlyHours(), e.payer()));
    }

    // ---------------------------------------------------------------- internals

    private record LockedCaregiver(FamilyCaregiverStore.CaregiverRow row, ElderRef elder) {
    }

    private LockedCaregiver lock(long id, Jurisdiction j) {
        FamilyCaregiverStore.CaregiverRow unlocked = store.find(id).orElseThrow(() -> new NotFoundException("caregiver", id));
        ElderRef elder = elders.find(unlocked.elderId(), j).orElseThrow(() -> new NotFoundException("caregiver", id));
        return new LockedCaregiver(store.findForUpdate(id).orElseThrow(() -> new NotFoundException("caregiver", id)), elder);
    }

    private ElderRef elder(long elderId, Jurisdiction j) {
        return elders.find(elderId, j).orElseThrow(() -> new NotFoundException("elder", elderId));
    }

    private static void requireActive(ElderRef elder) {
        if (elder.status() != ElderStatus.ACTIVE) {
            throw new ConflictException("elderId", "the elder's record is " + elder.status() + ", not ACTIVE");
        }
    }

    /** Deactivation takes the household off the list; reactivation puts it back if the latest interview is high-risk. */
    private void applyActiveChange(FamilyCaregiverStore.CaregiverRow current, boolean active) {
        Optional<FamilyCaregiverStore.EntryRow> open = store.openEntry(current.id());
        Optional<FamilyCaregiverStore.InterviewRow> latest = store.latestInterview(current.id());
        ZbiScorer.Result latestResult = latest.map(i -> new ZbiScorer.Result(i.total(), i.band(), i.highRisk())).orElse(null);
        switch (policy.next(open.isPresent(), active, latestResult)) {
            case LEAVE -> {
                FamilyCaregiverStore.EntryRow entry = open.orElseThrow();
                LocalDate to = today().isBefore(entry.from()) ? entry.from() : today();
                store.closeEntry(entry.id(), to, null, FamilyCaregiverStore.END_CAREGIVER_INACTIVE);
            }
            case ENTER -> {
                FamilyCaregiverStore.InterviewRow i = latest.orElseThrow();
                LocalDate from = today().isBefore(i.interviewedOn()) ? i.interviewedOn() : today();
                store.openEntry(current.id(), current.elderId(), from, i.id(), policy.entitlement());
                events.publishEvent(new HighRiskCaregiverIdentified(current.id(), current.elderId(), i.id(), i.total(), i.interviewedOn()));
            }
            case STAY, NONE -> {
                // nothing changes
            }
        }
    }

    /** The validated input: checks every field and reports all problems at once. */
    private record Valid(String name, FamilyCaregiverRelation relation, PhoneNumber phone, ResidentIdNumber idNumber, boolean livesWithElder,
            int weeklyCareHours, LocalDate startedOn, boolean active) {
    }

    /**
     * @param current the stored record on a replacement ({@code null} on creation): then a missing phone or ID
     *        number keeps the stored value
     */
    private Valid validate(FamilyCaregiverInput in, FamilyCaregiverStore.CaregiverRow current) {
        if (in == null) {
            throw ValidationException.of("name", "required", "is required");
        }
        Violations v = new Violations();
        String name = in.name() == null ? null : in.name().trim();
        if (name == null || name.isEmpty()) {
            v.add("name", "required", "is required");
        } else if (name.length() > 50) {
            v.add("name", "tooLong", "at most 50 characters");
        }
        v.require(in.relation() != null, "relation", "required", "is required");
        PhoneNumber phone = null;
        if (in.phone() == null || in.phone().isBlank()) {
            v.require(current != null, "phone", "required", "is required");
        } else {
            try {
                phone = PhoneNumber.parse(in.phone());
            } catch (InvalidValueException e) {
                v.add("phone", e.code(), e.getMessage());
            }
        }
        ResidentIdNumber idNumber = null;
        if (in.idNumber() != null && !in.idNumber().isBlank()) {
            try {
                idNumber = ResidentIdNumber.parse(in.idNumber(), today());
            } catch (InvalidValueException e) {
                v.add("idNumber", e.code(), e.getMessage());
            }
        }
        v.require(in.livesWithElder() != null, "livesWithElder", "required", "is required");
        if (in.weeklyCareHours() == null) {
            v.add("weeklyCareHours", "required", "is required");
        } else if (in.weeklyCareHours() < 0 || in.weeklyCareHours() > MAX_WEEKLY_HOURS) {
            v.add("weeklyCareHours", "range", "must be from 0 to " + MAX_WEEKLY_HOURS + " hours a week");
        }
        if (in.startedOn() == null) {
            v.add("startedOn", "required", "is required");
        } else if (in.startedOn().isAfter(today())) {
            v.add("startedOn", "future", "cannot be in the future");
        }
        v.throwIfAny();
        return new Valid(name, in.relation(), phone, idNumber, in.livesWithElder(), in.weeklyCareHours(), in.startedOn(),
                in.active() == null || in.active());
    }

    private FamilyCaregiverStore.CaregiverRow seal(Valid v, ElderRef elder, FamilyCaregiverStore.CaregiverRow current) {
        String phoneEnc = v.phone() == null ? current.phoneEnc() : cipher.seal(v.phone().value());
        String phoneIdx = v.phone() == null ? current.phoneIdx() : cipher.blindIndex(v.phone().value());
        String phoneMasked = v.phone() == null ? current.phoneMasked() : v.phone().masked();
        boolean keepId = v.idNumber() == null && current != null;
        String idEnc = keepId ? current.idNumberEnc() : v.idNumber() == null ? null : cipher.seal(v.idNumber().value());
        String idIdx = keepId ? current.idNumberIdx() : v.idNumber() == null ? null : cipher.blindIndex(v.idNumber().value());
        String idMasked = keepId ? current.idNumberMasked() : v.idNumber() == null ? null : v.idNumber().masked();
        return new FamilyCaregiverStore.CaregiverRow(current == null ? 0 : current.id(), elder.id(), elder.regionPath(), v.name(), v.relation(),
                phoneEnc, phoneIdx, phoneMasked, idEnc, idIdx, idMasked, v.livesWithElder(), v.weeklyCareHours(), v.startedOn(), v.active(),
                null, null, current == null ? 0 : current.version());
    }

    private static List<String> changedFields(FamilyCaregiverStore.CaregiverRow a, FamilyCaregiverStore.CaregiverRow b) {
        List<String> changed = new ArrayList<>();
        if (!a.name().equals(b.name())) {
            changed.add("name");
        }
        if (a.relation() != b.relation()) {
            changed.add("relation");
        }
        if (!a.phoneIdx().equals(b.phoneIdx())) {
            changed.add("phone");
        }
        if (!Objects.equals(a.idNumberIdx(), b.idNumberIdx())) {
            changed.add("idNumber");
        }
        if (a.livesWithElder() != b.livesWithElder()) {
            changed.add("livesWithElder");
        }
        if (a.weeklyCareHours() != b.weeklyCareHours()) {
            changed.add("weeklyCareHours");
        }
        if (!a.startedOn().equals(b.startedOn())) {
            changed.add("startedOn");
        }
        if (a.active() != b.active()) {
            changed.add("active");
        }
        return changed;
    }

    /** The answers as validated by the scorer, converted to the 22 integers in item order. */
    private static List<Integer> items(Map<String, ?> answers) {
        List<Integer> items = new ArrayList<>(ZbiScorer.ITEMS);
        for (int n = 1; n <= ZbiScorer.ITEMS; n++) {
            items.add(((Number) answers.get(ZbiScorer.key(n))).intValue());
        }
        return items;
    }

    private FamilyCaregiver view(FamilyCaregiverStore.CaregiverRow r, ElderRef elder) {
        FamilyCaregiver.LatestZbi latest = store.latestInterview(r.id())
                .map(i -> new FamilyCaregiver.LatestZbi(i.id(), i.interviewedOn(), i.total(), i.band(), i.highRisk())).orElse(null);
        List<FamilyCaregiver.RespitePeriod> history = store.entries(r.id()).stream()
                .map(e -> new FamilyCaregiver.RespitePeriod(e.id(), e.from(), e.to(), e.monthlyHours(), e.payer(), e.openedBy(), e.closedBy(),
                        e.endReason()))
                .toList();
        FamilyCaregiver.RespitePeriod open = history.stream().filter(p -> p.to() == null).findFirst().orElse(null);
        return new FamilyCaregiver(r.id(), r.elderId(), elder.name(), r.name(), r.relation(), r.phoneMasked(), r.idNumberMasked(), r.livesWithElder(),
                r.weeklyCareHours(), r.startedOn(), r.active(), latest, open != null,
                open == null ? null : new RespiteEntitlement(open.monthlyHours(), open.payer()), history, r.createdAt(), r.updatedAt(), r.version());
    }

    private static ZbiInterview interview(FamilyCaregiverStore.InterviewRow i) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (int n = 1; n <= ZbiScorer.ITEMS; n++) {
            answers.put(ZbiScorer.key(n), i.answers().get(n - 1));
        }
        return new ZbiInterview(i.id(), i.caregiverId(), i.elderId(), i.interviewedOn(), i.interviewerName(), answers,
                new ZbiScorer.Result(i.total(), i.band(), i.highRisk()), i.scorerVersion(), i.recordedAt(), i.transition());
    }

    private Optional<RespiteEntry> entry(FamilyCaregiverStore.ListRow row, Jurisdiction j, Map<Long, Optional<ElderRef>> eldersSeen,
            Map<Long, String> communityNames) {
        var e = row.entry();
        Optional<ElderRef> elder = eldersSeen.computeIfAbsent(e.elderId(), id -> elders.find(id, j));
        return elder.map(ref -> new RespiteEntry(e.id(), e.caregiverId(), row.caregiverName(), row.relation(), e.elderId(), ref.name(),
                communityNames.computeIfAbsent(ref.communityId(), cid -> regions.find(cid).map(Region::name).orElse("")), row.latestTotal(),
                row.latestOn(), e.from(), e.to(), e.monthlyHours(), e.payer(), e.endReason()));
    }

    private static void requireWrite(Jurisdiction j) {
        if (!j.can(WRITE)) {
            throw new AccessDeniedException("family caregivers and Zarit interviews need the ASSESSMENT_EVENTS permission");
        }
    }

    private static void requireRead(Jurisdiction j) {
        if (!j.can(READ) && !j.can(WRITE)) {
            throw new AccessDeniedException("family caregivers need the ASSESSMENT_READ permission");
        }
    }
}
