package org.jujia.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code bench checkins}: N caregivers at once, each logged in with its own bearer token, check in and check out of
 * their own visits over real HTTP for a duration (each check-in/out carries a position at the elder's home, the
 * capture time and a face photo; the demo face simulator compares it). Prints throughput, latency percentiles and
 * errors.
 * <p>
 * Set-up (bench only): N caregiver accounts {@code bench-cg-<tag>-<i>} cloned from caregiver1 (same password, provider
 * and enrolled face) and enough scheduled visits for each, inserted directly — the load is the check-in/out API, not
 * dispatch.
 */
final class CheckInBench {

    private CheckInBench() {
    }

    private record Target(long visitId, double lat, double lon) {
    }

    static int run(BenchOptions o, Class<?> application) throws Exception {
        int caregivers = o.integer("caregivers", 200);
        int duration = o.integer("duration", 30);
        int perCaregiver = o.integer("visits-per-caregiver", 150);
        Path data = BenchPlatform.dataDirectory(o);
        Map<String, Object> props = BenchPlatform.properties(o, data);
        ConfigurableApplicationContext ctx = BenchPlatform.start(application, props, data);
        try {
            String port = ctx.getEnvironment().getProperty("local.server.port");
            String base = "http://localhost:" + port;
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            String tag = UUID.randomUUID().toString().substring(0, 6);

            // ---------------------------------------------------------------- caregivers and their visits
            long t1 = System.nanoTime();
            List<String> names = new ArrayList<>();
            Map<String, List<Target>> work = new HashMap<>();
            List<long[]> elders = jdbc.sql("select id, (latitude * 1e7)::bigint, (longitude * 1e7)::bigint from elder where latitude is not null order by id")
                    .query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }).list();
            Map<Long, String> paths = new HashMap<>();
            jdbc.sql("select e.id, n.path from elder e join region_node n on n.id = e.community_id").query((rs, n) -> paths.put(rs.getLong(1), rs.getString(2)))
                    .list();
            Instant start = Instant.now().minus(Duration.ofHours(1));
            long order = 8_000_000_000L + (System.currentTimeMillis() % 1_000_000) * 1000;
            for (int i = 0; i < caregivers; i++) {
                String name = "bench-cg-" + tag + "-" + i;
                long user = jdbc.sql("""
                        insert into access_user (username, display_name, password_hash, home_node_id, organisation_id)
                        select ?, ?, password_hash, home_node_id, organisation_id from access_user where username = 'caregiver1' returning id""")
                        .params(name, "压测护理员" + i).query(Long.class).single();
                jdbc.sql("insert into access_user_role (user_id, role) values (?, 'CAREGIVER')").param(user).update();
                jdbc.sql("""
                        insert into workforce_caregiver (user_id, provider_id, level, qualifications, base_lat, base_lon, face_photo_enc, face_enrolled_at, active)
                        select ?, provider_id, level, qualifications, base_lat, base_lon, face_photo_enc, now(), true from workforce_caregiver c
                          join access_user u on u.id = c.user_id where u.username = 'caregiver1'""").param(user).update();
                long provider = jdbc.sql("select provider_id from workforce_caregiver where user_id = ?").param(user).query(Long.class).single();
                List<Target> targets = new ArrayList<>();
                for (int k = 0; k < perCaregiver; k++) {
                    long[] e = elders.get((i * perCaregiver + k) % elders.size());
                    long visit = jdbc.sql("""
                            insert into visit (order_id, elder_id, elder_name, region_path, item_code, item_name, standard_minutes, provider_id,
                                caregiver_user_id, window_start, window_end, planned_minutes, quantity, amount_fen, status, pin, order_event_at)
                            values (?, ?, '压测', ?, 'HOME_VISIT', '每周上门巡访', 30, ?, ?, ?, ?, 30, 1, 3000, 'SCHEDULED', '0000', now()) returning id""")
                            .params(++order, e[0], paths.get(e[0]), provider, user, java.sql.Timestamp.from(start.plusSeconds(60L * k)),
                                    java.sql.Timestamp.from(start.plusSeconds(60L * k + 3600)))
                            .query(Long.class).single();
                    targets.add(new Target(visit, e[1] / 1e7, e[2] / 1e7));
                }
                names.add(name);
                work.put(name, targets);
            }
            System.out.printf("bench: %d caregivers with %d visits each in %d s%n", caregivers, perCaregiver, (System.nanoTime() - t1) / 1_000_000_000);

