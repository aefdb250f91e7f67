package org.jujia.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jujia.assessment.AssessmentManagement;
import org.jujia.assessment.HealthEventType;
import org.jujia.elder.ElderRef;
import org.jujia.elder.ElderRegistry;
import org.jujia.elder.EmergencyProfile;
import org.jujia.notification.NotificationDelivered;
import org.jujia.notification.NotificationView;
import org.jujia.notification.Notifications;
import org.jujia.shared.ConflictException;
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

/**
 * The alarm centre (PLATFORM.md §8): raising and merging alarms from the rules, the lifecycle raised → notified →
 * acknowledged → help dispatched → resolved (or false alarm) with its timeline, escalation of unacknowledged critical
 * alarms, and every query scoped to the caller's jurisdiction (family users: their linked elders only).
 */
@Service
public class AlarmCentre {

    private static final Logger log = LoggerFactory.getLogger(AlarmCentre.class);
    static final String SYSTEM = "system";
    /** Repeated triggers beyond this count only land in the timeline every 10th time (the count keeps every one). */
    static final int TIMELINE_REPEAT_CAP = 10;

    private final AlarmStore store;
    private final ElderRegistry elders;
    private final AssessmentManagement assessments;
    private final Notifications notifications;
    private final AlarmNotifier notifier;
    private final AlarmFeed feed;
    private final ValveControl valves;
    private final ApplicationEventPublisher events;
    private final org.jujia.access.UserAccounts users;
    private final org.springframework.transaction.support.TransactionTemplate nested;
    private final EscalationProperties escalation;
    private final AlarmRuleProperties rules;
    private final Clock clock;

    AlarmCentre(AlarmStore store, ElderRegistry elders, AssessmentManagement assessments, Notifications notifications, AlarmNotifier notifier,
            AlarmFeed feed, ValveControl valves, ApplicationEventPublisher events, EscalationProperties escalation, AlarmRuleProperties rules,
            Clock clock, org.jujia.access.UserAccounts users, org.springframework.transaction.PlatformTransactionManager transactions) {
        this.users = users;
        this.nested = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);
        this.store = store;
        this.elders = elders;
        this.assessments = assessments;
        this.notifications = notifications;
        this.notifier = notifier;
        this.feed = feed;
        this.valves = valves;
        this.events = events;
        this.escalation = escalation;
        this.rules = rules;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    // ================================================================== raising (the rules)

