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
import org.springframework.stereotype.Component;

/**
 * A cache of the registry for the hot paths (the broker authenticating devices, the ingest resolving serials):
 * entries live for a short time so that other nodes' registrations, resets and retirements take effect quickly,
 * and this node's own changes evict them at once.
 */
@Component
class DeviceDirectory {

    static final Duration TTL = Duration.ofSeconds(30);

    private record Entry(Optional<DeviceStore.Record> record, Instant loadedAt) {
    }

    private record Relay(Set<String> serials, Instant loadedAt) {
    }

    private final DeviceStore store;
    private final Clock clock;
    private final Map<String, Entry> bySerial = new ConcurrentHashMap<>();
    private final Map<Long, Relay> relays = new ConcurrentHashMap<>();

    DeviceDirectory(DeviceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Optional<DeviceStore.Record> find(String serial) {
        Instant now = clock.instant();
        Entry e = bySerial.get(serial);
        if (e == null || e.loadedAt().plus(TTL).isBefore(now)) {
            e = new Entry(store.bySerial(serial), now);
            bySerial.put(serial, e);
        }
        return e.record();
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
        if (r == null || r.loadedAt().plus(TTL).isBefore(now)) {
            r = new Relay(Set.copyOf(store.relayedBy(device.id())), now);
            relays.put(device.id(), r);
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
