package org.jujia.oversight;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jujia.access.Role;
import org.jujia.access.UserAccount;
import org.jujia.access.UserAccounts;
import org.jujia.elder.ElderRef;
import org.jujia.elder.ElderRegistry;
import org.jujia.notification.Channel;
import org.jujia.notification.NotificationRequest;
import org.jujia.notification.Notifications;
import org.jujia.privacy.AuditAction;
import org.jujia.privacy.AuditLog;
import org.jujia.privacy.FieldCipher;
import org.jujia.region.Organisation;
import org.jujia.region.OrganisationType;
import org.jujia.region.RegionDirectory;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.NotFoundException;
import org.jujia.shared.PhoneNumber;
import org.jujia.shared.ValidationException;
import org.jujia.shared.Violations;
import org.jujia.visit.VisitDisputed;
import org.jujia.workforce.Workforce;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Complaints (投诉): filed by a hotline operator, by the family on its page, opened by a disputed visit or by a
 * follow-up call; deadlines in working days; assignment to the provider or the street; outcome, the complainant's
 * satisfaction; escalation when overdue; an upheld abuse, theft or fake-service complaint naming a caregiver proposes
 * the caregiver for the blacklist.
 *
 * <p>Who sees what: a family member the complaints they filed; a provider operator the complaints concerning its
 * provider; street and civil-affairs staff and hotline operators every complaint in their jurisdiction.
 */
@Service
public class Complaints {

    private static final Logger log = LoggerFactory.getLogger(Complaints.class);
    static final String SUBJECT = "COMPLAINT";
    static final int MAX_LIST = 500;

    private final ComplaintStore store;
    private final ElderRegistry elders;
    private final RegionDirectory regions;
    private final UserAccounts users;
    private final Workforce workforce;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final Notifications notifications;
    private final OversightProperties props;
    private final Clock clock;

    Complaints(ComplaintStore store, ElderRegistry elders, RegionDirectory regions, UserAccounts users, Workforce workforce, FieldCipher cipher,
            AuditLog audit, Notifications notifications, OversightProperties props, Clock clock) {
        this.store = store;
        this.elders = elders;
        this.regions = regions;
        this.users = users;
        this.workforce = workforce;
        this.cipher = cipher;
        this.audit = audit;
        this.notifications = notifications;
        this.props = props;
        this.clock = clock;
    }

    /** A complaint as filed. {@code channel} HOTLINE (operators, the default for staff) or FAMILY_PAGE (families). */
    public record FileInput(Complaint.Channel channel, Complaint.Category category, Long elderId, Long providerId, Long caregiverUserId,
            Long visitId, String complainantName, String complainantPhone, String description) {
    }

    public record AssignInput(Complaint.Assignee assignee, Long providerId) {
    }

    public record ResolveInput(Complaint.Outcome outcome, String resolution) {
    }

    public record SatisfactionInput(Integer satisfaction) {
    }

    /** A complaint with its overdue state at the time of the answer and, on the detail, its timeline. */
    public record View(Complaint complaint, String providerName, boolean ackOverdue, boolean resolveOverdue, List<ComplaintStore.Event> timeline) {
    }

    // ------------------------------------------------------------------ filing