            // ---------------------------------------------------------------- log in
            HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(10)).build();
            Map<String, String> tokens = new HashMap<>();
            for (String name : names) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + name + "\",\"password\":\"demo123\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                var m = java.util.regex.Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
                if (r.statusCode() != 200 || !m.find()) {
                    throw new IllegalStateException("login of " + name + " failed: " + r.statusCode() + " " + r.body());
                }
                tokens.put(name, m.group(1));
            }
            String photo = photo();

            // ---------------------------------------------------------------- load
            ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
            AtomicLong errors = new AtomicLong();
            AtomicLong done = new AtomicLong();
            List<String> errorSamples = new java.util.concurrent.CopyOnWriteArrayList<>();
            long loadStart = System.nanoTime();
            long deadline = loadStart + Duration.ofSeconds(duration).toNanos();
            List<Thread> threads = new ArrayList<>();
            for (String name : names) {
                threads.add(Thread.ofVirtual().start(() -> {
                    String auth = "Bearer " + tokens.get(name);
                    for (Target t : work.get(name)) {
                        for (String step : new String[] { "check-in", "check-out" }) {
                            if (System.nanoTime() >= deadline) {
                                return;
                            }
                            String body = String.format(Locale.ROOT,
                                    "{\"latitude\":%.7f,\"longitude\":%.7f,\"accuracyMeters\":12,\"capturedAt\":\"%s\",\"photo\":\"%s\"}",
                                    t.lat() + 0.0001, t.lon(), Instant.now(), photo);
                            long s = System.nanoTime();
                            try {
                                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/visits/" + t.visitId() + "/" + step))
                                        .header("Authorization", auth).header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                                if (r.statusCode() != 200) {
                                    errors.incrementAndGet();
                                    if (errorSamples.size() < 5) {
                                        errorSamples.add(r.statusCode() + " " + r.body().substring(0, Math.min(200, r.body().length())));
                                    }
                                }
                            } catch (Exception e) {
                                errors.incrementAndGet();
                                if (errorSamples.size() < 5) {
                                    errorSamples.add(e.toString());
                                }
                            }
                            micros.add((System.nanoTime() - s) / 1000);
                            done.incrementAndGet();
                        }
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            double seconds = (System.nanoTime() - loadStart) / 1e9;
            long[] l = micros.stream().mapToLong(Long::longValue).sorted().toArray();
            long visitsVerified = jdbc.sql("select count(*) from visit v join access_user u on u.id = v.caregiver_user_id where u.username like ? and v.status in ('VERIFIED', 'FLAGGED')")
                    .param("bench-cg-" + tag + "-%").query(Long.class).single();
            errorSamples.forEach(s -> System.out.println("bench: error " + s));
            System.out.printf(Locale.ROOT, "BENCH checkins caregivers=%d duration=%ds requests=%d throughput=%.1f/s p50=%.1fms p99=%.1fms max=%.1fms errors=%d visits-completed=%d%n",
                    caregivers, duration, done.get(), done.get() / seconds, pct(l, 50) / 1000.0, pct(l, 99) / 1000.0,
                    (l.length == 0 ? 0 : l[l.length - 1]) / 1000.0, errors.get(), visitsVerified);
            return errors.get() == 0 ? 0 : 1;
        } finally {
            ctx.close();
        }
    }

    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** A small JPEG (~4 KB), like a phone's downscaled face photo. */
    private static String photo() throws Exception {
        BufferedImage img = new BufferedImage(160, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(225, 232, 240));
        g.fillRect(0, 0, 160, 200);
        g.setColor(new Color(240, 205, 170));
        g.fillOval(45, 40, 70, 90);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
