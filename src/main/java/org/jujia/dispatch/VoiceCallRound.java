package org.jujia.dispatch;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jujia.careplan.CarePlan;
import org.jujia.careplan.CarePlanManagement;
import org.jujia.elder.ElderRef;
import org.jujia.elder.ElderRegistry;
import org.jujia.elder.ElderStatus;
import org.jujia.elder.EmergencyProfile;
import org.jujia.notification.VoiceCallRequest;
import org.jujia.notification.VoiceCallResult;
import org.jujia.notification.VoiceCalls;
import org.jujia.notification.VoiceOutcome;
import org.jujia.shared.Jurisdiction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily voice-call round (PLATFORM.md §4 "visits": an automated voice call every day). Every few minutes (one
 * node at a time, ShedLock) it:
 * <ol>
 * <li>closes the tasks of earlier days still pending (and today's after the cut-off), checking their streaks;</li>
 * <li>between the first attempt time and the cut-off, creates today's task for every ACTIVE elder whose active care
 *     plan has a line of the VOICE_CALL item ({@code jujia.voice-calls.item-code}; a line limited to weekdays only on
 *     those days) — once per elder and date;</li>
 * <li>places the calls that are due by {@link VoiceCallSchedule} through the {@link VoiceCalls} port, {@code concurrency}
 *     at a time, and records each outcome.</li>
 * </ol>
 * An answer with the help digit (default 2) publishes {@link UrgentVisitRequested} at once ({@code VOICE_CALL_HELP});
 * a day closing unanswered that completes {@code unanswered-days} (3) consecutive unanswered days
 * ({@link VoiceCallStreak}) publishes it with {@code VOICE_CALLS_UNANSWERED}, once per streak.
 */
@Service
public class VoiceCallRound {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String REASON_UNANSWERED = "VOICE_CALLS_UNANSWERED";
    static final String REASON_HELP = "VOICE_CALL_HELP";
    /** A call in progress for longer than this is taken as lost with its node (the gateway timeout is far shorter). */
    static final Duration ABANDONED = Duration.ofMinutes(30);
    private static final Logger log = LoggerFactory.getLogger(VoiceCallRound.class);
    private static final Jurisdiction SYSTEM = Jurisdiction.system("/");

    /** What one run did. */
    public record Summary(LocalDate date, int closed, int created, int called, int answered, int unanswered, int failed, int urgent) {
    }

    private final VoiceCallStore store;
    private final VoiceCalls calls;
    private final CarePlanManagement plans;
    private final ElderRegistry elders;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final VoiceCallProperties props;
    private final VoiceCallSchedule schedule;
    private final VoiceCallStreak streak;
    private final Clock clock;
    private final java.util.concurrent.locks.ReentrantLock exclusive = new java.util.concurrent.locks.ReentrantLock();

    VoiceCallRound(VoiceCallStore store, VoiceCalls calls, CarePlanManagement plans, ElderRegistry elders, ApplicationEventPublisher events,
            TransactionTemplate tx, VoiceCallProperties props, Clock clock) {
        this.store = store;
        this.calls = calls;
        this.plans = plans;
        this.elders = elders;
        this.events = events;
        this.tx = tx;
        this.props = props;
        this.schedule = props.schedule();
        this.streak = props.streak();
        this.clock = clock;
    }

    @Scheduled(cron = "${jujia.voice-calls.tick-cron:0 */5 * * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "dispatch.voice-calls", lockAtMostFor = "PT3H", lockAtLeastFor = "PT30S")
    public void scheduled() {
        if (!props.enabled() || !exclusive.tryLock()) {
            return;
        }
        Summary s;
        try {
            s = run(clock.instant());
        } finally {
            exclusive.unlock();
        }
        if (s.closed() + s.created() + s.called() > 0) {
            log.info("voice-call round {}: {} closed, {} tasks created, {} calls ({} answered, {} unanswered, {} failed), {} urgent visits requested",
                    s.date(), s.closed(), s.created(), s.called(), s.answered(), s.unanswered(), s.failed(), s.urgent());
        }
    }

    /**
     * Runs {@code work} (the demo's replay of past days with scripted outcomes) while this node's scheduled round stays
     * out of the way (it skips its tick instead of waiting).
     */
    public void exclusively(Runnable work) {
        exclusive.lock();
        try {
            work.run();
        } finally {
            exclusive.unlock();
        }
    }

    /** Was a round run on this date (does any task exist)? */
    public boolean ranOn(LocalDate date) {
        return !store.eldersWithTask(date).isEmpty();
    }

    /**
     * One run of the round as of {@code now} (the scheduler passes the current time; the demo data replays past days
     * through it): closes earlier days, creates the day's tasks, places the calls that are due.
     */
    public Summary run(Instant now) {
        ZonedDateTime local = now.atZone(ZONE);
        LocalDate today = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        AtomicInteger urgent = new AtomicInteger();
        int closed = 0;
        for (VoiceCallStore.Closed c : store.closePending(today, !time.isBefore(schedule.cutoff()), now.minus(ABANDONED), now)) {
            closed++;
            if (c.status().equals("UNANSWERED")) {
                tx.executeWithoutResult(s -> {
                    if (checkStreak(c.elderId(), c.date(), now)) {
                        urgent.incrementAndGet();
                    }
                });
            }
        }
        if (!schedule.open(time)) {
            return new Summary(today, closed, 0, 0, 0, 0, 0, urgent.get());
        }
        int created = createTasks(today, now);
        List<VoiceCallStore.Task> due = store.due(today, schedule.attemptsDue(time), now.minus(ABANDONED));
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger unanswered = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger called = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(props.concurrency(), Math.max(1, due.size())),
                Thread.ofPlatform().name("voice-call-", 1).daemon().factory());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (VoiceCallStore.Task t : due) {
                running.add(pool.submit(() -> {
                    Optional<VoiceOutcome> o = call(t, now, urgent);
                    o.ifPresent(outcome -> {
                        called.incrementAndGet();
                        switch (outcome) {
                            case ANSWERED -> answered.incrementAndGet();
                            case FAILED -> failed.incrementAndGet();
                            default -> unanswered.incrementAndGet();
                        }
                    });
                }));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    log.warn("voice call failed unexpectedly", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        } finally {
            pool.shutdown();
        }
        return new Summary(today, closed, created, called.get(), answered.get(), unanswered.get(), failed.get(), urgent.get());
    }

    /** Today's tasks for the elders entitled to the call who have none yet. */
    int createTasks(LocalDate today, Instant now) {
        Set<Long> have = store.eldersWithTask(today);
        int created = 0;
        for (CarePlan p : plans.activeWithItem(props.itemCode())) {
            if (have.contains(p.elderId()) || !entitledOn(p, props.itemCode(), today)) {
                continue;
            }
            Optional<ElderRef> elder = elders.find(p.elderId(), SYSTEM);
            if (elder.isEmpty() || elder.get().status() != ElderStatus.ACTIVE) {
                continue;
            }
            ElderRef e = elder.get();
            if (store.createTask(e.id(), today, e.name(), e.regionPath(), e.communityId(), p.id(), now)) {
                created++;
            }
        }
        return created;
    }

    /**
     * Does the active plan give the call on this date (its line of the item not limited to other weekdays)? Eligibility
     * is that of the plan in force when the round runs — in operation always the current date.
     */
    static boolean entitledOn(CarePlan p, String itemCode, LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return p.status() == org.jujia.careplan.CarePlanStatus.ACTIVE && p.lines().stream().filter(l -> l.itemCode().equals(itemCode))
                .anyMatch(l -> l.weekdays().isEmpty() || l.weekdays().contains(dow.getValue()));
    }

    /** Places the next attempt of one task and records it; empty when another run took it first. */
    private Optional<VoiceOutcome> call(VoiceCallStore.Task t, Instant now, AtomicInteger urgent) {
        if (!store.claim(t.id(), t.attempts(), now)) {
            return Optional.empty();
        }
        int attempt = t.attempts() + 1;
        VoiceCallResult result;
        // an elder who moved away or died since the task was created is not called again; the day closes without evidence
        ElderStatus status = elders.find(t.elderId(), SYSTEM).map(ElderRef::status).orElse(null);
        boolean gone = status != ElderStatus.ACTIVE;
        String phone = gone ? null : elders.emergencyProfile(t.elderId(), "每日语音问候 daily voice call " + t.date())
                .map(EmergencyProfile::phone).filter(s -> !s.isBlank()).orElse(null);
        if (gone) {
            result = new VoiceCallResult(VoiceOutcome.FAILED, null, null, clock.instant(), "the elder is no longer active (" + status + ")");
        } else if (phone == null) {
            result = new VoiceCallResult(VoiceOutcome.FAILED, null, null, clock.instant(), "the elder has no phone number on record");
        } else {
            try {
                result = calls.place(new VoiceCallRequest(phone, props.scriptFor(t.elderName()), "voice-call:" + t.id() + ":" + attempt));
            } catch (RuntimeException e) {
                result = new VoiceCallResult(VoiceOutcome.FAILED, null, null, clock.instant(), "voice call failed: " + e.getMessage());
            }
        }
        VoiceCallResult r = result;
        tx.executeWithoutResult(s -> {
            store.recordAttempt(t.id(), attempt, r, now);
            if (r.outcome() == VoiceOutcome.ANSWERED) {
                boolean help = props.helpDigit().equals(r.keypad());
                store.answered(t.id(), r, help, r.endedAt() == null ? now : r.endedAt());
                if (help && store.markHelpRequested(t.id(), now)) {
                    events.publishEvent(new UrgentVisitRequested(t.elderId(), REASON_HELP, "voice-call:" + t.date(),
                            "每日语音问候中老人按键求助（" + t.date() + "），请尽快上门", now));
                    urgent.incrementAndGet();
                }
            } else {
                String closed = store.notAnswered(t.id(), r, gone || attempt >= schedule.maxAttempts(), now);
                if (closed.equals("UNANSWERED") && checkStreak(t.elderId(), t.date(), now)) {
                    urgent.incrementAndGet();
                }
            }
        });
        return Optional.of(r.outcome());
    }

    /**
     * After a day closed unanswered: requests the urgent visit if that completes a streak not requested yet (and the
     * elder is still ACTIVE: nobody is sent to an elder who moved away or died).
     */
    private boolean checkStreak(long elderId, LocalDate date, Instant now) {
        Map<LocalDate, VoiceCallStreak.Day> days = store.days(elderId, date.minusDays(60), date);
        Optional<VoiceCallStreak.Run> run = streak.urgent(date, days);
        if (run.isEmpty() || elders.find(elderId, SYSTEM).map(ElderRef::status).orElse(null) != ElderStatus.ACTIVE
                || !store.recordAlert(elderId, run.get(), now)) {
            return false;
        }
        VoiceCallStreak.Run r = run.get();
        events.publishEvent(new UrgentVisitRequested(elderId, REASON_UNANSWERED, r.reference(),
                "连续 " + r.days() + " 天每日语音问候无人接听（" + r.first() + " 至 " + r.last() + "），请尽快上门探视", now));
        log.info("elder {}: {} consecutive unanswered days of voice calls ({}), urgent home visit requested", elderId, r.days(), r.reference());
        return true;
    }
}