    @Transactional
    public View file(FileInput in, Jurisdiction j) {
        if (!j.can("COMPLAINT_FILE")) {
            throw new AccessDeniedException("COMPLAINT_FILE required");
        }
        Violations v = new Violations();
        if (in == null) {
            throw ValidationException.of("category", "required", "a complaint needs a category and a description");
        }
        Complaint.Channel channel = j.familyOnly() ? Complaint.Channel.FAMILY_PAGE : in.channel() == null ? Complaint.Channel.HOTLINE : in.channel();
        if (channel != Complaint.Channel.HOTLINE && channel != Complaint.Channel.FAMILY_PAGE) {
            v.add("channel", "invalid", "complaints are filed here by HOTLINE or FAMILY_PAGE; disputes and follow-up calls open their own");
        }
        if (channel == Complaint.Channel.FAMILY_PAGE && !j.familyOnly()) {
            v.add("channel", "invalid", "FAMILY_PAGE complaints are filed by a family member");
        }
        v.require(in.category() != null, "category", "required", "choose a category");
        v.require(in.description() != null && !in.description().isBlank(), "description", "required", "describe the complaint");
        v.require(in.description() == null || in.description().length() <= 2000, "description", "size", "at most 2,000 characters");
        ElderRef elder = null;
        if (in.elderId() != null) {
            elder = elders.find(in.elderId(), j).orElse(null);
            if (elder == null || (j.familyOnly() && !elders.linkedElderIds(j).contains(in.elderId()))) {
                v.add("elderId", "unknown", "no elder " + in.elderId() + " you may complain about");
                elder = null;
            }
        } else if (j.familyOnly()) {
            v.add("elderId", "required", "choose your elder");
        }
        Organisation provider = null;
        if (in.providerId() != null) {
            provider = provider(in.providerId());
            if (provider == null) {
                v.add("providerId", "unknown", "no service provider " + in.providerId());
            }
        }
        if (elder == null && provider == null && in.elderId() == null) {
            v.add("elderId", "required", "name the elder or the provider the complaint is about");
        }
        Long caregiver = in.caregiverUserId();
        if (caregiver != null) {
            var cg = workforce.caregiver(caregiver);
            if (cg.isEmpty()) {
                v.add("caregiverUserId", "unknown", "no caregiver " + caregiver);
            } else if (provider != null && cg.get().providerId() != provider.id()) {
                v.add("caregiverUserId", "provider", "caregiver " + caregiver + " does not work for provider " + provider.id());
            } else if (provider == null) {
                provider = provider(cg.get().providerId());
            }
        }
        String name = in.complainantName() == null || in.complainantName().isBlank() ? null : in.complainantName().strip();
        UserAccount me = j.userId() == 0 ? null : users.get(j.userId(), Jurisdiction.system("/"));
        if (name == null && channel == Complaint.Channel.FAMILY_PAGE && me != null) {
            name = me.displayName();
        }
        v.require(name != null, "complainantName", "required", "the complainant's name");
        v.require(name == null || name.length() <= 50, "complainantName", "size", "at most 50 characters");
        PhoneNumber phone = null;
        if (in.complainantPhone() != null && !in.complainantPhone().isBlank()) {
            if (!PhoneNumber.isValid(in.complainantPhone())) {
                v.add("complainantPhone", "format", "not a phone number: " + in.complainantPhone());
            } else {
                phone = PhoneNumber.parse(in.complainantPhone());
            }
        } else if (channel == Complaint.Channel.HOTLINE) {
            v.add("complainantPhone", "required", "the caller's phone, to call back");
        }
        v.throwIfAny();
        String path = elder != null ? elder.regionPath() : regions.find(provider.nodeId()).orElseThrow().path();
        if (!j.familyOnly() && !j.covers(path)) {
            throw ValidationException.of(elder != null ? "elderId" : "providerId", "scope", "outside your jurisdiction");
        }
        Complaint c = draft(channel, in.category(), path, elder == null ? null : elder.id(), provider == null ? null : provider.id(), caregiver,
                in.visitId(), null, name, phone == null ? null : phone.masked(), in.description().strip(), j.username(), j.userId());
        long id = store.insert(c, phone == null ? null : cipher.seal(phone.value())).orElseThrow();
        store.appendEvent(id, c.filedAt(), "FILED", j.username(), channel + " " + in.category());
        audit.record(j, AuditAction.CREATE, SUBJECT, id, null, null, channel + " " + in.category());
        return view(store.find(id).orElseThrow(), List.of());
    }