    /**
     * Raises an alarm per distinct key among the triggers, or merges them into the open alarm with that key (count +
     * timeline). New alarms get their notifications enqueued (and a gas valve its shut-off command) in the caller's
     * transaction. Answers the ids of the new alarms.
     */
    @Transactional
    List<Long> raise(List<Trigger> triggers) {
        if (triggers.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Map<String, List<Trigger>> byKey = new LinkedHashMap<>();
        for (Trigger t : triggers) {
            byKey.computeIfAbsent(t.dedupKey(), k -> new ArrayList<>()).add(t);
        }
        Map<Long, Optional<ElderRef>> elderCache = new java.util.HashMap<>();
        List<Long> created = new ArrayList<>();
        for (List<Trigger> group : byKey.values()) {
            Trigger first = group.get(0);
            Instant last = group.stream().map(Trigger::occurredAt).max(Comparator.naturalOrder()).orElse(first.occurredAt());
            Optional<ElderRef> elder = first.elderId() == null ? Optional.empty()
                    : elderCache.computeIfAbsent(first.elderId(), id -> elders.find(id, Jurisdiction.system("/")));
            String regionPath = elder.map(ElderRef::regionPath).orElseGet(() -> deviceRegion(first.deviceId()));
            Instant nextEscalation = first.type().severity() == AlarmSeverity.CRITICAL ? now.plus(escalation.ackTimeout()) : null;
            AlarmStore.Raised r = store.raise(first, group.size(), last, elder.map(ElderRef::name).orElse(null), regionPath, now, nextEscalation);
            if (r.created()) {
                created.add(r.id());
                onCreated(r.id(), first, regionPath, now);
                for (int k = 1; k < group.size(); k++) {
                    repeated(r.id(), group.get(k), k + 1, now);
                }
            } else {
                int before = r.triggerCount() - group.size();
                for (int k = 0; k < group.size(); k++) {
                    repeated(r.id(), group.get(k), before + k + 1, now);
                }
            }
        }
        feed.changed();
        return created;
    }

    private void onCreated(long id, Trigger t, String regionPath, Instant now) {
        String where = (t.serial() == null ? "" : t.serial()) + (t.room() == null ? "" : " @" + t.room());
        store.addEvent(id, now, "RAISED", SYSTEM, t.summary() + (where.isBlank() ? "" : " — " + where) + " (device time " + t.occurredAt()
                + ", received " + t.receivedAt() + ")");
        if (t.type() == AlarmType.GAS && t.deviceType() == DeviceType.GAS && t.serial() != null) {
            String outcome = valves.shutOff(t.serial(), id);
            store.addEvent(id, now, "COMMAND_SENT", SYSTEM, GasRule.SHUT_OFF_COMMAND + " → " + t.serial() + ": " + outcome);
        }
        // in a savepoint: should the notifications fail (a broken contact record, say), the alarm itself still commits
        // with the message that raised it, and the operator sees why in the timeline
        try {
            List<String> sent = nested.execute(status -> {
                EmergencyProfile profile = t.elderId() == null ? null
                        : elders.emergencyProfile(t.elderId(), "alarm " + id + " (" + t.type() + "): notify 120, family and community worker")
                                .orElse(null);
                return notifier.raised(id, t, regionPath, profile);
            });
            if (sent != null && !sent.isEmpty()) {
                store.addEvent(id, now, "NOTIFICATIONS_QUEUED", SYSTEM, String.join(", ", sent));
            }
        } catch (RuntimeException e) {
            log.error("Notifications of alarm {} could not be queued", id, e);
            store.addEvent(id, now, "NOTIFICATION_FAILED", SYSTEM, e.toString());
        }
        events.publishEvent(new AlarmRaised(id, t.type(), t.type().severity(), t.elderId(), regionPath, t.deviceId(),
                t.details().get("messageId") instanceof String m ? m : null, t.occurredAt(), t.receivedAt(), now));
    }

    private void repeated(long id, Trigger t, int count, Instant now) {
        if (count <= TIMELINE_REPEAT_CAP || count % 10 == 0) {
            store.addEvent(id, now, "TRIGGERED_AGAIN", SYSTEM, "#" + count + ": " + t.summary() + " (device time " + t.occurredAt() + ")");
        }
    }

    private String deviceRegion(Long deviceId) {
        if (deviceId == null) {
            return "/";
        }
        try {
            return store.device(deviceId).map(d -> (String) d.get("region_path")).filter(p -> p != null && p.startsWith("/")).orElse("/");
        } catch (RuntimeException e) {
            return "/";
        }
    }

    // ================================================================== operator actions

    @Transactional
    public Alarm acknowledge(long id, Jurisdiction j) {
        requireHandle(j);
        Alarm a = lock(id, j);
        guard(a, AlarmStatus.ACKNOWLEDGED);
        Instant now = clock.instant();
        store.acknowledge(id, now, j.username());
        store.addEvent(id, now, "ACKNOWLEDGED", j.username(), "after " + seconds(a.raisedAt(), now) + " s");
        feed.changed();
        return get(id, j);
    }

    /**
     * Sends help: the given responder, or (null) the nearest available one — on duty, not on another open alarm —
     * by great-circle distance from the elder's home.
     */
    @Transactional
    public Alarm dispatch(long id, Long responderId, Jurisdiction j) {
        requireHandle(j);
        Alarm a = lock(id, j);
        guard(a, AlarmStatus.DISPATCHED);
        List<Candidate> candidates = candidates(a, j);
        Candidate chosen;
        if (responderId != null) {
            chosen = candidates.stream().filter(c -> c.responder().userId() == responderId).findFirst()
                    .orElseThrow(() -> ValidationException.of("responderId", "unknown", "no such responder within your jurisdiction"));
            if (!chosen.responder().available()) {
                throw new ConflictException("responderId", chosen.responder().displayName() + " is not available");
            }
        } else {
            chosen = candidates.stream().filter(c -> c.responder().available()).findFirst()
                    .orElseThrow(() -> new ConflictException("responderId", "no responder is available"));
        }
        Instant now = clock.instant();
        store.dispatch(id, now, j.username(), chosen.responder(), chosen.km());
        Alarm updated = store.find(id, AlarmStore.Scope.everything()).orElseThrow();
        notifier.dispatched(updated, chosen.responder(), chosen.km());
        store.addEvent(id, now, "DISPATCHED", j.username(), chosen.responder().displayName() + " (" + chosen.responder().kind() + ", "
                + String.format("%.2f", chosen.km()) + " km)");
        feed.changed();
        return get(id, j);
    }

    /** Resolves with an outcome and a note; a fall or a hospital admission asks the assessment module for a reassessment. */
    @Transactional
    public Alarm resolve(long id, AlarmOutcome outcome, String note, Jurisdiction j) {
        requireHandle(j);
        new Violations().require(outcome != null, "outcome", "required", "outcome is required " + List.of(AlarmOutcome.values()))
                .require(outcome != AlarmOutcome.DEVICE_RECOVERED, "outcome", "system-only", "only the platform closes an alarm as DEVICE_RECOVERED")
                .require(note != null && note.trim().length() >= 2, "note", "required", "say what happened (at least 2 characters)")
                .require(note == null || note.length() <= 1000, "note", "length", "note is at most 1000 characters").throwIfAny();
        Alarm a = lock(id, j);
        guard(a, AlarmStatus.RESOLVED);
        Instant now = clock.instant();
        store.close(id, AlarmStatus.RESOLVED, now, j.username(), outcome, note.trim());
        store.addEvent(id, now, "RESOLVED", j.username(), outcome + ": " + note.trim());
        if ((outcome == AlarmOutcome.FALL || outcome == AlarmOutcome.HOSPITAL) && a.elderId() != null) {
            HealthEventType type = outcome == AlarmOutcome.FALL ? HealthEventType.FALL : HealthEventType.HOSPITAL_ADMISSION;
            Set<String> perms = new HashSet<>(j.permissions());
            perms.add("ASSESSMENT_EVENTS");
            Jurisdiction actor = new Jurisdiction(j.userId(), j.username(), j.scopePath(), false, perms);
            var task = assessments.recordHealthEvent(a.elderId(), type, LocalDate.ofInstant(now, ZoneId.of("Asia/Shanghai")),
                    "alarm #" + id + ": " + note.trim(), actor);
            store.addEvent(id, now, "REASSESSMENT_REQUESTED", j.username(), type + " → reassessment task #" + task.id());
        }
        publishResolved(store.find(id, AlarmStore.Scope.everything()).orElseThrow(), false);
        feed.changed();
        return get(id, j);
    }

    @Transactional
    public Alarm falseAlarm(long id, String note, Jurisdiction j) {
        requireHandle(j);
        new Violations().require(note != null && note.trim().length() >= 2, "note", "required", "say why it was a false alarm")
                .require(note == null || note.length() <= 1000, "note", "length", "note is at most 1000 characters").throwIfAny();
        Alarm a = lock(id, j);
        guard(a, AlarmStatus.FALSE_ALARM);
        Instant now = clock.instant();
        store.close(id, AlarmStatus.FALSE_ALARM, now, j.username(), null, note.trim());
        store.addEvent(id, now, "FALSE_ALARM", j.username(), note.trim());
        publishResolved(store.find(id, AlarmStore.Scope.everything()).orElseThrow(), true);
        feed.changed();
        return get(id, j);
    }

    private void publishResolved(Alarm a, boolean falseAlarm) {
        events.publishEvent(new AlarmResolved(a.id(), a.type(), a.severity(), a.elderId(), a.regionPath(), falseAlarm, a.outcome(), a.raisedAt(),
                a.acknowledgedAt(), a.dispatchedAt(), a.closedAt()));
    }

    private static void guard(Alarm a, AlarmStatus target) {
        if (!a.status().canMoveTo(target)) {
            throw new ConflictException("status", "alarm " + a.id() + " is " + a.status() + " and cannot become " + target);
        }
    }

    private Alarm lock(long id, Jurisdiction j) {
        return store.findForUpdate(id, scope(j)).orElseThrow(() -> new NotFoundException("alarm", id));
    }

    private static void requireHandle(Jurisdiction j) {
        if (!j.can("ALARM_HANDLE")) {
            throw new AccessDeniedException("handling alarms needs the ALARM_HANDLE permission");
        }
    }

    private static void requireRead(Jurisdiction j) {
        if (!j.can("ALARM_READ")) {
            throw new AccessDeniedException("seeing alarms needs the ALARM_READ permission");
        }
    }

    static long seconds(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds();
    }

    // ================================================================== queries

    AlarmStore.Scope scope(Jurisdiction j) {
        return AlarmStore.Scope.of(j, j.familyOnly() ? elders.linkedElderIds(j) : List.of());
    }

    public Alarm get(long id, Jurisdiction j) {
        requireRead(j);
        return store.find(id, scope(j)).orElseThrow(() -> new NotFoundException("alarm", id));
    }

    /** Open alarms, most severe first, then oldest. */
    public List<Alarm> open(Jurisdiction j) {
        requireRead(j);
        return store.open(scope(j), 500);
    }

    public List<Alarm> search(Long elderId, AlarmStatus status, AlarmType type, Instant from, int page, int size, Jurisdiction j) {
        requireRead(j);
        int s = Math.max(1, Math.min(size <= 0 ? 50 : size, 200));
        return store.search(scope(j), elderId, status, type, from, s, Math.max(0, page) * s);
    }

    public List<AlarmEvent> timeline(long id, Jurisdiction j) {
        get(id, j);
        return store.timeline(id);
    }

    /** The notifications sent about the alarm, with their delivery status. */
    public List<NotificationView> notifications(long id, Jurisdiction j) {
        get(id, j);
        return notifications.forReference(AlarmNotifier.reference(id));
    }

    /** Who could be sent, nearest first, with their distance from the elder's home and availability. */
    public List<Candidate> candidates(long id, Jurisdiction j) {
        return candidates(get(id, j), j);
    }

    public record Candidate(Responder responder, double km) {
    }

    private List<Candidate> candidates(Alarm a, Jurisdiction j) {
        double[] home = home(a, j);
        List<Candidate> out = new ArrayList<>();
        for (Responder r : store.responders(j.likePattern())) {
            out.add(new Candidate(r, home == null ? Double.NaN : r.kmTo(home[0], home[1])));
        }
        out.sort(Comparator.comparingDouble((Candidate c) -> Double.isNaN(c.km()) ? Double.MAX_VALUE : c.km())
                .thenComparing(c -> c.responder().userId()));
        return out;
    }

    /** The elder's home coordinates (not personal data beyond what the masked record shows). */
    private double[] home(Alarm a, Jurisdiction j) {
        if (a.elderId() == null) {
            return null;
        }
        return elders.location(a.elderId(), j).map(p -> new double[] { p.latitude(), p.longitude() }).orElse(null);
    }

    /** How many alarms were acknowledged in time: within the escalation timeout ({@code jujia.monitoring.escalation.ack-timeout}). */
    public record AlarmHandling(long alarms, long inTime) {
    }

    /**
     * Evidence for oversight's performance score (no jurisdiction: the platform's own evaluation): of the alarms raised in
     * [{@code from}, {@code to}) for the given elders, how many were acknowledged within the escalation timeout.
     */
    public AlarmHandling handling(java.util.Collection<Long> elderIds, Instant from, Instant to) {
        if (elderIds.isEmpty()) {
            return new AlarmHandling(0, 0);
        }
        return store.handling(elderIds.toArray(Long[]::new), from, to, escalation.ackTimeout());
    }

    /** Counts, response times (p50/p90 seconds) and the false-alarm rate over the last {@code days} days. */
    public Map<String, Object> statistics(int days, Jurisdiction j) {
        requireRead(j);
        Instant from = clock.instant().minus(Duration.ofDays(Math.max(1, Math.min(days, 366))));
        Map<String, Object> out = new LinkedHashMap<>(store.stats(scope(j), from));
        long total = ((Number) out.get("total")).longValue();
        long falseAlarms = ((Number) out.get("false_alarms")).longValue();
        out.put("false_alarm_rate", total == 0 ? 0.0 : (double) falseAlarms / total);
        out.put("per_type", store.perType(scope(j), from));
        out.put("days", days);
        return out;
    }

    /** Recent vital-sign readings of the alarm's elder (for the chart). */
    public List<Map<String, Object>> readings(long id, Jurisdiction j) {
        Alarm a = get(id, j);
        if (a.elderId() == null) {
            return List.of();
        }
        try {
            return store.readings(a.elderId(), a.raisedAt().minus(Duration.ofHours(12)), 300);
        } catch (RuntimeException e) {
            log.debug("no telemetry table yet: {}", e.getMessage());
            return List.of();
        }
    }

    /** The alarm device's recent messages. */
    public List<Map<String, Object>> deviceHistory(long id, Jurisdiction j) {
        Alarm a = get(id, j);
        if (a.deviceId() == null) {
            return List.of();
        }
        try {
            return store.deviceHistory(a.deviceId(), a.raisedAt().minus(Duration.ofDays(2)), 50);
        } catch (RuntimeException e) {
            log.debug("no telemetry table yet: {}", e.getMessage());
            return List.of();
        }
    }

    // ================================================================== responders

    /**
     * Puts a user on the alarm centre's responder roster (or updates them): kind, last known position, on duty. For the
     * platform's own provisioning (demo) and the responders' app; the user's home node is their region.
     */
    @Transactional
    public Responder registerResponder(long userId, Responder.Kind kind, double latitude, double longitude, boolean onDuty) {
        var user = users.get(userId, Jurisdiction.system("/"));
        new org.jujia.shared.GeoPoint(latitude, longitude);
        store.saveResponder(new Responder(user.id(), user.username(), user.displayName(), kind, user.homePath(), latitude, longitude, onDuty,
                clock.instant(), false));
        return store.responder(userId).orElseThrow();
    }

    public boolean hasResponders() {
        return store.countResponders() > 0;
    }

    // ================================================================== thresholds

    public VitalThresholds thresholds(long elderId, Jurisdiction j) {
        elders.find(elderId, j).orElseThrow(() -> new NotFoundException("elder", elderId));
        return store.thresholds(elderId).orElse(rules.defaults());
    }

    public boolean hasOwnThresholds(long elderId, Jurisdiction j) {
        elders.find(elderId, j).orElseThrow(() -> new NotFoundException("elder", elderId));
        return store.thresholds(elderId).isPresent();
    }

    @Transactional
    public VitalThresholds saveThresholds(long elderId, VitalThresholds t, Jurisdiction j) {
        if (!j.can("DEVICE_ADMIN")) {
            throw new AccessDeniedException("editing vital-sign thresholds needs the DEVICE_ADMIN permission");
        }
        elders.find(elderId, j).orElseThrow(() -> new NotFoundException("elder", elderId));
        if (t == null) {
            throw ValidationException.of("heartRateMin", "required", "thresholds are required");
        }
        Violations v = new Violations();
        t.validate(v);
        v.throwIfAny();
        store.saveThresholds(elderId, t, j.username(), clock.instant());
        return t;
    }

    VitalThresholds defaults() {
        return rules.defaults();
    }

    // ================================================================== escalation

    /**
     * Escalates every critical alarm still unacknowledged at its escalation time ({@code ack-timeout} after raising,
     * then after each further timeout) by one level: the next operator and the officers of that level are notified
     * and the timeline records it. Answers how many escalated.
     */
    @Transactional
    public int escalateDue(Instant now) {
        List<Alarm> due = store.dueForEscalation(now, 200);
        for (Alarm a : due) {
            int level = a.escalationLevel() + 1;
            List<String> to = notifier.escalated(a, level);
            Instant next = level >= escalation.maxLevel() ? null : a.nextEscalationAt().plus(escalation.ackTimeout());
            store.escalated(a.id(), level, next, now);
            store.addEvent(a.id(), now, "ESCALATED", SYSTEM, "level " + level + " after " + seconds(a.raisedAt(), now) + " s unacknowledged → "
                    + (to.isEmpty() ? "-" : String.join(", ", to)));
        }
        if (!due.isEmpty()) {
            feed.changed();
        }
        return due.size();
    }

    // ================================================================== device faults clearing themselves

    /**
     * Closes the open device-fault alarms whose device has recovered ({@link DeviceRecoveryRule}): RESOLVED with the
     * outcome DEVICE_RECOVERED by the system, whatever step the alarm had reached. Answers how many closed.
     */
    @Transactional
    public int clearRecovered(Instant now) {
        DeviceRecoveryRule rule = new DeviceRecoveryRule(rules.lowBatteryPct());
        int cleared = 0;
        for (AlarmStore.Recovery r : store.recoveryCandidates(200)) {
            if (!rule.recovered(r.type(), r.lastTriggeredAt(), r.lastHeartbeatAt(), r.lastSeenAt(), r.batteryPct())) {
                continue;
            }
            String note = DeviceRecoveryRule.note(r.type(), r.lastHeartbeatAt(), r.lastSeenAt(), r.batteryPct());
            store.close(r.alarmId(), AlarmStatus.RESOLVED, now, SYSTEM, AlarmOutcome.DEVICE_RECOVERED, note);
            store.addEvent(r.alarmId(), now, "RESOLVED", SYSTEM, AlarmOutcome.DEVICE_RECOVERED + ": " + note);
            publishResolved(store.find(r.alarmId(), AlarmStore.Scope.everything()).orElseThrow(), false);
            cleared++;
        }
        if (cleared > 0) {
            feed.changed();
        }
        return cleared;
    }

    // ================================================================== notification receipts

    /** A channel acknowledged one of an alarm's notifications: into the timeline; the alarm becomes NOTIFIED. */
    @ApplicationModuleListener
    void on(NotificationDelivered delivered) {
        if (delivered.reference() == null || !delivered.reference().startsWith("alarm:")) {
            return;
        }
        long id;
        try {
            id = Long.parseLong(delivered.reference().substring("alarm:".length()));
        } catch (NumberFormatException e) {
            return;
        }
        Optional<Alarm> alarm = store.find(id, AlarmStore.Scope.everything());
        if (alarm.isEmpty()) {
            return;
        }
        long ms = Duration.between(delivered.enqueuedAt(), delivered.deliveredAt()).toMillis();
        store.addEvent(id, delivered.deliveredAt(), "NOTIFIED", delivered.channel().name(),
                "notification #" + delivered.id() + " delivered after " + ms + " ms (" + delivered.attempts() + " attempt(s))");
        if (!store.markNotified(id, delivered.deliveredAt())) {
            store.touch(id, clock.instant());
        }
        feed.changed();
    }
}
