package org.jujia.monitoring;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jujia.shared.Jurisdiction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live feed behind the alarm board and the family page (server-sent events). Works across nodes: each node polls
 * {@code monitoring_alarm.updated_at} (once a second, and at once after a local change commits) and tells its own
 * subscribers about every alarm that changed within their jurisdiction; the browser then reloads the affected part
 * of the page. An event is {@code alarm} with data {@code {"id":…,"status":…,"version":…}}.
 */
@Component
class AlarmFeed {

    private static final Logger log = LoggerFactory.getLogger(AlarmFeed.class);
    /** Changes committed out of order (long transactions, other nodes) are caught by looking back this far. */
    private static final Duration LOOKBACK = Duration.ofSeconds(5);
    private static final Duration KEEPALIVE = Duration.ofSeconds(20);

    private record Subscriber(SseEmitter emitter, String scopePath, boolean familyOnly, Set<Long> elderIds) {
        boolean sees(Alarm a) {
            return a.regionPath().startsWith(scopePath) && (!familyOnly || (a.elderId() != null && elderIds.contains(a.elderId())));
        }
    }

    private final AlarmStore store;
    private final Clock clock;
    private final Set<Subscriber> subscribers = new CopyOnWriteArraySet<>();
    private final Map<Long, Integer> sent = new HashMap<>();
    private final AtomicBoolean polling = new AtomicBoolean();
    /** A change arrived while a poll was running: poll again right after it. */
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile Instant watermark;
    private volatile Instant lastKeepalive;

    AlarmFeed(AlarmStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.watermark = clock.instant();
        this.lastKeepalive = clock.instant();
    }

    /** A new live connection for the caller (family users: only their elders' alarms). */
    SseEmitter subscribe(Jurisdiction j, List<Long> linkedElders) {
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
        Subscriber s = new Subscriber(emitter, j.scopePath(), j.familyOnly(), Set.copyOf(linkedElders));
        subscribers.add(s);
        emitter.onCompletion(() -> subscribers.remove(s));
        emitter.onTimeout(() -> subscribers.remove(s));
        emitter.onError(e -> subscribers.remove(s));
        try {
            emitter.send(SseEmitter.event().name("hello").data("{}", MediaType.APPLICATION_JSON).reconnectTime(2000));
        } catch (IOException e) {
            subscribers.remove(s);
        }
        return emitter;
    }

    int subscribers() {
        return subscribers.size();
    }

    /** Something changed: poll once the current transaction (if any) has committed. */
    void changed() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    private void wake() {
        if (!subscribers.isEmpty()) {
            Thread.ofVirtual().name("alarm-feed").start(this::poll);
        }
    }

    @Scheduled(fixedDelayString = "${jujia.monitoring.feed-interval:PT1S}", initialDelayString = "PT5S")
    void tick() {
        poll();
    }

    void poll() {
        if (!polling.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        try {
            Instant started = clock.instant();
            if (subscribers.isEmpty()) {
                watermark = started;
                sent.clear();
                return;
            }
            List<Alarm> changed = store.changedSince(watermark.minus(LOOKBACK), 1000);
            for (Alarm a : changed) {
                Integer v = sent.get(a.id());
                if (v != null && v >= a.version()) {
                    continue;
                }
                sent.put(a.id(), a.version());
                String data = "{\"id\":" + a.id() + ",\"status\":\"" + a.status() + "\",\"severity\":\"" + a.severity() + "\",\"version\":"
                        + a.version() + (a.elderId() == null ? "" : ",\"elderId\":" + a.elderId()) + "}";
                for (Subscriber s : subscribers) {
                    if (s.sees(a)) {
                        send(s, SseEmitter.event().name("alarm").data(data, MediaType.APPLICATION_JSON));
                    }
                }
            }
            watermark = started;
            if (sent.size() > 5_000) {
                sent.clear();
            }
            if (Duration.between(lastKeepalive, started).compareTo(KEEPALIVE) >= 0) {
                lastKeepalive = started;
                for (Subscriber s : subscribers) {
                    send(s, SseEmitter.event().comment("keepalive"));
                }
            }
        } catch (RuntimeException e) {
            log.warn("Alarm feed poll failed: {}", e.toString());
        } finally {
            polling.set(false);
        }
        if (again.getAndSet(false)) {
            poll();
        }
    }

    private void send(Subscriber s, SseEmitter.SseEventBuilder event) {
        try {
            s.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            subscribers.remove(s);
        }
    }

    /** Closes every connection (shutdown). */
    void closeAll() {
        for (Iterator<Subscriber> it = subscribers.iterator(); it.hasNext();) {
            Subscriber s = it.next();
            s.emitter().complete();
            subscribers.remove(s);
        }
    }
}