    /** A disputed visit is a complaint (idempotent per visit). */
    @Transactional
    public Optional<Long> fileDispute(VisitDisputed e) {
        Complaint c = draft(Complaint.Channel.VISIT_DISPUTE, Complaint.Category.SERVICE_QUALITY, e.regionPath(), e.elderId(), e.providerId(),
                e.caregiverUserId(), e.visitId(), null, "家属（服务确认）", null, e.reason(), "visit", 0, e.disputedAt());
        Optional<Long> id = store.insert(c, null);
        id.ifPresent(i -> store.appendEvent(i, e.disputedAt(), "FILED", "visit", "visit " + e.visitId() + " disputed (dispute " + e.disputeId() + ")"));
        return id;
    }

    /** A complaint raised during a follow-up call. */
    long fileFromFollowUp(long followUpId, String regionPath, long elderId, long providerId, Long caregiverUserId, long visitId,
            Complaint.Category category, String description, Jurisdiction j) {
        Complaint c = draft(Complaint.Channel.FOLLOW_UP_CALL, category, regionPath, elderId, providerId, caregiverUserId, visitId, followUpId,
                "家属（回访）", null, description, j.username(), j.userId());
        long id = store.insert(c, null).orElseThrow();
        store.appendEvent(id, c.filedAt(), "FILED", j.username(), "follow-up call " + followUpId);
        return id;
    }

    private Complaint draft(Complaint.Channel channel, Complaint.Category category, String path, Long elderId, Long providerId, Long caregiver,
            Long visitId, Long followUpId, String name, String masked, String description, String by, long byId) {
        return draft(channel, category, path, elderId, providerId, caregiver, visitId, followUpId, name, masked, description, by, byId, clock.instant());
    }

    private Complaint draft(Complaint.Channel channel, Complaint.Category category, String path, Long elderId, Long providerId, Long caregiver,
            Long visitId, Long followUpId, String name, String masked, String description, String by, long byId, Instant filed) {
        WorkingDays wd = props.workingDays();
        String text = description == null || description.isBlank() ? "—" : description.length() > 2000 ? description.substring(0, 2000) : description;
        return new Complaint(0, channel, category, Complaint.Status.OPEN, path, elderId, providerId, caregiver, visitId, followUpId, name, masked,
                text, providerId == null ? Complaint.Assignee.STREET : Complaint.Assignee.PROVIDER, filed, by, byId,
                wd.deadline(filed, props.acknowledgeWorkingDays()), wd.deadline(filed, props.resolveWorkingDays()), null, null, null, null, null,
                null, null, null, 0, null, 0);
    }

    // ------------------------------------------------------------------ reads

    public List<View> list(ComplaintStore.Filter f, Jurisdiction j) {
        Instant now = clock.instant();
        ComplaintStore.Filter filter = new ComplaintStore.Filter(f.status(), f.overdue(), f.providerId(), f.category(), f.from(), f.to(), now);
        return store.list(filter, scope(j), MAX_LIST).stream().map(c -> view(c, null)).toList();
    }

    /** One complaint with its timeline; the read is audited (complaints carry personal details). */
    @Transactional
    public View get(long id, Jurisdiction j) {
        Complaint c = visible(id, j);
        audit.record(j, AuditAction.VIEW, SUBJECT, id, null, null, null);
        return view(c, store.events(id));
    }

    /** The complainant's phone in the clear, to call back: audited with the purpose. */
    @Transactional
    public Optional<String> revealPhone(long id, String purpose, Jurisdiction j) {
        if (purpose == null || purpose.isBlank()) {
            throw ValidationException.of("purpose", "required", "state why the phone number is needed");
        }
        requireHandle(j);
        visible(id, j);
        Optional<String> phone = store.sealedPhone(id).map(cipher::open);
        phone.ifPresent(p -> audit.record(j, AuditAction.REVEAL, SUBJECT, id, "complainant_phone", purpose, null));
        return phone;
    }

