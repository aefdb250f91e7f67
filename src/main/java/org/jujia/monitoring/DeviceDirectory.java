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
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;

/**
 * A cache of the registry for the hot paths (the broker authenticating devices, the ingest resolving serials):
 * entries live for a short time so that other nodes' registrations, resets and retirements take effect quickly,
 * and this node's own changes evict them at once.
 *
 * <p>An entry past its {@link #TTL} is still answered while a background reload replaces it (one reload per key at a
 * time): the broker asks on its network threads, and a database round trip there — every 30 s for every connected
 * gateway — held up every connection served by that thread (the bench's tail of publish→PUBACK). Only an entry older
 * than {@link #STALE_LIMIT}, or a missing one, is loaded while the caller waits.
 */
@Component
class DeviceDirectory {

    static final Duration TTL = Duration.ofSeconds(30);
    /** An entry older than this is never answered: it is reloaded while the caller waits. */
    static final Duration STALE_LIMIT = Duration.ofMinutes(2);

    private record Entry(Optional<DeviceStore.Record> record, Instant loadedAt) {
    }

    private record Relay(Set<String> serials, Instant loadedAt) {
    }

    private final DeviceStore store;
    private final Clock clock;
    private final Map<String, Entry> bySerial = new ConcurrentHashMap<>();
    private final Map<Long, Relay> relays = new ConcurrentHashMap<>();
    private final Set<Object> reloading = ConcurrentHashMap.newKeySet();
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
            Entry stale = e;
            // replaces only the entry it was asked for: an eviction meanwhile (this node's own change) wins
            reloadLater(serial, () -> {
                Entry fresh = new Entry(store.bySerial(serial), clock.instant());
                bySerial.computeIfPresent(serial, (k, old) -> old == stale ? fresh : old);
            });
        }
        return e.record();
    }

    /** How many background reloads are under way (for tests). */
    int reloadsUnderWay() {
        return reloading.size();
    }

    /** Runs {@code reload} in the background unless a reload of {@code key} is already under way. */
    private void reloadLater(Object key, Runnable reload) {
        if (!reloading.add(key)) {
            return;
        }
        try {
            reloader.execute(() -> {
                try {
                    reload.run();
                } catch (RuntimeException ex) {
                    // the stale entry stays; the next ask past the TTL tries again
                } finally {
                    reloading.remove(key);
                }
            });
        } catch (RuntimeException ex) {
            reloading.remove(key);
        }
    }

    /** Resolves many serials with at most one query for those not cached. */
    Map<String, DeviceStore.Record> findAll(Collection<String> serials) {
        Instant now = clock.instant();
        Map<String, DeviceStore.Record> found = new HashMap<>();
        Set<String> missing = new HashSet<>();
        for (String s : serials) {
            Entry e = bySerial.get(s);
            if (e == null || e.loadedAt().plus(TTL).isBefore(now)) {
                missing.add(s);
            } else {
                e.record().ifPresent(r -> found.put(s, r));
            }
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
            long id = device.id();
            Relay stale = r;
            reloadLater(id, () -> {
                Relay fresh = new Relay(Set.copyOf(store.relayedBy(id)), clock.instant());
                relays.computeIfPresent(id, (k, old) -> old == stale ? fresh : old);
            });
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
