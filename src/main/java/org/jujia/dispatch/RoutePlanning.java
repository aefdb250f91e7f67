package org.jujia.dispatch;

import ai.timefold.solver.core.api.solver.Solver;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jujia.dispatch.internal.planning.Planner;
import org.jujia.dispatch.internal.planning.RoutePlan;
import org.jujia.elder.ElderRegistry;
import org.jujia.shared.ConflictException;
import org.jujia.shared.GeoPoint;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.NotFoundException;
import org.jujia.shared.ValidationException;
import org.jujia.shared.Violations;
import org.jujia.workforce.Caregiver;
import org.jujia.workforce.Workforce;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The route optimiser as jobs (issue #7, docs/routing.md): a provider operator asks for a plan of a day (or a re-plan of
 * today with some caregivers unavailable); the job waits on a bounded executor (one solver thread by default: the
 * machine has two cores), solves within its time limit while its new best scores are stored and streamed (SSE), and
 * ends DONE with a plan — routes, unassigned orders with the reason, measures against the current plan. The plan
 * becomes assignments only when an operator applies it ({@link #apply}), through {@link DispatchManagement}'s own
 * accept/assign/unassign, so the assignment policy and clash checks apply as for manual assignment.
 *
 * <p>Input: the provider's PENDING, ACCEPTED and ASSIGNED orders of the day (pending ones are accepted when the plan is
 * applied); the provider's caregivers except those unavailable, judged by {@link Workforce#assignability}; elder
 * homes; each elder's usual caregiver (most recent assignment before the day). Today: assigned orders whose window
 * has begun count as started or done and are pinned to their caregiver; nothing else may begin before now; assigned
 * orders are promised and preferred to stay (soft); an unavailable caregiver's unstarted orders go to others.
 */
@Service
public class RoutePlanning implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RoutePlanning.class);
    static final Set<OrderStatus> PLANNED = EnumSet.of(OrderStatus.PENDING, OrderStatus.ACCEPTED, OrderStatus.ASSIGNED);
    /** Progress is written to the database at most this often (every new best is still streamed). */
    private static final long PERSIST_EVERY_MS = 500;
    private static final int MAX_ORDERS = 5000;
    /**
     * Caregivers' day: their own shift hours where their staff record names them ("白班 08:00-17:00"), else 06:30–21:00
     * (the earliest visits begin at 07:00, the latest at 19:30); at most 9 working hours, 15 minutes of tolerance after a
     * window, by e-bike.
     */
    static final Planner.Settings SETTINGS = new Planner.Settings(java.time.LocalTime.of(6, 30), java.time.LocalTime.of(21, 0), 540, 15,
            org.jujia.dispatch.internal.planning.TransportMode.E_BIKE, org.jujia.dispatch.internal.planning.TravelSpeeds.DEFAULT);

    private final PlanningJobStore jobs;
    private final OrderStore orders;
    private final DispatchManagement dispatch;
    private final Workforce workforce;
    private final ElderRegistry elders;
    private final Clock clock;
    private final int defaultBudget;
    private final int maxBudget;
    private final ThreadPoolExecutor executor;
    private final Map<Long, Solver<RoutePlan>> running = new ConcurrentHashMap<>();
    private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();
    private final Map<Long, List<SseEmitter>> listeners = new ConcurrentHashMap<>();
    /** the latest best score of each job solving, replayed to whoever starts listening */
    private final Map<Long, PlanningJob.Progress> latest = new ConcurrentHashMap<>();

    RoutePlanning(PlanningJobStore jobs, OrderStore orders, DispatchManagement dispatch, Workforce workforce, ElderRegistry elders, Clock clock,
            @Value("${jujia.planning.threads:1}") int threads, @Value("${jujia.planning.queue:8}") int queue,
            @Value("${jujia.planning.default-budget-seconds:20}") int defaultBudget, @Value("${jujia.planning.max-budget-seconds:120}") int maxBudget) {
        this.jobs = jobs;
        this.orders = orders;
        this.dispatch = dispatch;
        this.workforce = workforce;
        this.elders = elders;
        this.clock = clock;
        this.defaultBudget = defaultBudget;
        this.maxBudget = maxBudget;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "route-planner-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
    }

    /** A job interrupted by a restart never finishes: mark it FAILED before anyone (the demo included) asks for a new one. */
    @EventListener(ApplicationStartedEvent.class)
    void failInterrupted() {
        int n = jobs.failInterrupted(clock.instant());
        if (n > 0) {
            log.warn("{} planning job(s) interrupted by the restart marked FAILED", n);
        }
    }

    @Override
    public void destroy() {
        running.values().forEach(Solver::terminateEarly);
        executor.shutdownNow();
    }

    public int defaultBudgetSeconds() {
        return defaultBudget;
    }

    public int maxBudgetSeconds() {
        return maxBudget;
    }

    // ------------------------------------------------------------------ requests

    /**
     * Queues a solve of the operator's provider's day. Bad fields answer one problem naming each: the day from today to
     * the end of the order horizon, REPLAN only for today, a time limit of 1..max seconds, unavailable caregivers of the
     * provider. A 409 problem when the day is already being planned or the planner's queue is full.
     */
    public PlanningJob request(LocalDate day, PlanningJob.Kind kind, Integer budgetSeconds, List<Long> unavailable, Jurisdiction j) {
        long provider = provider(j);
        LocalDate today = dispatch.today();
        Violations v = new Violations();
        if (day == null) {
            v.add("date", "required", "choose the day to plan");
        } else if (day.isBefore(today) || day.isAfter(today.plusDays(dispatch.horizonDays() - 1L))) {
            v.add("date", "range", "the day must lie between " + today + " and " + today.plusDays(dispatch.horizonDays() - 1L));
        }
        PlanningJob.Kind k = kind == null ? PlanningJob.Kind.PLAN : kind;
        if (k == PlanningJob.Kind.REPLAN && day != null && !day.equals(today)) {
            v.add("kind", "replanToday", "only today can be re-planned; plan other days");
        }
        int budget = budgetSeconds == null ? defaultBudget : budgetSeconds;
        if (budget < 1 || budget > maxBudget) {
            v.add("budgetSeconds", "range", "the time limit is 1 to " + maxBudget + " seconds");
        }
        List<Long> off = unavailable == null ? List.of() : unavailable.stream().distinct().sorted().toList();
        if (!off.isEmpty()) {
            Set<Long> own = new HashSet<>(workforce.ofProvider(provider).stream().map(Caregiver::userId).toList());
            if (off.stream().anyMatch(id -> id == null || !own.contains(id))) {
                v.add("unavailableCaregiverIds", "unknown", "only caregivers of your provider can be marked unavailable");
            }
        }
        v.throwIfAny();
        long id = jobs.insert(provider, day, k, budget, off, j.username(), clock.instant());
        try {
            executor.execute(() -> run(id));
        } catch (RejectedExecutionException e) {
            jobs.end(id, PlanningJob.Status.FAILED, "the planner is busy", clock.instant());
            throw new ConflictException("date", "the planner is busy with other providers' days; try again in a minute");
        }
        return jobs.find(id).orElseThrow();
    }

    /** The demo's finished plan: solves on the caller's thread (a short budget) and answers the job when done. */
    public PlanningJob solveNow(LocalDate day, int budgetSeconds, Jurisdiction j) {
        long provider = provider(j);
        long id = jobs.insert(provider, day, PlanningJob.Kind.PLAN, budgetSeconds, List.of(), j.username(), clock.instant());
        run(id);
        return jobs.find(id).orElseThrow();
    }

    public PlanningJob get(long id, Jurisdiction j) {
        long provider = provider(j);
        return jobs.find(id).filter(x -> x.providerId() == provider).orElseThrow(() -> new NotFoundException("planning job", id));
    }

    /** The provider's jobs for a day (all days when null), newest first. */
    public List<PlanningJob> list(LocalDate day, Jurisdiction j) {
        return jobs.list(provider(j), day, 50);
    }

    /** Stops a queued or solving job (CANCELLED), or discards a finished plan; 409 once applied, failed or cancelled. */
    public PlanningJob cancel(long id, Jurisdiction j) {
        PlanningJob job = get(id, j);
        if (job.status() == PlanningJob.Status.DONE) {
            jobs.discard(id);
            return jobs.find(id).orElseThrow();
        }
        if (!job.status().active()) {
            throw new ConflictException("status", "planning job " + id + " is " + job.status());
        }
        cancelled.add(id);
        Solver<RoutePlan> solver = running.get(id);
        if (solver != null) {
            solver.terminateEarly();
        }
        if (jobs.end(id, PlanningJob.Status.CANCELLED, "cancelled by " + j.username(), clock.instant())) {
            broadcastEnd(id, PlanningJob.Status.CANCELLED);
        }
        return jobs.find(id).orElseThrow();
    }

    /**
     * Applies a finished plan as assignments, all or nothing: every order must still be as it was when planned (else a
     * 409 naming {@code orderId}); orders that move are unassigned first, an unavailable caregiver's unstarted orders
     * left out are unassigned, pending orders in a route are accepted, then each is assigned through
     * {@link DispatchManagement#assign} (policy and clash checks included).
     */
    @Transactional
    public PlanningJob apply(long id, Jurisdiction j) {
        PlanningJob job = get(id, j);
        if (job.status() != PlanningJob.Status.DONE || job.result() == null) {
            throw new ConflictException("status", "only a finished plan can be applied; planning job " + id + " is " + job.status());
        }
        if (!jobs.applied(id, j.username(), clock.instant())) {
            throw new ConflictException("status", "planning job " + id + " was applied or discarded meanwhile");
        }
        String why = "route plan #" + id;
        Set<Long> off = new HashSet<>(job.unavailableCaregivers());
        List<long[]> toAssign = new ArrayList<>();
        for (PlanningJob.RouteView r : job.result().routes()) {
            for (PlanningJob.StopView s : r.stops()) {
                Order o = unchanged(s.orderId(), s.caregiverBefore(), s.statusBefore(), j);
                if (s.pinned()) {
                    continue;
                }
                if (o.caregiverUserId() != null && o.caregiverUserId() != r.caregiverUserId()) {
                    dispatch.unassign(o.id(), why, j);
                }
                if (o.caregiverUserId() == null || o.caregiverUserId() != r.caregiverUserId()) {
                    toAssign.add(new long[] { o.id(), r.caregiverUserId(), o.status() == OrderStatus.PENDING ? 1 : 0 });
                }
            }
        }
        for (PlanningJob.UnassignedView u : job.result().unassigned()) {
            Order o = unchanged(u.orderId(), u.caregiverBefore(), u.statusBefore(), j);
            // an order the plan leaves out loses its caregiver (whose time the plan may give to another visit); one the
            // planner could not place for want of coordinates, and one under way, stay as they are
            if (o.caregiverUserId() != null && !Planner.NO_LOCATION.equals(u.reason()) && !startedBy(o, job)) {
                dispatch.unassign(o.id(), why + (off.contains(o.caregiverUserId()) ? ": caregiver unavailable, nobody free could take it"
                        : ": left out of the plan (" + u.reason() + ")"), j);
            }
        }
        for (long[] a : toAssign) {
            if (a[2] == 1) {
                dispatch.accept(a[0], j);
            }
            dispatch.assign(a[0], a[1], j);
        }
        return jobs.find(id).orElseThrow();
    }

    /** Begun by the clock when the job's day is today (the planner's notion of started or done). */
    private boolean startedBy(Order o, PlanningJob job) {
        return job.serviceDate().equals(dispatch.today()) && !o.windowStart().isAfter(job.startedAt() == null ? clock.instant() : job.startedAt());
    }

    private Order unchanged(long orderId, Long caregiverBefore, String statusBefore, Jurisdiction j) {
        Order o = dispatch.get(orderId, j);
        if (!o.status().name().equals(statusBefore) || !java.util.Objects.equals(o.caregiverUserId(), caregiverBefore)) {
            throw new ConflictException("orderId", "order " + orderId + " changed since the plan was made (" + statusBefore + " → " + o.status()
                    + "); plan the day again");
        }
        return o;
    }

    // ------------------------------------------------------------------ live progress

    /** A live stream of the job's progress: {@code progress} events (new best scores), then {@code end} with the final status. */
    public SseEmitter subscribe(long id, Jurisdiction j) {
        PlanningJob job = get(id, j);
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(15).toMillis());
        try {
            emitter.send(SseEmitter.event().name("hello").data(Map.of("status", job.status().name()), MediaType.APPLICATION_JSON).reconnectTime(2000));
            if (!job.status().active()) {
                emitter.send(SseEmitter.event().name("end").data(Map.of("status", job.status().name()), MediaType.APPLICATION_JSON));
                emitter.complete();
                return emitter;
            }
        } catch (IOException e) {
            return emitter;
        }
        PlanningJob.Progress last = latest.get(id);
        if (last != null) {
            try {
                emitter.send(SseEmitter.event().name("progress").data(last, MediaType.APPLICATION_JSON));
            } catch (IOException e) {
                return emitter;
            }
        }
        List<SseEmitter> list = listeners.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>());
        list.add(emitter);
        emitter.onCompletion(() -> list.remove(emitter));
        emitter.onTimeout(() -> list.remove(emitter));
        emitter.onError(e -> list.remove(emitter));
        // the job may have ended between reading it and listening
        jobs.find(id).filter(x -> !x.status().active()).ifPresent(x -> broadcastEnd(id, x.status()));
        return emitter;
    }

    private void broadcast(long id, String event, Object data) {
        List<SseEmitter> list = listeners.get(id);
        if (list == null) {
            return;
        }
        for (SseEmitter e : list) {
            try {
                e.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException ex) {
                list.remove(e);
            }
        }
    }

    private void broadcastEnd(long id, PlanningJob.Status status) {
        latest.remove(id);
        broadcast(id, "end", Map.of("status", status.name()));
        List<SseEmitter> list = listeners.remove(id);
        if (list != null) {
            list.forEach(SseEmitter::complete);
        }
    }

    // ------------------------------------------------------------------ solving

    private void run(long id) {
        PlanningJob job = jobs.find(id).orElse(null);
        if (job == null || cancelled.remove(id) || !jobs.start(id, clock.instant())) {
            return;
        }
        broadcast(id, "progress", Map.of("status", "SOLVING", "ms", 0));
        try {
            Input in = input(job);
            List<PlanningJob.Progress> pending = new ArrayList<>();
            long[] lastWrite = { 0 };
            Planner planner = new Planner(SETTINGS);
            Planner.Solved solved = planner.solve(in.request(), Duration.ofSeconds(job.timeLimitSeconds()), id, (score, ms) -> {
                PlanningJob.Progress p = new PlanningJob.Progress(ms, -score.hardScore(), -score.mediumScore(), -score.softScore());
                pending.add(p);
                latest.put(id, p);
                broadcast(id, "progress", p);
                if (ms - lastWrite[0] >= PERSIST_EVERY_MS) {
                    jobs.progress(id, List.copyOf(pending));
                    pending.clear();
                    lastWrite[0] = ms;
                }
            }, solver -> {
                running.put(id, solver);
                if (cancelled.contains(id)) {
                    solver.terminateEarly();
                }
            });
            running.remove(id);
            jobs.progress(id, pending);
            if (cancelled.remove(id)) {
                return;
            }
            Map<Long, String> reasons = planner.explainUnassigned(solved.mapping(), solved.plan(), 40);
            Planner.Result current = planner.current(in.request());
            PlanningJob.PlanView view = view(in, solved.result(), reasons, current);
            Planner.Result r = solved.result();
            if (jobs.done(id, view, r.hardPenalty(), r.mediumPenalty(), r.softPenalty(), clock.instant())) {
                broadcastEnd(id, PlanningJob.Status.DONE);
            }
            log.info("Planning job {} ({} {} of provider {}): {} orders, {} caregivers, {} assigned, {} unassigned, hard {} medium {} soft {}",
                    id, job.kind(), job.serviceDate(), job.providerId(), in.request().orders().size(), in.request().caregivers().size(),
                    r.assignments().size(), r.unassignedOrderIds().size(), r.hardPenalty(), r.mediumPenalty(), r.softPenalty());
        } catch (RuntimeException | Error e) {
            running.remove(id);
            cancelled.remove(id);
            log.warn("Planning job {} failed", id, e);
            if (jobs.end(id, PlanningJob.Status.FAILED, e.toString(), clock.instant())) {
                broadcastEnd(id, PlanningJob.Status.FAILED);
            }
        }
    }

    /** The solver's input and what the view needs besides. */
    private record Input(Planner.Request request, Map<Long, Order> orders, Map<Long, Caregiver> caregivers, Map<Long, GeoPoint> homes,
            Set<Long> pinned) {
    }

    private Input input(PlanningJob job) {
        LocalDate day = job.serviceDate();
        Instant now = clock.instant();
        boolean today = day.equals(dispatch.today());
        Set<Long> off = new HashSet<>(job.unavailableCaregivers());
        List<Order> all = orders.list(new OrderQuery(day, day, PLANNED, null, job.providerId(), null, null),
                new OrderQuery.Scope("/%", job.providerId(), null, null), MAX_ORDERS);
        List<Order> planned = new ArrayList<>();
        List<Long> pinned = new ArrayList<>();
        for (Order o : all) {
            boolean started = today && o.status() == OrderStatus.ASSIGNED && !o.windowStart().isAfter(now);
            if (started && off.contains(o.caregiverUserId())) {
                continue; // done or under way by someone now unavailable: stays as it is, out of the plan
            }
            planned.add(o);
            if (started) {
                pinned.add(o.id());
            }
        }
        planned.sort(Comparator.comparing(Order::windowStart).thenComparingLong(Order::id));
        // in the order they were performed: by start (the planned list is sorted so)
        pinned.clear();
        planned.stream().filter(o -> today && o.status() == OrderStatus.ASSIGNED && !o.windowStart().isAfter(now)).forEach(o -> pinned.add(o.id()));
        List<Caregiver> team = workforce.ofProvider(job.providerId());
        List<Caregiver> caregivers = team.stream().filter(c -> !off.contains(c.userId())).toList();
        Map<Long, GeoPoint> homes = new HashMap<>();
        Jurisdiction system = Jurisdiction.system("/");
        for (Order o : planned) {
            if (!homes.containsKey(o.elderId())) {
                elders.location(o.elderId(), system).ifPresent(p -> homes.put(o.elderId(), p));
            }
        }
        Map<Long, Long> usual = jobs.usualCaregivers(planned.stream().map(Order::elderId).distinct().toList(),
                day.atStartOfDay(OrderGeneration.ZONE).toInstant());
        Planner.Request request = new Planner.Request(day, planned, caregivers, homes, usual, pinned,
                (userId, q, min) -> workforce.assignability(userId, q, min, day).eligible(), today ? now : null,
                workforce.shiftHours(caregivers.stream().map(Caregiver::userId).toList()));
        Map<Long, Order> byId = new HashMap<>();
        planned.forEach(o -> byId.put(o.id(), o));
        Map<Long, Caregiver> byUser = new HashMap<>();
        team.forEach(c -> byUser.put(c.userId(), c));
        return new Input(request, byId, byUser, homes, new HashSet<>(pinned));
    }

    private PlanningJob.PlanView view(Input in, Planner.Result result, Map<Long, String> reasons, Planner.Result current) {
        Map<Long, List<Planner.Assignment>> byCaregiver = new java.util.LinkedHashMap<>();
        for (Caregiver c : in.request().caregivers()) {
            byCaregiver.put(c.userId(), new ArrayList<>());
        }
        for (Planner.Assignment a : result.assignments()) {
            byCaregiver.computeIfAbsent(a.caregiverUserId(), k -> new ArrayList<>()).add(a);
        }
        List<PlanningJob.RouteView> routes = new ArrayList<>();
        int changes = 0;
        for (var e : byCaregiver.entrySet()) {
            Caregiver c = in.caregivers().get(e.getKey());
            List<PlanningJob.StopView> stops = new ArrayList<>();
            long travel = 0;
            for (Planner.Assignment a : e.getValue()) {
                Order o = in.orders().get(a.orderId());
                GeoPoint home = in.homes().get(o.elderId());
                Instant end = a.plannedStart().plusSeconds(60L * o.durationMinutes());
                stops.add(new PlanningJob.StopView(o.id(), o.elderId(), o.elderName(), o.itemName(), o.priority().name(),
                        home == null ? null : home.latitude(), home == null ? null : home.longitude(), a.plannedStart(), end, o.windowStart(),
                        o.windowEnd(), a.travelMinutes(), a.pinned(), o.caregiverUserId(), o.status().name()));
                travel += a.travelMinutes();
                if (o.caregiverUserId() == null || o.caregiverUserId() != e.getKey()) {
                    changes++;
                }
            }
            GeoPoint base = c == null ? null : c.base();
            long work = stops.isEmpty() ? 0 : Duration.between(stops.getFirst().start().minusSeconds(60L * stops.getFirst().travelMinutes()),
                    stops.getLast().end()).toMinutes();
            routes.add(new PlanningJob.RouteView(e.getKey(), c == null ? String.valueOf(e.getKey()) : c.displayName(),
                    base == null ? null : base.latitude(), base == null ? null : base.longitude(), work, travel, stops));
        }
        List<PlanningJob.UnassignedView> unassigned = new ArrayList<>();
        for (Long id : result.unassignedOrderIds()) {
            Order o = in.orders().get(id);
            GeoPoint home = in.homes().get(o.elderId());
            unassigned.add(new PlanningJob.UnassignedView(o.id(), o.elderId(), o.elderName(), o.itemName(), o.priority().name(),
                    home == null ? null : home.latitude(), home == null ? null : home.longitude(), o.windowStart(),
                    o.windowEnd(), reasons.getOrDefault(id, Planner.NOT_REACHED), o.caregiverUserId(), o.status().name()));
        }
        unassigned.sort(Comparator.comparing(PlanningJob.UnassignedView::windowStart));
        return new PlanningJob.PlanView(routes, unassigned, metrics(result.metrics()), metrics(current.metrics()), changes, in.pinned().size());
    }

    private static PlanningJob.Metrics metrics(Planner.Metrics m) {
        return new PlanningJob.Metrics(m.travelMinutes(), m.latenessMinutes(), m.continuityBreaks(), m.workloadSpreadMinutes(), m.assigned(),
                m.unassigned(), m.hardPenalty(), m.mediumPenalty(), m.softPenalty());
    }

    // ------------------------------------------------------------------ helpers

    /** The operator's provider; planning needs ORDER_MANAGE and an organisation. */
    private long provider(Jurisdiction j) {
        if (!j.can("ORDER_MANAGE")) {
            throw new AccessDeniedException("planning routes needs the ORDER_MANAGE permission");
        }
        Long p = dispatch.operatorProvider(j);
        if (p == null) {
            throw new AccessDeniedException("planning routes is for a provider's operators");
        }
        return p;
    }

    Optional<Solver<RoutePlan>> solverOf(long id) {
        return Optional.ofNullable(running.get(id));
    }
}
