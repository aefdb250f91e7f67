package org.jujia.bench;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jujia.monitoring.DeviceCredentials;
import org.jujia.monitoring.DeviceRegistration;
import org.jujia.monitoring.DeviceType;
import org.jujia.monitoring.Devices;
import org.jujia.monitoring.MqttEndpoint;
import org.jujia.shared.Jurisdiction;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code bench alarms}: N devices publish telemetry at a total rate over real MQTT 5 (QoS 1) with alarms (SOS, then
 * smoke) mixed in, for a duration; then the run drains and one line reports what was published, processed, raised
 * and notified, what was lost, and the latency from each alarm's publish to the last of its notifications being
 * delivered (120 emergency gateway, SMS, family app, community worker — the demo profile's simulated gateways
 * answer over HTTP).
 * <p>
 * Devices: one gateway per {@code devices-per-connection} devices (default 10) (each gateway is one MQTT connection,
 * authenticated with its own credentials, and relays for the sensors of its homes); each home has an SOS button, a
 * smoke detector, a mattress, a wearable and a door contact. An elder's open alarm of a type merges repeated
 * triggers, so alarms go round the homes (SOS first, then smoke), one per (home, type).
 */
final class AlarmBench {

    private AlarmBench() {
    }

    private record Home(long elderId, int gateway, String sos, String smoke, String bed, String band, String door) {
    }

    /** A regular message: vital signs of a mattress or a wearable, or the heartbeat of an SOS button or door contact. */
    private record Telemetry(Home home, String serial, String channel, String body) {
    }

    /** The k-th regular message: round the homes, a kind per round (mattress, wearable, SOS button, door). */
    private static Telemetry telemetry(List<Home> homes, long k) {
        Home home = homes.get((int) (k % homes.size()));
        return switch ((int) ((k / homes.size()) % 4)) {
            case 0 -> new Telemetry(home, home.bed(), "telemetry", "\"presence\":true,\"heartRate\":" + (60 + k % 20) + ",\"breathingRate\":" + (13 + k % 5));
            case 1 -> new Telemetry(home, home.band(), "telemetry", "\"heartRate\":" + (64 + k % 20) + ",\"spo2\":" + (95 + k % 4) + ",\"systolic\":"
                    + (115 + k % 25) + ",\"diastolic\":" + (72 + k % 12) + ",\"steps\":" + (k % 9000));
            case 2 -> new Telemetry(home, home.sos(), "status", "\"battery\":" + (40 + k % 60) + ",\"rssi\":-61");
            default -> new Telemetry(home, home.door(), "status", "\"battery\":" + (40 + k % 60) + ",\"rssi\":-58");
        };
    }

