package org.jujia.visit;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jujia.access.UserAccounts;
import org.jujia.catalogue.QualityCheck;
import org.jujia.catalogue.ServiceCatalogue;
import org.jujia.catalogue.ServiceItem;
import org.jujia.dispatch.OrderAssigned;
import org.jujia.elder.ContactKind;
import org.jujia.elder.ElderRef;
import org.jujia.elder.ElderRegistry;
import org.jujia.elder.EmergencyProfile;
import org.jujia.notification.Channel;
import org.jujia.notification.NotificationRequest;
import org.jujia.notification.Notifications;
import org.jujia.privacy.AuditAction;
import org.jujia.privacy.AuditLog;
import org.jujia.privacy.FieldCipher;
import org.jujia.region.OrganisationType;
import org.jujia.region.RegionDirectory;
import org.jujia.shared.ConflictException;
import org.jujia.shared.GeoPoint;
import org.jujia.shared.ImageData;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.NotFoundException;
import org.jujia.shared.ValidationException;
import org.jujia.shared.Violations;
import org.jujia.workforce.Workforce;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The visit module's facade: visits scheduled from dispatch's assignments, check-in and check-out with verification,
 * confirmation, disputes, ratings, the review queue and confirmed fraud.
 *
 * <p>Who sees what: a caregiver only their own visits; a family member only their linked elders' visits; a provider
 * operator the visits of their provider; street and civil-affairs staff every visit in their jurisdiction. A visit
 * outside the caller's view is "not found".
 */
@Service
public class Visits {

    private static final Logger log = LoggerFactory.getLogger(Visits.class);
    static final String SUBJECT = "VISIT";
    /** Largest check-in/out photo accepted (decoded). */
    static final int MAX_PHOTO_BYTES = 2 * 1024 * 1024;
    static final int MAX_SIGNATURE_BYTES = 300_000;
    static final int MAX_CODE_ATTEMPTS = 5;
    static final int FLAG_COUNT_DAYS = 90;

