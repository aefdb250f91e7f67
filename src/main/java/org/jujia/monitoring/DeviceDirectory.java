package org.jujia.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;

/**
 * A cache of the registry for the hot paths (the broker authenticating devices, the ingest resolving serials):
 * entries live for a short time so that other nodes' registrations, resets and retirements take effect quickly,
 * and this node's own changes evict them at once.
 *
 * <p>An entry past its {@link #TTL} is still answered while a background reload replaces it: the broker asks on its
 * network threads, and a database round trip there — every 30 s for every connected gateway — held up every
 * connection served by that thread. Only an entry older than {@link #STALE_LIMIT}, or a missing one, is loaded while
 * the caller waits. Reloads are batched: expired keys are collected, and one reloader at a time replaces them with
 * one query per {@link #RELOAD_BATCH} keys. (Entries loaded together expire together — the gateways at connect, the
 * sensors at their first message — and one query per key at that moment, on a thread each, took the connection pool
 * from the ingest for seconds: the stall of the bench at 7,500 msg/s, 2026-11-30.)
 */
@Component
class DeviceDirectory {

    static final Duration TTL = Duration.ofSeconds(30);
    /** An entry older than this is never answered: it is reloaded while the caller waits. */
    static final Duration STALE_LIMIT = Duration.ofMinutes(2);
    /** Most keys one reload query asks for. */
    static final int RELOAD_BATCH = 1000;
    /** How long the reloader collects expired keys before its query: entries loaded together expire together. */
    static final Duration COLLECT = Duration.ofMillis(20);

    private record Entry(Optional<DeviceStore.Record> record, Instant loadedAt) {
    }

    private record Relay(Set<String> serials, Instant loadedAt) {
    }

