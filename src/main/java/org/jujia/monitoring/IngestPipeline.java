package org.jujia.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ingest: device messages from MQTT or HTTP are batched (up to {@code batch-size} messages or
 * {@code batch-window}), and each batch is ONE transaction — de-duplication by (device, message id), the raw
 * telemetry rows, the devices' last-seen/heartbeat/battery, the rejected messages, and the alarm rules through
 * {@link SignalProcessor} — after whose commit the messages are acknowledged. A message is therefore never
 * acknowledged before it is persisted, and a redelivered one is processed once. Malformed messages are counted,
 * logged, stored and acknowledged; a failing batch is retried message by message, and the consumer never stops.
 *
 * <p>{@code workers} threads share the load, each with its own queue and its own transactions; a message goes to the
 * worker chosen by its device serial, so one device's messages are processed one after the other, in arrival order
 * (what the stateful rules need), while the database works on several batches at once.
 */
@Component
class IngestPipeline implements SmartLifecycle {

    static final int PHASE = MqttBroker.PHASE + 100;

    private static final Logger log = LoggerFactory.getLogger(IngestPipeline.class);

    enum Status {
        ACCEPTED, DUPLICATE, REJECTED
    }

    /** What became of a message. */
    record Outcome(Status status, DevicePayloads.Rejection rejection, Long deviceId) {
    }

    /**
     * A message as received: the serial named by the topic or URL, the channel, the raw payload, who acknowledges it.
     * {@code relayedBy} is set when an HTTP caller authenticated as a gateway posts for one of its sensors.
     */
    record Incoming(String serial, DeviceSignal.Kind kind, byte[] payload, Instant receivedAt, String source, String topic, Runnable ack,
            CompletableFuture<Outcome> done) {
    }

    private final DevicePayloads payloads;
    private final DeviceDirectory directory;
    private final TelemetryStore store;
    private final SignalProcessor processor;
    private final TransactionTemplate tx;
    private final IngestProperties props;
    private final Clock clock;
    private final List<BlockingQueue<Incoming>> queues;
    private final MeterRegistry meters;
    private final Timer batchTimer;
    private final Timer latency;
    private final DistributionSummary batchSize;
    private final Counter accepted;
    private final Counter duplicates;
    private final Counter signalsProcessed;
    private final Map<DevicePayloads.Reason, Counter> rejected = new EnumMap<>(DevicePayloads.Reason.class);
    private volatile boolean running;
    private volatile List<Thread> workers = List.of();

    IngestPipeline(JsonMapper json, DeviceDirectory directory, TelemetryStore store, SignalProcessor processor, TransactionTemplate tx,
            IngestProperties props, Clock clock, MeterRegistry meters) {
        this.payloads = new DevicePayloads(json);
        this.directory = directory;
        this.store = store;
        this.processor = processor;
        this.tx = tx;
        this.props = props;
        this.clock = clock;
        this.meters = meters;
        List<BlockingQueue<Incoming>> qs = new ArrayList<>();
        for (int i = 0; i < props.workers(); i++) {
            qs.add(new ArrayBlockingQueue<>(Math.max(props.batchSize(), props.queueCapacity() / props.workers())));
        }
        this.queues = List.copyOf(qs);
        this.batchTimer = Timer.builder("jujia.ingest.batch").description("one ingest transaction").publishPercentiles(0.5, 0.99).register(meters);
        this.latency = Timer.builder("jujia.ingest.latency").description("receipt to commit of a message").publishPercentiles(0.5, 0.99)
                .register(meters);
        this.batchSize = DistributionSummary.builder("jujia.ingest.batch.size").register(meters);
        this.accepted = Counter.builder("jujia.ingest.messages").tag("outcome", "accepted").register(meters);
        this.duplicates = Counter.builder("jujia.ingest.messages").tag("outcome", "duplicate").register(meters);
        this.signalsProcessed = Counter.builder("jujia.ingest.signals").description("signals handed to the alarm rules").register(meters);
        for (DevicePayloads.Reason r : DevicePayloads.Reason.values()) {
            rejected.put(r, Counter.builder("jujia.ingest.rejected").tag("reason", r.name()).register(meters));
        }
        meters.gauge("jujia.ingest.queue", queues, all -> all.stream().mapToInt(BlockingQueue::size).sum());
    }

