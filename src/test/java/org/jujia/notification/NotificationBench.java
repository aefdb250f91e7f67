package org.jujia.notification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jujia.bench.BenchTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notification throughput and latency (run with {@code ./mvnw -Pbench verify -Dit.test=NotificationBench}): at each
 * rate, "alarms" arrive at an even pace; each alarm enqueues, in its own transaction as the alarm module does, one
 * urgent 120 case, one SMS and one family-app notification. Printed per rate: notifications sent, delivered, lost
 * (not delivered within the drain time), and percentiles of the time from the enqueue call to the channel's
 * acknowledgement ({@code delivered_at}), with the simulated gateways answering at once (the platform's own share) and
 * with the demo's 80 ms gateway latency. Figures are printed, never asserted.
 */
@BenchTest
class NotificationBench {

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    SimulatorState simulator;

    @Autowired
    JdbcClient jdbc;

    final List<String> report = new ArrayList<>();

    void line(String format, Object... args) {
        String s = String.format(format, args);
        report.add(s);
        System.out.println("[bench] " + s);
    }

    @Test
    void notificationsPerSecond() throws Exception {
        int duration = Integer.getInteger("bench.notify.duration", 20);
        int[] rates = Arrays.stream(System.getProperty("bench.notify.rates", "50,150,300").split(",")).mapToInt(s -> Integer.parseInt(s.strip()))
                .toArray();
        long family = jdbc.sql("select id from access_user where username = 'family1'").query(Long.class).single();
        line("notification bench: %d s per rate, each alarm = 120 case + SMS + family app (3 notifications), %d cpus", duration,
                Runtime.getRuntime().availableProcessors());
        run("warm-up", 100, 15, family, Duration.ZERO);
        for (long latencyMs : new long[] { 0, 80 }) {
            for (int rate : rates) {
                run("gateway latency " + latencyMs + " ms", rate, duration, family, Duration.ofMillis(latencyMs));
            }
        }
        String block = "==== notification bench ====\n" + String.join("\n", report) + "\n";
        Path file = Path.of(System.getProperty("bench.results", "target/bench-results.txt"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, block, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Runs {@code rate} notifications per second (alarms of 3) for {@code seconds}, then waits for them to be delivered. */
    void run(String label, int rate, int seconds, long family, Duration gatewayLatency) throws InterruptedException, IOException {
        for (SimulatorState.Gateway g : SimulatorState.Gateway.values()) {
            simulator.configure(g, new SimulatorState.Settings(gatewayLatency, 0));
        }
        String run = "bench:" + UUID.randomUUID().toString().substring(0, 8) + ":";
        int alarms = rate * seconds / 3;
        long intervalNanos = 3_000_000_000L / rate;
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        long start = System.nanoTime();
        for (int i = 0; i < alarms; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String reference = run + i;
            pool.execute(() -> {
                tx.executeWithoutResult(s -> {
                    notifications.enqueue(new NotificationRequest(Channel.EMERGENCY_120, "120", "跌倒报警", "bench", NotificationIT.caseData("/1/"),
                            reference, true));
                    notifications.enqueue(new NotificationRequest(Channel.SMS, "13800138000", "跌倒报警", "bench", Map.of(), reference, true));
                    notifications.enqueue(new NotificationRequest(Channel.FAMILY_APP, Long.toString(family), "跌倒报警", "bench", Map.of(), reference,
                            true));
                });
            });
        }
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        double offered = alarms * 3 / ((System.nanoTime() - start) / 1e9);
        // drain: wait until everything is delivered or 30 s pass
        long drainEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long delivered = 0;
        long total = 0;
        while (System.nanoTime() < drainEnd) {
            total = jdbc.sql("select count(*) from notification_outbox where reference like ?").param(run + "%").query(Long.class).single();
            delivered = jdbc.sql("select count(*) from notification_outbox where reference like ? and status = 'DELIVERED'").param(run + "%")
                    .query(Long.class).single();
            if (delivered == (long) alarms * 3) {
                break;
            }
            Thread.sleep(200);
        }
        List<Double> ms = jdbc.sql("select extract(epoch from delivered_at - enqueued_at) * 1000 from notification_outbox "
                + "where reference like ? and status = 'DELIVERED' order by 1").param(run + "%").query(Double.class).list();
        List<Double> urgent120 = jdbc.sql("select extract(epoch from delivered_at - enqueued_at) * 1000 from notification_outbox "
                + "where reference like ? and status = 'DELIVERED' and channel = 'EMERGENCY_120' order by 1").param(run + "%").query(Double.class).list();
        int attemptsMax = jdbc.sql("select coalesce(max(attempts), 0) from notification_outbox where reference like ?").param(run + "%")
                .query(Integer.class).single();
        line("%-24s rate=%4d/s offered=%6.1f/s sent=%6d delivered=%6d lost=%d maxAttempts=%d | enqueue->ack ms p50=%6.1f p95=%6.1f p99=%6.1f max=%7.1f | "
                + "120 p99=%6.1f", label, rate, offered, total, delivered, alarms * 3 - delivered, attemptsMax, pct(ms, 50), pct(ms, 95), pct(ms, 99),
                pct(ms, 100), pct(urgent120, 99));
    }

    static double pct(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
