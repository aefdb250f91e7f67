package org.jujia.careplan;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.jujia.assessment.AssessmentManagement;
import org.jujia.assessment.AssessmentTask;
import org.jujia.elder.ElderDetail;
import org.jujia.elder.ElderLeft;
import org.jujia.elder.ElderRef;
import org.jujia.elder.ElderRegistry;
import org.jujia.elder.ElderSearch;
import org.jujia.elder.ElderStatus;
import org.jujia.privacy.AuditAction;
import org.jujia.privacy.AuditLog;
import org.jujia.privacy.Sm3;
import org.jujia.region.Organisation;
import org.jujia.region.OrganisationType;
import org.jujia.region.Region;
import org.jujia.region.RegionDirectory;
import org.jujia.shared.ConflictException;
import org.jujia.shared.FieldViolation;
import org.jujia.shared.ImageData;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.NotFoundException;
import org.jujia.shared.ValidationException;
import org.jujia.shared.Violations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The care-plan module's facade (PLATFORM.md §5): drafting an elder's plan from the catalogue, its lines with the
 * monthly estimate per payer from the catalogue's funding rule (prices frozen when a line is drafted), the family's
 * consent to any excess beyond the entitlements, submission for signature, signing (drawn signature or recorded
 * method) which stores the agreement PDF immutably with its SM3 hash and <b>activates the plan at once</b> —
 * superseding the previous version and closing the elder's open 48-hour remake task — and ending a plan.
 *
 * <p>Every operation is limited to the caller's jurisdiction: a plan of an elder the caller cannot see is "not
 * found". Family members read their elder's plans and may record consent and sign; everything else needs
 * CAREPLAN_WRITE.
 */
@Service
public class CarePlanManagement {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String SUBJECT = "CAREPLAN";
    static final int MAX_LINES = 40;

    private final CarePlanStore store;
    private final PlanQuoter quoter;
    private final AgreementDocument document;
    private final ElderRegistry elders;
    private final RegionDirectory regions;
    private final AssessmentManagement assessments;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final CarePlanProperties props;
    private final Clock clock;

    CarePlanManagement(CarePlanStore store, PlanQuoter quoter, AgreementDocument document, ElderRegistry elders, RegionDirectory regions,
            AssessmentManagement assessments, AuditLog audit, ApplicationEventPublisher events, CarePlanProperties props, Clock clock) {
        this.store = store;
        this.quoter = quoter;
        this.document = document;
        this.elders = elders;
        this.regions = regions;
        this.assessments = assessments;
        this.audit = audit;
        this.events = events;
        this.props = props;
        this.clock = clock;
    }

    /** A new plan version: the provider, a note, and whether to start from the lines of the active version. */
    public record NewPlan(Long providerId, String note, Boolean copyActive) {
    }

    /**
     * One line as entered: item code, {@code frequencyCount} per {@code frequencyPeriod}, preferred ISO weekdays (1–7),
     * the window (local time, {@code windowTo} before {@code windowFrom} for a window across midnight) and the minutes
     * per visit (default: the item's standard duration).
     */
    public record LineInput(String itemCode, Integer frequencyCount, Frequency.Period frequencyPeriod, List<Integer> weekdays,
            LocalTime windowFrom, LocalTime windowTo, Integer durationMinutes) {
    }

    /** The family's consent to pay the excess: who, their relation to the elder, and the monthly excess in fen they agree to. */
    public record ConsentInput(String consentedBy, String relation, Long excessFen) {
    }

    /**
     * The signature: who signs (elder or guardian, by name), how, the drawn signature as a PNG (base64, or a
     * {@code data:image/png;base64,} URL) for DRAWN, and the witness for FINGERPRINT and PROXY.
     */
    public record SignInput(SignerType signerType, String signerName, SignatureMethod method, String signaturePng, String witnessName) {
    }

    // ------------------------------------------------------------------ drafting