    /** Hands a message to the ingest; blocks while the queue is full (back-pressure on the broker connection). */
    void submit(Incoming in) {
        try {
            queues.get(partition(in.serial(), queues.size())).put(in);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing a device message", e);
        }
    }

    /**
     * Hands a message to the ingest if its worker's queue has room and the ingest runs; never blocks (the broker's
     * fast path calls it on the broker's threads and takes the ordinary path when this answers false).
     */
    boolean offer(Incoming in) {
        return running && queues.get(partition(in.serial(), queues.size())).offer(in);
    }

    /** The worker of a device: fixed per serial, so one device's messages keep their order. */
    static int partition(String serial, int workers) {
        return serial == null ? 0 : Math.floorMod(serial.hashCode(), workers);
    }

    long rejectedCount(DevicePayloads.Reason reason) {
        return (long) rejected.get(reason).count();
    }

    @Override
    public void start() {
        running = true;
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < queues.size(); i++) {
            BlockingQueue<Incoming> q = queues.get(i);
            started.add(Thread.ofPlatform().name("jujia-ingest-" + i).daemon(true).start(() -> loop(q)));
        }
        workers = List.copyOf(started);
    }

    @Override
    public void stop() {
        running = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (Thread w : workers) {
            try {
                w.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void loop(BlockingQueue<Incoming> queue) {
        List<Incoming> batch = new ArrayList<>(props.batchSize());
        while (running || !queue.isEmpty()) {
            try {
                Incoming first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long deadline = System.nanoTime() + props.batchWindow().toNanos();
                while (batch.size() < props.batchSize()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        queue.drainTo(batch, props.batchSize() - batch.size());
                        break;
                    }
                    Incoming next = queue.poll(Math.min(left, props.batchIdle().toNanos()), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                handle(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable t) {
                log.error("Ingest loop error (continuing)", t);
            } finally {
                batch.clear();
            }
        }
    }

    /** Processes a batch; on failure message by message; never acknowledges what is not persisted. */
    private void handle(List<Incoming> batch) throws InterruptedException {
        try {
            process(batch);
            return;
        } catch (RuntimeException e) {
            log.warn("Ingest batch of {} failed ({}); retrying message by message", batch.size(), e.toString());
        }
        for (Incoming in : batch) {
            int attempt = 0;
            while (true) {
                try {
                    process(List.of(in));
                    break;
                } catch (RuntimeException e) {
                    attempt++;
                    log.error("Device message from {} on {} could not be processed (attempt {})", in.serial(), in.topic(), attempt, e);
                    try {
                        var rejection = new DevicePayloads.Rejection(DevicePayloads.Reason.PROCESSING_FAILED, null, String.valueOf(e.getMessage()));
                        tx.executeWithoutResult(s -> store.insertRejects(List.of(reject(in, rejection))));
                        finish(in, new Outcome(Status.REJECTED, rejection, null));
                        break;
                    } catch (RuntimeException storeFailed) {
                        // the database is unavailable: keep the message unacknowledged and try again
                        Thread.sleep(Math.min(10_000, 500L * attempt));
                    }
                }
            }
        }
    }

    private void process(List<Incoming> batch) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        Set<String> serials = new HashSet<>();
        batch.forEach(in -> serials.add(in.serial()));
        Map<String, DeviceStore.Record> devices = directory.findAll(serials);

        int n = batch.size();
        Outcome[] outcomes = new Outcome[n];
        DeviceSignal[] signals = new DeviceSignal[n];
        List<TelemetryStore.Reject> rejects = new ArrayList<>();
        List<TelemetryStore.Key> keys = new ArrayList<>();
        Set<TelemetryStore.Key> inBatch = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Incoming in = batch.get(i);
            DevicePayloads.Rejection rejection = null;
            DeviceStore.Record device = devices.get(in.serial());
            DevicePayloads.Parsed parsed = payloads.parse(in.payload(), in.kind());
            if (device == null) {
                rejection = new DevicePayloads.Rejection(DevicePayloads.Reason.UNKNOWN_DEVICE, "serial", "no device " + in.serial() + " is registered");
            } else if (device.status() != DeviceStatus.ACTIVE) {
                rejection = new DevicePayloads.Rejection(DevicePayloads.Reason.RETIRED_DEVICE, "serial", "device " + in.serial() + " is retired");
            } else if (!parsed.ok()) {
                rejection = parsed.rejection();
            } else {
                rejection = DevicePayloads.checkFor(device.type(), parsed.message());
            }
            if (rejection != null) {
                outcomes[i] = new Outcome(Status.REJECTED, rejection, device == null ? null : device.id());
                rejects.add(reject(in, rejection));
                continue;
            }
            DevicePayloads.Message m = parsed.message();
            var key = new TelemetryStore.Key(device.id(), m.msgId());
            if (!inBatch.add(key)) {
                outcomes[i] = new Outcome(Status.DUPLICATE, null, device.id());
                continue;
            }
            keys.add(key);
            signals[i] = new DeviceSignal(device.id(), device.serial(), device.type(), device.elderId(), device.room(), in.kind(), m.event(),
                    m.values(), m.ts() == null ? in.receivedAt() : m.ts(), in.receivedAt(), m.msgId());
        }

        List<DeviceSignal> fresh = new ArrayList<>();
        tx.executeWithoutResult(s -> {
            fresh.clear();
            Set<TelemetryStore.Key> isNew = store.markSeen(keys, now);
            for (int i = 0; i < n; i++) {
                DeviceSignal sig = signals[i];
                if (sig == null) {
                    continue;
                }
                if (isNew.contains(new TelemetryStore.Key(sig.deviceId(), sig.messageId()))) {
                    outcomes[i] = new Outcome(Status.ACCEPTED, null, sig.deviceId());
                    fresh.add(sig);
                } else {
                    outcomes[i] = new Outcome(Status.DUPLICATE, null, sig.deviceId());
                }
            }
            store.insertTelemetry(fresh);
            store.touchDevices(fresh);
            store.insertRejects(rejects);
            if (!fresh.isEmpty()) {
                processor.process(List.copyOf(fresh));
            }
        });

        Instant committed = clock.instant();
        signalsProcessed.increment(fresh.size());
        for (int i = 0; i < n; i++) {
            Incoming in = batch.get(i);
            Outcome o = outcomes[i];
            switch (o.status()) {
                case ACCEPTED -> {
                    accepted.increment();
                    latency.record(java.time.Duration.between(in.receivedAt(), committed));
                }
                case DUPLICATE -> duplicates.increment();
                case REJECTED -> {
                    rejected.get(o.rejection().reason()).increment();
                    log.warn("Rejected device message ({}) from '{}' on {}: {}", o.rejection().reason(), in.serial(), in.topic(),
                            o.rejection().describe());
                }
            }
            finish(in, o);
        }
        batchSize.record(n);
        batchTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    private static void finish(Incoming in, Outcome o) {
        try {
            if (in.ack() != null) {
                in.ack().run();
            }
        } finally {
            if (in.done() != null) {
                in.done().complete(o);
            }
        }
    }

    private static TelemetryStore.Reject reject(Incoming in, DevicePayloads.Rejection r) {
        String payload = in.payload() == null ? null : new String(in.payload(), 0, Math.min(in.payload().length, 4000), StandardCharsets.UTF_8);
        return new TelemetryStore.Reject(in.receivedAt(), in.source(), in.topic(), in.serial(), r.reason().name(), r.describe(), payload);
    }
}
