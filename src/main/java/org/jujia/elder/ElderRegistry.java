package org.jujia.elder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jujia.access.UserAccount;
import org.jujia.access.UserAccounts;
import org.jujia.privacy.AuditAction;
import org.jujia.privacy.AuditLog;
import org.jujia.privacy.Consent;
import org.jujia.privacy.ConsentScope;
import org.jujia.privacy.Consents;
import org.jujia.privacy.FieldCipher;
import org.jujia.region.Region;
import org.jujia.region.RegionDirectory;
import org.jujia.shared.CareColour;
import org.jujia.shared.ConflictException;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The elder module's facade: registration, correction, search, status, reveal of sensitive values and consent.
 * Every operation is limited to the caller's jurisdiction (an elder outside it is "not found") and audited.
 */
@Service
public class ElderRegistry {

    static final String SUBJECT = "ELDER";
    static final Set<String> REVEALABLE = Set.of("idNumber", "phone", "address", "health", "contacts", "insurance");

    private final ElderStore store;
    private final RegionDirectory regions;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final Consents consents;
    private final UserAccounts users;
    private final JsonMapper json;
    private final Clock clock;

    private final ApplicationEventPublisher events;

    ElderRegistry(ElderStore store, RegionDirectory regions, FieldCipher cipher, AuditLog audit, Consents consents,
            UserAccounts users, JsonMapper json, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
        this.regions = regions;
        this.cipher = cipher;
        this.audit = audit;
        this.consents = consents;
        this.users = users;
        this.json = json;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---------------------------------------------------------------- registration and correction

    @Transactional
    public ElderDetail create(ElderInput input, Jurisdiction j) {
        requireWrite(j);
        var valid = validate(input, j);
        ElderStore.Row row = seal(valid, 0);
        if (store.idNumberTaken(row.idNumberIdx(), 0)) {
            throw new ConflictException("idNumber", "an elder with this ID number is already registered");
        }
        long id;
        try {
            id = store.insert(row);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("idNumber", "an elder with this ID number is already registered");
        }
        store.insertContacts(id, sealContacts(valid, j));
        audit.record(j, AuditAction.CREATE, SUBJECT, id, "all", null, null);
        return detail(id, j);
    }

    /**
     * Registers many elders at once, all or none: for the platform's own bulk loads (demo district, migrations).
     * A violation is reported with the index of the offending input, e.g. {@code [17].idNumber}.
     */
    @Transactional
    public List<Long> registerAll(List<ElderInput> inputs, Jurisdiction j) {
        requireWrite(j);
        List<ElderValidator.Valid> valid = new ArrayList<>();
        Map<String, Optional<Region>> cache = new java.util.HashMap<>();
        ElderValidator.RegionLookup lookup = (code, jur) -> cache.computeIfAbsent(code, c -> regions.findByCode(c, jur));
        List<org.jujia.shared.FieldViolation> problems = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Violations v = new Violations();
            ElderValidator.Valid ok = validate(inputs.get(i), j, lookup, v);
            final int index = i;
            v.list().forEach(f -> problems.add(new org.jujia.shared.FieldViolation("[" + index + "]." + f.field(), f.code(), f.message())));
            valid.add(ok);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return insertValidated(valid, j, "bulk registration");
    }

    /** Inserts validated elders with their contacts in batches, refusing ID numbers already registered. */
    List<Long> insertValidated(List<ElderValidator.Valid> valid, Jurisdiction j, String what) {
        List<ElderStore.Row> rows = valid.stream().map(v -> seal(v, 0)).toList();
        List<String> taken = store.takenIdNumbers(rows.stream().map(ElderStore.Row::idNumberIdx).toList());
        if (!taken.isEmpty()) {
            throw new ConflictException("idNumber", taken.size() + " ID number(s) are already registered");
        }
        List<Long> ids;
        try {
            ids = store.insertAll(rows);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("idNumber", "duplicate ID numbers");
        }
        List<ElderStore.ContactRow> contacts = new ArrayList<>();
        for (int k = 0; k < ids.size(); k++) {
            for (ElderStore.ContactRow c : sealContacts(valid.get(k), j)) {
                contacts.add(new ElderStore.ContactRow(0, ids.get(k), c.kind(), c.name(), c.relation(), c.phoneEnc(), c.phoneMasked(),
                        c.userId(), c.position()));
            }
        }
        store.insertContactRows(contacts);
        audit.record(j, AuditAction.IMPORT, SUBJECT, null, null, null, what + ": " + ids.size() + " elder(s)");
        return ids;
    }

    /** Full replacement (PUT): every required field must be given. */
    @Transactional
    public ElderDetail replace(long id, ElderInput input, Jurisdiction j) {
        requireWrite(j);
        ElderStore.Row current = store.findForUpdate(id, j).orElseThrow(() -> new NotFoundException("elder", id));
        if (input.version() != null && input.version() != current.version()) {
            throw new ConflictException("version", "the record was changed meanwhile (version " + current.version() + ")");
        }
        ElderInput before = unseal(current);
        var valid = validate(input, j);
        ElderStore.Row row = seal(valid, id);
        if (store.idNumberTaken(row.idNumberIdx(), id)) {
            throw new ConflictException("idNumber", "an elder with this ID number is already registered");
        }
        if (!store.update(id, current.version(), row, j)) {
            throw new ConflictException("version", "the record was changed meanwhile");
        }
        store.replaceContacts(id, sealContacts(valid, j));
        audit.record(j, AuditAction.UPDATE, SUBJECT, id, String.join(",", changedFields(before, input)), null, null);
        return detail(id, j);
    }

    /** Merge patch (PATCH, RFC 7396): only the given fields change; null removes an optional value. */
    @Transactional
    public ElderDetail patch(long id, Map<String, Object> patch, Jurisdiction j) {
        requireWrite(j);
        ElderStore.Row current = store.findForUpdate(id, j).orElseThrow(() -> new NotFoundException("elder", id));
        Map<String, Object> merged = toMap(unseal(current));
        for (var e : patch.entrySet()) {
            if (!merged.containsKey(e.getKey())) {
                throw ValidationException.of(e.getKey(), "unknown", "no such field");
            }
            merged.put(e.getKey(), e.getValue());
        }
        ElderInput input;
        try {
            input = json.convertValue(merged, ElderInput.class);
        } catch (RuntimeException e) {
            throw ValidationException.of(firstField(patch), "malformed", "a value has the wrong type or format");
        }
        return replace(id, input, j);
    }

    @Transactional
    public ElderDetail changeStatus(long id, ElderStatus status, LocalDate on, Jurisdiction j) {
        requireWrite(j);
        ElderStore.Row current = store.findForUpdate(id, j).orElseThrow(() -> new NotFoundException("elder", id));
        if (status == null) {
            throw ValidationException.of("status", "required", "status is required");
        }
        if (!current.status().canChangeTo(status)) {
            throw new ConflictException("status", "cannot change status from " + current.status() + " to " + status);
        }
        LocalDate date = on == null ? today() : on;
        if (date.isAfter(today())) {
            throw ValidationException.of("date", "future", "date cannot be in the future");
        }
        store.changeStatus(id, status, date, j);
        audit.record(j, AuditAction.STATUS_CHANGE, SUBJECT, id, "status", null, current.status() + " -> " + status);
        if (status != ElderStatus.ACTIVE) {
            events.publishEvent(new ElderLeft(id, status, date));
        }
        return detail(id, j);
    }

    // ---------------------------------------------------------------- reads

    /** The record with sensitive values masked; the view is audited. */
    @Transactional
    public ElderDetail get(long id, Jurisdiction j) {
        ElderDetail d = detail(id, j);
        audit.record(j, AuditAction.VIEW, SUBJECT, id, "masked", null, null);
        return d;
    }

    /**
     * Whether the elder is within the caller's jurisdiction, with the non-sensitive facts other modules need
     * (not audited: no personal data beyond the name). Empty when missing or out of scope.
     */
    public Optional<ElderRef> find(long id, Jurisdiction j) {
        return store.find(id, j).map(r -> new ElderRef(r.id(), r.name(), r.birthDate(), r.regionPath(), r.communityId(), r.status(),
                r.careColour(), r.careFlags(), r.careAssessmentId(), r.careAssessedOn(), r.nextReassessmentDue()));
    }

    /**
     * The funding facts of an elder within the caller's jurisdiction (colour, economic category, insurance enrolment
     * without numbers, hardship self-care category), for quotes, care plans and settlement. The read is audited.
     */
    @Transactional
    public Optional<ElderFunding> funding(long id, Jurisdiction j) {
        Optional<ElderFunding> f = store.funding(id, j);
        f.ifPresent(x -> audit.record(j, AuditAction.VIEW, SUBJECT, id, "funding", null, null));
        return f;
    }

    /**
     * The elder's emergency profile in the clear (address, coordinates, phone, conditions, contacts with phones and
     * family app accounts) for the platform's own alarm handling: no jurisdiction or permission check (the caller is
     * the alarm rules acting for the alarm centre), but the disclosure is always audited with its purpose.
     */
    @Transactional
    public Optional<EmergencyProfile> emergencyProfile(long id, String purpose) {
        Optional<ElderStore.Row> found = store.find(id, Jurisdiction.system("/"));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ElderStore.Row r = found.get();
        ElderInput.Health health = r.healthEnc() == null ? null : json.readValue(cipher.open(r.healthEnc()), ElderInput.Health.class);
        List<EmergencyProfile.Contact> contacts = new ArrayList<>();
        for (ElderStore.ContactRow c : store.contacts(id)) {
            String appUser = c.userId() == null ? null : users.get(c.userId(), Jurisdiction.system("/")).username();
            contacts.add(new EmergencyProfile.Contact(c.kind(), c.name(), c.relation(), cipher.open(c.phoneEnc()), c.userId(), appUser));
        }
        audit.record(Jurisdiction.system("/"), AuditAction.REVEAL, SUBJECT, id, "address,phone,health,contacts", purpose, null);
        return Optional.of(new EmergencyProfile(r.id(), r.name(), r.sex().name(), r.birthDate().until(today()).getYears(), r.regionPath(),
                r.communityId(), cipher.open(r.addressEnc()), r.latitude(), r.longitude(), cipher.open(r.phoneEnc()),
                health == null ? null : health.conditions(), health == null ? null : health.medications(), r.careColour(), r.careFlags(),
                contacts));
    }

    /** The elder's home coordinates (shown on the masked record too), within the caller's jurisdiction. */
    public Optional<org.jujia.shared.GeoPoint> location(long id, Jurisdiction j) {
        return store.find(id, j).filter(r -> r.latitude() != null && r.longitude() != null)
                .map(r -> new org.jujia.shared.GeoPoint(r.latitude(), r.longitude()));
    }

    /** The ids of the elders a family user is linked to (empty for anyone else). */
    public List<Long> linkedElderIds(Jurisdiction j) {
        if (!j.familyOnly()) {
            return List.of();
        }
        return store.linkedElderIds(j.userId());
    }

    /** Sensitive values in the clear: needs the reveal permission and a purpose; always audited. */
    @Transactional
    public Map<String, Object> reveal(long id, Set<String> fields, String purpose, Jurisdiction j) {
        ElderStore.Row row = store.find(id, j).orElseThrow(() -> new NotFoundException("elder", id));
        if (!j.can("SENSITIVE_REVEAL")) {
            throw new AccessDeniedException("revealing sensitive data needs the SENSITIVE_REVEAL permission");
        }
        if (purpose == null || purpose.isBlank() || purpose.trim().length() < 2) {
            throw ValidationException.of("purpose", "required", "state the purpose of revealing these values");
        }
        Set<String> wanted = fields == null || fields.isEmpty() ? REVEALABLE : new LinkedHashSet<>(fields);
        for (String f : wanted) {
            if (!REVEALABLE.contains(f)) {
                throw ValidationException.of("fields", "unknown", "cannot reveal '" + f + "'; choose from " + REVEALABLE);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        ElderInput clear = unseal(row);
        if (wanted.contains("idNumber")) {
            out.put("idNumber", clear.idNumber());
        }
        if (wanted.contains("phone")) {
            out.put("phone", clear.phone());
        }
        if (wanted.contains("address")) {
            out.put("address", clear.address());
        }
        if (wanted.contains("health")) {
            out.put("health", clear.health() == null ? null : json.convertValue(clear.health(), Map.class));
        }
        if (wanted.contains("contacts")) {
            out.put("contacts", clear.contacts().stream().map(c -> json.convertValue(c, Map.class)).toList());
        }
        if (wanted.contains("insurance")) {
            Map<String, Object> insurance = new LinkedHashMap<>();
            insurance.put("ltcNumber", clear.ltcNumber());
            insurance.put("commercialInsurer", clear.commercialInsurer());
            insurance.put("commercialPolicyNumber", clear.commercialPolicyNumber());
            out.put("insurance", insurance);
        }
        audit.record(j, AuditAction.REVEAL, SUBJECT, id, String.join(",", wanted), purpose.trim(), null);
        return out;
    }

    /** A page of matching elders (masked); the search itself is audited. */
    @Transactional
    public PageResult<ElderSummary> search(ElderSearch s, Jurisdiction j) {
        int size = Math.max(1, Math.min(s.size() <= 0 ? 20 : s.size(), 200));
        int page = Math.max(0, s.page());
        ElderStore.Query q = query(s, j);
        List<ElderSummary> rows = store.search(q, orderBy(s.sort()), size, page * size, today());
        long total = rows.size() < size && page == 0 ? rows.size() : store.count(q);
        audit.record(j, AuditAction.SEARCH, SUBJECT, null, null, null, describe(s) + " → " + total);
        return new PageResult<>(rows, page, size, total);
    }

    /** Everything matching a search, for export: masked unless {@code reveal} (permission and purpose required). */
    @Transactional
    public List<ElderExportRow> export(ElderSearch s, boolean reveal, String purpose, Jurisdiction j) {
        if (reveal && !j.can("SENSITIVE_REVEAL")) {
            throw new AccessDeniedException("exporting unmasked data needs the SENSITIVE_REVEAL permission");
        }
        if (reveal && (purpose == null || purpose.isBlank())) {
            throw ValidationException.of("purpose", "required", "state the purpose of an unmasked export");
        }
        List<ElderStore.Row> rows = store.rows(query(s, j), 100_000);
        Map<Long, Region> communities = new java.util.HashMap<>();
        List<ElderExportRow> out = new ArrayList<>(rows.size());
        for (ElderStore.Row r : rows) {
            Region c = communities.computeIfAbsent(r.communityId(), cid -> regions.find(cid).orElseThrow());
            out.add(new ElderExportRow(r.id(), r.name(), r.sex(), r.birthDate(), r.birthDate().until(today()).getYears(),
                    reveal ? cipher.open(r.idNumberEnc()) : r.idNumberMasked(),
                    reveal ? cipher.open(r.phoneEnc()) : r.phoneMasked(),
                    reveal ? cipher.open(r.addressEnc()) : r.addressMasked(), c.code(), c.name(), r.livingSituation(),
                    r.economicCategory(), r.lostOnlyChild(), r.specialContribution(), r.status()));
        }
        audit.record(j, AuditAction.EXPORT, SUBJECT, null, reveal ? "unmasked" : "masked", reveal ? purpose.trim() : null,
                describe(s) + " → " + out.size() + " rows");
        return out;
    }

    public Map<String, Object> stats(Jurisdiction j) {
        return store.stats(j, today());
    }

    public List<Map<String, Object>> countByCommunity(Jurisdiction j) {
        return store.countByCommunity(j);
    }

    public List<Map<String, Object>> countByAgeBand(Jurisdiction j) {
        return store.countByAgeBand(j, today());
    }

    // ---------------------------------------------------------------- care level (written by the assessment module)

    /**
     * Records the care level of a signed assessment on the elder record: colour, risk flags, the assessment it came
     * from and the next reassessment date. Only the platform's assessment process calls this.
     */
    @Transactional
    public void recordCareLevel(long elderId, CareColour colour, Set<String> flags, long assessmentId, LocalDate assessedOn,
            LocalDate nextReassessmentDue, Jurisdiction actor) {
        store.find(elderId, actor).orElseThrow(() -> new NotFoundException("elder", elderId));
        store.recordCareLevel(elderId, colour, String.join(",", new java.util.TreeSet<>(flags)), assessmentId, assessedOn, nextReassessmentDue);
        audit.record(actor, AuditAction.UPDATE, SUBJECT, elderId, "careColour,careFlags,nextReassessmentDue", null,
                "assessment " + assessmentId + ": " + colour);
    }

    /** Moves the next reassessment date forward to {@code due} (an event such as a fall makes it due now). */
    @Transactional
    public void bringReassessmentForward(long elderId, LocalDate due, Jurisdiction actor) {
        store.find(elderId, actor).orElseThrow(() -> new NotFoundException("elder", elderId));
        store.bringReassessmentForward(elderId, due);
    }

    /** Active elders whose reassessment is due on or before {@code by}, in id order after {@code afterId} (keyset paging). */
    public List<ElderRef> dueForReassessment(LocalDate by, long afterId, int limit) {
        return store.dueForReassessment(by, afterId, limit);
    }

    /** Counts of active elders per community and colour (null colour = not yet assessed). */
    public List<Map<String, Object>> countByColour(Jurisdiction j) {
        return store.countByColour(j);
    }

    // ---------------------------------------------------------------- consent

    @Transactional
    public Consent recordConsent(long elderId, ConsentScope scope, LocalDate grantedOn, String signerType, String signerName, Jurisdiction j) {
        store.find(elderId, j).orElseThrow(() -> new NotFoundException("elder", elderId));
        if (!j.can("CONSENT_WRITE")) {
            throw new AccessDeniedException("recording consent needs the CONSENT_WRITE permission");
        }
        return consents.record(elderId, scope, grantedOn, signerType, signerName, j);
    }

    // ---------------------------------------------------------------- internals shared with the import

    ElderValidator.Valid validate(ElderInput input, Jurisdiction j) {
        var v = new Violations();
        var valid = ElderValidator.validate(input, j, regions::findByCode, today(), v);
        v.throwIfAny();
        return valid;
    }

    /** Validation with a caller-supplied region lookup (the import caches region codes). */
    ElderValidator.Valid validate(ElderInput input, Jurisdiction j, ElderValidator.RegionLookup lookup, Violations v) {
        return ElderValidator.validate(input, j, lookup, today(), v);
    }

    String idNumberIndex(ElderValidator.Valid v) {
        return cipher.blindIndex(v.idNumber().value());
    }

    ElderStore.Row seal(ElderValidator.Valid v, long id) {
        ElderInput in = v.input();
        Region place = v.complex() != null ? v.complex() : v.community();
        ResidentIdNumber idn = v.idNumber();
        PhoneNumber phone = v.phone();
        String address = blankToNull(in.address());
        String health = in.health() == null ? null : json.writeValueAsString(in.health());
        return new ElderStore.Row(id, in.name().trim(), idn.sex(), idn.birthDate(), cipher.seal(idn.value()), cipher.blindIndex(idn.value()),
                idn.masked(), phone == null ? null : cipher.seal(phone.value()), phone == null ? null : cipher.blindIndex(phone.value()),
                phone == null ? null : phone.masked(), address == null ? null : cipher.seal(address), maskAddress(address),
                blankToNull(in.hukou()), v.community().id(), v.complex() == null ? null : v.complex().id(), place.path(),
                in.latitude(), in.longitude(), in.livingSituation(), in.economicCategory(), Boolean.TRUE.equals(in.lostOnlyChild()),
                Boolean.TRUE.equals(in.specialContribution()), health == null ? null : cipher.seal(health), ElderStatus.ACTIVE,
                null, null, List.of(), null, null, null, null, null, 0, sealEnrolment(in));
    }

    /** The enrolment fields as stored: insurance and policy numbers sealed and masked. */
    private ElderStore.Enrolment sealEnrolment(ElderInput in) {
        boolean ltc = Boolean.TRUE.equals(in.ltcInsured());
        boolean commercial = Boolean.TRUE.equals(in.commercialInsured());
        String ltcNumber = ltc ? ElderValidator.normaliseNumber(in.ltcNumber()) : null;
        String policy = commercial ? ElderValidator.normaliseNumber(in.commercialPolicyNumber()) : null;
        return new ElderStore.Enrolment(ltc, ltcNumber == null ? null : cipher.seal(ltcNumber), maskNumber(ltcNumber), commercial,
                commercial ? blankToNull(in.commercialInsurer()) : null, policy == null ? null : cipher.seal(policy), maskNumber(policy),
                in.hardshipSelfCare());
    }

    /** Keeps the first 2 and last 4 characters of an insurance or policy number ({@code 32********5678}). */
    static String maskNumber(String number) {
        if (number == null) {
            return null;
        }
        if (number.length() <= 6) {
            return "*".repeat(number.length() - 2) + number.substring(number.length() - 2);
        }
        return number.substring(0, 2) + "*".repeat(number.length() - 6) + number.substring(number.length() - 4);
    }

    List<ElderStore.ContactRow> sealContacts(ElderValidator.Valid v, Jurisdiction j) {
        List<ElderStore.ContactRow> rows = new ArrayList<>();
        int pos = 0;
        for (ElderValidator.ValidContact c : v.contacts()) {
            Long userId = null;
            if (c.input().appUsername() != null && !c.input().appUsername().isBlank()) {
                UserAccount user = users.findByUsername(c.input().appUsername().trim())
                        .orElseThrow(() -> ValidationException.of("contacts.appUsername", "unknown", "no user " + c.input().appUsername()));
                userId = user.id();
            }
            rows.add(new ElderStore.ContactRow(0, 0, c.input().kind(), c.input().name().trim(), c.input().relation().trim(),
                    c.phone() == null ? null : cipher.seal(c.phone().value()), c.phone() == null ? null : c.phone().masked(),
                    userId, pos++));
        }
        return rows;
    }

    private ElderInput unseal(ElderStore.Row r) {
        ElderInput.Health health = r.healthEnc() == null ? null : json.readValue(cipher.open(r.healthEnc()), ElderInput.Health.class);
        Region community = regions.find(r.communityId()).orElseThrow();
        String complexCode = r.complexId() == null ? null : regions.find(r.complexId()).map(Region::code).orElse(null);
        List<ElderInput.Contact> contacts = new ArrayList<>();
        for (ElderStore.ContactRow c : store.contacts(r.id())) {
            String appUser = c.userId() == null ? null : users.get(c.userId(), Jurisdiction.system("/")).username();
            contacts.add(new ElderInput.Contact(c.kind(), c.name(), c.relation(), cipher.open(c.phoneEnc()), appUser));
        }
        ElderStore.Enrolment en = r.enrolment() == null ? ElderStore.Enrolment.NONE : r.enrolment();
        return new ElderInput(r.name(), cipher.open(r.idNumberEnc()), r.birthDate(), r.sex(), cipher.open(r.phoneEnc()),
                cipher.open(r.addressEnc()), r.hukou(), community.code(), complexCode, r.latitude(), r.longitude(),
                r.livingSituation(), r.economicCategory(), r.lostOnlyChild(), r.specialContribution(), health, contacts,
                en.ltcInsured(), cipher.open(en.ltcNumberEnc()), en.commercialInsured(), en.commercialInsurer(),
                cipher.open(en.commercialPolicyEnc()), en.hardshipSelfCare(), r.version());
    }

    private ElderDetail detail(long id, Jurisdiction j) {
        ElderStore.Row r = store.find(id, j).orElseThrow(() -> new NotFoundException("elder", id));
        Region community = regions.find(r.communityId()).orElseThrow();
        Region complex = r.complexId() == null ? null : regions.find(r.complexId()).orElse(null);
        Region street = community.parentId() == null ? null : regions.find(community.parentId()).orElse(null);
        List<ElderDetail.ContactView> contacts = store.contacts(id).stream()
                .map(c -> new ElderDetail.ContactView(c.id(), c.kind(), c.name(), c.relation(), c.phoneMasked(), c.userId() != null))
                .toList();
        int age = r.birthDate().until(today()).getYears();
        ElderStore.Enrolment en = r.enrolment() == null ? ElderStore.Enrolment.NONE : r.enrolment();
        return new ElderDetail(r.id(), r.name(), r.sex(), r.birthDate(), age, r.idNumberMasked(), r.phoneMasked(), r.addressMasked(),
                r.hukou(), community.id(), community.code(), community.name(), complex == null ? null : complex.id(),
                complex == null ? null : complex.name(), street == null ? null : street.name(), r.latitude(), r.longitude(),
                r.livingSituation(), r.economicCategory(), r.lostOnlyChild(), r.specialContribution(),
                age >= SpecialCategory.OLDEST_OLD_AGE, r.healthEnc() != null, r.status(), r.statusChangedOn(), contacts,
                consents.of(id), r.careColour(), r.careFlags(), r.careAssessmentId(), r.careAssessedOn(), r.nextReassessmentDue(),
                r.createdAt(), r.updatedAt(), r.version(), en.ltcInsured(), en.ltcNumberMasked(), en.commercialInsured(),
                en.commercialInsurer(), en.commercialPolicyMasked(), en.hardshipSelfCare());
    }

    private ElderStore.Query query(ElderSearch s, Jurisdiction j) {
        ElderStore.Query base = ElderStore.scoped(j);
        StringBuilder where = new StringBuilder(base.where());
        List<Object> params = new ArrayList<>(base.params());
        String q = s.q() == null ? null : s.q().trim();
        String idNumber = s.idNumber();
        String phone = s.phone();
        if (q != null && !q.isEmpty()) {
            if (ResidentIdNumber.isValid(q)) {
                idNumber = q;
            } else if (q.matches("\\+?[0-9 -]{11,16}") && PhoneNumber.isValid(q)) {
                phone = q;
            } else {
                where.append(" and e.name like ?");
                params.add(q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        if (idNumber != null && !idNumber.isBlank()) {
            try {
                where.append(" and e.id_number_idx = ?");
                params.add(cipher.blindIndex(ResidentIdNumber.parse(idNumber).value()));
            } catch (InvalidValueException e) {
                throw ValidationException.of("idNumber", e.code(), e.getMessage());
            }
        }
        if (phone != null && !phone.isBlank()) {
            try {
                where.append(" and (e.phone_idx = ?)");
                params.add(cipher.blindIndex(PhoneNumber.parse(phone).value()));
            } catch (InvalidValueException e) {
                throw ValidationException.of("phone", e.code(), e.getMessage());
            }
        }
        if (s.communityCode() != null && !s.communityCode().isBlank()) {
            Region c = regions.findByCode(s.communityCode().trim(), j)
                    .orElseThrow(() -> ValidationException.of("communityCode", "unknown", "no such region within your jurisdiction"));
            where.append(" and e.region_path like ?");
            params.add(c.path() + "%");
        }
        LocalDate today = today();
        if (s.ageMin() != null) {
            where.append(" and e.birth_date <= ?");
            params.add(java.sql.Date.valueOf(today.minusYears(s.ageMin())));
        }
        if (s.ageMax() != null) {
            where.append(" and e.birth_date > ?");
            params.add(java.sql.Date.valueOf(today.minusYears(s.ageMax() + 1L)));
        }
        if (s.ageMin() != null && s.ageMax() != null && s.ageMin() > s.ageMax()) {
            throw ValidationException.of("ageMax", "range", "ageMax must not be below ageMin");
        }
        if (s.livingSituation() != null) {
            where.append(" and e.living_situation = ?");
            params.add(s.livingSituation().name());
        }
        if (s.economicCategory() != null) {
            where.append(" and e.economic_category = ?");
            params.add(s.economicCategory().name());
        }
        if (s.special() != null) {
            switch (s.special()) {
                case OLDEST_OLD -> {
                    where.append(" and e.birth_date <= ?");
                    params.add(java.sql.Date.valueOf(today.minusYears(SpecialCategory.OLDEST_OLD_AGE)));
                }
                case LOST_ONLY_CHILD -> where.append(" and e.lost_only_child");
                case SPECIAL_CONTRIBUTION -> where.append(" and e.special_contribution");
            }
        }
        if (s.status() != null) {
            where.append(" and e.status = ?");
            params.add(s.status().name());
        }
        if (s.colour() != null) {
            where.append(" and e.care_colour = ?");
            params.add(s.colour().name());
        }
        if (s.reassessmentDueBy() != null) {
            where.append(" and e.status = 'ACTIVE' and e.next_reassessment_due <= ?");
            params.add(java.sql.Date.valueOf(s.reassessmentDueBy()));
        }
        return new ElderStore.Query(where.toString(), params);
    }

    private static String orderBy(String sort) {
        if (sort == null || sort.isBlank()) {
            return "e.id desc";
        }
        String[] parts = sort.split(",");
        String column = switch (parts[0].trim()) {
            case "name" -> "e.name";
            case "birthDate" -> "e.birth_date";
            case "age" -> "e.birth_date";
            case "createdAt" -> "e.created_at";
            case "reassessmentDue" -> "e.next_reassessment_due";
            case "id" -> "e.id";
            default -> throw ValidationException.of("sort", "unknown", "sort by name, birthDate, age, createdAt, reassessmentDue or id");
        };
        boolean desc = parts.length > 1 && parts[1].trim().equalsIgnoreCase("desc");
        if (parts[0].trim().equals("age")) {
            desc = !desc;
        }
        return column + (desc ? " desc" : " asc") + ", e.id";
    }

    private static String describe(ElderSearch s) {
        List<String> parts = new ArrayList<>();
        if (s.q() != null && !s.q().isBlank()) {
            parts.add("q=" + (s.q().trim().matches(".*\\d{6,}.*") ? "<number>" : s.q().trim()));
        }
        if (s.idNumber() != null && !s.idNumber().isBlank()) {
            parts.add("idNumber=<given>");
        }
        if (s.phone() != null && !s.phone().isBlank()) {
            parts.add("phone=<given>");
        }
        if (s.communityCode() != null) {
            parts.add("community=" + s.communityCode());
        }
        if (s.ageMin() != null || s.ageMax() != null) {
            parts.add("age=" + s.ageMin() + "-" + s.ageMax());
        }
        if (s.livingSituation() != null) {
            parts.add("living=" + s.livingSituation());
        }
        if (s.economicCategory() != null) {
            parts.add("economic=" + s.economicCategory());
        }
        if (s.special() != null) {
            parts.add("special=" + s.special());
        }
        if (s.status() != null) {
            parts.add("status=" + s.status());
        }
        if (s.colour() != null) {
            parts.add("colour=" + s.colour());
        }
        if (s.reassessmentDueBy() != null) {
            parts.add("dueBy=" + s.reassessmentDueBy());
        }
        return parts.isEmpty() ? "all" : String.join(" ", parts);
    }

    private Map<String, Object> toMap(ElderInput input) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = json.convertValue(input, LinkedHashMap.class);
        return map;
    }

    private static List<String> changedFields(ElderInput a, ElderInput b) {
        List<String> changed = new ArrayList<>();
        for (var c : ElderInput.class.getRecordComponents()) {
            if (c.getName().equals("version")) {
                continue;
            }
            try {
                Object x = c.getAccessor().invoke(a);
                Object y = c.getAccessor().invoke(b);
                if (c.getName().equals("birthDate") || c.getName().equals("sex")) {
                    if (y == null) {
                        continue;
                    }
                }
                if (!Objects.equals(x, y)) {
                    changed.add(c.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return changed;
    }

    private static String firstField(Map<String, Object> patch) {
        return patch.isEmpty() ? "body" : patch.keySet().iterator().next();
    }

    static String maskAddress(String address) {
        if (address == null) {
            return null;
        }
        int keep = Math.min(4, Math.max(1, address.length() / 4));
        return address.substring(0, keep) + "****";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static void requireWrite(Jurisdiction j) {
        if (!j.can("ELDER_WRITE") && !j.can("ELDER_IMPORT")) {
            throw new AccessDeniedException("changing elder records needs the ELDER_WRITE permission");
        }
    }
}
