package org.jujia.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The device cache answers the broker's network threads without a database round trip once an entry is loaded: past
 * its TTL the stale entry is answered while one background reload replaces it; past the stale limit the caller waits
 * for the load; an eviction during a reload is not undone by it.
 */
class DeviceDirectoryTest {

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-30T02:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Asia/Shanghai");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A store whose device changes status on demand and counts its queries; a query may be held until released. */
    static final class FakeStore extends DeviceStore {
        final AtomicInteger queries = new AtomicInteger();
        final AtomicReference<DeviceStatus> status = new AtomicReference<>(DeviceStatus.ACTIVE);
        volatile CountDownLatch hold;
        final CountDownLatch entered = new CountDownLatch(1);
        final java.util.Set<Thread> queriedOn = java.util.concurrent.ConcurrentHashMap.newKeySet();

        FakeStore() {
            super(null);
        }

        @Override
        Optional<Record> bySerial(String serial) {
            return bySerials(List.of(serial)).stream().findFirst();
        }

        @Override
        List<Record> bySerials(Collection<String> serials) {
            queries.incrementAndGet();
            queriedOn.add(Thread.currentThread());
            DeviceStatus s = status.get();
            if (hold != null) {
                entered.countDown();
                try {
                    hold.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return serials.stream().map(serial -> new Record(1, serial, DeviceType.SOS_BUTTON, 7L, "/1/", "卧室", "hash", null, s)).toList();
        }

        @Override
        List<String> relayedBy(long gatewayId) {
            queries.incrementAndGet();
            return List.of();
        }

        @Override
        Map<Long, List<String>> relayedBy(Collection<Long> gatewayIds) {
            queries.incrementAndGet();
            return Map.of();
        }
    }

    final MovableClock clock = new MovableClock();
    final FakeStore store = new FakeStore();
    final DeviceDirectory directory = new DeviceDirectory(store, clock);

    @Test
    void within_the_ttl_the_cache_answers_alone() {
        directory.find("SOS-1");
        clock.now = clock.now.plus(DeviceDirectory.TTL);
        assertThat(directory.find("SOS-1")).isPresent();
        assertThat(store.queries).hasValue(1);
    }

    @Test
    void past_the_ttl_the_stale_entry_is_answered_and_reloaded_once_in_the_background() {
        directory.find("SOS-1");
        store.status.set(DeviceStatus.RETIRED);
        store.hold = new CountDownLatch(1);
        clock.now = clock.now.plus(DeviceDirectory.TTL).plusSeconds(1);

        // answered at once from the stale entry, even while the reload is held up in the database
        assertThat(directory.find("SOS-1")).get().extracting(DeviceStore.Record::status).isEqualTo(DeviceStatus.ACTIVE);
        assertThat(directory.find("SOS-1")).get().extracting(DeviceStore.Record::status).isEqualTo(DeviceStatus.ACTIVE);
        store.hold.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> directory.find("SOS-1").map(r -> r.status() == DeviceStatus.RETIRED).orElse(false));
        assertThat(store.queries).as("one load, one reload").hasValue(2);
    }

    @Test
    void entries_expiring_together_are_reloaded_a_batch_per_query() {
        int devices = 2 * DeviceDirectory.RELOAD_BATCH + 500;
        List<String> serials = IntStream.range(0, devices).mapToObj(i -> "SOS-" + i).toList();
        directory.findAll(serials); // loaded together (one query), so they expire together
        clock.now = clock.now.plus(DeviceDirectory.TTL).plusSeconds(1);
        serials.forEach(directory::find); // the broker asks for each on its network threads

        await().atMost(Duration.ofSeconds(5)).until(() -> directory.reloadsUnderWay() == 0);
        assertThat(store.queries).as("reloaded in batches, not one query per device").hasValueLessThan(devices / 100);
    }

    @Test
    void the_ingest_is_answered_from_stale_entries_without_a_query() {
        directory.findAll(List.of("SOS-1", "SOS-2"));
        store.queriedOn.clear();
        store.hold = new CountDownLatch(1);
        clock.now = clock.now.plus(DeviceDirectory.TTL).plusSeconds(1);
        assertThat(directory.findAll(List.of("SOS-1", "SOS-2"))).containsOnlyKeys("SOS-1", "SOS-2");
        store.hold.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> directory.reloadsUnderWay() == 0);
        assertThat(store.queriedOn).as("reloaded in the background only").isNotEmpty().doesNotContain(Thread.currentThread());
    }

    @Test
    void past_the_stale_limit_the_caller_waits_for_the_load() {
        directory.find("SOS-1");
        store.status.set(DeviceStatus.RETIRED);
        clock.now = clock.now.plus(DeviceDirectory.STALE_LIMIT).plusSeconds(1);
        assertThat(directory.find("SOS-1")).get().extracting(DeviceStore.Record::status).isEqualTo(DeviceStatus.RETIRED);
    }

    @Test
    void an_eviction_during_a_reload_wins() throws Exception {
        directory.find("SOS-1");
        store.hold = new CountDownLatch(1);
        clock.now = clock.now.plus(DeviceDirectory.TTL).plusSeconds(1);
        directory.find("SOS-1"); // starts the background reload, which reads the old status and waits
        assertThat(store.entered.await(5, TimeUnit.SECONDS)).isTrue();
        store.status.set(DeviceStatus.RETIRED);
        directory.evict("SOS-1", null); // this node retired it
        store.hold.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> directory.reloadsUnderWay() == 0); // it must not put its old answer back
        store.hold = null;
        assertThat(directory.find("SOS-1")).get().extracting(DeviceStore.Record::status).isEqualTo(DeviceStatus.RETIRED);
    }
}