    private final DeviceStore store;
    private final Clock clock;
    private final Map<String, Entry> bySerial = new ConcurrentHashMap<>();
    private final Map<Long, Relay> relays = new ConcurrentHashMap<>();
    /** Keys waiting for (or in) a background reload, with the stale value the reload may replace. */
    private final Map<String, Entry> staleSerials = new ConcurrentHashMap<>();
    private final Map<Long, Relay> staleRelays = new ConcurrentHashMap<>();
    private final AtomicBoolean reloading = new AtomicBoolean();
    private final Executor reloader = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("device-directory-", 0).factory());

    DeviceDirectory(DeviceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Optional<DeviceStore.Record> find(String serial) {
        Instant now = clock.instant();
        Entry e = bySerial.get(serial);
        if (e == null || e.loadedAt().plus(STALE_LIMIT).isBefore(now)) {
            e = new Entry(store.bySerial(serial), now);
            bySerial.put(serial, e);
        } else if (e.loadedAt().plus(TTL).isBefore(now)) {
            reloadLater(serial, e);
        }
        return e.record();
    }

    /** How many keys wait for or are in a background reload (for tests). */
    int reloadsUnderWay() {
        return staleSerials.size() + staleRelays.size();
    }

    private void reloadLater(String serial, Entry stale) {
        if (staleSerials.putIfAbsent(serial, stale) == null) {
            startReloader();
        }
    }

    private void reloadLater(long gatewayId, Relay stale) {
        if (staleRelays.putIfAbsent(gatewayId, stale) == null) {
            startReloader();
        }
    }

    /** Starts the reloader unless it runs; it runs until no key waits. */
    private void startReloader() {
        if (!reloading.compareAndSet(false, true)) {
            return;
        }
        try {
            reloader.execute(() -> {
                do {
                    try {
                        Thread.sleep(COLLECT);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    reloadWaiting();
                    reloading.set(false);
                    // a key queued after the last pass but before the flag was cleared found the reloader running
                } while (reloadsUnderWay() > 0 && reloading.compareAndSet(false, true));
            });
        } catch (RuntimeException e) {
            reloading.set(false);
        }
    }

    /**
     * Replaces the waiting keys' entries, a batch per query. An entry replaced or evicted meanwhile (this node's own
     * change) is left alone; when the database fails the stale entries stay, and the next ask past the TTL tries again.
     */
    private void reloadWaiting() {
        while (!staleSerials.isEmpty()) {
            Map<String, Entry> batch = first(staleSerials);
            Instant at = clock.instant();
            Map<String, DeviceStore.Record> loaded = new HashMap<>();
            try {
                store.bySerials(batch.keySet()).forEach(r -> loaded.put(r.serial(), r));
            } catch (RuntimeException e) {
                batch.forEach(staleSerials::remove);
                continue;
            }
            batch.forEach((serial, stale) -> {
                Entry fresh = new Entry(Optional.ofNullable(loaded.get(serial)), at);
                bySerial.computeIfPresent(serial, (k, old) -> old == stale ? fresh : old);
                staleSerials.remove(serial, stale);
            });
        }
        while (!staleRelays.isEmpty()) {
            Map<Long, Relay> batch = first(staleRelays);
            Instant at = clock.instant();
            Map<Long, List<String>> loaded;
            try {
                loaded = store.relayedBy(batch.keySet());
            } catch (RuntimeException e) {
                batch.forEach(staleRelays::remove);
                continue;
            }
            batch.forEach((id, stale) -> {
                Relay fresh = new Relay(Set.copyOf(loaded.getOrDefault(id, List.of())), at);
                relays.computeIfPresent(id, (k, old) -> old == stale ? fresh : old);
                staleRelays.remove(id, stale);
            });
        }
    }

    private static <K, V> Map<K, V> first(Map<K, V> waiting) {
        Map<K, V> batch = new HashMap<>();
        for (Map.Entry<K, V> e : waiting.entrySet()) {
            batch.put(e.getKey(), e.getValue());
            if (batch.size() == RELOAD_BATCH) {
                break;
            }
        }
        return batch;
    }

    /**
     * Resolves many serials (an ingest batch) with at most one query, for those not cached or past the stale limit;
     * entries past the TTL are answered and reloaded in the background, as {@link #find} does.
     */
    Map<String, DeviceStore.Record> findAll(Collection<String> serials) {
        Instant now = clock.instant();
        Map<String, DeviceStore.Record> found = new HashMap<>();
        Set<String> missing = new HashSet<>();
        for (String s : serials) {
            Entry e = bySerial.get(s);
            if (e == null || e.loadedAt().plus(STALE_LIMIT).isBefore(now)) {
                missing.add(s);
                continue;
            }
            if (e.loadedAt().plus(TTL).isBefore(now)) {
                reloadLater(s, e);
            }
            e.record().ifPresent(r -> found.put(s, r));
        }
        if (!missing.isEmpty()) {
            List<DeviceStore.Record> loaded = store.bySerials(missing);
            for (DeviceStore.Record r : loaded) {
                found.put(r.serial(), r);
                bySerial.put(r.serial(), new Entry(Optional.of(r), now));
                missing.remove(r.serial());
            }
            missing.forEach(s -> bySerial.put(s, new Entry(Optional.empty(), now)));
        }
        return found;
    }

    /** An active device whose secret matches, or empty. */
    Optional<DeviceStore.Record> authenticate(String serial, String secret) {
        if (serial == null || secret == null || !DeviceTopics.SERIAL.matcher(serial).matches()) {
            return Optional.empty();
        }
        return find(serial).filter(r -> r.status() == DeviceStatus.ACTIVE && DeviceSecrets.matches(secret, r.secretHash()));
    }

    /** The serials a gateway relays for (empty for other devices). */
    Set<String> relayedBy(DeviceStore.Record device) {
        if (device.type() != DeviceType.GATEWAY) {
            return Set.of();
        }
        Instant now = clock.instant();
        Relay r = relays.get(device.id());
        if (r == null || r.loadedAt().plus(STALE_LIMIT).isBefore(now)) {
            r = new Relay(Set.copyOf(store.relayedBy(device.id())), now);
            relays.put(device.id(), r);
        } else if (r.loadedAt().plus(TTL).isBefore(now)) {
            reloadLater(device.id(), r);
        }
        return r.serials();
    }

    /** Does this gateway (by serial) relay for that device? */
    boolean relays(String gatewaySerial, DeviceStore.Record device) {
        return device.gatewayId() != null && find(gatewaySerial).filter(g -> g.id() == device.gatewayId() && g.status() == DeviceStatus.ACTIVE)
                .isPresent();
    }

    void evict(String serial, Long gatewayId) {
        bySerial.remove(serial);
        if (gatewayId != null) {
            relays.remove(gatewayId);
        }
    }
}