    private final VisitStore store;
    private final Verifier verifier;
    private final FaceComparison faces;
    private final VisitProperties props;
    private final ElderRegistry elders;
    private final ServiceCatalogue catalogue;
    private final Workforce workforce;
    private final UserAccounts users;
    private final RegionDirectory regions;
    private final Notifications notifications;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Visits(VisitStore store, Verifier verifier, FaceComparison faces, VisitProperties props, ElderRegistry elders, ServiceCatalogue catalogue,
            Workforce workforce, UserAccounts users, RegionDirectory regions, Notifications notifications, FieldCipher cipher, AuditLog audit,
            ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.verifier = verifier;
        this.faces = faces;
        this.props = props;
        this.elders = elders;
        this.catalogue = catalogue;
        this.workforce = workforce;
        this.users = users;
        this.regions = regions;
        this.notifications = notifications;
        this.cipher = cipher;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ inputs

    /** A check-in or check-out as the phone sends it; {@code photo} is a base64 JPEG, {@code record} only at check-out. */
    public record CheckInput(Double latitude, Double longitude, Double accuracyMeters, Instant capturedAt, String photo, RecordInput record) {
    }

    /** What the caregiver recorded: measurements by check name, notes, tasks done. */
    public record RecordInput(Map<String, BigDecimal> measurements, String notes, List<String> tasks) {
    }

    public record ConfirmationInput(String outcome, ConfirmationMethod method, String code, String signaturePng, String reason) {
    }

    public record RatingInput(Integer stars, String comment) {
    }

    public record ReviewInput(String decision, String note) {
    }

    /** A list query: {@code caregiver} = "me" or a user id; {@code date} one day, or {@code from}..{@code to} (inclusive). */
    public record Query(String caregiver, Long elderId, LocalDate date, LocalDate from, LocalDate to, VisitStatus status) {
    }

    /** Where a confirmation code went. */
    public record CodeSent(long visitId, String sentTo, Instant expiresAt) {
    }

    /** The elder as the phone needs them: name and home position for navigation. */
    public record ElderInfo(long id, String name, Double latitude, Double longitude) {
    }

    /**
     * A visit as the API shows it: the visit's fields, whether it is billable, the actual minutes, the elder's name and
     * home position, the item's measurable checks (for the service record form), for the family the visit PIN, and the
     * rating, dispute and penalty when there are.
     */
    public record VisitView(@com.fasterxml.jackson.annotation.JsonUnwrapped Visit visit, boolean billable, Integer actualMinutes,
            ElderInfo elder, List<QualityCheck> checks, String confirmationPin, VisitStore.Rating rating, VisitStore.Dispute dispute,
            VisitStore.Penalty penalty) {
    }

    // ------------------------------------------------------------------ from dispatch

    /**
     * Schedules the visit of an assigned order, or moves it to the new caregiver. Idempotent: an assignment older than
     * the latest order event applied to the visit is ignored; a started visit is never moved.
     */
    public long schedule(OrderAssigned e) {
        return tx.execute(s -> {
            Optional<Visit> existing = store.lockByOrder(e.orderId());
            if (existing.isEmpty()) {
                Jurisdiction system = Jurisdiction.system("/");
                String elderName = elders.find(e.elderId(), system).map(ElderRef::name).orElse("#" + e.elderId());
                LocalDate day = e.windowStart().atZone(Visit.ZONE).toLocalDate();
                ServiceItem item = catalogue.find(e.itemCode(), day).orElseGet(() -> catalogue.find(e.itemCode(), LocalDate.now(clock)).orElse(null));
                Visit v = new Visit(0, e.orderId(), e.elderId(), elderName, e.elderRegionPath(), e.itemCode(),
                        item == null ? e.itemCode() : item.nameZh(), item == null ? 0 : item.standardMinutes(), e.providerId(), e.caregiverUserId(),
                        e.windowStart(), e.windowEnd(), e.durationMinutes(), e.quantity(), e.amountFen(), VisitStatus.SCHEDULED, null, null,
                        newPin(), micros(e.assignedAt()), null, null, null, null, false, null, null, null, 0);
                return store.insertIfAbsent(v);
            }
            Visit v = existing.get();
            if (!micros(e.assignedAt()).isAfter(v.orderEventAt())) {
                return v.id();
            }
            if (v.status() != VisitStatus.SCHEDULED && v.status() != VisitStatus.CANCELLED) {
                log.info("visit {} of order {} has started ({}): assignment to caregiver {} ignored", v.id(), e.orderId(), v.status(),
                        e.caregiverUserId());
                return v.id();
            }
            store.updateAssignment(v.reassign(e.caregiverUserId(), e.providerId(), e.windowStart(), e.windowEnd(), e.durationMinutes(),
                    e.amountFen(), micros(e.assignedAt())));
            return v.id();
        });
    }

    /**
     * The order was cancelled ({@code caregiverUserId} null) or lost its caregiver: a visit that has not started is
     * withdrawn, a started one keeps going with the cancellation noted. Events older than the visit's latest order event
     * are ignored.
     */
    public void withdraw(long orderId, Long caregiverUserId, String note, Instant at) {
        tx.executeWithoutResult(s -> store.lockByOrder(orderId).ifPresent(v -> {
            if (!micros(at).isAfter(v.orderEventAt()) || v.status() == VisitStatus.CANCELLED) {
                return;
            }
            if (caregiverUserId != null && caregiverUserId != v.caregiverUserId()) {
                return;
            }
            store.updateAssignment(v.orderWithdrawn(note == null ? "order withdrawn" : truncate(note, 500), micros(at)));
        }));
    }

    // ------------------------------------------------------------------ reads

    public VisitView get(long id, Jurisdiction j) {
        return view(find(id, j), j);
    }

    public List<VisitView> list(Query q, Jurisdiction j) {
        VisitStore.Scope scope = scope(j);
        Long caregiver = null;
        if (q.caregiver() != null && !q.caregiver().isBlank()) {
            if ("me".equalsIgnoreCase(q.caregiver())) {
                caregiver = j.userId();
            } else {
                try {
                    caregiver = Long.parseLong(q.caregiver());
                } catch (NumberFormatException e) {
                    throw ValidationException.of("caregiver", "format", "caregiver is \"me\" or a user id");
                }
            }
        }
        Instant from = null;
        Instant to = null;
        if (q.date() != null) {
            from = q.date().atStartOfDay(Visit.ZONE).toInstant();
            to = q.date().plusDays(1).atStartOfDay(Visit.ZONE).toInstant();
        } else {
            if (q.from() != null) {
                from = q.from().atStartOfDay(Visit.ZONE).toInstant();
            }
            if (q.to() != null) {
                if (q.from() != null && q.to().isBefore(q.from())) {
                    throw ValidationException.of("to", "range", "to must not be before from");
                }
                to = q.to().plusDays(1).atStartOfDay(Visit.ZONE).toInstant();
            }
        }
        List<Visit> found = store.list(new VisitStore.Filter(caregiver, q.elderId(), null, from, to, q.status(), null, 500), scope);
        // a caregiver's day and a family's history are short and shown on a phone: with the elder's position, checks and rating
        boolean detail = scope.caregiverUserId() != null || scope.elderIds() != null;
        return found.stream().map(v -> view(v, j, detail)).toList();
    }

    /** The visits of a day (planned start, Asia/Shanghai) within the caller's view, by status (for the dashboard). */
    public Map<VisitStatus, Long> countByStatus(LocalDate day, Jurisdiction j) {
        return store.countByStatus(day.atStartOfDay(Visit.ZONE).toInstant(), day.plusDays(1).atStartOfDay(Visit.ZONE).toInstant(), scope(j));
    }

    /** Flagged and disputed visits waiting for review, oldest first. */
    public List<VisitView> reviewQueue(Jurisdiction j) {
        requireReview(j);
        return store.list(new VisitStore.Filter(null, null, null, null, null, null, EnumSet.of(VisitStatus.FLAGGED, VisitStatus.DISPUTED), 500),
                scope(j)).stream().map(v -> view(v, j, false)).toList();
    }

    /** Flagged visits in the last 90 days per caregiver (by = "caregiver") or per provider (by = "provider"). */
    public List<VisitStore.FlagCount> flagCounts(String by, Jurisdiction j) {
        if (!j.can("VISIT_REVIEW") && !j.can("VISIT_READ")) {
            throw new AccessDeniedException("VISIT_READ required");
        }
        return store.flagCounts(by, clock.instant().minus(FLAG_COUNT_DAYS, ChronoUnit.DAYS), scope(j));
    }

    /** A check-in ({@code stage} CHECK_IN) or check-out photo (JPEG) for a reviewer; every view is audited. */
    public Optional<byte[]> photo(long id, String stage, Jurisdiction j) {
        requireReview(j);
        Visit v = find(id, j);
        if (!Finding.CHECK_IN.equals(stage) && !Finding.CHECK_OUT.equals(stage)) {
            throw ValidationException.of("stage", "unknown", "stage is CHECK_IN or CHECK_OUT");
        }
        Optional<byte[]> photo = store.photo(v.id(), stage).map(e -> Base64.getDecoder().decode(cipher.open(e)));
        photo.ifPresent(p -> audit.record(j, AuditAction.REVEAL, SUBJECT, v.id(), stage.toLowerCase() + "_photo", "visit review", null));
        return photo;
    }

    /** The enrolled face of the visit's caregiver, for a reviewer comparing photos (audited by workforce). */
    public Optional<byte[]> enrolledFace(long id, Jurisdiction j) {
        requireReview(j);
        Visit v = find(id, j);
        return workforce.viewEnrolledFace(v.caregiverUserId(), "visit review " + v.id(), j);
    }

    // ------------------------------------------------------------------ check-in / check-out

    public VisitView checkIn(long id, CheckInput in, Jurisdiction j) {
        return checkIn(id, in, clock.instant(), j);
    }

    /**
     * Records a check-in received at {@code receivedAt} (the API passes now; a replay of readings received earlier, such
     * as the demo history, passes when they were received).
     */
    public VisitView checkIn(long id, CheckInput in, Instant receivedAt, Jurisdiction j) {
        Visit before = performable(id, j);
        Reading r = reading(in, receivedAt);
        byte[] photo = photo(in.photo());
        if (before.status() != VisitStatus.SCHEDULED) {
            throw new ConflictException("status", "visit " + id + " is " + before.status() + ": check-in needs a SCHEDULED visit");
        }
        VerificationContext.FaceResult face = compareFace(before.caregiverUserId(), photo);
        GeoPoint home = home(before.elderId());
        String photoEnc = photo.length == 0 ? null : cipher.seal(Base64.getEncoder().encodeToString(photo));
        Visit after = tx.execute(s -> {
            Visit v = store.lock(id).orElseThrow(() -> new NotFoundException("visit", id));
            var ctx = new VerificationContext(Finding.CHECK_IN, v.elderId(), Verifier.referenceMinutes(v), r, null, home, face, null, null, null,
                    null);
            List<Finding> found = verifier.run(ctx);
            Visit next = v.checkedIn(evv(v, r, home, face), found);
            store.updateCheckIn(next, photoEnc);
            events.publishEvent(new VisitCheckedIn(next.id(), next.orderId(), next.elderId(), next.regionPath(), next.providerId(),
                    next.caregiverUserId(), next.itemCode(), r.capturedAt(), next.checkIn().delayedSync(), next.flags()));
            return next;
        });
        return view(after, j, true, home);
    }

    public VisitView checkOut(long id, CheckInput in, Jurisdiction j) {
        return checkOut(id, in, clock.instant(), j);
    }

    /** Records a check-out received at {@code receivedAt} and verifies the visit (see {@link #checkIn(long, CheckInput, Instant, Jurisdiction)}). */
    public VisitView checkOut(long id, CheckInput in, Instant receivedAt, Jurisdiction j) {
        Visit before = performable(id, j);
        Reading r = reading(in, receivedAt);
        byte[] photo = photo(in.photo());
        if (before.status() != VisitStatus.SCHEDULED && before.status() != VisitStatus.IN_PROGRESS) {
            throw new ConflictException("status", "visit " + id + " is " + before.status() + ": it was already checked out or withdrawn");
        }
        if (before.checkIn() != null && r.capturedAt().isBefore(before.checkIn().capturedAt())) {
            throw ValidationException.of("capturedAt", "order", "the check-out cannot be captured before the check-in ("
                    + before.checkIn().capturedAt() + ")");
        }
        VerificationContext.FaceResult face = compareFace(before.caregiverUserId(), photo);
        GeoPoint home = home(before.elderId());
        String photoEnc = photo.length == 0 ? null : cipher.seal(Base64.getEncoder().encodeToString(photo));
        Visit.ServiceRecord rec = record(before, in.record());
        Visit after = tx.execute(s -> {
            Visit v = store.lock(id).orElseThrow(() -> new NotFoundException("visit", id));
            Reading checkIn = v.checkIn() == null ? null
                    : new Reading(new GeoPoint(v.checkIn().latitude(), v.checkIn().longitude()), v.checkIn().accuracyMeters(),
                            v.checkIn().capturedAt(), v.checkIn().receivedAt());
            VerificationContext.FaceResult faceIn = v.checkIn() == null ? null : storedFace(v);
            List<Finding> found = verifier.run(verifier.checkOutContext(v, checkIn, r, home, faceIn, face));
            Visit next = v.checkedOut(evv(v, r, home, face), rec, found);
            store.updateCheckOut(next, photoEnc);
            Integer minutes = next.actualMinutes();
            events.publishEvent(new VisitCompleted(next.id(), next.orderId(), next.elderId(), next.regionPath(), next.providerId(),
                    next.caregiverUserId(), next.itemCode(), checkIn == null ? null : checkIn.capturedAt(), r.capturedAt(),
                    minutes == null ? 0 : minutes, next.amountFen()));
            if (next.status() == VisitStatus.VERIFIED) {
                events.publishEvent(new VisitVerified(next.id(), next.orderId(), next.elderId(), next.regionPath(), next.providerId(),
                        next.caregiverUserId(), next.itemCode(), next.quantity(), next.amountFen(), r.capturedAt(), false, null, r.receivedAt()));
            } else {
                events.publishEvent(new VisitFlagged(next.id(), next.orderId(), next.elderId(), next.regionPath(), next.providerId(),
                        next.caregiverUserId(), next.itemCode(), next.flags(), r.receivedAt()));
            }
            return next;
        });
        return view(after, j, true, home);
    }

    // ------------------------------------------------------------------ confirmation, rating

    /** Sends a confirmation code by SMS to the family's phone (the caregiver asks for it at the door). */
    public CodeSent sendConfirmationCode(long id, Jurisdiction j) {
        Visit v = performable(id, j);
        if (!v.status().completed()) {
            throw new ConflictException("status", "visit " + id + " is " + v.status() + ": check out first");
        }
        EmergencyProfile profile = elders.emergencyProfile(v.elderId(), "visit confirmation code, visit " + id)
                .orElseThrow(() -> new NotFoundException("elder", v.elderId()));
        String phone = profile.contacts().stream().filter(c -> c.kind() == ContactKind.FAMILY && c.phone() != null).map(EmergencyProfile.Contact::phone)
                .findFirst().or(() -> profile.contacts().stream().map(EmergencyProfile.Contact::phone).filter(p -> p != null).findFirst())
                .orElseThrow(() -> ValidationException.of("phone", "missing", "the elder has no family phone to send a code to"));
        String code = String.format("%06d", random.nextInt(1_000_000));
        Instant expires = clock.instant().plus(props.smsCodeTtl());
        tx.executeWithoutResult(s -> {
            store.storeCode(id, codeHash(id, code), expires);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("regionPath", v.regionPath());
            data.put("elderId", v.elderId());
            notifications.enqueue(new NotificationRequest(Channel.SMS, phone, "上门服务确认",
                    "您家老人" + v.elderName() + "的" + v.itemName() + "服务已完成，确认码 " + code + "，请告知服务人员。如有异议请勿提供。", data,
                    "visit:" + id, false));
        });
        return new CodeSent(id, mask(phone), expires);
    }

    /** Confirms or disputes a completed visit: the family in the app (APP), or the caregiver at the door with PIN, SMS code or signature. */
    public VisitView confirm(long id, ConfirmationInput in, Jurisdiction j) {
        if (in == null || in.outcome() == null || !(in.outcome().equals("CONFIRMED") || in.outcome().equals("DISPUTED"))) {
            throw ValidationException.of("outcome", "required", "outcome is CONFIRMED or DISPUTED");
        }
        if (in.method() == null) {
            throw ValidationException.of("method", "required", "method is APP, PIN, SMS or SIGNATURE");
        }
        boolean dispute = in.outcome().equals("DISPUTED");
        if (dispute && (in.reason() == null || in.reason().isBlank())) {
            throw ValidationException.of("reason", "required", "a dispute needs a reason");
        }
        Visit v;
        if (in.method() == ConfirmationMethod.APP) {
            if (!j.can("VISIT_CONFIRM")) {
                throw new AccessDeniedException("VISIT_CONFIRM required");
            }
            v = find(id, j);
        } else {
            v = performable(id, j);
        }
        String signatureEnc = null;
        switch (in.method()) {
            case PIN -> {
                // the PIN has 4 digits: a few wrong tries lock it (confirm by SMS code, signature or in the family's app instead)
                if (store.pinAttempts(v.id()) >= MAX_CODE_ATTEMPTS) {
                    throw ValidationException.of("code", "attempts", "too many wrong codes: confirm by SMS code, signature or in the family's app");
                }
                if (in.code() == null || !in.code().strip().equals(v.pin())) {
                    tx.executeWithoutResult(s -> store.countPinAttempt(v.id()));
                    throw ValidationException.of("code", "mismatch", "the PIN does not match the visit's PIN");
                }
            }
            case SMS -> checkCode(v, in.code());
            case SIGNATURE -> {
                byte[] png = ImageData.decodeBase64("signaturePng", in.signaturePng());
                if (png.length == 0) {
                    throw ValidationException.of("signaturePng", "required", "draw the signature");
                }
                if (png.length > MAX_SIGNATURE_BYTES || !ImageData.isPng(png)) {
                    throw ValidationException.of("signaturePng", "format", "the signature must be a PNG of at most " + MAX_SIGNATURE_BYTES + " bytes");
                }
                signatureEnc = cipher.seal(Base64.getEncoder().encodeToString(png));
            }
            case APP -> {
            }
        }
        Instant now = clock.instant();
        String sig = signatureEnc;
        Visit after = tx.execute(s -> {
            Visit cur = store.lock(id).orElseThrow(() -> new NotFoundException("visit", id));
            Visit.Confirmation c = new Visit.Confirmation(in.method(), now, j.username(), sig != null);
            if (dispute) {
                Visit next = cur.disputed();
                store.updateStatus(next);
                long disputeId = store.insertDispute(next, truncate(in.reason().strip(), 1000), now, j.username());
                events.publishEvent(new VisitDisputed(next.id(), next.orderId(), next.elderId(), next.regionPath(), next.providerId(),
                        next.caregiverUserId(), disputeId, in.reason().strip(), now));
                return next;
            }
            Visit next = cur.confirmed(c);
            store.updateConfirmation(next, sig);
            events.publishEvent(new VisitConfirmed(next.id(), next.orderId(), next.elderId(), next.regionPath(), next.providerId(),
                    next.caregiverUserId(), in.method(), now));
            return next;
        });
        return view(after, j);
    }

    /** The family rates a completed visit once (1–5 stars, optional comment). */
    public VisitView rate(long id, RatingInput in, Jurisdiction j) {
        if (!j.can("VISIT_CONFIRM")) {
            throw new AccessDeniedException("VISIT_CONFIRM required");
        }
        Visit v = find(id, j);
        if (in == null || in.stars() == null || in.stars() < 1 || in.stars() > 5) {
            throw ValidationException.of("stars", "range", "stars is 1 to 5");
        }
        if (in.comment() != null && in.comment().length() > 1000) {
            throw ValidationException.of("comment", "length", "at most 1000 characters");
        }
        if (!v.status().completed()) {
            throw new ConflictException("status", "visit " + id + " is " + v.status() + ": only completed visits are rated");
        }
        if (!store.insertRating(id, in.stars(), in.comment() == null || in.comment().isBlank() ? null : in.comment().strip(), clock.instant(),
                j.username())) {
            throw new ConflictException("stars", "visit " + id + " was already rated");
        }
        return get(id, j);
    }

    // ------------------------------------------------------------------ review

    /**
     * A reviewer's decision on a flagged or disputed visit: CLEAR makes it billable with the note; FRAUD confirms fraud,
     * records the 3× penalty and proposes the caregiver for the blacklist.
     */
    public VisitView review(long id, ReviewInput in, Jurisdiction j) {
        requireReview(j);
        Violations violations = new Violations();
        if (in == null || in.decision() == null || !(in.decision().equals("CLEAR") || in.decision().equals("FRAUD"))) {
            violations.add("decision", "required", "decision is CLEAR or FRAUD");
        }
        if (in == null || in.note() == null || in.note().isBlank()) {
            violations.add("note", "required", "a review needs a note");
        } else if (in.note().length() > 1000) {
            violations.add("note", "length", "at most 1000 characters");
        }
        violations.throwIfAny();
        find(id, j);
        Instant now = clock.instant();
        String note = in.note().strip();
        Visit after = tx.execute(s -> {
            Visit cur = store.lock(id).orElseThrow(() -> new NotFoundException("visit", id));
            Visit next = cur.reviewed(new Visit.Review(in.decision(), note, j.username(), now));
            store.updateReview(next);
            store.resolveDispute(id, in.decision() + ": " + note, now);
            audit.record(j, AuditAction.STATUS_CHANGE, SUBJECT, id, "status", null, cur.status() + " -> " + next.status() + " (" + in.decision() + ")");
            if (next.status() == VisitStatus.FRAUD_CONFIRMED) {
                long penalty = FraudPenalty.of(next.amountFen());
                store.insertPenalty(next, penalty, note, now, j.username());
                workforce.proposeBlacklist(next.caregiverUserId(), "confirmed visit fraud: " + note, "visit:" + id, j);
                events.publishEvent(new VisitFraudConfirmed(next.id(), next.orderId(), next.elderId(), next.regionPath(), next.providerId(),
                        next.caregiverUserId(), next.itemCode(), next.amountFen(), penalty, note, j.username(), now));
            } else {
                events.publishEvent(new VisitVerified(next.id(), next.orderId(), next.elderId(), next.regionPath(), next.providerId(),
                        next.caregiverUserId(), next.itemCode(), next.quantity(), next.amountFen(),
                        next.checkOut() == null ? next.windowStart() : next.checkOut().capturedAt(), true, note, now));
            }
            return next;
        });
        return view(after, j);
    }

    // ------------------------------------------------------------------ helpers

    private Visit find(long id, Jurisdiction j) {
        return store.find(id, scope(j)).orElseThrow(() -> new NotFoundException("visit", id));
    }

    /** The caregiver's own visit (VISIT_PERFORM): anyone else's is not found. */
    private Visit performable(long id, Jurisdiction j) {
        if (!j.can("VISIT_PERFORM")) {
            throw new AccessDeniedException("VISIT_PERFORM required");
        }
        Visit v = store.find(id, new VisitStore.Scope("/%", j.userId(), null, null)).orElseThrow(() -> new NotFoundException("visit", id));
        return v;
    }

    /** What the caller may see (see the class comment). */
    VisitStore.Scope scope(Jurisdiction j) {
        if (j.userId() == 0) {
            return new VisitStore.Scope(j.likePattern(), null, null, null);
        }
        if (j.familyOnly()) {
            return new VisitStore.Scope("/%", null, elders.linkedElderIds(j), null);
        }
        if (!j.can("VISIT_READ") && !j.can("VISIT_REVIEW")) {
            if (j.can("VISIT_PERFORM")) {
                return new VisitStore.Scope("/%", j.userId(), null, null);
            }
            throw new AccessDeniedException("VISIT_READ required");
        }
        Long provider = users.get(j.userId(), Jurisdiction.system("/")).organisationId();
        if (provider != null && regions.findOrganisation(provider).filter(o -> o.type() == OrganisationType.SERVICE_PROVIDER).isPresent()) {
            return new VisitStore.Scope("/%", null, null, provider);
        }
        return new VisitStore.Scope(j.likePattern(), null, null, null);
    }

    private static void requireReview(Jurisdiction j) {
        if (!j.can("VISIT_REVIEW")) {
            throw new AccessDeniedException("VISIT_REVIEW required");
        }
    }

    private VisitView view(Visit v, Jurisdiction j) {
        return view(v, j, true, home(v.elderId()));
    }

    private VisitView view(Visit v, Jurisdiction j, boolean detail) {
        return view(v, j, detail, detail ? home(v.elderId()) : null);
    }

    /**
     * The API's view of a visit; {@code detail} adds the elder's home position, the item's checks and the rating,
     * dispute and penalty (each looked up only when the visit's state can have one).
     */
    private VisitView view(Visit v, Jurisdiction j, boolean detail, GeoPoint home) {
        ElderInfo elder = new ElderInfo(v.elderId(), v.elderName(), home == null ? null : home.latitude(), home == null ? null : home.longitude());
        List<QualityCheck> checks = detail ? catalogue.find(v.itemCode(), v.date()).map(ServiceItem::checks).orElse(List.of()) : List.of();
        String pin = j.familyOnly() && j.can("VISIT_CONFIRM") && v.confirmation() == null
                && (v.status() == VisitStatus.SCHEDULED || v.status() == VisitStatus.IN_PROGRESS || v.status().completed()) ? v.pin() : null;
        boolean completed = v.status().completed();
        VisitStore.Rating rating = detail && completed ? store.rating(v.id()).orElse(null) : null;
        VisitStore.Dispute dispute = detail && (v.status() == VisitStatus.DISPUTED || v.review() != null) ? store.dispute(v.id()).orElse(null) : null;
        VisitStore.Penalty penalty = detail && v.status() == VisitStatus.FRAUD_CONFIRMED ? store.penalty(v.id()).orElse(null) : null;
        return new VisitView(v, v.billable(), v.actualMinutes(), elder, checks, pin, rating, dispute, penalty);
    }

    private GeoPoint home(long elderId) {
        return elders.location(elderId, Jurisdiction.system("/")).orElse(null);
    }

    private Reading reading(CheckInput in, Instant receivedAt) {
        if (in == null) {
            throw ValidationException.of("latitude", "required", "a position is required");
        }
        Violations v = new Violations();
        if (in.latitude() == null || !(in.latitude() >= -90 && in.latitude() <= 90)) {
            v.add("latitude", in.latitude() == null ? "required" : "range", "latitude between -90 and 90 is required");
        }
        if (in.longitude() == null || !(in.longitude() >= -180 && in.longitude() <= 180)) {
            v.add("longitude", in.longitude() == null ? "required" : "range", "longitude between -180 and 180 is required");
        }
        if (in.accuracyMeters() == null || !(in.accuracyMeters() >= 0) || in.accuracyMeters().isInfinite()) {
            v.add("accuracyMeters", in.accuracyMeters() == null ? "required" : "range", "the position's accuracy in metres (≥ 0) is required");
        }
        if (in.capturedAt() == null) {
            v.add("capturedAt", "required", "the device's capture time is required");
        } else if (in.capturedAt().isAfter(receivedAt.plus(props.maxClockSkew()))) {
            v.add("capturedAt", "future", "capturedAt lies in the future (more than " + props.maxClockSkew().toSeconds() + " s ahead)");
        } else if (in.capturedAt().isBefore(receivedAt.minus(props.maxCaptureAge()))) {
            v.add("capturedAt", "too_old", "capturedAt is older than " + props.maxCaptureAge().toHours() + " h");
        }
        v.throwIfAny();
        return new Reading(new GeoPoint(in.latitude(), in.longitude()), in.accuracyMeters(), in.capturedAt().truncatedTo(ChronoUnit.MICROS),
                receivedAt.truncatedTo(ChronoUnit.MICROS));
    }

    private byte[] photo(String base64) {
        byte[] photo = ImageData.decodeBase64("photo", base64);
        if (photo.length > MAX_PHOTO_BYTES) {
            throw ValidationException.of("photo", "size", "the photo is " + photo.length + " bytes; at most " + MAX_PHOTO_BYTES);
        }
        if (photo.length > 0 && !ImageData.isJpeg(photo)) {
            throw ValidationException.of("photo", "format", "the photo must be a JPEG");
        }
        return photo;
    }

    private VerificationContext.FaceResult compareFace(long caregiver, byte[] photo) {
        Optional<byte[]> enrolled = workforce.enrolledFace(caregiver);
        if (enrolled.isEmpty()) {
            return VerificationContext.FaceResult.missing(VisitFlag.NO_ENROLLED_FACE);
        }
        try {
            int score = faces.compare(enrolled.get(), photo);
            return VerificationContext.FaceResult.scored(Math.max(0, Math.min(100, score)));
        } catch (FaceComparison.FaceUnavailableException e) {
            log.warn("face comparison failed for caregiver {}: {}", caregiver, e.getMessage());
            return VerificationContext.FaceResult.missing(VisitFlag.FACE_UNAVAILABLE);
        }
    }

    /** The check-in face result as stored: the score, or the reason recorded among the check-in findings. */
    private static VerificationContext.FaceResult storedFace(Visit v) {
        if (v.checkIn().faceScore() != null) {
            return VerificationContext.FaceResult.scored(v.checkIn().faceScore());
        }
        VisitFlag why = v.findings().stream().map(Finding::flag)
                .filter(f -> f == VisitFlag.NO_ENROLLED_FACE || f == VisitFlag.FACE_UNAVAILABLE).findFirst().orElse(VisitFlag.FACE_UNAVAILABLE);
        return VerificationContext.FaceResult.missing(why);
    }

    private Visit.Evv evv(Visit v, Reading r, GeoPoint home, VerificationContext.FaceResult face) {
        Double distance = home == null ? null : Math.round(home.distanceMetres(r.position()) * 10) / 10.0;
        boolean delayed = Duration.between(r.capturedAt(), r.receivedAt()).compareTo(props.delayedSyncAfter()) > 0;
        return new Visit.Evv(v.itemCode(), v.elderId(), v.caregiverUserId(), r.capturedAt().atZone(Visit.ZONE).toLocalDate(),
                r.position().latitude(), r.position().longitude(), r.accuracyMeters(), r.capturedAt(), r.receivedAt(), delayed, distance,
                face.score(), false);
    }

    /** The service record with measurements checked against the item's quality checks (kept, and marked, when out of bounds). */
    private Visit.ServiceRecord record(Visit v, RecordInput in) {
        List<QualityCheck> checks = catalogue.find(v.itemCode(), v.date()).map(ServiceItem::checks).orElse(List.of());
        Map<String, BigDecimal> m = in == null || in.measurements() == null ? Map.of() : in.measurements();
        List<String> out = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (QualityCheck c : checks) {
            BigDecimal value = m.get(c.name());
            if (value == null) {
                missing.add(c.name());
            } else if (!c.passes(value)) {
                out.add(c.name());
            }
        }
        if (in != null && in.notes() != null && in.notes().length() > 2000) {
            throw ValidationException.of("record.notes", "length", "at most 2000 characters");
        }
        if (in == null) {
            return checks.isEmpty() ? null : new Visit.ServiceRecord(Map.of(), null, List.of(), List.of(), missing);
        }
        return new Visit.ServiceRecord(m, in.notes(), in.tasks(), out, missing);
    }

    private void checkCode(Visit v, String code) {
        VisitStore.Code stored = store.code(v.id()).orElseThrow(() -> ValidationException.of("code", "none",
                "no confirmation code was sent for this visit"));
        if (stored.attempts() >= MAX_CODE_ATTEMPTS) {
            throw ValidationException.of("code", "attempts", "too many wrong codes: send a new one");
        }
        if (clock.instant().isAfter(stored.expiresAt())) {
            throw ValidationException.of("code", "expired", "the code has expired: send a new one");
        }
        if (code == null || !codeHash(v.id(), code.strip()).equals(stored.hash())) {
            tx.executeWithoutResult(s -> store.countCodeAttempt(v.id()));
            throw ValidationException.of("code", "mismatch", "the code does not match");
        }
    }

    private String codeHash(long visitId, String code) {
        return cipher.blindIndex("visit-code:" + visitId + ":" + code);
    }

    private String newPin() {
        return String.format("%04d", random.nextInt(10_000));
    }

    /** Event times as stored (PostgreSQL keeps microseconds), so that a repeated event compares equal. */
    public static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    static String mask(String phone) {
        return phone.length() < 7 ? "***" : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