    @Transactional
    public CarePlan draft(long elderId, NewPlan in, Jurisdiction j) {
        requireWrite(j);
        ElderRef elder = elders.find(elderId, j).orElseThrow(() -> new NotFoundException("elder", elderId));
        if (elder.status() != ElderStatus.ACTIVE) {
            throw new ConflictException("elderId", "elder " + elderId + " is " + elder.status() + "; no new care plan");
        }
        if (in == null || in.providerId() == null) {
            throw ValidationException.of("providerId", "required", "choose the service provider");
        }
        Organisation provider = provider(in.providerId(), elder, j);
        if (in.note() != null && in.note().length() > 500) {
            throw ValidationException.of("note", "length", "note is at most 500 characters");
        }
        store.open(elderId).ifPresent(p -> {
            throw new ConflictException("elderId", "elder " + elderId + " already has plan version " + p.version() + " in preparation (#" + p.id() + ")");
        });
        Instant now = clock.instant();
        YearMonth month = YearMonth.from(now.atZone(ZONE)).plusMonths(1);
        var plan = CarePlan.draft(elderId, elder.name(), elder.regionPath(), store.nextVersion(elderId), provider.id(), provider.name(), month,
                elder.careColour(), blankToNull(in.note()), now, j.username());
        long id = store.insert(plan);
        Optional<CarePlan> active = store.active(elderId);
        if (active.isPresent() && !Boolean.FALSE.equals(in.copyActive())) {
            List<PlanQuoter.Draft> drafts = active.get().lines().stream().map(l -> PlanQuoter.Draft.of(l, false)).toList();
            requote(plan.withId(id), drafts, j);
        }
        audit.record(j, AuditAction.CREATE, SUBJECT, id, null, null, "elder " + elderId + " version " + plan.version());
        return get(id, j);
    }

