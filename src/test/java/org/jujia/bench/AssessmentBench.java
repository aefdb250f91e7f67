package org.jujia.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;
import javax.sql.DataSource;
import org.jujia.assessment.AssessmentManagement;
import org.jujia.assessment.scoring.CareColourScorer;
import org.jujia.assessment.scoring.ScoringEngine;
import org.jujia.elder.ElderRef;
import org.jujia.elder.ElderRegistry;
import org.jujia.support.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalApplicationListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assessment benchmark (run by {@code ./mvnw -Pbench verify -Dit.test=AssessmentBench}, never by the normal build).
 * <ol>
 * <li><b>SCORING, in process</b>: {@code ScoringEngine#score("care-colour", Map)} in a timed loop after warm-up; the
 * controller's work without HTTP (parse the JSON body, score, write the JSON answer); and
 * {@code AssessmentManagement#score}, which a draft runs.</li>
 * <li><b>SCORING over HTTP</b>: {@code POST /api/v1/scoring/care-colour} with a bearer token ({@code assessor1}),
 * varied answers whose colour is checked against the in-process engine, from 1 client and from
 * {@code bench.score.clients} concurrent clients; {@code GET /auth/me} as the authentication-only baseline.</li>
 * <li><b>REASSESSMENT DATA</b>: {@code bench.reassess.elders} (1,000,000) <em>synthetic</em> elder rows written by
 * one SQL statement (generate_series). They carry valid region places, names, birth dates, statuses and next
 * reassessment dates, but their sealed columns are placeholders (they cannot be decrypted or found by ID number),
 * which the nightly job never reads. {@code bench.reassess.duePercent} (7) % are due today or up to 30 days
 * overdue, the rest later within two years; 3 % are not ACTIVE. Their {@code id_number_idx} starts with
 * {@code abench}.</li>
 * <li><b>REASSESSMENT JOB</b>: {@code AssessmentManagement#openDueReassessments} with 0 % due (pure scan), the batch
 * query alone (the job's keyset loop without inserts), the first run (opens a task per due elder), the second run
 * (opens none), EXPLAIN ANALYZE of the batch query, and set-based what-ifs rolled back.</li>
 * <li><b>WHAT-IF with a listener</b>: the same first run once a module listens to {@code ReassessmentDue} with an
 * ordinary {@code @ApplicationModuleListener} ({@link AssessmentBenchListener}, which only counts): the
 * {@code event_publication} rows written in the job's transaction, and how the asynchronous listeners drain after
 * commit.</li>
 * </ol>
 * Figures are printed and appended to {@code target/bench-results.txt}; the 60 s target of the nightly job is
 * reported, never asserted. The database is the bench one ({@link BenchDatabaseInitializer}): by default a fresh
 * embedded PostgreSQL. On a kept database ({@code JUJIA_BENCH_DB_URL}) the synthetic elders and their tasks are
 * deleted at the end ({@code -Dbench.reassess.cleanup=false} keeps them).
 * <p>
 * Tunables (system properties): {@code bench.score.micro} (1,000,000 engine calls), {@code bench.score.requests}
 * (20,000), {@code bench.score.warmup} (5,000), {@code bench.score.clients} (4), {@code bench.reassess.elders}
 * (1,000,000), {@code bench.reassess.duePercent} (7), {@code bench.reassess.whatIfListener} (true),
 * {@code bench.reassess.drainTimeout} (180 s), {@code bench.seed}.
 */
@BenchTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AssessmentBench {

    static final int MICRO_OPS = Integer.getInteger("bench.score.micro", 1_000_000);
    static final int REQUESTS = Integer.getInteger("bench.score.requests", 20_000);
    static final int WARMUP = Integer.getInteger("bench.score.warmup", 5_000);
    static final int CLIENTS = Integer.getInteger("bench.score.clients", 4);
    static final int ELDERS = Integer.getInteger("bench.reassess.elders", 1_000_000);
    static final double DUE_PERCENT = Double.parseDouble(System.getProperty("bench.reassess.duePercent", "7"));
    static final boolean WHAT_IF_LISTENER = !"false".equalsIgnoreCase(System.getProperty("bench.reassess.whatIfListener"));
    static final int DRAIN_TIMEOUT_S = Integer.getInteger("bench.reassess.drainTimeout", 180);
    static final long SEED = Long.getLong("bench.seed", 20261123L);
    static final double TARGET_JOB_S = 60;
    static final int BATCH = 5_000; // AssessmentManagement.openDueReassessments pages by 5,000
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String MARKER = "abench";
    static final String MARKED = "select id from elder where id_number_idx like '" + MARKER + "%'";
    static final String DUE_SQL = """
            select id, name, birth_date, region_path, community_id, status from elder
             where status = 'ACTIVE' and next_reassessment_due <= %s and id > %s order by id limit %s""";

    /** The stand-in listener; detached from the multicaster except in the what-if phase. */
    @TestConfiguration(proxyBeanMethods = false)
    static class WhatIfListener {
        @Bean
        AssessmentBenchListener assessmentBenchListener() {
            return new AssessmentBenchListener();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ScoringEngine engine;

    @Autowired
    AssessmentManagement assessments;

    @Autowired
    ElderRegistry elders;

    @Autowired
    JsonMapper json;

    @Autowired
    PlatformTransactionManager txManager;

    @Autowired
    AssessmentBenchListener benchListener;

    @Autowired(required = false)
    MeterRegistry meters;

    final BenchReport report = new BenchReport("Jujia assessment bench (AssessmentBench)");
    final List<ApplicationListener<?>> detached = new ArrayList<>();
    List<Map<String, Object>> answers = List.of();
    List<String> bodies = List.of();
    String[] expected = new String[0];
    LocalDate today;
    boolean loaded;

    @BeforeAll
    void detachBenchListener() {
        multicaster().removeApplicationListeners(l -> {
            boolean mine = l instanceof TransactionalApplicationListener<?> t && t.getListenerId().contains(AssessmentBenchListener.class.getSimpleName());
            if (mine) {
                detached.add(l);
            }
            return mine;
        });
        today = LocalDate.now(ZONE);
        answers = AssessmentAnswers.careColour(4096, SEED);
        bodies = answers.stream().map(json::writeValueAsString).toList();
        expected = answers.stream().map(a -> ((CareColourScorer.Result) engine.score("care-colour", a)).colour().name()).toArray(String[]::new);
    }

    private ApplicationEventMulticaster multicaster() {
        return context.getBean(AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME, ApplicationEventMulticaster.class);
    }

    // ------------------------------------------------------------------ 1. scoring in process

    @Test
    @Order(1)
    void scoringInProcess() {
        Map<String, Integer> colours = new TreeMap<>();
        for (String c : expected) {
            colours.merge(c, 1, Integer::sum);
        }
        double meanBody = bodies.stream().mapToInt(String::length).average().orElse(0);
        report.line("SCORING in process (%,d distinct generated sittings, colours %s, mean JSON body %.0f bytes; "
                + "each figure: warm-up, then 10 timed rounds; ns/op of the median round [fastest–slowest])", answers.size(), colours, meanBody);
        int n = answers.size();
        micro("ScoringEngine.score(\"care-colour\", Map)", MICRO_OPS, 1,
                i -> engine.score("care-colour", answers.get(i % n)).hashCode());
        micro("ScoringEngine.score(\"care-colour\", Map), 2 threads", MICRO_OPS, 2,
                i -> engine.score("care-colour", answers.get(i % n)).hashCode());
        micro("controller work w/o HTTP: readTree+score+write", MICRO_OPS / 5, 1,
                i -> json.writeValueAsString(engine.score("care-colour", json.readTree(bodies.get(i % n)))).length());
        micro("AssessmentManagement.score(Map) (a draft's scoring)", MICRO_OPS / 5, 1,
                i -> assessments.score(answers.get(i % n)).results().size());
    }

    /** Warm-up (a third of the calls, at least 50,000), then 10 timed rounds; the result is folded so it is not dead code. */
    private void micro(String label, int ops, int threads, IntToLongFunction op) {
        int warm = Math.max(50_000, ops / 3);
        long sink = 0;
        for (int i = 0; i < warm; i++) {
            sink += op.applyAsLong(i);
        }
        int rounds = 10;
        int perRound = Math.max(1, ops / rounds);
        double[] nsPerOp = new double[rounds];
        long total = 0;
        for (int r = 0; r < rounds; r++) {
            long t = System.nanoTime();
            if (threads == 1) {
                for (int i = 0; i < perRound; i++) {
                    sink += op.applyAsLong(r * perRound + i);
                }
            } else {
                sink += parallel(threads, perRound, op, r * perRound);
            }
            long el = System.nanoTime() - t;
            total += el;
            nsPerOp[r] = (double) el / perRound;
        }
        Arrays.sort(nsPerOp);
        double median = (nsPerOp[rounds / 2 - 1] + nsPerOp[rounds / 2]) / 2;
        report.line("  %-58s %,9.0f ns/op [%,.0f–%,.0f]  = %,10.0f ops/s  (%,d ops in %.2f s)%s", label, median, nsPerOp[0], nsPerOp[rounds - 1],
                1e9 / median, (long) perRound * rounds, total / 1e9, sink == 42 ? " " : "");
    }

    private static long parallel(int threads, int ops, IntToLongFunction op, int base) {
        AtomicInteger next = new AtomicInteger();
        LongAdder sink = new LongAdder();
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            ts[t] = new Thread(() -> {
                long s = 0;
                for (int i = next.getAndIncrement(); i < ops; i = next.getAndIncrement()) {
                    s += op.applyAsLong(base + i);
                }
                sink.add(s);
            });
            ts[t].start();
        }
        for (Thread t : ts) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return sink.sum();
    }

    // ------------------------------------------------------------------ 2. scoring over HTTP

    @Test
    @Order(2)
    void scoringOverHttp() {
        List<HttpClient> clients = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int c = 0; c < Math.max(1, CLIENTS); c++) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
            tokens.add(Api.as(port, "assessor1").token());
        }
        URI score = URI.create("http://localhost:" + port + "/api/v1/scoring/care-colour");
        URI me = URI.create("http://localhost:" + port + "/api/v1/auth/me");
        report.blank();
        report.line("SCORING over HTTP: POST /api/v1/scoring/care-colour as assessor1 (bearer token per client, java.net.http HTTP/1.1 keep-alive);");
        report.line("  %,d warm-up requests (all clients), then %,d requests by 1 client and by %d concurrent clients; every answer checked: "
                + "status 200 and the colour the in-process engine gives. Client and server share the JVM and the 2 cores. "
                + "Latencies in ms, client side; 'server mean' = http.server.requests timer", WARMUP, REQUESTS, CLIENTS);
        int n = bodies.size();
        HttpCall scoring = (i, token) -> HttpRequest.newBuilder(score).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i % n))).build();
        Check colourOk = (i, r) -> r.statusCode() == 200 && r.body().contains("\"colour\":\"" + expected[i % n] + "\"");
        HttpCall auth = (i, token) -> HttpRequest.newBuilder(me).header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .GET().build();
        Check ok200 = (i, r) -> r.statusCode() == 200;

        HttpRun warm = http(clients, tokens, WARMUP, 0, scoring, colourOk);
        report.line("  warm-up: %s", warm.summary());
        if (warm.bad() > 0) {
            report.line("  ! first unexpected answer: %s", warm.firstBad);
        }
        for (int c : new int[] { 1, CLIENTS }) {
            List<HttpClient> use = clients.subList(0, Math.min(c, clients.size()));
            double[] before = serverTimer("/api/v1/scoring/{instrument}");
            HttpRun run = http(use, tokens, REQUESTS, WARMUP + c, scoring, colourOk);
            double[] after = serverTimer("/api/v1/scoring/{instrument}");
            report.line("    %s", run.line("care-colour [" + c + (c == 1 ? " client]" : " clients]"), before, after));
            if (run.bad() > 0) {
                report.line("    ! first unexpected answer: %s", run.firstBad);
            }
        }
        int baseline = Math.max(1, REQUESTS / 4);
        http(clients, tokens, Math.min(WARMUP, 2_000), 0, auth, ok200);
        for (int c : new int[] { 1, CLIENTS }) {
            List<HttpClient> use = clients.subList(0, Math.min(c, clients.size()));
            double[] before = serverTimer("/api/v1/auth/me");
            HttpRun run = http(use, tokens, baseline, 0, auth, ok200);
            double[] after = serverTimer("/api/v1/auth/me");
            report.line("    %s", run.line("baseline GET /auth/me [" + c + (c == 1 ? " client]" : " clients]"), before, after));
        }
    }

    @FunctionalInterface
    interface HttpCall {
        HttpRequest request(int i, String token);
    }

    @FunctionalInterface
    interface Check {
        boolean ok(int i, HttpResponse<String> response);
    }

    /** The outcome of one HTTP run. */
    static final class HttpRun {
        final Latencies lat;
        final Map<String, LongAdder> colours = new ConcurrentHashMap<>();
        final AtomicInteger bad = new AtomicInteger();
        volatile String firstBad;

        HttpRun(int n) {
            lat = new Latencies(n);
        }

        int bad() {
            return bad.get();
        }

        String summary() {
            return String.format("%,d requests in %.1f s, %,.0f req/s, %d unexpected", lat.count(), lat.count() / lat.throughput(), lat.throughput(), bad());
        }

        String line(String label, double[] before, double[] after) {
            double count = after[0] - before[0];
            String server = count > 0 ? String.format("  server mean %.3f ms", (after[1] - before[1]) / count) : "";
            TreeMap<String, Long> cs = new TreeMap<>();
            colours.forEach((k, v) -> cs.put(k, v.sum()));
            return String.format("%-34s n=%,6d  p50=%6.2f  p95=%6.2f  p99=%6.2f  max=%7.2f ms  %,7.0f req/s  unexpected=%d%s%s", label,
                    lat.count(), lat.percentileMs(50), lat.percentileMs(95), lat.percentileMs(99), lat.maxMs(), lat.throughput(), bad(), server,
                    cs.isEmpty() ? "" : "  colours " + cs);
        }
    }

    /** {@code n} requests shared by the clients, each client on its own platform thread (the calling one when alone). */
    private static HttpRun http(List<HttpClient> clients, List<String> tokens, int n, int offset, HttpCall call, Check check) {
        HttpRun run = new HttpRun(n);
        AtomicInteger next = new AtomicInteger();
        IntFunction<Runnable> worker = c -> () -> {
            HttpClient client = clients.get(c);
            String token = tokens.get(c);
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                int k = offset + i;
                HttpRequest req = call.request(k, token);
                long t = System.nanoTime();
                boolean ok;
                HttpResponse<String> r = null;
                try {
                    r = client.send(req, HttpResponse.BodyHandlers.ofString());
                    ok = check.ok(k, r);
                } catch (Exception e) {
                    ok = false;
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                }
                long el = System.nanoTime() - t;
                run.lat.add(el, ok);
                if (!ok) {
                    if (run.bad.getAndIncrement() == 0) {
                        run.firstBad = r == null ? "no response" : r.statusCode() + " " + r.body();
                    }
                } else if (r.body().contains("\"colour\":\"")) {
                    int s = r.body().indexOf("\"colour\":\"") + 10;
                    run.colours.computeIfAbsent(r.body().substring(s, r.body().indexOf('"', s)), x -> new LongAdder()).increment();
                }
            }
        };
        long start = System.nanoTime();
        if (clients.size() == 1) {
            worker.apply(0).run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(clients.size());
            for (int c = 0; c < clients.size(); c++) {
                pool.submit(worker.apply(c));
            }
            pool.shutdown();
            try {
                if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
                    pool.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        run.lat.wall(System.nanoTime() - start);
        return run;
    }

    private double[] serverTimer(String uri) {
        return ServerTimers.of(meters, uri);
    }

    // ------------------------------------------------------------------ 3. synthetic elders

    @Test
    @Order(3)
    void loadSyntheticElders() {
        report.blank();
        report.line("REASSESSMENT DATA: %,d synthetic elders (one INSERT … SELECT over generate_series; real region places, names, birth "
                + "dates, statuses, next reassessment dates; placeholder sealed columns, not searchable) — today = %s (Asia/Shanghai)", ELDERS, today);
        long old = jdbc.queryForObject("select count(*) from elder where id_number_idx like '" + MARKER + "%'", Long.class);
        if (old > 0) {
            long t = System.nanoTime();
            deleteSynthetic();
            report.line("  removed %,d synthetic elders of an earlier run in %.1f s", old, (System.nanoTime() - t) / 1e9);
        }
        long before = jdbc.queryForObject("select count(*) from elder", Long.class);
        int duePermille = (int) Math.round(DUE_PERCENT * 10);
        long t = System.nanoTime();
        int rows = jdbc.update("""
                with places as (
                    select row_number() over (order by n.id) - 1 as k,
                           case when n.level = 'COMPLEX' then n.parent_id else n.id end as community_id,
                           case when n.level = 'COMPLEX' then n.id end as complex_id, n.path
                      from region_node n where n.level in ('COMMUNITY', 'COMPLEX')),
                     counted as (select count(*) as c from places)
                insert into elder (name, sex, birth_date, id_number_enc, id_number_idx, id_number_masked, community_id, complex_id,
                                   region_path, living_situation, economic_category, status, care_colour, next_reassessment_due)
                select (array['王','李','张','刘','陈','杨','黄','赵','吴','周'])[(1 + g % 10)::int]
                         || (array['秀英','建国','桂兰','志强','玉兰','德明','淑珍','国华','凤英','文彬'])[(1 + (g / 10) % 10)::int],
                       case when g % 2 = 0 then 'FEMALE' else 'MALE' end,
                       date '1921-01-01' + ((g * 7919) % 15000)::int,
                       'bench-synthetic-not-sealed',
                       ?::text || lpad(g::text, 58, '0'),
                       '320***********' || lpad((g % 10000)::text, 4, '0'),
                       p.community_id, p.complex_id, p.path,
                       (array['ALONE','EMPTY_NEST','WITH_FAMILY'])[(1 + (g / 7) % 3)::int],
                       (array['ORDINARY','ORDINARY','ORDINARY','LOW_INCOME','MINIMUM_LIVING','SPECIAL_HARDSHIP'])[(1 + (g / 3) % 6)::int],
                       case when (g * 48271) % 100 < 2 then 'DECEASED' when (g * 48271) % 100 < 3 then 'MOVED_AWAY' else 'ACTIVE' end,
                       (array['GREEN','YELLOW','ORANGE','RED'])[(1 + (g / 11) % 4)::int],
                       case when (g * 2654435761) % 1000 < ? then ?::date - ((g * 7) % 31)::int
                            else ?::date + 1 + ((g * 40503) % 730)::int end
                  from generate_series(1::bigint, ?::bigint) g
                  cross join counted
                  join places p on p.k = g % counted.c""", MARKER, duePermille, Date.valueOf(today), Date.valueOf(today), ELDERS);
        double loadS = (System.nanoTime() - t) / 1e9;
        report.line("  inserted %,d rows in %.1f s = %,.0f rows/s (one statement, every index of elder maintained)", rows, loadS, rows / loadS);
        long vt = System.nanoTime();
        double visible = 0;
        for (int attempt = 0; attempt < 15 && visible < 0.95; attempt++) {
            if (attempt > 0) {
                sleep(1000);
            }
            jdbc.execute("vacuum analyze elder");
            visible = jdbc.queryForObject("select relallvisible::float / greatest(relpages, 1) from pg_class where relname = 'elder'", Double.class);
        }
        report.line("  vacuum analyze elder: %.1f s; %.0f %% of pages all-visible; elder table %s, its indexes %s (elder_next_due_idx %s)",
                (System.nanoTime() - vt) / 1e9, 100 * visible, jdbc.queryForObject("select pg_size_pretty(pg_table_size('elder'))", String.class),
                jdbc.queryForObject("select pg_size_pretty(pg_indexes_size('elder'))", String.class),
                jdbc.queryForObject("select pg_size_pretty(pg_relation_size('elder_next_due_idx'))", String.class));
        Map<String, Object> c = jdbc.queryForMap("""
                select count(*) as total, count(*) filter (where status = 'ACTIVE') as active,
                       count(*) filter (where status = 'ACTIVE' and next_reassessment_due <= ?) as due,
                       count(*) filter (where status = 'ACTIVE' and next_reassessment_due = ?) as due_today,
                       count(*) filter (where status <> 'ACTIVE' and next_reassessment_due <= ?) as due_inactive
                  from elder""", Date.valueOf(today), Date.valueOf(today), Date.valueOf(today));
        report.line("  elders in database: %,d (before: %,d); ACTIVE %,d; ACTIVE and due by today %,d (%.1f %%; %,d of them exactly today, the rest "
                + "up to 30 days overdue); not ACTIVE but past their date (must be skipped) %,d", c.get("total"), before, c.get("active"), c.get("due"),
                100.0 * ((Number) c.get("due")).longValue() / ((Number) c.get("total")).longValue(), c.get("due_today"), c.get("due_inactive"));
        loaded = true;
    }

    // ------------------------------------------------------------------ 4. the nightly job

    @Test
    @Order(4)
    void reassessmentJob() {
        long population = jdbc.queryForObject("select count(*) from elder", Long.class);
        long due = jdbc.queryForObject("select count(*) from elder where status = 'ACTIVE' and next_reassessment_due <= ?", Long.class,
                Date.valueOf(today));
        report.blank();
        report.line("REASSESSMENT JOB: AssessmentManagement.openDueReassessments(today) over %,d elders, %,d ACTIVE and due (target < %.0f s)",
                population, due, TARGET_JOB_S);
        report.line("  (one transaction; keyset batches of %,d from ElderRegistry.dueForReassessment; one INSERT … ON CONFLICT DO NOTHING RETURNING "
                + "round trip per due elder; one ReassessmentDue event per task opened. No module listens to ReassessmentDue yet: "
                + "%d bench listener(s) detached.)", BATCH, detached.size());

        // a. 0 % due: nothing is due before the oldest date
        LocalDate none = today.minusDays(31);
        Job zero = job(none);
        report.line("  a. 0 %% due (today = %s):  %s", none, zero.line(population));

        // b. the batch query alone, on one connection in one transaction like the job
        List<Long> batchNanos = new ArrayList<>();
        long[] rows = new long[1];
        long qt = System.nanoTime();
        new TransactionTemplate(txManager).executeWithoutResult(s -> {
            long after = 0;
            while (true) {
                long t = System.nanoTime();
                List<ElderRef> b = elders.dueForReassessment(today, after, BATCH);
                batchNanos.add(System.nanoTime() - t);
                if (b.isEmpty()) {
                    break;
                }
                rows[0] += b.size();
                after = b.get(b.size() - 1).id();
            }
        });
        double queryS = (System.nanoTime() - qt) / 1e9;
        report.line("  b. batch query alone (ElderRegistry.dueForReassessment keyset loop, no inserts): %,d rows in %d queries, %.2f s; per query %s",
                rows[0], batchNanos.size(), queryS, spread(batchNanos));

        // c. first run
        Job first = job(today);
        report.line("  c. first run:   %s  %s", first.line(population),
                first.seconds < TARGET_JOB_S ? "ok (<" + (int) TARGET_JOB_S + " s)" : "MISS");
        if (first.opened > 0) {
            report.line("     per task opened: %.0f µs (%.0f µs of it outside the batch queries: the INSERT round trip, the event, the mapping)",
                    first.seconds * 1e6 / first.opened, (first.seconds - queryS) * 1e6 / first.opened);
        }
        // d. second run
        Job second = job(today);
        report.line("  d. second run:  %s  %s", second.line(population), second.opened == 0 ? "idempotent" : "! NOT idempotent");
        if (due > 0) {
            report.line("     per due elder: %.0f µs (each still costs an INSERT … ON CONFLICT round trip and a sequence value)",
                    second.seconds * 1e6 / due);
        }
        long seqGap = jdbc.queryForObject("select last_value from assessment_task_id_seq", Long.class)
                - jdbc.queryForObject("select coalesce(max(id), 0) from assessment_task", Long.class);
        report.line("     assessment_task ids consumed without a row (ON CONFLICT DO NOTHING still takes nextval): %,d", seqGap);

        explainBatchQuery(due);
        setBasedWhatIfs();
    }

    /** One run of the job: seconds, tasks opened, and what it wrote. */
    record Job(double seconds, int opened, long tasksAdded, long publicationsAdded) {
        String line(long population) {
            return String.format("%6.2f s = %,9.0f elders/s, %,7d tasks opened (assessment_task +%,d), event_publication +%,d", seconds,
                    population / seconds, opened, tasksAdded, publicationsAdded);
        }
    }

    private Job job(LocalDate day) {
        long tasks = count("select count(*) from assessment_task");
        long pubs = count("select count(*) from event_publication");
        System.gc();
        long t = System.nanoTime();
        int opened = assessments.openDueReassessments(day);
        double s = (System.nanoTime() - t) / 1e9;
        return new Job(s, opened, count("select count(*) from assessment_task") - tasks, count("select count(*) from event_publication") - pubs);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static String spread(List<Long> nanos) {
        long[] s = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (s.length == 0) {
            return "-";
        }
        return String.format("first %.1f ms, median %.1f ms, max %.1f ms, last (empty) %.1f ms", nanos.get(0) / 1e6, s[s.length / 2] / 1e6,
                s[s.length - 1] / 1e6, nanos.get(nanos.size() - 1) / 1e6);
    }

    /**
     * EXPLAIN (ANALYZE, BUFFERS) of the job's batch query: with literals (custom plans) at the first batch, deep in the
     * keyset and with nothing due; and prepared as the JDBC driver does, at its 7th execution (PostgreSQL may then
     * use a generic plan, whose row estimate for {@code next_reassessment_due <= $1} is a fixed guess).
     */
    private void explainBatchQuery(long due) {
        String d = "date '" + today + "'";
        Long deep = due < 10 ? 0L : jdbc.queryForObject("select id from elder where status = 'ACTIVE' and next_reassessment_due <= ? order by id offset ? limit 1",
                Long.class, Date.valueOf(today), (long) (due * 0.9));
        report.line("  e. EXPLAIN (ANALYZE, BUFFERS) of the batch query:");
        jdbc.execute((ConnectionCallback<Void>) c -> {
            try (Statement st = c.createStatement()) {
                explain(st, "first batch (id > 0), literals", String.format(DUE_SQL, d, 0, BATCH), true);
                explain(st, "batch at 90 % of the due elders (id > " + deep + "), literals", String.format(DUE_SQL, d, deep, BATCH), false);
                explain(st, "0 % due (date " + today.minusDays(31) + "), literals", String.format(DUE_SQL, "date '" + today.minusDays(31) + "'", 0, BATCH), false);
                st.execute("prepare bench_due(date, bigint, int) as " + String.format(DUE_SQL, "$1", "$2", "$3"));
                explain(st, "prepared, 7th execution, first batch", "execute bench_due(" + d + ", 0, " + BATCH + ")", true);
                explain(st, "prepared, 7th execution, at 90 %", "execute bench_due(" + d + ", " + deep + ", " + BATCH + ")", false);
                st.execute("deallocate all");
            }
            return null;
        });
    }

    private void explain(Statement st, String label, String sql, boolean full) throws java.sql.SQLException {
        List<String> plan = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            plan.clear();
            try (ResultSet rs = st.executeQuery("explain (analyze, buffers) " + sql)) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
        }
        if (full) {
            report.line("     %s:", label);
            plan.forEach(l -> report.line("       %s", l));
        } else {
            report.line("     %s: %s", label, String.join(" | ", plan.stream().filter(l -> l.contains("Scan") || l.contains("Index Cond")
                    || l.contains("Filter") || l.contains("Sort Method") || l.contains("Execution Time")).map(String::trim).toList()));
        }
    }

    /**
     * What-ifs, each in a transaction that is rolled back: the same work done by set-based SQL. (a) One statement per
     * keyset batch that selects the batch and inserts its tasks ({@code INSERT … SELECT … ON CONFLICT DO NOTHING
     * RETURNING id, elder_id}: the ids the events need come back), after closing the open bench tasks so that they
     * are opened again; (b) the same for the second run (nothing to open); (c) one statement for everything.
     */
    private void setBasedWhatIfs() {
        String close = "update assessment_task set status = 'DONE', done_at = now(), done_by = 'bench', note = 'bench what-if' "
                + "where kind = 'REASSESSMENT' and status = 'OPEN' and reason = 'SCHEDULE' and elder_id in (" + MARKED + ")";
        String batch = """
                with batch as (
                    select id, name, region_path from elder
                     where status = 'ACTIVE' and next_reassessment_due <= ? and id > ? order by id limit ?),
                ins as (
                    insert into assessment_task (kind, elder_id, elder_name, region_path, street_id, reason, detail, created_at, due_at)
                    select 'REASSESSMENT', id, name, region_path, split_part(region_path, '/', 4)::bigint, 'SCHEDULE', 'due by schedule', now(), now()
                      from batch
                    on conflict (elder_id) where kind = 'REASSESSMENT' and status = 'OPEN' do nothing
                    returning id, elder_id)
                select (select max(id) from batch), (select count(*) from ins), (select count(*) from batch)""";
        report.line("  f. WHAT-IF set-based SQL (each in a transaction, rolled back):");
        jdbc.execute((ConnectionCallback<Void>) c -> {
            c.setAutoCommit(false);
            try {
                for (boolean reopen : new boolean[] { true, false }) {
                    long ct = System.nanoTime();
                    int closed = 0;
                    if (reopen) {
                        try (Statement st = c.createStatement()) {
                            closed = st.executeUpdate(close);
                        }
                    }
                    double closeS = (System.nanoTime() - ct) / 1e9;
                    long t = System.nanoTime();
                    long after = 0;
                    long inserted = 0;
                    int queries = 0;
                    try (var ps = c.prepareStatement(batch)) {
                        while (true) {
                            ps.setDate(1, Date.valueOf(today));
                            ps.setLong(2, after);
                            ps.setInt(3, BATCH);
                            queries++;
                            try (ResultSet rs = ps.executeQuery()) {
                                rs.next();
                                if (rs.getLong(3) == 0) {
                                    break;
                                }
                                after = rs.getLong(1);
                                inserted += rs.getLong(2);
                            }
                        }
                    }
                    double s = (System.nanoTime() - t) / 1e9;
                    report.line("     per keyset batch, INSERT … SELECT … RETURNING (%s): %.2f s, %,d tasks opened in %d statements%s",
                            reopen ? "like the first run" : "like the second run", s, inserted, queries,
                            reopen ? String.format(" (after closing %,d open bench tasks in %.1f s, not counted)", closed, closeS) : "");
                    c.rollback();
                }
                long ct = System.nanoTime();
                int closed;
                try (Statement st = c.createStatement()) {
                    closed = st.executeUpdate(close);
                }
                double closeS = (System.nanoTime() - ct) / 1e9;
                long t = System.nanoTime();
                int inserted;
                try (var ps = c.prepareStatement("""
                        insert into assessment_task (kind, elder_id, elder_name, region_path, street_id, reason, detail, created_at, due_at)
                        select 'REASSESSMENT', id, name, region_path, split_part(region_path, '/', 4)::bigint, 'SCHEDULE', 'due by schedule', now(), now()
                          from elder where status = 'ACTIVE' and next_reassessment_due <= ?
                            and not exists (select 1 from assessment_task t where t.elder_id = elder.id and t.kind = 'REASSESSMENT' and t.status = 'OPEN')
                        on conflict (elder_id) where kind = 'REASSESSMENT' and status = 'OPEN' do nothing""")) {
                    ps.setDate(1, Date.valueOf(today));
                    inserted = ps.executeUpdate();
                }
                report.line("     one statement for all, anti-join + ON CONFLICT: %.2f s, %,d tasks opened (after closing %,d, not counted, %.1f s)",
                        (System.nanoTime() - t) / 1e9, inserted, closed, closeS);
                c.rollback();
                keysetOnDueDateWhatIf(c);
                c.rollback();
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
            return null;
        });
    }

    /**
     * What-if: {@code elder_next_due_idx} replaced by an index on {@code (next_reassessment_due, id) where status =
     * 'ACTIVE'} and a keyset on the same pair, so that every batch is one range of that index, read in order and
     * stopped after {@value #BATCH} rows. Built, measured (the batch query alone, like b.) and rolled back.
     */
    private void keysetOnDueDateWhatIf(java.sql.Connection c) throws java.sql.SQLException {
        long t = System.nanoTime();
        try (Statement st = c.createStatement()) {
            st.execute("drop index elder_next_due_idx");
            st.execute("create index bench_whatif_due_id on elder (next_reassessment_due, id) where status = 'ACTIVE'");
        }
        double buildS = (System.nanoTime() - t) / 1e9;
        String sql = """
                select id, name, birth_date, region_path, community_id, status, next_reassessment_due from elder
                 where status = 'ACTIVE' and next_reassessment_due <= ? and (next_reassessment_due, id) > (?, ?)
                 order by next_reassessment_due, id limit ?""";
        List<Long> nanos = new ArrayList<>();
        long rows = 0;
        LocalDate lastDue = LocalDate.of(1, 1, 1);
        long lastId = 0;
        long start = System.nanoTime();
        try (var ps = c.prepareStatement(sql)) {
            while (true) {
                ps.setDate(1, Date.valueOf(today));
                ps.setDate(2, Date.valueOf(lastDue));
                ps.setLong(3, lastId);
                ps.setInt(4, BATCH);
                long q = System.nanoTime();
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        n++;
                        lastId = rs.getLong(1);
                        lastDue = rs.getDate(7).toLocalDate();
                    }
                }
                nanos.add(System.nanoTime() - q);
                rows += n;
                if (n < BATCH) {
                    break;
                }
            }
        }
        report.line("     elder_next_due_idx replaced by (next_reassessment_due, id) WHERE status = 'ACTIVE' (built in %.1f s) + keyset on that pair, "
                + "batch query alone: %,d rows in %d queries, %.2f s; per query %s", buildS, rows, nanos.size(), (System.nanoTime() - start) / 1e9,
                spread(nanos));
        try (Statement st = c.createStatement()) {
            st.execute("prepare bench_due2(date, date, bigint, int) as " + numbered(sql));
            explain(st, "its plan, prepared, 7th execution, first batch", "execute bench_due2(date '" + today + "', date '0001-01-01', 0, " + BATCH + ")",
                    false);
            st.execute("deallocate bench_due2");
        }
    }

    /** The JDBC {@code ?} placeholders as PostgreSQL's {@code $1, $2, …}. */
    private static String numbered(String sql) {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (char ch : sql.toCharArray()) {
            if (ch == '?') {
                b.append('$').append(++n);
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ 5. what-if: a module listens

    @Test
    @Order(5)
    void whatIfAModuleListens() throws Exception {
        if (!WHAT_IF_LISTENER || detached.isEmpty()) {
            return;
        }
        HikariDataSource hikariDs = context.getBean(DataSource.class) instanceof HikariDataSource h ? h : null;
        String pool = hikariDs != null ? String.format("Hikari pool max %d, connection timeout %d ms", hikariDs.getMaximumPoolSize(),
                hikariDs.getConnectionTimeout()) : context.getBean(DataSource.class).getClass().getSimpleName();
        Object executor = context.containsBean("applicationTaskExecutor") ? context.getBean("applicationTaskExecutor") : null;
        report.blank();
        report.line("WHAT-IF a module listens to ReassessmentDue: one @ApplicationModuleListener that only counts (async, own transaction, "
                + "publication completed by Spring Modulith); the open bench tasks are closed first so the job opens them again");
        report.line("  async executor: %s; %s", executor == null ? "?" : executor.getClass().getSimpleName()
                + (executor instanceof org.springframework.core.task.SimpleAsyncTaskExecutor s ? " (virtual threads: " + isVirtual(s)
                        + ", concurrency limit " + (s.getConcurrencyLimit() < 0 ? "none" : s.getConcurrencyLimit()) + ")" : ""), pool);
        report.line("  (the bench watches through its own JDBC connection, outside the pool, and probes the API with GET /auth/me every 0.25 s)");
        int closed = jdbc.update("update assessment_task set status = 'DONE', done_at = now(), done_by = 'bench', note = 'bench what-if' "
                + "where kind = 'REASSESSMENT' and status = 'OPEN' and reason = 'SCHEDULE' and elder_id in (" + MARKED + ")");
        String mine = "listener_id like '%" + AssessmentBenchListener.class.getSimpleName() + "%'";
        String probeToken = Api.as(port, "admin").token();
        LoggingSystem logging = context.getBean(LoggingSystem.class);
        List<String> quiet = List.of("org.springframework.aop.interceptor", "org.springframework.modulith", "org.springframework.transaction",
                "com.zaxxer.hikari", "org.jujia", "org.springframework.web", "org.apache.catalina");
        java.util.Properties props = new java.util.Properties();
        if (hikariDs != null && hikariDs.getUsername() != null) {
            props.put("user", hikariDs.getUsername());
        }
        if (hikariDs != null && hikariDs.getPassword() != null) {
            props.put("password", hikariDs.getPassword());
        }
        String url = hikariDs != null ? hikariDs.getJdbcUrl() : jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getURL());
        try (java.sql.Connection mon = java.sql.DriverManager.getConnection(url, props)) {
            long population = monCount(mon, "select count(*) from elder");
            long tasksBefore = monCount(mon, "select count(*) from assessment_task");
            long pubsBefore = monCount(mon, "select count(*) from event_publication");
            // each failed listener or request would log a stack trace; failures are counted instead
            quiet.forEach(l -> logging.setLogLevel(l, LogLevel.OFF));
            detached.forEach(l -> multicaster().addApplicationListener(l));
            long handledBefore = benchListener.handled();
            double timeoutsBefore = hikari("hikaricp.connections.timeout");
            Probe probe = new Probe(port, probeToken);
            try {
                System.gc();
                long t = System.nanoTime();
                int opened = assessments.openDueReassessments(today);
                double seconds = (System.nanoTime() - t) / 1e9;
                long t0 = System.nanoTime();
                probe.start();
                Job run = new Job(seconds, opened, monCount(mon, "select count(*) from assessment_task") - tasksBefore,
                        monCount(mon, "select count(*) from event_publication") - pubsBefore);
                report.line("  first run with the listener: %s  %s   (%,d tasks closed beforehand)", run.line(population),
                        run.seconds < TARGET_JOB_S ? "ok (<" + (int) TARGET_JOB_S + " s)" : "MISS", closed);
                long total = monCount(mon, "select count(*) from event_publication where " + mine);
                List<String> samples = new ArrayList<>();
                long lastProgress = System.nanoTime();
                long lastDone = -1;
                double drainedAt = Double.NaN;
                double maxPending = 0;
                int[] marks = { 1, 2, 3, 5, 10, 20, 30, 60, 90, 120, 180, 240, 300 };
                int nextMark = 0;
                while ((System.nanoTime() - t0) / 1e9 < DRAIN_TIMEOUT_S) {
                    maxPending = Math.max(maxPending, hikari("hikaricp.connections.pending"));
                    long done = monCount(mon, "select count(*) from event_publication where completion_date is not null and " + mine);
                    long failed = monCount(mon, "select count(*) from event_publication where status = 'FAILED' and " + mine);
                    double at = (System.nanoTime() - t0) / 1e9;
                    if (nextMark < marks.length && at >= marks[nextMark]) {
                        samples.add(String.format("%ds: %,d completed, %,d failed, %,d handled, %,.0f waiting for a connection", marks[nextMark], done,
                                failed, benchListener.handled() - handledBefore, hikari("hikaricp.connections.pending")));
                        while (nextMark < marks.length && at >= marks[nextMark]) {
                            nextMark++;
                        }
                    }
                    if (done + failed >= total) {
                        drainedAt = at;
                        break;
                    }
                    if (done + failed != lastDone) {
                        lastDone = done + failed;
                        lastProgress = System.nanoTime();
                    } else if ((System.nanoTime() - lastProgress) / 1e9 > 20 && hikari("hikaricp.connections.pending") == 0) {
                        break; // settled: what is left will only be retried (on restart or by resubmission)
                    }
                    sleep(250);
                }
                double waited = (System.nanoTime() - t0) / 1e9;
                report.line("  after commit: %,d publications; %s", total, Double.isNaN(drainedAt)
                        ? String.format("NOT all completed; stopped watching after %.0f s", waited)
                        : String.format("all completed %.1f s after the job returned", drainedAt));
                report.line("    progress after the job returned: %s", String.join("; ", samples));
                Map<String, Long> byStatus = new TreeMap<>();
                try (Statement st = mon.createStatement(); ResultSet rs = st.executeQuery("select coalesce(status, '(null)') || case when "
                        + "completion_date is null then ' (incomplete)' else '' end, count(*) from event_publication where " + mine + " group by 1")) {
                    while (rs.next()) {
                        byStatus.put(rs.getString(1), rs.getLong(2));
                    }
                }
                report.line("    event_publication rows by status: %s; listener invocations that ran: %,d", byStatus,
                        benchListener.handled() - handledBefore);
                report.line("    Hikari: %,.0f connection requests timed out; up to %,.0f threads waiting for a connection at once (sampled)",
                        hikari("hikaricp.connections.timeout") - timeoutsBefore, maxPending);
            } finally {
                probe.stop();
                multicaster().removeApplicationListeners(detached::contains);
                report.line("    API probe GET /auth/me (as admin) meanwhile: %s", probe.summary());
                sleep(4000); // let the last waiting threads time out before logging is restored
                quiet.forEach(l -> logging.setLogLevel(l, null));
            }
        }
    }

    private static long monCount(java.sql.Connection c, String sql) throws java.sql.SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Sends GET /auth/me every 0.25 s from its own thread, as another user of the platform would, and keeps the outcomes. */
    static final class Probe {
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final HttpRequest request;
        private final Latencies lat = new Latencies(100_000);
        private final Map<Integer, Integer> statuses = new TreeMap<>();
        private volatile boolean running;
        private Thread thread;
        private long started;

        Probe(int port, String token) {
            request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/me")).header("Authorization", "Bearer " + token)
                    .timeout(java.time.Duration.ofSeconds(30)).GET().build();
        }

        void start() {
            running = true;
            started = System.nanoTime();
            thread = new Thread(() -> {
                while (running) {
                    long t = System.nanoTime();
                    int status;
                    try {
                        status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    lat.add(System.nanoTime() - t, status == 200);
                    synchronized (statuses) {
                        statuses.merge(status, 1, Integer::sum);
                    }
                    sleep(250);
                }
            }, "bench-api-probe");
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            if (thread != null) {
                thread.join(60_000);
                lat.wall(System.nanoTime() - started);
            }
        }

        String summary() {
            synchronized (statuses) {
                return String.format("%d requests, %d failed, statuses %s (-1 = no answer); p50 %.1f ms, max %.0f ms", lat.count(), lat.errors(),
                        statuses, lat.percentileMs(50), lat.maxMs());
            }
        }
    }

    /** Sum of a HikariCP meter (counter or gauge) over the pools; NaN without metrics. */
    private double hikari(String name) {
        if (meters == null) {
            return Double.NaN;
        }
        double sum = 0;
        for (var m : meters.find(name).meters()) {
            for (var ms : m.measure()) {
                sum += ms.getValue();
            }
        }
        return sum;
    }

    private static String isVirtual(org.springframework.core.task.SimpleAsyncTaskExecutor s) {
        try {
            var f = org.springframework.util.ReflectionUtils.findField(org.springframework.core.task.SimpleAsyncTaskExecutor.class, "virtualThreadDelegate");
            if (f == null) {
                return "?";
            }
            f.setAccessible(true);
            return f.get(s) != null ? "yes" : "no";
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "?";
        }
    }

    // ------------------------------------------------------------------ clean-up

    private void deleteSynthetic() {
        jdbc.update("delete from event_publication where listener_id like '%" + AssessmentBenchListener.class.getSimpleName() + "%'");
        jdbc.update("delete from assessment_task where elder_id in (" + MARKED + ")");
        jdbc.update("delete from elder where id_number_idx like '" + MARKER + "%'");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterAll
    void publish() {
        String url = System.getProperty("bench.db.url", System.getenv("JUJIA_BENCH_DB_URL"));
        boolean kept = url != null && !url.isBlank();
        if (loaded && Boolean.parseBoolean(System.getProperty("bench.reassess.cleanup", String.valueOf(kept)))) {
            long t = System.nanoTime();
            deleteSynthetic();
            jdbc.execute("vacuum analyze elder");
            report.line("");
            report.line("clean-up: synthetic elders, their tasks and the bench listener's publications deleted in %.1f s", (System.nanoTime() - t) / 1e9);
        }
        report.publish();
    }
}
