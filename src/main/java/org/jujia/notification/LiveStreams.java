package org.jujia.notification;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live streams (server-sent events) of users' open pages: every inbox entry is pushed to all of its user's
 * connected tabs as an event {@code notification} with a JSON body; a comment every 20 s keeps proxies from closing
 * idle streams and finds closed ones. Streams live on the node the browser is connected to.
 */
@Component
class LiveStreams {

    static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final Map<Long, Set<SseEmitter>> byUser = new ConcurrentHashMap<>();
    private final java.util.concurrent.Executor writers = java.util.concurrent.Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("notify-sse-", 0).factory());

    /** Opens a stream for the user; the first event ({@code ready}) carries the unread count. */
    SseEmitter open(long userId, long unread) {
        var emitter = new SseEmitter(TIMEOUT.toMillis());
        Set<SseEmitter> set = byUser.computeIfAbsent(userId, k -> ConcurrentHashMap.newKeySet());
        set.add(emitter);
        Runnable remove = () -> {
            set.remove(emitter);
            byUser.computeIfPresent(userId, (k, s) -> s.isEmpty() ? null : s);
        };
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            emitter.send(SseEmitter.event().name("ready").data(Map.of("unread", unread), MediaType.APPLICATION_JSON).reconnectTime(3000));
        } catch (IOException e) {
            remove.run();
        }
        return emitter;
    }

    /**
     * Pushes an entry to the user's open streams. Each write runs on its own virtual thread, so a browser that stopped
     * reading cannot hold up the sender (which may be a notification dispatcher).
     */
    void publish(long userId, Inbox.Entry entry) {
        Set<SseEmitter> set = byUser.get(userId);
        if (set == null) {
            return;
        }
        Map<String, Object> data = entry.event();
        for (SseEmitter emitter : set) {
            writers.execute(() -> {
                try {
                    // one builder per stream: a builder is consumed by the send
                    emitter.send(SseEmitter.event().name("notification").id(Long.toString(entry.id())).data(data, MediaType.APPLICATION_JSON));
                } catch (IOException | IllegalStateException e) {
                    set.remove(emitter);
                    emitter.completeWithError(e);
                }
            });
        }
    }

    /**
     * Ends every stream when the application shuts down, before the web server's graceful shutdown waits for open
     * requests (browsers reconnect, to another node behind a load balancer).
     */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        byUser.values().forEach(set -> set.forEach(emitter -> {
            try {
                emitter.complete();
            } catch (RuntimeException alreadyClosed) {
                // nothing to do
            }
        }));
        byUser.clear();
    }

    boolean hasStreams(long userId) {
        Set<SseEmitter> set = byUser.get(userId);
        return set != null && !set.isEmpty();
    }

    int connections() {
        return byUser.values().stream().mapToInt(Set::size).sum();
    }

    @Scheduled(fixedDelay = 20_000, initialDelay = 20_000)
    void heartbeat() {
        byUser.forEach((user, set) -> {
            for (SseEmitter emitter : set) {
                try {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                } catch (IOException | IllegalStateException e) {
                    set.remove(emitter);
                    emitter.completeWithError(e);
                }
            }
        });
    }
}