    /** Replaces every line (lines keeping their item keep their frozen price). Violations name {@code lines[i].field}. */
    @Transactional
    public CarePlan replaceLines(long planId, List<LineInput> lines, Jurisdiction j) {
        requireWrite(j);
        CarePlan plan = loadForUpdate(planId, j);
        requireDraft(plan);
        if (lines == null) {
            throw ValidationException.of("lines", "required", "lines are required");
        }
        if (lines.size() > MAX_LINES) {
            throw ValidationException.of("lines", "size", "a plan has at most " + MAX_LINES + " lines");
        }
        List<PlanQuoter.Draft> drafts = new ArrayList<>();
        List<FieldViolation> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            try {
                drafts.add(validLine(lines.get(i), frozen(plan, lines.get(i)), j));
            } catch (ValidationException e) {
                int index = i;
                e.violations().forEach(v -> problems.add(new FieldViolation("lines[" + index + "]." + v.field(), v.code(), v.message())));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        CarePlan changed = requote(plan, drafts, j);
        audit.record(j, AuditAction.UPDATE, SUBJECT, planId, "lines", null, drafts.size() + " line(s)");
        return changed;
    }

    /** Adds one line at the end (its price is frozen now). */
    @Transactional
    public CarePlan addLine(long planId, LineInput line, Jurisdiction j) {
        requireWrite(j);
        CarePlan plan = loadForUpdate(planId, j);
        requireDraft(plan);
        if (plan.lines().size() >= MAX_LINES) {
            throw ValidationException.of("lines", "size", "a plan has at most " + MAX_LINES + " lines");
        }
        List<PlanQuoter.Draft> drafts = new ArrayList<>(plan.lines().stream().map(l -> PlanQuoter.Draft.of(l, true)).toList());
        drafts.add(validLine(line, null, j));
        CarePlan changed = requote(plan, drafts, j);
        audit.record(j, AuditAction.UPDATE, SUBJECT, planId, "lines", null, "added " + line.itemCode());
        return changed;
    }

    /** Changes the line at {@code position} (1-based); the same item keeps its frozen price. */
    @Transactional
    public CarePlan changeLine(long planId, int position, LineInput line, Jurisdiction j) {
        requireWrite(j);
        CarePlan plan = loadForUpdate(planId, j);
        requireDraft(plan);
        PlanLine current = line(plan, position);
        List<PlanQuoter.Draft> drafts = new ArrayList<>(plan.lines().stream().map(l -> PlanQuoter.Draft.of(l, true)).toList());
        drafts.set(position - 1, validLine(line, current.itemCode().equals(line.itemCode()) ? current : null, j));
        CarePlan changed = requote(plan, drafts, j);
        audit.record(j, AuditAction.UPDATE, SUBJECT, planId, "lines", null, "changed line " + position);
        return changed;
    }

    @Transactional
    public CarePlan removeLine(long planId, int position, Jurisdiction j) {
        requireWrite(j);
        CarePlan plan = loadForUpdate(planId, j);
        requireDraft(plan);
        line(plan, position);
        List<PlanQuoter.Draft> drafts = new ArrayList<>(plan.lines().stream().map(l -> PlanQuoter.Draft.of(l, true)).toList());
        drafts.remove(position - 1);
        CarePlan changed = requote(plan, drafts, j);
        audit.record(j, AuditAction.UPDATE, SUBJECT, planId, "lines", null, "removed line " + position);
        return changed;
    }

    /**
     * The plan as it would be with {@code line} added (position null) or put at {@code position}, quoted but not
     * saved: the builder's live cost split.
     */
    public CarePlan preview(long planId, LineInput line, Integer position, Jurisdiction j) {
        requireWrite(j);
        CarePlan plan = load(planId, j);
        requireDraft(plan);
        List<PlanQuoter.Draft> drafts = new ArrayList<>(plan.lines().stream().map(l -> PlanQuoter.Draft.of(l, true)).toList());
        if (position == null) {
            drafts.add(validLine(line, null, j));
        } else {
            PlanLine current = line(plan, position);
            drafts.set(position - 1, validLine(line, current.itemCode().equals(line.itemCode()) ? current : null, j));
        }
        var q = quoter.quote(plan.elderId(), plan.estimateMonth(), drafts, j);
        return plan.withLines(q.lines(), q.subsidies());
    }

    // ------------------------------------------------------------------ consent, submission, signature

    @Transactional
    public CarePlan recordConsent(long planId, ConsentInput in, Jurisdiction j) {
        requireSign(j);
        CarePlan plan = loadForUpdate(planId, j);
        new Violations().require(in != null && in.consentedBy() != null && !in.consentedBy().isBlank() && in.consentedBy().length() <= 50,
                "consentedBy", "required", "name the family member who consents (at most 50 characters)")
                .require(in == null || in.relation() == null || in.relation().length() <= 20, "relation", "length", "relation is at most 20 characters")
                .require(in != null && in.excessFen() != null, "excessFen", "required", "state the monthly excess (fen) consented to")
                .throwIfAny();
        CarePlan after = plan.consent(new ExcessConsent(in.consentedBy().trim(), blankToNull(in.relation()), in.excessFen(), clock.instant(),
                j.username()));
        save(plan, after);
        audit.record(j, AuditAction.CONSENT, SUBJECT, planId, "excess", null, in.consentedBy().trim() + " consents to " + in.excessFen() + " fen");
        return get(planId, j);
    }

    /** The draft is complete: it goes to the family for signature (needs lines, and consent to any excess). */
    @Transactional
    public CarePlan submit(long planId, Jurisdiction j) {
        requireWrite(j);
        CarePlan plan = loadForUpdate(planId, j);
        save(plan, plan.submit(clock.instant()));
        audit.record(j, AuditAction.STATUS_CHANGE, SUBJECT, planId, "status", null, "DRAFT -> AWAITING_SIGNATURE");
        return get(planId, j);
    }

    /** Back to draft for changes before signature. */
    @Transactional
    public CarePlan reopen(long planId, Jurisdiction j) {
        requireWrite(j);
        CarePlan plan = loadForUpdate(planId, j);
        save(plan, plan.reopen());
        audit.record(j, AuditAction.STATUS_CHANGE, SUBJECT, planId, "status", null, "AWAITING_SIGNATURE -> DRAFT");
        return get(planId, j);
    }

    /**
     * The elder or guardian signs: the signed agreement PDF (with the drawn signature embedded, or the recorded
     * method and witness) is stored once with its SM3 hash, the plan becomes ACTIVE, the previous active version is
     * SUPERSEDED, the elder's open care-plan remake task is closed, and {@link CarePlanActivated} is published.
     */
    @Transactional
    public CarePlan sign(long planId, SignInput in, Jurisdiction j) {
        requireSign(j);
        CarePlan plan = loadForUpdate(planId, j);
        byte[] png = validSignature(in);
        Instant now = clock.instant();
        CarePlan activated = plan.activate(now);
        Optional<CarePlan> previous = store.active(plan.elderId());
        previous.ifPresent(p -> save(p, p.supersede(now, planId)));
        save(plan, activated);
        ElderDetail elder = elders.get(plan.elderId(), j);
        Organisation provider = regions.findOrganisation(plan.providerId()).orElseThrow();
        var signing = new AgreementDocument.Signing(in.signerType(), in.signerName().trim(), in.method(), blankToNull(in.witnessName()), png, now,
                j.username());
        byte[] pdf = document.render(activated, elder, provider, signing, now);
        String sm3 = HexFormat.of().formatHex(Sm3.hash(pdf));
        store.insertAgreement(planId, pdf, sm3, in.signerType(), in.signerName().trim(), in.method(), blankToNull(in.witnessName()), png, now,
                j.username());
        Optional<AssessmentTask> closed = assessments.closeCarePlanRemake(plan.elderId(),
                "care plan version " + plan.version() + " (#" + planId + ") signed", j);
        events.publishEvent(new CarePlanActivated(plan.elderId(), planId, plan.version(), plan.providerId(), now,
                previous.map(CarePlan::id).orElse(null), activated.lines().stream()
                        .map(l -> new CarePlanActivated.Line(l.itemCode(), l.frequency().count(), l.frequency().period(), l.weekdays(), l.windowFrom(),
                                l.windowTo(), l.durationMinutes()))
                        .toList()));
        audit.record(j, AuditAction.STATUS_CHANGE, SUBJECT, planId, "status", null, "signed (" + in.method() + ", SM3 " + sm3 + ")"
                + previous.map(p -> ", supersedes #" + p.id()).orElse("") + closed.map(t -> ", remake task " + t.id() + " done").orElse(""));
        return get(planId, j);
    }

    /** Ends an active plan (elder deceased, moved, withdrew) or abandons one in preparation. */
    @Transactional
    public CarePlan end(long planId, EndReason reason, String note, Jurisdiction j) {
        requireWrite(j);
        if (note != null && note.length() > 500) {
            throw ValidationException.of("note", "length", "note is at most 500 characters");
        }
        close(loadForUpdate(planId, j), reason, note, j);
        return get(planId, j);
    }

    /**
     * The elder died or moved away: the active plan ends for that reason (its unstarted orders are then cancelled by
     * dispatch) and a plan in preparation is abandoned.
     */
    @ApplicationModuleListener
    void on(ElderLeft e) {
        Jurisdiction system = Jurisdiction.system("/");
        boolean deceased = e.status() == ElderStatus.DECEASED;
        String note = (deceased ? "老人已故（" : "老人迁出（") + e.on() + "）";
        for (CarePlan p : store.history(e.elderId(), system)) {
            if (p.status() == CarePlanStatus.ACTIVE) {
                close(loadForUpdate(p.id(), system), deceased ? EndReason.DECEASED : EndReason.MOVED, note, system);
            } else if (p.status().open()) {
                close(loadForUpdate(p.id(), system), EndReason.ABANDONED, note, system);
            }
        }
    }

    private void close(CarePlan plan, EndReason reason, String note, Jurisdiction j) {
        Instant now = clock.instant();
        save(plan, plan.end(now, reason, note));
        if (plan.status() == CarePlanStatus.ACTIVE) {
            events.publishEvent(new CarePlanEnded(plan.elderId(), plan.id(), plan.version(), plan.providerId(), now, reason));
        }
        audit.record(j, AuditAction.STATUS_CHANGE, SUBJECT, plan.id(), "status", null, plan.status() + " -> ENDED (" + reason + ")");
    }

    // ------------------------------------------------------------------ reads

    public CarePlan get(long planId, Jurisdiction j) {
        requireRead(j);
        return load(planId, j);
    }

    /** Every version of the elder's plan, newest first. */
    public List<CarePlan> history(long elderId, Jurisdiction j) {
        requireRead(j);
        elders.find(elderId, j).orElseThrow(() -> new NotFoundException("elder", elderId));
        return store.history(elderId, j);
    }

    /** The elder's plan in force, if any. */
    public Optional<CarePlan> active(long elderId, Jurisdiction j) {
        return history(elderId, j).stream().filter(p -> p.status() == CarePlanStatus.ACTIVE).findFirst();
    }

    // ------------------------------------------------------------------ reads for the platform's own jobs (dispatch)

    /** A plan with its lines, whatever its status, for the platform itself (no caller): dispatch reading a plan it was told about. */
    public Optional<CarePlan> plan(long planId) {
        return store.find(planId, Jurisdiction.system("/"));
    }

    /** The elder's plan in force, for the platform itself (no caller): dispatch choosing the provider of a booking. */
    public Optional<CarePlan> activePlanOf(long elderId) {
        return store.history(elderId, Jurisdiction.system("/")).stream().filter(p -> p.status() == CarePlanStatus.ACTIVE).findFirst();
    }

    /** Active plans with their lines, by id after {@code afterId}, at most {@code limit}: dispatch's nightly order horizon. */
    public List<CarePlan> activePlans(long afterId, int limit) {
        return store.activeAfter(afterId, limit);
    }

    /** Plans under the caller's node (family: their elders' only), newest first. */
    public List<CarePlan> list(CarePlanStatus status, Jurisdiction j) {
        requireRead(j);
        List<Long> elderIds = null;
        if (j.familyOnly()) {
            elderIds = elders.search(new ElderSearch(null, null, null, null, null, null, null, null, null, null, null, null, 0, 50, "id"), j)
                    .content().stream().map(e -> e.id()).toList();
        }
        return store.list(j, status, elderIds, 500);
    }

    public Map<CarePlanStatus, Long> counts(Jurisdiction j) {
        requireRead(j);
        return store.countByStatus(j);
    }

    /** The differences between a plan version and another version of the same elder's plan (default: the one before). */
    public PlanDiff diff(long planId, Long againstId, Jurisdiction j) {
        CarePlan after = get(planId, j);
        CarePlan before;
        if (againstId == null) {
            before = store.history(after.elderId(), j).stream().filter(p -> p.version() < after.version()).findFirst().orElse(null);
        } else {
            before = get(againstId, j);
            if (before.elderId() != after.elderId()) {
                throw ValidationException.of("against", "otherElder", "plan " + againstId + " belongs to another elder");
            }
        }
        return PlanDiff.between(before, after);
    }

    /** The signed agreement's record (hash, signer, method), if signed. */
    public Optional<Agreement> agreement(long planId, Jurisdiction j) {
        get(planId, j);
        return store.agreement(planId);
    }

    /** The signed agreement PDF exactly as stored (the download is audited). */
    @Transactional
    public byte[] agreementPdf(long planId, Jurisdiction j) {
        get(planId, j);
        byte[] pdf = store.agreementPdf(planId).orElseThrow(() -> new NotFoundException("agreement", planId));
        audit.record(j, AuditAction.VIEW, SUBJECT, planId, "agreement", null, null);
        return pdf;
    }

    /** An unsigned, watermarked preview of the agreement as it would be signed now. */
    @Transactional
    public byte[] previewPdf(long planId, Jurisdiction j) {
        CarePlan plan = get(planId, j);
        ElderDetail elder = elders.get(plan.elderId(), j);
        Organisation provider = regions.findOrganisation(plan.providerId()).orElseThrow();
        return document.render(plan, elder, provider, null, clock.instant());
    }

    /** The result of checking an agreement: the stored hash, the hash recomputed now, and (if given) a copy's hash. */
    public record Verification(long planId, String storedSm3, String recomputedSm3, boolean intact, String copySm3, Boolean copyMatches) {
    }

    /** Recomputes the SM3 of the stored agreement (and of a copy, e.g. a downloaded file) and compares them with the stored hash. */
    public Verification verify(long planId, byte[] copy, Jurisdiction j) {
        Agreement a = agreement(planId, j).orElseThrow(() -> new NotFoundException("agreement", planId));
        byte[] pdf = store.agreementPdf(planId).orElseThrow();
        String now = HexFormat.of().formatHex(Sm3.hash(pdf));
        String copySm3 = copy == null || copy.length == 0 ? null : HexFormat.of().formatHex(Sm3.hash(copy));
        return new Verification(planId, a.sm3(), now, now.equals(a.sm3()), copySm3, copySm3 == null ? null : copySm3.equals(a.sm3()));
    }

    /** The catalogue items a plan line may use. */
    public List<PlanItem> items(Jurisdiction j) {
        return quoter.items(j);
    }

    /** Service providers able to serve the elder (their node lies above or at the elder's place in the region tree). */
    public List<Organisation> providersFor(long elderId, Jurisdiction j) {
        ElderRef elder = elders.find(elderId, j).orElseThrow(() -> new NotFoundException("elder", elderId));
        return regions.organisationsOfType(OrganisationType.SERVICE_PROVIDER, Jurisdiction.system("/")).stream()
                .filter(o -> o.active() && serves(o, elder)).toList();
    }

    /**
     * The active plans with a line of this catalogue item, all over the city, oldest elder first: for the platform's own
     * daily rounds (e.g. the automated voice call of the VOICE_CALL item). A system read, without a permission check or
     * audit: plans carry no personal data beyond the elder's name.
     */
    public List<CarePlan> activeWithItem(String itemCode) {
        return store.activeWithItem(itemCode);
    }

    /** The elder's open care-plan remake task (the 48-hour rule), if any. */
    public Optional<AssessmentTask> openRemakeTask(long elderId, Jurisdiction j) {
        elders.find(elderId, j).orElseThrow(() -> new NotFoundException("elder", elderId));
        if (!j.can("ASSESSMENT_READ") || j.familyOnly()) {
            return Optional.empty();
        }
        return assessments.tasks(AssessmentTask.Kind.CARE_PLAN_REMAKE, AssessmentTask.Status.OPEN, false, j).stream()
                .filter(t -> t.elderId() == elderId).findFirst();
    }

    public Instant now() {
        return clock.instant();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    String complaintHotline() {
        return props.complaintHotline();
    }

    // ------------------------------------------------------------------ internals

    private CarePlan requote(CarePlan plan, List<PlanQuoter.Draft> drafts, Jurisdiction j) {
        var q = quoter.quote(plan.elderId(), plan.estimateMonth(), drafts, j);
        CarePlan changed = plan.withLines(q.lines(), q.subsidies());
        store.replaceLines(plan.id(), changed.lines(), changed.subsidies());
        if (plan.consent() != null) {
            // the lines changed: the consent recorded for the old figures lapses
            CarePlan reloaded = store.findForUpdate(plan.id(), j).orElseThrow();
            store.update(reloaded, new CarePlan(reloaded.id(), reloaded.elderId(), reloaded.elderName(), reloaded.regionPath(), reloaded.version(),
                    reloaded.status(), reloaded.providerId(), reloaded.providerName(), reloaded.estimateMonth(), reloaded.colour(), reloaded.note(),
                    reloaded.createdAt(), reloaded.createdBy(), null, reloaded.milestones(), reloaded.lines(), reloaded.subsidies(),
                    reloaded.rowVersion()));
        }
        return store.find(plan.id(), j).orElseThrow();
    }

    /** A line's frozen price when the same item is already in the plan. */
    private static PlanLine frozen(CarePlan plan, LineInput in) {
        return plan.lines().stream().filter(l -> in != null && l.itemCode().equals(in.itemCode())).findFirst().orElse(null);
    }

    private PlanQuoter.Draft validLine(LineInput in, PlanLine frozen, Jurisdiction j) {
        var v = new Violations();
        if (in == null) {
            throw ValidationException.of("itemCode", "required", "a line is required");
        }
        PlanItem item = null;
        if (in.itemCode() == null || in.itemCode().isBlank()) {
            v.add("itemCode", "required", "choose a catalogue item");
        } else {
            item = quoter.item(in.itemCode().trim(), j).orElse(null);
            v.require(item != null, "itemCode", "unknown", "no catalogue item " + in.itemCode());
        }
        Frequency.Period period = in.frequencyPeriod();
        v.require(period != null, "frequencyPeriod", "required", "frequencyPeriod is DAY, WEEK or MONTH");
        Integer count = in.frequencyCount();
        v.require(count != null && count >= 1 && (period == null || count <= Frequency.maxCount(period)), "frequencyCount", "range",
                "frequencyCount is 1 to " + (period == null ? "?" : Frequency.maxCount(period)) + " per " + (period == null ? "period" : period));
        List<Integer> weekdays = in.weekdays() == null ? List.of() : in.weekdays();
        boolean weekdaysOk = weekdays.stream().allMatch(d -> d != null && d >= 1 && d <= 7) && new TreeSet<>(weekdays).size() == weekdays.size();
        v.require(weekdaysOk, "weekdays", "range", "weekdays are distinct ISO days 1 (Monday) to 7 (Sunday)");
        if (weekdaysOk && period == Frequency.Period.DAY) {
            v.require(weekdays.isEmpty(), "weekdays", "daily", "a daily service has no preferred weekdays; use n per WEEK with weekdays");
        }
        if (weekdaysOk && period == Frequency.Period.WEEK && count != null && !weekdays.isEmpty()) {
            v.require(weekdays.size() == count, "weekdays", "count", count + " per week needs " + count + " preferred weekday(s), or none");
        }
        v.require(in.windowFrom() != null, "windowFrom", "required", "windowFrom (HH:mm) is required");
        v.require(in.windowTo() != null, "windowTo", "required", "windowTo (HH:mm) is required");
        if (in.windowFrom() != null && in.windowTo() != null) {
            v.require(!in.windowFrom().equals(in.windowTo()), "windowTo", "empty", "the window must not be empty");
        }
        int minutes = in.durationMinutes() != null ? in.durationMinutes() : item != null ? item.standardMinutes() : 0;
        v.require(minutes >= (item != null && item.standardMinutes() == 0 ? 0 : 1) && minutes <= 24 * 60, "durationMinutes", "range",
                "durationMinutes is 1 to 1440 (0 only for items without a visit)");
        if (minutes >= 1 && in.windowFrom() != null && in.windowTo() != null && !in.windowFrom().equals(in.windowTo())) {
            v.require(minutes <= PlanLine.windowMinutes(in.windowFrom(), in.windowTo()), "durationMinutes", "window",
                    minutes + " minutes do not fit the window " + in.windowFrom() + "–" + in.windowTo());
        }
        v.throwIfAny();
        List<Integer> sorted = List.copyOf(new TreeSet<>(weekdays));
        Long price = frozen == null ? null : frozen.unitPriceFen();
        Long priceVersion = frozen == null ? null : frozen.priceVersionId();
        return new PlanQuoter.Draft(item.code(), new Frequency(count, period), sorted, in.windowFrom(), in.windowTo(), minutes, price, priceVersion);
    }

    private byte[] validSignature(SignInput in) {
        var v = new Violations();
        if (in == null) {
            throw ValidationException.of("signerType", "required", "signerType, signerName and method are required");
        }
        v.require(in.signerType() != null, "signerType", "required", "signerType is ELDER or GUARDIAN");
        v.require(in.signerName() != null && !in.signerName().isBlank() && in.signerName().trim().length() <= 50, "signerName", "required",
                "the signer's name is required (at most 50 characters)");
        v.require(in.method() != null, "method", "required", "method is DRAWN, FINGERPRINT or PROXY");
        v.require(in.witnessName() == null || in.witnessName().length() <= 50, "witnessName", "length", "witnessName is at most 50 characters");
        if (in.method() == SignatureMethod.FINGERPRINT || in.method() == SignatureMethod.PROXY) {
            v.require(in.witnessName() != null && !in.witnessName().isBlank(), "witnessName", "required",
                    "a " + in.method() + " signature needs a witness");
        }
        byte[] png = null;
        if (in.method() == SignatureMethod.DRAWN) {
            png = decodePng(in.signaturePng(), v);
        }
        v.throwIfAny();
        return png;
    }

    /** The drawn signature: a real PNG, not too large, and not blank (enough ink). */
    private byte[] decodePng(String data, Violations v) {
        if (data == null || data.isBlank()) {
            v.add("signaturePng", "required", "draw the signature");
            return null;
        }
        String b64 = data.startsWith("data:") ? data.substring(data.indexOf(',') + 1) : data;
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(b64.trim());
        } catch (IllegalArgumentException e) {
            v.add("signaturePng", "format", "the signature is not base64");
            return null;
        }
        if (bytes.length > props.signatureMaxBytes()) {
            v.add("signaturePng", "size", "the signature image is larger than " + props.signatureMaxBytes() + " bytes");
            return null;
        }
        if (!ImageData.isPng(bytes)) {
            v.add("signaturePng", "format", "the signature must be a PNG image");
            return null;
        }
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
            if (img == null) {
                v.add("signaturePng", "format", "the signature image cannot be read");
                return null;
            }
            if (inked(img) < 40) {
                v.add("signaturePng", "blank", "the signature is empty; please sign");
                return null;
            }
        } catch (IOException e) {
            v.add("signaturePng", "format", "the signature image cannot be read");
            return null;
        }
        return bytes;
    }

