package org.jujia.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends notifications. Right after the enqueuing transaction commits, each one is dispatched on a virtual thread
 * (at most {@code concurrency-per-channel} per channel at once, urgent ones with their own permits so they never
 * queue behind routine ones). A failed attempt is rescheduled with {@link BackoffPolicy}: short delays on an
 * in-process timer, and every second the poller claims due retries and rows a crashed node left PENDING or SENDING
 * ({@code FOR UPDATE SKIP LOCKED}, so several nodes can poll).
 */
@Component
class Dispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    /** A PENDING row older than this was not dispatched after its commit (a crash, a full node): the poller takes it. */
    static final Duration PENDING_GRACE = Duration.ofSeconds(2);
    /** Retries due within this are timed in-process; later ones are left to the poller. */
    static final Duration TIMER_HORIZON = Duration.ofSeconds(30);

    private final OutboxStore store;
    private final ContentSeal seal;
    private final Map<Channel, ChannelAdapter> adapters = new EnumMap<>(Channel.class);
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final NotificationProperties.Dispatch config;
    private final BackoffPolicy backoff;
    private final MeterRegistry meters;
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("notify-", 0).factory());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("notify-retry-timer").daemon().factory());
    private final Map<Channel, Semaphore> routine = new EnumMap<>(Channel.class);
    private final Map<Channel, Semaphore> urgent = new EnumMap<>(Channel.class);
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean stopping;

    Dispatcher(OutboxStore store, ContentSeal seal, List<ChannelAdapter> adapters, TransactionTemplate tx, ApplicationEventPublisher events,
            Clock clock, NotificationProperties props, MeterRegistry meters) {
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
    }

    ChannelAdapter adapter(Channel channel) {
        return adapters.get(channel);
    }

    /** Dispatches a committed notification now (called after the enqueuing transaction committed). */
    void dispatchSoon(long id, Channel channel, boolean isUrgent) {
        if (stopping) {
            return; // the poller of this or another node takes it
        }
        inFlight.incrementAndGet();
        try {
            workers.execute(() -> {
                try {
                    withPermit(channel, isUrgent, () -> {
                        Instant now = clock.instant();
                        store.claim(id, now, now.plus(config.lease())).ifPresent(this::attempt);
                    });
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            inFlight.decrementAndGet();
        }
    }

    /** Claims due retries and abandoned rows, as many as this node has room for. */
    @Scheduled(fixedDelayString = "${jujia.notification.dispatch.poll-interval:1s}", initialDelayString = "${jujia.notification.dispatch.poll-interval:1s}")
    void poll() {
        if (stopping) {
            return;
        }
        int room = Math.min(config.pollBatch(), config.concurrencyPerChannel() * Channel.values().length * 2 - inFlight.get());
        if (room <= 0) {
            return;
        }
        Instant now = clock.instant();
        List<OutboxStore.Claimed> claimed = store.claimDue(now, now.minus(PENDING_GRACE), now.plus(config.lease()), room);
        for (OutboxStore.Claimed row : claimed) {
            inFlight.incrementAndGet();
            workers.execute(() -> {
                try {
                    withPermit(row.channel(), row.urgent(), () -> attempt(row));
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }
    }

    private void withPermit(Channel channel, boolean isUrgent, Runnable work) {
        Semaphore s = (isUrgent ? urgent : routine).get(channel);
        s.acquireUninterruptibly();
        try {
            work.run();
        } catch (RuntimeException e) {
            log.error("notification dispatch failed unexpectedly", e);
        } finally {
            s.release();
        }
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
            String ref = outcome.channelRef();
            tx.executeWithoutResult(s -> store.markDelivered(row.id(), now, ref).ifPresent(delivered -> {
                events.publishEvent(delivered);
                Timer.builder("jujia.notification.delivery").description("from enqueueing to the channel's acknowledgement")
                        .tag("channel", row.channel().name()).tag("urgent", Boolean.toString(row.urgent())).publishPercentileHistogram()
                        .register(meters).record(Duration.between(row.enqueuedAt(), now));
            }));
            return;
        }
        OutboxStatus status = backoff.statusAfterFailure(row.attempts(), row.urgent());
        Duration delay = backoff.delayAfter(row.attempts());
        Instant next = now.plus(delay);
        if (store.markFailed(row.id(), row.attempts(), status, next, outcome.error())) {
            if (status == OutboxStatus.FAILING || status == OutboxStatus.GAVE_UP) {
                log.warn("notification {} ({}, urgent={}) {} after {} attempts: {}", row.id(), row.channel(), row.urgent(), status, row.attempts(),
                        outcome.error());
            }
            if (status != OutboxStatus.GAVE_UP && delay.compareTo(TIMER_HORIZON) <= 0 && !stopping) {
                timer.schedule(() -> dispatchSoon(row.id(), row.channel(), row.urgent()), delay.toMillis() + 5, TimeUnit.MILLISECONDS);
            }
        }
    }

    private Counter counter(Channel channel, String outcome) {
        return Counter.builder("jujia.notification.attempts").tag("channel", channel.name()).tag("outcome", outcome).register(meters);
    }

    int inFlight() {
        return inFlight.get();
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        timer.shutdownNow();
        workers.shutdown();
        if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
            workers.shutdownNow(); // rows left SENDING are taken over by the poller once their lease runs out
        }
    }
}
