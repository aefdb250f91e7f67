package org.jujia.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jujia.elder.ElderInput;
import org.jujia.elder.ElderRegistry;
import org.jujia.privacy.FieldCipher;
import org.jujia.shared.Jurisdiction;
import org.jujia.support.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Registry benchmark (run by {@code ./mvnw -Pbench verify}, never by the normal build): 100,000 elders in the
 * database, then searches over real HTTP with bearer tokens (name prefix, exact ID number, exact phone; as admin
 * and as street1; one client and {@code bench.clients} concurrent clients), the query plans behind them, and a
 * 10,000-row spreadsheet import end to end. Figures are printed and appended to {@code target/bench-results.txt};
 * targets (search p95 &lt; 50 ms, import &lt; 30 s) are reported, never asserted.
 * <p>
 * Tunables (system properties): {@code bench.elders} (100000), {@code bench.batch} (5000), {@code bench.requests}
 * (500), {@code bench.warmup} (100), {@code bench.warmup.global} (400), {@code bench.clients} (4), {@code bench.import.rows} (10000),
 * {@code bench.import.timeout} (600 s), {@code bench.seed}.
 */
@BenchTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryBench {

    static final int ELDERS = Integer.getInteger("bench.elders", 100_000);
    static final int BATCH = Integer.getInteger("bench.batch", 5_000);
    static final int REQUESTS = Integer.getInteger("bench.requests", 500);
    static final int WARMUP = Integer.getInteger("bench.warmup", 100);
    static final int GLOBAL_WARMUP = Integer.getInteger("bench.warmup.global", 400);
    static final int CLIENTS = Integer.getInteger("bench.clients", 4);
    static final int IMPORT_ROWS = Integer.getInteger("bench.import.rows", 10_000);
    static final int IMPORT_TIMEOUT_S = Integer.getInteger("bench.import.timeout", 600);
    static final long SEED = Long.getLong("bench.seed", 20261123L);
    static final double TARGET_P95_MS = 50;
    static final double TARGET_IMPORT_S = 30;
    static final List<String> COMMON_SURNAMES = List.of("王", "李", "张", "刘", "陈");
    static final String STREET1_PREFIX = "320508001";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FieldCipher cipher;

    @Autowired(required = false)
    MeterRegistry meters;

    final BenchReport report = new BenchReport("Jujia registry bench (RegistryBench)");
    List<ElderInput> elders = List.of();

    // ------------------------------------------------------------------ 1. data

    @Test
    @Order(1)
    void loadElders() {
        long genStart = System.nanoTime();
        elders = BenchElders.forRegistry(ELDERS, SEED);
        double genS = (System.nanoTime() - genStart) / 1e9;
        ElderRegistry registry = context.getBean(ElderRegistry.class);
        Jurisdiction bench = new Jurisdiction(0, "bench", "/", false, Set.of("ELDER_WRITE", "ELDER_IMPORT"));
        long before = countElders();

        int loaded = 0;
        int present = 0;
        long slowestBatch = 0;
        long start = System.nanoTime();
        for (int from = 0; from < elders.size(); from += BATCH) {
            List<ElderInput> batch = elders.subList(from, Math.min(elders.size(), from + BATCH));
            Set<String> there = registered(batch);
            List<ElderInput> missing = batch.stream().filter(e -> !there.contains(cipher.blindIndex(e.idNumber()))).toList();
            present += batch.size() - missing.size();
            if (missing.isEmpty()) {
                continue;
            }
            long t = System.nanoTime();
            registry.registerAll(missing, bench);
            slowestBatch = Math.max(slowestBatch, System.nanoTime() - t);
            loaded += missing.size();
        }
        double loadS = (System.nanoTime() - start) / 1e9;
        report.line("DATA");
        report.line("  bench elders generated: %,d in %.1f s (seed %d)", elders.size(), genS, SEED);
        if (loaded > 0) {
            report.line("  loaded via ElderRegistry.registerAll: %,d elders in %.1f s = %,.0f elders/s (batches of %,d, slowest %.1f s)",
                    loaded, loadS, loaded / loadS, BATCH, slowestBatch / 1e9);
        }
        if (present > 0) {
            report.line("  already present (not loaded again): %,d", present);
        }
        // The steady state autovacuum would reach: statistics, and a visibility map that allows index-only scans. A
        // VACUUM cannot mark pages all-visible while an older snapshot is open (e.g. autovacuum's own ANALYZE right
        // after the bulk load), so retry for a little while.
        long vacuumStart = System.nanoTime();
        double visible = 0;
        for (int attempt = 0; attempt < 15 && visible < 0.95; attempt++) {
            if (attempt > 0) {
                sleep(1000);
            }
            jdbc.execute("vacuum analyze elder");
            visible = jdbc.queryForObject("select relallvisible::float / greatest(relpages, 1) from pg_class where relname = 'elder'", Double.class);
        }
        jdbc.execute("vacuum analyze elder_contact");
        report.line("  vacuum analyze elder, elder_contact: %.1f s; %.0f %% of elder pages all-visible", (System.nanoTime() - vacuumStart) / 1e9,
                100 * visible);
        long after = countElders();
        report.line("  elders in database: %,d (before: %,d); elder table %s, its indexes %s", after, before,
                jdbc.queryForObject("select pg_size_pretty(pg_table_size('elder'))", String.class),
                jdbc.queryForObject("select pg_size_pretty(pg_indexes_size('elder'))", String.class));
    }

    private long countElders() {
        return jdbc.queryForObject("select count(*) from elder", Long.class);
    }

    private Set<String> registered(List<ElderInput> batch) {
        String[] idxs = batch.stream().map(e -> cipher.blindIndex(e.idNumber())).toArray(String[]::new);
        return new HashSet<>(jdbc.query(c -> {
            var ps = c.prepareStatement("select id_number_idx from elder where id_number_idx = any(?)");
            ps.setArray(1, c.createArrayOf("varchar", idxs));
            return ps;
        }, (rs, n) -> rs.getString(1)));
    }

    // ------------------------------------------------------------------ 2. search over HTTP

    @Test
    @Order(2)
    void searchOverHttp() {
        if (elders.isEmpty()) { // run without the DATA phase (-Dit.test=...): the elders loaded by an earlier run
            elders = BenchElders.forRegistry(ELDERS, SEED);
        }
        Random rnd = new Random(SEED + 1);
        report.blank();
        report.line("SEARCH over HTTP (bearer tokens; JVM warm-up of %d mixed requests; per scenario %d warm-up, then %d requests by 1 client "
                + "and by %d concurrent clients, each with its own token)", GLOBAL_WARMUP, WARMUP, REQUESTS, CLIENTS);
        report.line("  target: p95 < %.0f ms. Latencies in ms, client side (HTTP + JSON); 'server mean' = http.server.requests timer", TARGET_P95_MS);

        Map<String, List<String>> names = new java.util.LinkedHashMap<>();
        Map<String, List<String>> ids = new HashMap<>();
        Map<String, List<String>> phones = new HashMap<>();
        Map<String, List<Api>> apis = new HashMap<>();
        for (String role : List.of("admin", "street1")) {
            List<ElderInput> pool = role.equals("admin") ? elders
                    : elders.stream().filter(e -> e.communityCode().startsWith(STREET1_PREFIX)).toList();
            names.put(role, sample(pool.stream().map(ElderInput::name).distinct().toList(), 5, rnd));
            ids.put(role, sample(pool.stream().map(ElderInput::idNumber).toList(), 2 * REQUESTS, rnd));
            phones.put(role, sample(pool.stream().map(ElderInput::phone).filter(p -> p != null).toList(), 2 * REQUESTS, rnd));
            List<Api> clients = new ArrayList<>();
            for (int c = 0; c < Math.max(1, CLIENTS); c++) {
                clients.add(Api.as(port, role));
            }
            apis.put(role, clients);
        }
        for (int i = 0; i < GLOBAL_WARMUP; i++) {
            String role = i % 2 == 0 ? "admin" : "street1";
            String q = switch (i / 2 % 4) {
                case 0 -> enc(COMMON_SURNAMES.get(i % COMMON_SURNAMES.size()));
                case 1 -> enc(names.get(role).get(i % names.get(role).size()));
                case 2 -> ids.get(role).get(i % ids.get(role).size());
                default -> phones.get(role).get(i % phones.get(role).size());
            };
            apis.get(role).get(0).get("/api/v1/elders?q=" + q);
        }

        for (String role : List.of("admin", "street1")) {
            List<Api> clients = apis.get(role);
            Api api = clients.get(0);
            List<String> full = names.get(role);
            List<String> idList = ids.get(role);
            List<String> phoneList = phones.get(role);
            report.line("  as %s (%,d bench elders in scope):", role,
                    role.equals("admin") ? elders.size() : elders.stream().filter(e -> e.communityCode().startsWith(STREET1_PREFIX)).count());
            scenario(clients, role + " baseline GET /auth/me", "/api/v1/auth/me", i -> "/api/v1/auth/me", null);
            report.line("    matches: %s | %s", matches(api, COMMON_SURNAMES), matches(api, full));
            scenario(clients, role + " surname q=" + String.join("/", COMMON_SURNAMES), "/api/v1/elders",
                    i -> "/api/v1/elders?q=" + enc(COMMON_SURNAMES.get(i % COMMON_SURNAMES.size())), null);
            scenario(clients, role + " full name q=<5 names>", "/api/v1/elders", i -> "/api/v1/elders?q=" + enc(full.get(i % full.size())), null);
            scenario(clients, role + " exact ID number q=<18 digits>", "/api/v1/elders", i -> "/api/v1/elders?q=" + idList.get(i % idList.size()), 1L);
            scenario(clients, role + " exact phone q=<11 digits>", "/api/v1/elders", i -> "/api/v1/elders?q=" + phoneList.get(i % phoneList.size()), 1L);
        }
    }

    private static String matches(Api api, List<String> qs) {
        List<String> out = new ArrayList<>();
        for (String q : qs) {
            out.add(String.format("%s %,d", q, api.get("/api/v1/elders?size=1&q=" + enc(q)).json().get("totalElements").asLong()));
        }
        return String.join(", ", out);
    }

    /**
     * Warm-up (checking the answers: status 200 and, for exact lookups, exactly one match), then {@link #REQUESTS}
     * requests by one client, then the same number spread over {@link #CLIENTS} clients. Each line ends with the
     * server-side mean of the run ({@code http.server.requests} timer for {@code uri}), to tell server time from
     * client and transport time.
     */
    private void scenario(List<Api> clients, String label, String uri, IntFunction<String> path, Long expectedTotal) {
        Api api = clients.get(0);
        int bad = 0;
        for (int i = 0; i < WARMUP; i++) {
            Api.Response r = api.get(path.apply(REQUESTS + i));
            if (r.status() != 200 || (expectedTotal != null && r.json().get("totalElements").asLong() != expectedTotal)) {
                if (bad++ == 0) {
                    report.line("    ! unexpected answer for %s: %d %s", path.apply(REQUESTS + i), r.status(),
                            r.body().length() > 300 ? r.body().substring(0, 300) : r.body());
                }
            }
        }
        if (bad > 0) {
            report.line("    ! %d of %d warm-up answers were not as expected", bad, WARMUP);
        }
        for (int n : new int[] { 1, CLIENTS }) {
            double[] before = serverTimer(uri);
            Latencies lat = run(clients.subList(0, Math.min(n, clients.size())), path);
            double[] after = serverTimer(uri);
            double count = after[0] - before[0];
            String server = count > 0 ? String.format("  server mean %.2f ms", (after[1] - before[1]) / count) : "";
            report.line("    %s%s", lat.line(label + " [" + n + (n == 1 ? " client]" : " clients]"), TARGET_P95_MS), server);
        }
    }

    private double[] serverTimer(String uri) {
        return ServerTimers.of(meters, uri);
    }

    /** {@link #REQUESTS} requests shared by the given clients, each on its own thread (the calling one when alone). */
    private static Latencies run(List<Api> clients, IntFunction<String> path) {
        Latencies lat = new Latencies(REQUESTS);
        AtomicInteger next = new AtomicInteger();
        java.util.function.Consumer<Api> worker = api -> {
            for (int i = next.getAndIncrement(); i < REQUESTS; i = next.getAndIncrement()) {
                String p = path.apply(i);
                long t = System.nanoTime();
                boolean ok;
                try {
                    ok = api.get(p).status() == 200;
                } catch (RuntimeException e) {
                    ok = false;
                }
                lat.add(System.nanoTime() - t, ok);
            }
        };
        long start = System.nanoTime();
        if (clients.size() == 1) {
            worker.accept(clients.get(0));
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(clients.size());
            for (Api api : clients) {
                pool.submit(() -> worker.accept(api));
            }
            pool.shutdown();
            try {
                if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
                    pool.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lat.wall(System.nanoTime() - start);
        return lat;
    }

    private static List<String> sample(List<String> from, int n, Random rnd) {
        List<String> copy = new ArrayList<>(from);
        Collections.shuffle(copy, rnd);
        return List.copyOf(copy.subList(0, Math.min(n, copy.size())));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ 3. query plans

    /**
     * The SQL of {@code ElderStore.search} and {@code ElderStore.count} (as the application builds it for these
     * searches), prepared with parameters like the JDBC driver does and executed 7 times, so that PostgreSQL's
     * plan cache may switch to a generic plan; the plan of the last execution is printed.
     */
    @Test
    @Order(3)
    void explainSearchQueries() {
        String adminPath = jdbc.queryForObject("select path from region_node where code = '320500'", String.class);
        String streetPath = jdbc.queryForObject("select path from region_node where code = '320508001'", String.class);
        String scope = " e.region_path like $1 and ($2 = false or exists (select 1 from elder_contact fc where fc.elder_id = e.id and fc.user_id = $3)) ";
        String select = """
                select e.id, e.name, e.sex, e.birth_date, e.id_number_masked, e.phone_masked, e.community_id, c.name as community_name,
                       e.living_situation, e.economic_category, e.lost_only_child, e.special_contribution, e.status
                  from elder e join region_node c on c.id = e.community_id where""";
        String idx = cipher.blindIndex(elders.isEmpty() ? "110101194001010011" : elders.get(0).idNumber());
        report.blank();
        report.line("QUERY PLANS (prepared like the JDBC driver, 7th execution; admin scope %s, street1 scope %s)", adminPath, streetPath);
        jdbc.execute((ConnectionCallback<Void>) c -> {
            try (Statement st = c.createStatement()) {
                st.execute("prepare bench_name(varchar, boolean, bigint, varchar, int, int) as " + select + scope
                        + " and e.name like $4 order by e.id desc limit $5 offset $6");
                st.execute("prepare bench_name_count(varchar, boolean, bigint, varchar) as select count(*) from elder e where" + scope
                        + " and e.name like $4");
                st.execute("prepare bench_id(varchar, boolean, bigint, varchar, int, int) as " + select + scope
                        + " and e.id_number_idx = $4 order by e.id desc limit $5 offset $6");
                explain(st, "admin name prefix: search page", "execute bench_name('" + adminPath + "%', false, 0, '王%', 20, 0)");
                explain(st, "admin name prefix: count", "execute bench_name_count('" + adminPath + "%', false, 0, '王%')");
                explain(st, "street1 name prefix: search page", "execute bench_name('" + streetPath + "%', false, 0, '王%', 20, 0)");
                explain(st, "street1 name prefix: count", "execute bench_name_count('" + streetPath + "%', false, 0, '王%')");
                explain(st, "admin exact ID number: search page", "execute bench_id('" + adminPath + "%', false, 0, '" + idx + "', 20, 0)");
                st.execute("deallocate all");
            }
            // What if the name index also carried region_path? Created, measured and rolled back in one transaction.
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                long t = System.nanoTime();
                st.execute("create index bench_whatif_elder_name_path on elder (name varchar_pattern_ops, region_path varchar_pattern_ops)");
                report.line("  WHAT-IF index on elder (name varchar_pattern_ops, region_path varchar_pattern_ops), built in %.1f s, rolled back:",
                        (System.nanoTime() - t) / 1e9);
                st.execute("prepare bench_name_count(varchar, boolean, bigint, varchar) as select count(*) from elder e where" + scope
                        + " and e.name like $4");
                explainBrief(st, "admin name prefix: count", "execute bench_name_count('" + adminPath + "%', false, 0, '王%')");
                explainBrief(st, "street1 name prefix: count", "execute bench_name_count('" + streetPath + "%', false, 0, '王%')");
                st.execute("deallocate all");
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
            return null;
        });
    }

    /** The plan's scan nodes and execution time only. */
    private void explainBrief(Statement st, String label, String execute) throws java.sql.SQLException {
        List<String> plan = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            plan.clear();
            try (ResultSet rs = st.executeQuery("explain (analyze, buffers, costs off) " + execute)) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
        }
        report.line("    %s: %s", label, String.join(" | ", plan.stream()
                .filter(l -> l.contains("Scan") || l.contains("Heap Fetches") || l.contains("Execution Time")).map(String::trim).toList()));
    }

    private void explain(Statement st, String label, String execute) throws java.sql.SQLException {
        List<String> plan = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            plan.clear();
            try (ResultSet rs = st.executeQuery("explain (analyze, buffers, costs off) " + execute)) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
        }
        report.line("  %s:", label);
        for (String l : plan) {
            report.line("    %s", l);
        }
    }

    // ------------------------------------------------------------------ 4. spreadsheet import

    @Test
    @Order(4)
    void importSpreadsheet() throws IOException {
        Api admin = Api.as(port, "admin");
        int run = jdbc.queryForObject("select count(*) from elder_import_job where file_name like 'bench-import-%'", Integer.class);
        List<ElderInput> rows = BenchElders.forImport(IMPORT_ROWS, run, SEED);
        long buildStart = System.nanoTime();
        byte[] file = workbook(admin.getBytes("/api/v1/elders/imports/template").body(), rows);
        double buildS = (System.nanoTime() - buildStart) / 1e9;
        long before = countElders();

        long start = System.nanoTime();
        Api.Response accepted = admin.upload("/api/v1/elders/imports", "bench-import-" + run + ".xlsx", file, Map.of());
        double uploadS = (System.nanoTime() - start) / 1e9;
        report.blank();
        report.line("IMPORT of a %,d-row spreadsheet over HTTP (ALL_OR_NOTHING; target < %.0f s)", rows.size(), TARGET_IMPORT_S);
        report.line("  workbook built client-side from the downloaded template: %,d KiB in %.1f s (not counted)", file.length / 1024, buildS);
        if (accepted.status() != 202) {
            report.line("  ! upload answered %d: %s", accepted.status(), accepted.body());
            return;
        }
        String id = accepted.json().get("id").asText();
        double running = Double.NaN;
        double validated = Double.NaN;
        JsonNode job = accepted.json();
        long deadline = start + IMPORT_TIMEOUT_S * 1_000_000_000L;
        Map<String, Integer> activity = new java.util.TreeMap<>();
        int samples = 0;
        while (!finished(job) && System.nanoTime() < deadline) {
            sleep(100);
            samples++;
            for (String a : jdbc.queryForList("""
                    select state || ': ' || regexp_replace(left(query, 48), '\\s+', ' ', 'g') from pg_stat_activity
                     where datname = current_database() and pid <> pg_backend_pid() and state <> 'idle'
                       and query not like '%elder_import_job where id = ? and created_by%'""", String.class)) {
                activity.merge(a, 1, Integer::sum);
            }
            job = admin.get("/api/v1/elders/imports/" + id).json();
            double now = (System.nanoTime() - start) / 1e9;
            if (Double.isNaN(running) && !job.get("status").asText().equals("PENDING")) {
                running = now;
            }
            if (Double.isNaN(validated) && job.get("totalRows").asInt() > 0 && job.get("processedRows").asInt() >= job.get("totalRows").asInt()) {
                validated = now;
            }
        }
        double totalS = (System.nanoTime() - start) / 1e9;
        String status = job.get("status").asText();
        report.line("  upload answered 202 after %.2f s (the request parses the whole workbook once to check the template)", uploadS);
        report.line("  job RUNNING (workbook parsed again by the job) at %.1f s; all rows validated at %.1f s; finished at %.1f s", running,
                validated, totalS);
        report.line("  status %s: %s", status, job.get("message").asText());
        report.line("  TOTAL %.1f s for %,d rows = %,.0f rows/s  %s", totalS, rows.size(), rows.size() / totalS,
                status.equals("SUCCEEDED") && totalS < TARGET_IMPORT_S ? "ok (<" + (int) TARGET_IMPORT_S + " s)" : "MISS");
        report.line("  database sessions seen busy during the import (pg_stat_activity every ~100 ms, %d samples):", samples);
        activity.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(6)
                .forEach(e -> report.line("    %3d x %s", e.getValue(), e.getKey()));
        JsonNode errors = job.get("errors");
        if (errors != null && !errors.isEmpty()) {
            report.line("  %d row error(s), first: %s", errors.size(), errors.get(0));
        }
        report.line("  elders in database: %,d (before: %,d)", countElders(), before);
    }

    private static boolean finished(JsonNode job) {
        return Set.of("SUCCEEDED", "REJECTED", "FAILED").contains(job.get("status").asText());
    }

    /**
     * Fills the downloaded template (example row removed) with the rows, every cell as text. Written with SXSSF and
     * inline strings (under a second); {@code -Dbench.import.sharedStrings=true} writes a shared-strings table as
     * Excel does, which POI takes about 10–15 s to write on this machine (reading either kind costs the server about
     * the same).
     */
    static byte[] workbook(byte[] template, List<ElderInput> rows) throws IOException {
        try (var xssf = new XSSFWorkbook(new ByteArrayInputStream(template)); var out = new ByteArrayOutputStream()) {
            Sheet first = xssf.getSheetAt(0);
            Row header = first.getRow(0);
            DataFormatter fmt = new DataFormatter();
            Map<String, Integer> column = new HashMap<>();
            for (Cell c : header) {
                column.put(fmt.formatCellValue(c).replace("*", "").trim(), c.getColumnIndex());
            }
            for (int r = first.getLastRowNum(); r >= 1; r--) {
                if (first.getRow(r) != null) {
                    first.removeRow(first.getRow(r));
                }
            }
            var wb = new SXSSFWorkbook(xssf, 1000, true, Boolean.getBoolean("bench.import.sharedStrings"));
            Sheet sheet = wb.getSheetAt(0);
            int r = 1;
            for (ElderInput e : rows) {
                Row row = sheet.createRow(r++);
                ElderInput.Contact contact = e.contacts().isEmpty() ? null : e.contacts().get(0);
                Map<String, String> values = new HashMap<>();
                values.put("姓名", e.name());
                values.put("身份证号", e.idNumber());
                values.put("联系电话", e.phone());
                values.put("社区编码", e.communityCode());
                values.put("小区编码", e.complexCode());
                values.put("详细地址", e.address());
                values.put("户籍", e.hukou());
                values.put("居住状况", e.livingSituation().zh());
                values.put("经济类别", e.economicCategory().zh());
                values.put("失独", Boolean.TRUE.equals(e.lostOnlyChild()) ? "是" : "否");
                values.put("特殊贡献", Boolean.TRUE.equals(e.specialContribution()) ? "是" : "否");
                values.put("纬度", e.latitude() == null ? null : e.latitude().toString());
                values.put("经度", e.longitude() == null ? null : e.longitude().toString());
                values.put("紧急联系人", contact == null ? null : contact.name());
                values.put("联系人关系", contact == null ? null : contact.relation());
                values.put("联系人电话", contact == null ? null : contact.phone());
                values.put("健康状况", e.health() == null ? null : e.health().conditions());
                values.put("用药情况", e.health() == null ? null : e.health().medications());
                for (var v : values.entrySet()) {
                    Integer col = column.get(v.getKey());
                    if (col == null) {
                        throw new IllegalStateException("the template has no column '" + v.getKey() + "': " + column.keySet());
                    }
                    if (v.getValue() != null) {
                        row.createCell(col).setCellValue(v.getValue());
                    }
                }
            }
            wb.write(out);
            wb.close();
            return out.toByteArray();
        }
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
        report.publish();
    }
}