    /** Pixels that carry ink: visible (alpha) and darker than paper. */
    static int inked(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int argb = img.getRGB(x, y);
                int a = argb >>> 24;
                int lum = (((argb >> 16) & 0xff) + ((argb >> 8) & 0xff) + (argb & 0xff)) / 3;
                if (a > 64 && lum < 160) {
                    n++;
                }
            }
        }
        return n;
    }

    private Organisation provider(long providerId, ElderRef elder, Jurisdiction j) {
        Organisation o = regions.findOrganisation(providerId)
                .orElseThrow(() -> ValidationException.of("providerId", "unknown", "no organisation " + providerId));
        if (o.type() != OrganisationType.SERVICE_PROVIDER || !o.active()) {
            throw ValidationException.of("providerId", "notProvider", o.name() + " is not an active service provider");
        }
        if (!serves(o, elder)) {
            throw ValidationException.of("providerId", "area", o.name() + " does not serve the elder's area");
        }
        return o;
    }

    private boolean serves(Organisation o, ElderRef elder) {
        return regions.find(o.nodeId()).map(Region::path).map(p -> elder.regionPath().startsWith(p)).orElse(false);
    }

    private static PlanLine line(CarePlan plan, int position) {
        if (position < 1 || position > plan.lines().size()) {
            throw new NotFoundException("line", position);
        }
        return plan.lines().get(position - 1);
    }

    private CarePlan load(long planId, Jurisdiction j) {
        CarePlan p = store.find(planId, j).orElseThrow(() -> new NotFoundException("care plan", planId));
        elders.find(p.elderId(), j).orElseThrow(() -> new NotFoundException("care plan", planId));
        return p;
    }

    private CarePlan loadForUpdate(long planId, Jurisdiction j) {
        CarePlan p = store.findForUpdate(planId, j).orElseThrow(() -> new NotFoundException("care plan", planId));
        elders.find(p.elderId(), j).orElseThrow(() -> new NotFoundException("care plan", planId));
        return p;
    }

    private void save(CarePlan before, CarePlan after) {
        if (!store.update(before, after)) {
            throw new ConflictException("version", "plan " + before.id() + " was changed meanwhile");
        }
    }

    private static void requireDraft(CarePlan plan) {
        if (!plan.editable()) {
            throw new ConflictException("status", "plan " + plan.id() + " is " + plan.status() + "; only a draft's lines change");
        }
    }

    private static void requireRead(Jurisdiction j) {
        if (!j.can("CAREPLAN_READ")) {
            throw new AccessDeniedException("reading care plans needs the CAREPLAN_READ permission");
        }
    }

    private static void requireWrite(Jurisdiction j) {
        if (!j.can("CAREPLAN_WRITE")) {
            throw new AccessDeniedException("changing care plans needs the CAREPLAN_WRITE permission");
        }
    }

    /** Consent and signature: staff with CAREPLAN_WRITE, or the elder's own family (who read it). */
    private static void requireSign(Jurisdiction j) {
        if (!j.can("CAREPLAN_WRITE") && !(j.familyOnly() && j.can("CAREPLAN_READ"))) {
            throw new AccessDeniedException("signing care plans needs CAREPLAN_WRITE, or being the elder's family");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