    // ------------------------------------------------------------------ handling

    @Transactional
    public View acknowledge(long id, Jurisdiction j) {
        requireHandle(j);
        Complaint next = visible(id, j).acknowledge(j.username(), clock.instant());
        store.update(next);
        store.appendEvent(id, next.acknowledgedAt(), "ACKNOWLEDGED", j.username(), null);
        return view(store.find(id).orElseThrow(), store.events(id));
    }

    /** Assigns to the provider (which must be named) or to the street; street and civil-affairs staff only. */
    @Transactional
    public View assign(long id, AssignInput in, Jurisdiction j) {
        requireHandle(j);
        if (providerOf(j) != null) {
            throw new AccessDeniedException("a provider cannot reassign a complaint");
        }
        if (in == null || in.assignee() == null) {
            throw ValidationException.of("assignee", "required", "PROVIDER or STREET");
        }
        Complaint c = visible(id, j);
        Long provider = in.providerId() == null ? c.providerId() : in.providerId();
        if (in.assignee() == Complaint.Assignee.PROVIDER && (provider == null || provider(provider) == null)) {
            throw ValidationException.of("providerId", provider == null ? "required" : "unknown", "name the service provider");
        }
        Complaint next = c.assign(in.assignee(), provider);
        store.update(next);
        store.appendEvent(id, clock.instant(), "ASSIGNED", j.username(), in.assignee() + (provider == null ? "" : " provider " + provider));
        return view(store.find(id).orElseThrow(), store.events(id));
    }

    @Transactional
    public View resolve(long id, ResolveInput in, Jurisdiction j) {
        requireHandle(j);
        Violations v = new Violations();
        v.require(in != null && in.outcome() != null, "outcome", "required", "UPHELD, PARTLY_UPHELD or NOT_UPHELD");
        v.require(in != null && in.resolution() != null && !in.resolution().isBlank(), "resolution", "required", "what was found and done");
        v.require(in == null || in.resolution() == null || in.resolution().length() <= 2000, "resolution", "size", "at most 2,000 characters");
        v.throwIfAny();
        Complaint c = visible(id, j);
        if (c.assignee() == Complaint.Assignee.STREET && providerOf(j) != null) {
            throw new AccessDeniedException("this complaint is handled by the street");
        }
        Complaint next = c.resolve(in.outcome(), in.resolution().strip(), j.username(), clock.instant());
        store.update(next);
        store.appendEvent(id, next.resolvedAt(), "RESOLVED", j.username(), in.outcome() + ": " + next.resolution());
        if (next.proposesBlacklist()) {
            workforce.proposeBlacklist(next.caregiverUserId(), "upheld complaint " + id + " (" + next.category() + "): " + next.resolution(),
                    "complaint:" + id, j);
            store.appendEvent(id, next.resolvedAt(), "BLACKLIST_PROPOSED", j.username(), "caregiver " + next.caregiverUserId());
        }
        return view(store.find(id).orElseThrow(), store.events(id));
    }

    /** The complainant's satisfaction with the handling (1–5): by the handler after calling back, or by the family who filed it. */
    @Transactional
    public View recordSatisfaction(long id, SatisfactionInput in, Jurisdiction j) {
        if (in == null || in.satisfaction() == null || in.satisfaction() < 1 || in.satisfaction() > 5) {
            throw ValidationException.of("satisfaction", "range", "1 (very dissatisfied) to 5 (very satisfied)");
        }
        Complaint c = visible(id, j);
        if (!(j.can("COMPLAINT_HANDLE") || c.filedByUserId() == j.userId())) {
            throw new AccessDeniedException("only the complainant or a handler records the satisfaction");
        }
        Complaint next = c.close(in.satisfaction(), clock.instant());
        store.update(next);
        store.appendEvent(id, next.closedAt(), "CLOSED", j.username(), "satisfaction " + in.satisfaction());
        return view(store.find(id).orElseThrow(), store.events(id));
    }

