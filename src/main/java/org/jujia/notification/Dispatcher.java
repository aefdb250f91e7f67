package org.jujia.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends notifications. Right after the enqueuing transaction commits, a notification's id goes to the claim queue
 * (urgent ones first); one claimer takes whatever has queued up and claims it in one statement, each claimed row is
 * sent on a virtual thread (at most {@code concurrency-per-channel} per channel at once, urgent ones with their own
 * permits so they never wait behind routine ones), and one recorder writes acknowledgements in batches, publishing
 * {@link NotificationDelivered} in the same transaction. Under light load every batch has one row and nothing waits;
 * under heavy load the batches grow and the connection pool is spared. The module's other database work goes through
 * a gate of {@code db-concurrency} permits.
 *
 * <p>A failed attempt is rescheduled with {@link BackoffPolicy}: short delays on an in-process timer; every second the
 * poller claims due retries and rows a crashed node left PENDING or SENDING ({@code FOR UPDATE SKIP LOCKED}, so
 * several nodes can poll).
 */
@Component
class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    /** A PENDING row older than this was not dispatched after its commit (a crash, a full node): the poller takes it. */
    static final Duration PENDING_GRACE = Duration.ofSeconds(2);
    /** Retries due within this are timed in-process; later ones are left to the poller. */
    static final Duration TIMER_HORIZON = Duration.ofSeconds(30);
    /** Most rows claimed or recorded by one statement. */
    static final int BATCH = 200;

    private record Queued(long id, boolean urgent, long seq) {
    }

    private final OutboxStore store;
    private final ContentSeal seal;
    private final Map<Channel, ChannelAdapter> adapters = new EnumMap<>(Channel.class);
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final NotificationProperties.Dispatch config;
    private final BackoffPolicy backoff;
    private final MeterRegistry meters;
    private final DatabaseGate gate;
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("notify-", 0).factory());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("notify-retry-timer").daemon().factory());
    private final Map<Channel, Semaphore> routine = new EnumMap<>(Channel.class);
    private final Map<Channel, Semaphore> urgent = new EnumMap<>(Channel.class);
    private final BlockingQueue<Queued> toClaim = new PriorityBlockingQueue<>(1024,
            Comparator.comparing((Queued q) -> !q.urgent()).thenComparingLong(Queued::seq));
    private final BlockingQueue<OutboxStore.Ack> toRecord = new LinkedBlockingQueue<>();
    private final AtomicLong seq = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean running;
    private Thread claimer;
    private Thread recorder;

    Dispatcher(OutboxStore store, ContentSeal seal, List<ChannelAdapter> adapters, TransactionTemplate tx, ApplicationEventPublisher events,
            Clock clock, NotificationProperties props, MeterRegistry meters, DatabaseGate gate) {
        this.store = store;
        this.seal = seal;
        adapters.forEach(a -> this.adapters.put(a.channel(), a));
        for (Channel c : Channel.values()) {
            if (!this.adapters.containsKey(c)) {
                throw new IllegalStateException("no adapter for channel " + c);
            }
            routine.put(c, new Semaphore(props.dispatch().concurrencyPerChannel()));
            urgent.put(c, new Semaphore(props.dispatch().concurrencyPerChannel()));
        }
        this.tx = tx;
        this.events = events;
        this.clock = clock;
        this.config = props.dispatch();
        this.backoff = config.backoff();
        this.meters = meters;
        this.gate = gate;
    }

    ChannelAdapter adapter(Channel channel) {
        return adapters.get(channel);
    }

    /** Dispatches a committed notification now (called after the enqueuing transaction committed). */
    void dispatchSoon(long id, Channel channel, boolean isUrgent) {
        if (running) {
            toClaim.add(new Queued(id, isUrgent, seq.incrementAndGet()));
        } // else the poller of this or another node takes it
    }

    private void claimLoop() {
        List<Queued> batch = new ArrayList<>(BATCH);
        while (running || !toClaim.isEmpty()) {
            try {
                Queued first = toClaim.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                toClaim.drainTo(batch, BATCH - 1);
                Instant now = clock.instant();
                List<Long> ids = batch.stream().map(Queued::id).toList();
                List<OutboxStore.Claimed> claimed = gate.call(() -> store.claimAll(ids, now, now.plus(config.lease())));
                claimed.stream().sorted(Comparator.comparing((OutboxStore.Claimed c) -> !c.urgent())).forEach(this::send);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("claiming {} notifications failed; the poller will take them: {}", batch.size(), e.toString());
            } finally {
                batch.clear();
            }
        }
    }

    /** Claims due retries and abandoned rows, as many as this node has room for. */
    @Scheduled(fixedDelayString = "${jujia.notification.dispatch.poll-interval:1s}", initialDelayString = "${jujia.notification.dispatch.poll-interval:1s}")
    void poll() {
        if (!running) {
            return;
        }
        int room = Math.min(config.pollBatch(), config.concurrencyPerChannel() * Channel.values().length * 2 - inFlight.get());
        if (room <= 0) {
            return;
        }
        Instant now = clock.instant();
        gate.call(() -> store.claimDue(now, now.minus(PENDING_GRACE), now.plus(config.lease()), room)).forEach(this::send);
    }

    /** Sends a claimed row on its own virtual thread, within its channel's permits. */
    private void send(OutboxStore.Claimed row) {
        inFlight.incrementAndGet();
        workers.execute(() -> {
            Semaphore s = (row.urgent() ? urgent : routine).get(row.channel());
            s.acquireUninterruptibly();
            try {
                attempt(row);
            } catch (RuntimeException e) {
                log.error("notification {} dispatch failed unexpectedly; retried after its lease", row.id(), e);
            } finally {
                s.release();
                inFlight.decrementAndGet();
            }
        });
    }

    /** One attempt of a claimed row: open it, send it through its channel's adapter, record the outcome. */
    void attempt(OutboxStore.Claimed row) {
        ChannelAdapter.Delivery outcome;
        try {
            ContentSeal.Content content = seal.open(row.contentEnc());
            var outbound = new ChannelAdapter.Outbound(row.id(), row.channel(), seal.openText(row.recipientEnc()), row.recipientUser(), content.title(),
                    content.body(), content.data(), row.reference(), row.urgent(), row.attempts(), row.enqueuedAt(), row.contentEnc());
            outcome = adapters.get(row.channel()).send(outbound);
        } catch (RuntimeException e) {
            outcome = ChannelAdapter.Delivery.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        Instant now = clock.instant();
        counter(row.channel(), outcome.acknowledged() ? "acknowledged" : "failed").increment();
        if (outcome.acknowledged()) {
            toRecord.add(new OutboxStore.Ack(row.id(), now, outcome.channelRef()));
            return;
        }
        OutboxStatus status = backoff.statusAfterFailure(row.attempts(), row.urgent());
        Duration delay = backoff.delayAfter(row.attempts());
        Instant next = now.plus(delay);
        String error = outcome.error();
        if (gate.call(() -> store.markFailed(row.id(), row.attempts(), status, next, error))) {
            if (status == OutboxStatus.FAILING || status == OutboxStatus.GAVE_UP) {
                log.warn("notification {} ({}, urgent={}) {} after {} attempts: {}", row.id(), row.channel(), row.urgent(), status, row.attempts(), error);
            }
            if (status != OutboxStatus.GAVE_UP && delay.compareTo(TIMER_HORIZON) <= 0 && running) {
                timer.schedule(() -> dispatchSoon(row.id(), row.channel(), row.urgent()), delay.toMillis() + 5, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void recordLoop() {
        List<OutboxStore.Ack> batch = new ArrayList<>(BATCH);
        while (running || !toRecord.isEmpty()) {
            try {
                OutboxStore.Ack first = toRecord.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                toRecord.drainTo(batch, BATCH - 1);
                record(batch);
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the rows stay SENDING; after their lease the poller resends them with the same idempotency key
                log.warn("recording {} acknowledgements failed, retrying: {}", batch.size(), e.toString());
                try {
                    Thread.sleep(500);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void record(List<OutboxStore.Ack> batch) {
        List<NotificationDelivered> delivered = gate.call(() -> tx.execute(s -> {
            List<NotificationDelivered> rows = store.markAllDelivered(batch);
            rows.forEach(events::publishEvent);
            return rows;
        }));
        for (NotificationDelivered d : delivered) {
            Timer.builder("jujia.notification.delivery").description("from enqueueing to the channel's acknowledgement")
                    .tag("channel", d.channel().name()).publishPercentileHistogram().register(meters)
                    .record(Duration.between(d.enqueuedAt(), d.deliveredAt()));
        }
    }

    private Counter counter(Channel channel, String outcome) {
        return Counter.builder("jujia.notification.attempts").tag("channel", channel.name()).tag("outcome", outcome).register(meters);
    }

    int inFlight() {
        return inFlight.get();
    }

    @Override
    public void start() {
        running = true;
        claimer = Thread.ofPlatform().name("notify-claimer").daemon().start(this::claimLoop);
        recorder = Thread.ofPlatform().name("notify-recorder").daemon().start(this::recordLoop);
    }

    /** Stops taking new work, lets sends in flight finish (5 s at most) and records their acknowledgements. */
    @Override
    public void stop() {
        running = false;
        timer.shutdownNow();
        try {
            claimer.join(2_000);
            workers.shutdown();
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow(); // rows left SENDING are taken over by the poller once their lease runs out
            }
            recorder.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop before the web server and the database pool (which stop in later phases). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