    static int run(BenchOptions o, Class<?> application) throws Exception {
        int deviceCount = o.integer("devices", 10_000);
        int rate = o.integer("rate", 5_000);
        int duration = o.integer("duration", 60);
        double alarmsPerSecond = o.decimal("alarms-per-second", 20);
        int perConnection = Math.max(2, o.integer("devices-per-connection", 10));
        int drainSeconds = o.integer("drain", 60);
        Path data = BenchPlatform.dataDirectory(o);
        Map<String, Object> props = BenchPlatform.properties(o, data);
        // nobody acknowledges bench alarms: keep escalations out of the measured window
        props.put("jujia.monitoring.escalation.ack-timeout", "PT30M");
        // notifications are sent on virtual threads and hold no connection while the gateway answers; the simulated gateways
        // (same process) take 80 ms each: 2 sends per channel at a time capped 120/SMS at ~25/s, below 20 alarms/s plus
        // retries, and queued them for seconds (bench of 2026-11-30). The notification module's own database work stays
        // behind its gate of 4 connections; the pool gets room for the simulators' inserts.
        props.put("jujia.notification.dispatch.concurrency-per-channel", o.text("notification-concurrency", "16"));
        props.put("spring.datasource.hikari.maximum-pool-size", o.text("db-pool", "16"));
        props.put("jujia.monitoring.ingest.workers", o.text("ingest-workers", "2"));
        if (o.values().containsKey("mqtt-url")) {
            props.put("jujia.mqtt.url", o.text("mqtt-url", null));
            props.put("jujia.mqtt.username", o.text("mqtt-username", ""));
            props.put("jujia.mqtt.password", o.text("mqtt-password", ""));
        }

        ConfigurableApplicationContext ctx = BenchPlatform.start(application, props, data);
        List<Mqtt5AsyncClient> clients = new ArrayList<>();
        try {
            Devices devices = ctx.getBean(Devices.class);
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            MeterRegistry meters = ctx.getBean(MeterRegistry.class);
            Jurisdiction system = new Jurisdiction(0, "bench", "/", false, Set.of("DEVICE_ADMIN"));
            String tag = UUID.randomUUID().toString().substring(0, 6);

            // ---------------------------------------------------------------- devices
            long t1 = System.nanoTime();
            int gatewayCount = Math.max(1, (int) Math.ceil(deviceCount / (double) perConnection));
            int homeCount = Math.max(1, (deviceCount - gatewayCount) / 5);
            List<Long> elders = jdbc.sql("select id from elder where status = 'ACTIVE' order by id limit ?").param(homeCount).query(Long.class).list();
            if (elders.size() < homeCount) {
                System.out.printf("bench: only %d elders: %d homes instead of %d%n", elders.size(), elders.size(), homeCount);
                homeCount = elders.size();
            }
            List<DeviceRegistration> gws = new ArrayList<>();
            for (int g = 0; g < gatewayCount; g++) {
                gws.add(new DeviceRegistration("BGW-" + tag + "-" + g, DeviceType.GATEWAY, null, "楼栋弱电间", null, "2.3.0", null));
            }
            Map<String, String> secrets = new HashMap<>();
            for (DeviceCredentials c : devices.registerAll(gws, system)) {
                secrets.put(c.device().serial(), c.secret());
            }
            List<Home> homes = new ArrayList<>();
            List<DeviceRegistration> sensors = new ArrayList<>();
            for (int h = 0; h < homeCount; h++) {
                int g = h % gatewayCount;
                String gw = "BGW-" + tag + "-" + g;
                long elder = elders.get(h);
                String p = tag + "-" + h;
                Home home = new Home(elder, g, "BSOS-" + p, "BSMK-" + p, "BBED-" + p, "BBAND-" + p, "BDOOR-" + p);
                homes.add(home);
                sensors.add(new DeviceRegistration(home.sos(), DeviceType.SOS_BUTTON, elder, "卧室", null, "1.2.0", gw));
                sensors.add(new DeviceRegistration(home.smoke(), DeviceType.SMOKE, elder, "厨房", null, "1.0.7", gw));
                sensors.add(new DeviceRegistration(home.bed(), DeviceType.MATTRESS, elder, "卧室", null, "2.0.4", gw));
                sensors.add(new DeviceRegistration(home.band(), DeviceType.WEARABLE, elder, "随身", null, "4.1.0", gw));
                sensors.add(new DeviceRegistration(home.door(), DeviceType.DOOR_CONTACT, elder, "入户门", null, "1.0.3", gw));
                if (sensors.size() >= 2000) {
                    devices.registerAll(sensors, system);
                    sensors.clear();
                }
            }
            if (!sensors.isEmpty()) {
                devices.registerAll(sensors, system);
            }
            int registered = gatewayCount + homeCount * 5;
            System.out.printf("bench: %d devices registered (%d homes, %d gateway connections) in %d s%n", registered, homeCount, gatewayCount,
                    (System.nanoTime() - t1) / 1_000_000_000);

            // ---------------------------------------------------------------- connections
            MqttEndpoint endpoint = devices.mqttEndpoint();
            List<CompletableFuture<?>> connecting = new ArrayList<>();
            for (int g = 0; g < gatewayCount; g++) {
                String serial = "BGW-" + tag + "-" + g;
                Mqtt5AsyncClient c = Mqtt5Client.builder().identifier(serial).serverHost(endpoint.host()).serverPort(endpoint.port())
                        .simpleAuth().username(serial).password(secrets.get(serial).getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                        .buildAsync();
                clients.add(c);
                connecting.add(c.connectWith().cleanStart(true).keepAlive(60).send());
            }
            CompletableFuture.allOf(connecting.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            // ---------------------------------------------------------------- warm-up (not measured)
            int warmup = o.integer("warmup", 15);
            if (warmup > 0) {
                warmUp(clients, homes, tag, rate, alarmsPerSecond, warmup, jdbc);
            }

            // ---------------------------------------------------------------- load
            Counter accepted = meters.find("jujia.ingest.messages").tag("outcome", "accepted").counter();
            double acceptedBefore = accepted == null ? 0 : accepted.count();
            AtomicLong acked = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            Map<String, Instant> alarmPublished = new ConcurrentHashMap<>();
            // hand-off to the broker's PUBACK of every message, to tell publisher/broker-inbound queueing from ingest queueing
            java.util.concurrent.ConcurrentLinkedQueue<Long> ackMillis = new java.util.concurrent.ConcurrentLinkedQueue<>();
            long[] checkpointsBefore = checkpoints(jdbc);
            Instant startedAt = Instant.now();
            System.out.printf("bench: measuring from %s (JVM uptime %.1f s)%n", startedAt, ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
            long start = System.nanoTime();
            // --checkpoint-at <s>: a PostgreSQL checkpoint that far into the run, to measure what one costs (needs a superuser)
            int checkpointAt = o.integer("checkpoint-at", -1);
            boolean checkpointDone = checkpointAt < 0;
            long sent = 0;
            long alarmsSent = 0;
            long maxAlarms = 2L * homeCount;
            long regular = 0;
            while (true) {
                double elapsed = (System.nanoTime() - start) / 1e9;
                if (elapsed >= duration) {
                    break;
                }
                long due = (long) (rate * elapsed);
                long alarmsDue = Math.min(maxAlarms, (long) (alarmsPerSecond * elapsed));
                if (!checkpointDone && elapsed >= checkpointAt) {
                    checkpointDone = true;
                    Thread.ofVirtual().start(() -> {
                        try {
                            jdbc.sql("checkpoint").update();
                            System.out.printf("bench: checkpoint at t=%.1f s done at t=%.1f s%n", elapsed, (System.nanoTime() - start) / 1e9);
                        } catch (RuntimeException e) {
                            System.out.println("bench: checkpoint refused: " + e.getMessage());
                        }
                    });
                }
                while (sent < due) {
                    String serial;
                    String channel;
                    String body;
                    Home home;
                    String msgId;
                    boolean alarm = alarmsSent < alarmsDue;
                    if (alarm) {
                        long k = alarmsSent++;
                        home = homes.get((int) (k % homeCount));
                        boolean sos = k < homeCount;
                        serial = sos ? home.sos() : home.smoke();
                        channel = "events";
                        msgId = "A-" + tag + "-" + k;
                        body = sos ? "\"event\":\"SOS\"" : "\"event\":\"SMOKE\",\"smokeDensity\":22";
                    } else {
                        long k = regular++;
                        Telemetry m = telemetry(homes, k);
                        home = m.home();
                        serial = m.serial();
                        channel = m.channel();
                        body = m.body();
                        msgId = "T-" + tag + "-" + k;
                    }
                    Instant now = Instant.now();
                    long handedOff = System.nanoTime();
                    if (alarm) {
                        alarmPublished.put(msgId, now);
                    }
                    byte[] payload = ("{\"msgId\":\"" + msgId + "\",\"ts\":\"" + now + "\"," + body + "}").getBytes(StandardCharsets.UTF_8);
                    clients.get(home.gateway()).publishWith().topic("jujia/v1/devices/" + serial + "/" + channel).qos(MqttQos.AT_LEAST_ONCE)
                            .payload(payload).send().whenComplete((r, e) -> {
                                if (e == null && r.getError().isEmpty()) {
                                    acked.incrementAndGet();
                                    ackMillis.add((System.nanoTime() - handedOff) / 1_000_000);
                                } else {
                                    failed.incrementAndGet();
                                }
                            });
                    sent++;
                }
                Thread.sleep(2);
            }
            long publishEnd = System.nanoTime();
            System.out.printf("bench: %d messages (%d alarms) handed to the MQTT clients in %.1f s%n", sent, alarmsSent, (publishEnd - start) / 1e9);

            // ---------------------------------------------------------------- drain
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainSeconds);
            long processed = 0;
            Stats stats = null;
            while (System.nanoTime() < deadline) {
                processed = (long) (accepted.count() - acceptedBefore);
                if (acked.get() + failed.get() >= sent && processed >= acked.get()) {
                    stats = stats(jdbc, tag, startedAt, alarmPublished);
                    if (stats.notified() >= stats.alarms() && stats.alarms() >= alarmsSent) {
                        break;
                    }
                }
                Thread.sleep(250);
            }
            processed = (long) (accepted.count() - acceptedBefore);
            stats = stats(jdbc, tag, startedAt, alarmPublished);
            long lost = Math.max(0, acked.get() - processed) + Math.max(0, alarmsSent - stats.alarms());
            System.out.printf("BENCH alarms devices=%d rate=%d duration=%ds published=%d processed=%d alarms=%d notified=%d lost=%d p50=%d p99=%d max=%d%n",
                    registered, rate, duration, acked.get(), processed, stats.alarms(), stats.notified(), lost, stats.p50(), stats.p99(), stats.max());
            breakdown(jdbc, tag);
            slowest(jdbc, tag, startedAt, 15);
            long[] checkpointsAfter = checkpoints(jdbc);
            if (checkpointsBefore.length == 2 && checkpointsAfter.length == 2) {
                System.out.printf("bench: PostgreSQL checkpoints during the run: %d timed, %d requested (by WAL volume)%n",
                        checkpointsAfter[0] - checkpointsBefore[0], checkpointsAfter[1] - checkpointsBefore[1]);
            }
            var acquire = meters.find("hikaricp.connections.acquire").timer();
            var pending = meters.find("hikaricp.connections.pending").gauge();
            if (acquire != null) {
                System.out.printf("bench: connection pool: acquisitions=%d mean=%.2f ms max=%.0f ms (pending now %.0f)%n", acquire.count(),
                        acquire.mean(TimeUnit.MILLISECONDS), acquire.max(TimeUnit.MILLISECONDS), pending == null ? Double.NaN : pending.value());
            }
            long[] acks = ackMillis.stream().mapToLong(Long::longValue).sorted().toArray();
            if (acks.length > 0) {
                System.out.printf("bench: publish->PUBACK p50=%d ms p99=%d ms max=%d ms%n", acks[acks.length / 2],
                        acks[(int) Math.min(acks.length - 1, acks.length * 0.99)], acks[acks.length - 1]);
            }
            var batch = meters.find("jujia.ingest.batch").timer();
            var size = meters.find("jujia.ingest.batch.size").summary();
            if (batch != null && size != null) {
                System.out.printf("bench: ingest batches=%d mean=%.1f ms max=%.0f ms, mean batch size %.0f (max %.0f)%n", batch.count(),
                        batch.mean(TimeUnit.MILLISECONDS), batch.max(TimeUnit.MILLISECONDS), size.mean(), size.max());
            }
            long heapPeak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                    heapPeak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf("bench: publish failures=%d, achieved publish rate %.0f msg/s, max heap %d MB, peak heap used %d MB, load average %.2f%n",
                    failed.get(), sent / ((publishEnd - start) / 1e9), Runtime.getRuntime().maxMemory() >> 20, heapPeak >> 20,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            return lost == 0 ? 0 : 1;
        } finally {
            for (Mqtt5AsyncClient c : clients) {
                try {
                    c.disconnect().get(2, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // closing anyway
                }
            }
            ctx.close();
            if (o.text("data", null) == null) {
                deleteQuietly(data);
            }
        }
    }

    /**
     * {@code --warmup <s>} (default 15): the same traffic at the same rate through the same connections before the
     * measured run — vital signs and heartbeats with falls from the wearables mixed in at the alarm rate, so that class loading and JIT
     * compilation of the broker, ingest, alarm and notification paths (and the simulated gateways) are not in the figures;
     * waits until every message is acknowledged and the falls' notifications are delivered. The falls are alarms of
     * another type than the measured SOS and smoke alarms, which therefore neither merge into them nor count.
     */
    private static void warmUp(List<Mqtt5AsyncClient> clients, List<Home> homes, String tag, int rate, double alarmsPerSecond, int seconds,
            JdbcClient jdbc) throws Exception {
        List<CompletableFuture<?>> acks = new ArrayList<>();
        long start = System.nanoTime();
        long sent = 0;
        long falls = 0;
        while ((System.nanoTime() - start) / 1e9 < seconds) {
            double elapsed = (System.nanoTime() - start) / 1e9;
            long due = (long) (rate * elapsed);
            long fallsDue = Math.min(homes.size(), (long) (alarmsPerSecond * elapsed));
            while (sent < due) {
                String topic;
                byte[] payload;
                if (falls < fallsDue) {
                    Home home = homes.get((int) falls++);
                    topic = "jujia/v1/devices/" + home.band() + "/events";
                    payload = ("{\"msgId\":\"W-" + tag + "-" + sent + "\",\"ts\":\"" + Instant.now() + "\",\"event\":\"FALL\"}").getBytes(StandardCharsets.UTF_8);
                    acks.add(clients.get(home.gateway()).publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send());
                } else {
                    Telemetry m = telemetry(homes, sent);
                    topic = "jujia/v1/devices/" + m.serial() + "/" + m.channel();
                    payload = ("{\"msgId\":\"W-" + tag + "-" + sent + "\",\"ts\":\"" + Instant.now() + "\"," + m.body() + "}").getBytes(StandardCharsets.UTF_8);
                    acks.add(clients.get(m.home().gateway()).publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send());
                }
                sent++;
            }
            Thread.sleep(2);
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long pending;
        do {
            Thread.sleep(250);
            pending = jdbc.sql("""
                    select count(*) from monitoring_alarm a join notification_outbox n on n.reference = 'alarm:' || a.id
                    where a.details->>'messageId' like ? and n.status <> 'DELIVERED'""").param("W-" + tag + "-%").query(Long.class).single();
        } while (pending > 0 && System.nanoTime() < deadline);
        System.out.printf("bench: warm-up: %d messages (%d falls) in %d s, all acknowledged, %d notifications pending (not measured)%n", sent, falls,
                seconds, pending);
    }

    /** PostgreSQL's checkpoint counts so far (timed, requested), or nothing before PostgreSQL 17. */
    private static long[] checkpoints(JdbcClient jdbc) {
        try {
            var r = jdbc.sql("select num_timed, num_requested from pg_stat_checkpointer").query().singleRow();
            return new long[] { ((Number) r.get("num_timed")).longValue(), ((Number) r.get("num_requested")).longValue() };
        } catch (RuntimeException e) {
            return new long[0];
        }
    }

    /** Where the time goes (medians, ms): device publish -> platform receipt -> alarm raised -> notification enqueued -> delivered. */
    static void breakdown(JdbcClient jdbc, String tag) {
        var a = jdbc.sql("""
                select percentile_cont(0.5) within group (order by extract(epoch from received_at - occurred_at)) * 1000 as recv,
                       percentile_cont(0.5) within group (order by extract(epoch from raised_at - received_at)) * 1000 as raise,
                       max(extract(epoch from received_at - occurred_at)) * 1000 as recv_max
                from monitoring_alarm where details->>'messageId' like ?""").param("A-" + tag + "-%").query().singleRow();
        System.out.printf("bench: alarm medians: publish->received %.0f ms (max %.0f), received->raised %.0f ms%n",
                num(a.get("recv")), num(a.get("recv_max")), num(a.get("raise")));
        jdbc.sql("""
                select n.channel, count(*) as n, avg(n.attempts) as attempts,
                       percentile_cont(0.5) within group (order by extract(epoch from n.enqueued_at - a.raised_at)) * 1000 as enqueue,
                       percentile_cont(0.5) within group (order by extract(epoch from n.delivered_at - n.enqueued_at)) * 1000 as deliver,
                       max(extract(epoch from n.delivered_at - n.enqueued_at)) * 1000 as deliver_max
                from monitoring_alarm a join notification_outbox n on n.reference = 'alarm:' || a.id
                where a.details->>'messageId' like ? group by n.channel order by n.channel""").param("A-" + tag + "-%").query()
                .listOfRows().forEach(r -> System.out.printf("bench:   %-16s n=%s attempts=%.2f raised->enqueued %.0f ms, enqueued->delivered %.0f ms (max %.0f)%n",
                        r.get("channel"), r.get("n"), num(r.get("attempts")), num(r.get("enqueue")), num(r.get("deliver")), num(r.get("deliver_max"))));
    }

    /**
     * The slowest alarms (the p99 region), stage by stage, with when they were published: tells a stall of everything
     * at one moment from a slow stage. The last notification's stages: enqueued -> claimed (last attempt started) ->
     * received by the simulated gateway -> delivered (its answer recorded by the sender).
     */
    static void slowest(JdbcClient jdbc, String tag, Instant startedAt, int count) {
        System.out.println("bench: slowest alarms (t = seconds into the run; ms): publish->received, ->raised, ->enqueued, ->claimed, ->gateway, ->delivered [channel]");
        jdbc.sql("""
                with last as (
                    select distinct on (a.id) a.id, a.occurred_at, a.received_at, a.raised_at, n.channel, n.enqueued_at, n.last_attempt_at,
                           s.received_at as gateway_at, n.delivered_at
                    from monitoring_alarm a join notification_outbox n on n.reference = 'alarm:' || a.id
                    left join notification_sim_message s on s.idempotency_key = 'jujia-notification-' || n.id
                    where a.details->>'messageId' like ? and n.delivered_at is not null
                    order by a.id, n.delivered_at desc)
                select extract(epoch from occurred_at - ?) as t, extract(epoch from received_at - occurred_at) * 1000 as recv,
                       extract(epoch from raised_at - received_at) * 1000 as raise, extract(epoch from enqueued_at - raised_at) * 1000 as enq,
                       extract(epoch from last_attempt_at - enqueued_at) * 1000 as claim, extract(epoch from gateway_at - last_attempt_at) * 1000 as gw,
                       extract(epoch from delivered_at - coalesce(gateway_at, last_attempt_at)) * 1000 as deliver, channel
                from last order by delivered_at - occurred_at desc limit ?""")
                .params("A-" + tag + "-%", java.sql.Timestamp.from(startedAt), count).query().listOfRows()
                .forEach(r -> System.out.printf("bench:   t=%5.1f %6.0f %6.0f %6.0f %6.0f %6.0f %6.0f [%s]%n", num(r.get("t")), num(r.get("recv")),
                        num(r.get("raise")), num(r.get("enq")), num(r.get("claim")), num(r.get("gw")), num(r.get("deliver")), r.get("channel")));
    }

    private static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    record Stats(long alarms, long notified, long p50, long p99, long max) {
    }

    /** Alarms of this run, those whose every notification is delivered, and publish-to-last-delivery latencies. */
    static Stats stats(JdbcClient jdbc, String tag, Instant startedAt, Map<String, Instant> published) {
        record Row(String messageId, long notifications, long pending, Timestamp lastDelivered) {
        }
        List<Row> rows = jdbc.sql("""
                select a.details->>'messageId' as mid, count(n.id) as total, count(n.id) filter (where n.status <> 'DELIVERED') as pending,
                       max(n.delivered_at) as last
                from monitoring_alarm a left join notification_outbox n on n.reference = 'alarm:' || a.id
                where a.raised_at >= ? and a.details->>'messageId' like ?
                group by a.id""").params(Timestamp.from(startedAt.minusSeconds(5)), "A-" + tag + "-%")
                .query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getTimestamp(4))).list();
        List<Long> latencies = new ArrayList<>();
        long notified = 0;
        for (Row r : rows) {
            if (r.notifications() > 0 && r.pending() == 0 && r.lastDelivered() != null) {
                notified++;
                Instant p = published.get(r.messageId());
                if (p != null) {
                    latencies.add(Math.max(0, r.lastDelivered().toInstant().toEpochMilli() - p.toEpochMilli()));
                }
            }
        }
        latencies.sort(Comparator.naturalOrder());
        return new Stats(rows.size(), notified, percentile(latencies, 0.50), percentile(latencies, 0.99),
                latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1));
    }

    static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