    // ------------------------------------------------------------------ escalation

    /**
     * Escalates complaints past their deadlines at {@code now}: level 1 (not acknowledged in time) notifies the street
     * officers covering the complaint, level 2 (not resolved in time) the street officers and civil affairs. Answers how
     * many complaints escalated.
     */
    @Transactional
    public int escalateDue(Instant now) {
        int n = 0;
        for (Complaint c : store.dueForEscalation(now, 500)) {
            int level = c.dueEscalationLevel(now);
            if (level <= c.escalationLevel()) {
                continue;
            }
            try {
                store.update(c.escalate(level, now));
            } catch (org.jujia.shared.ConflictException busy) {
                continue; // handled meanwhile: the next run looks again
            }
            store.appendEvent(c.id(), now, "ESCALATED", "system", level == 1 ? "not acknowledged by " + c.ackDueAt() : "not resolved by " + c.resolveDueAt());
            notifyEscalation(c, level);
            n++;
        }
        if (n > 0) {
            log.info("complaints escalated: {}", n);
        }
        return n;
    }

    private void notifyEscalation(Complaint c, int level) {
        List<UserAccount> to = new java.util.ArrayList<>(users.withRoleCovering(Role.STREET_OFFICER, c.regionPath()));
        if (level >= 2) {
            to.addAll(users.withRoleCovering(Role.CIVIL_AFFAIRS, c.regionPath()));
        }
        String title = level == 1 ? "投诉超时未受理" : "投诉超时未办结";
        for (UserAccount u : to) {
            notifications.enqueue(new NotificationRequest(Channel.COMMUNITY_WORKER, Long.toString(u.id()), title,
                    "投诉 #" + c.id() + "（" + c.category() + "）" + (level == 1 ? "未在时限内受理" : "未在时限内办结"),
                    Map.of("regionPath", c.regionPath(), "link", "/oversight/complaints/" + c.id()), "complaint:" + c.id() + ":" + level, false));
        }
    }

    // ------------------------------------------------------------------ scope

    ComplaintStore.Scope scope(Jurisdiction j) {
        if (j.userId() == 0) {
            return new ComplaintStore.Scope(j.likePattern(), null, null);
        }
        if (j.familyOnly()) {
            return new ComplaintStore.Scope("/%", null, j.userId());
        }
        if (!j.can("COMPLAINT_READ")) {
            throw new AccessDeniedException("COMPLAINT_READ required");
        }
        Long provider = providerOf(j);
        if (provider != null) {
            return new ComplaintStore.Scope("/%", provider, null);
        }
        return new ComplaintStore.Scope(j.likePattern(), null, null);
    }

    /** The caller's service provider when the caller works for one (provider operators), else null. */
    Long providerOf(Jurisdiction j) {
        if (j.userId() == 0) {
            return null;
        }
        Long org = users.get(j.userId(), Jurisdiction.system("/")).organisationId();
        return org != null && provider(org) != null ? org : null;
    }

    private Organisation provider(long id) {
        return regions.findOrganisation(id).filter(o -> o.type() == OrganisationType.SERVICE_PROVIDER).orElse(null);
    }

    private Complaint visible(long id, Jurisdiction j) {
        return store.find(id, scope(j)).orElseThrow(() -> new NotFoundException("complaint", id));
    }

    private static void requireHandle(Jurisdiction j) {
        if (!j.can("COMPLAINT_HANDLE")) {
            throw new AccessDeniedException("COMPLAINT_HANDLE required");
        }
    }

    private View view(Complaint c, List<ComplaintStore.Event> timeline) {
        Instant now = clock.instant();
        String providerName = c.providerId() == null ? null : regions.findOrganisation(c.providerId()).map(Organisation::name).orElse(null);
        return new View(c, providerName, c.ackOverdue(now), c.resolveOverdue(now), timeline);
    }
}
