package org.jujia.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jujia.catalogue.ServiceCatalogue;
import org.jujia.catalogue.ServiceItem;
import org.jujia.dispatch.DispatchManagement;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code bench orders}: order generation for N elders' care plans over D days. Gives (or reuses) N active elders an
 * active plan of typical lines — a daily meal, weekly cleaning, bathing twice a month, a weekly home visit, four
 * errands a month and the daily voice call (which makes no orders) — written straight into the care-plan tables
 * (the bench measures dispatch, not signing agreements), removes the orders of those plans, then times generating
 * their orders for the days (cold) and generating again (idempotent: nothing new), and prints one {@code BENCH} line.
 */
final class OrderBench {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String NOTE = "bench orders";

    private OrderBench() {
    }

    /** A typical plan line: item, count per period, weekdays (0 = spread by elder), window and minutes. */
    private record Line(String item, int count, String period, int weekday, String from, String to, int minutes) {
    }

    private static final List<Line> LINES = List.of(
            new Line("MEAL_LUNCH", 1, "DAY", 0, "11:00", "12:30", 15),
            new Line("CLEANING_HOME", 1, "WEEK", 1, "09:00", "11:00", 90),
            new Line("BATHING_HOME", 2, "MONTH", 0, "14:00", "16:00", 60),
            new Line("HOME_VISIT", 1, "WEEK", 1, "09:00", "11:30", 30),
            new Line("ERRAND", 4, "MONTH", 0, "14:00", "17:00", 30),
            new Line("VOICE_CALL", 1, "DAY", 0, "09:00", "10:00", 3));

    static int run(BenchOptions o, Class<?> application) throws Exception {
        int elderCount = o.integer("elders", 2000);
        int days = o.integer("days", 14);
        int threads = Math.max(1, o.integer("threads", 1));
        Path data = BenchPlatform.dataDirectory(o);
        Map<String, Object> props = BenchPlatform.properties(o, data);
        props.put("jujia.demo.elders", String.valueOf(Math.max(2000, elderCount + 200)));

        ConfigurableApplicationContext ctx = BenchPlatform.start(application, props, data);
        try {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            DispatchManagement dispatch = ctx.getBean(DispatchManagement.class);
            ServiceCatalogue catalogue = ctx.getBean(ServiceCatalogue.class);

            long t1 = System.nanoTime();
            List<Long> plans = plans(jdbc, catalogue, elderCount);
            System.out.printf("bench: %d active plans ready in %d ms%n", plans.size(), (System.nanoTime() - t1) / 1_000_000);
            jdbc.sql("delete from dispatch_order_event where order_id in (select id from dispatch_order where care_plan_id = any(?))")
                    .param(plans.toArray(Long[]::new)).update();
            jdbc.sql("delete from dispatch_order where care_plan_id = any(?)").param(plans.toArray(Long[]::new)).update();

            LocalDate from = dispatch.today();
            LocalDate to = from.plusDays(days - 1L);
            Instant notEndingBefore = from.atStartOfDay(ZONE).toInstant();
            long[] cold = generate(dispatch, plans, from, to, notEndingBefore, threads);
            long[] again = generate(dispatch, plans, from, to, notEndingBefore, threads);
            long stored = jdbc.sql("select count(*) from dispatch_order where care_plan_id = any(?)").param(plans.toArray(Long[]::new))
                    .query(Long.class).single();

            long heapPeak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    heapPeak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf("BENCH orders elders=%d days=%d threads=%d orders=%d cold_ms=%d cold_orders_per_s=%.0f rerun_created=%d rerun_ms=%d "
                    + "stored=%d peak_heap_mb=%d%n", plans.size(), days, threads, cold[0], cold[1], cold[0] * 1000.0 / Math.max(1, cold[1]), again[0],
                    again[1], stored, heapPeak >> 20);
            return again[0] == 0 && stored == cold[0] ? 0 : 1;
        } finally {
            ctx.close();
        }
    }

    /** Generates every plan's orders; answers {orders created, elapsed ms}. */
    private static long[] generate(DispatchManagement dispatch, List<Long> plans, LocalDate from, LocalDate to, Instant notEndingBefore,
            int threads) throws Exception {
        long start = System.nanoTime();
        long created = 0;
        if (threads == 1) {
            for (long id : plans) {
                created += dispatch.generate(id, from, to, notEndingBefore);
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Integer>> futures = new ArrayList<>();
                for (long id : plans) {
                    futures.add(pool.submit(() -> dispatch.generate(id, from, to, notEndingBefore)));
                }
                for (Future<Integer> f : futures) {
                    created += f.get();
                }
            } finally {
                pool.shutdown();
            }
        }
        return new long[] { created, (System.nanoTime() - start) / 1_000_000 };
    }

    /** The bench plans: reused from an earlier run, topped up with new ones for active elders without a plan in force or in preparation. */
    private static List<Long> plans(JdbcClient jdbc, ServiceCatalogue catalogue, int wanted) {
        List<Long> plans = new ArrayList<>(jdbc.sql("select id from careplan where status = 'ACTIVE' and note = ? order by id limit ?")
                .params(NOTE, wanted).query(Long.class).list());
        if (plans.size() >= wanted) {
            return plans;
        }
        LocalDate today = LocalDate.now(ZONE);
        Map<String, ServiceItem> items = new HashMap<>();
        for (Line l : LINES) {
            items.put(l.item(), catalogue.find(l.item(), today).orElseThrow(() -> new IllegalStateException("no catalogue item " + l.item())));
        }
        List<Map<String, Object>> elders = jdbc.sql("""
                select e.id, e.name, e.region_path, e.care_colour,
                       (select o.id from region_organisation o join region_node n on n.id = o.node_id
                         where o.type = 'SERVICE_PROVIDER' and o.active and e.region_path like n.path || '%'
                         order by length(n.path) desc limit 1) as provider_id
                  from elder e
                 where e.status = 'ACTIVE'
                   and not exists (select 1 from careplan p where p.elder_id = e.id and p.status in ('ACTIVE', 'DRAFT', 'AWAITING_SIGNATURE'))
                 order by e.id limit ?""").param(wanted - plans.size()).query().listOfRows();
        Timestamp now = Timestamp.from(Instant.now());
        String month = YearMonth.from(today).toString();
        for (Map<String, Object> e : elders) {
            if (e.get("provider_id") == null) {
                continue;
            }
            long elderId = ((Number) e.get("id")).longValue();
            long provider = ((Number) e.get("provider_id")).longValue();
            long planId = jdbc.sql("""
                    insert into careplan (elder_id, elder_name, region_path, version, status, provider_id, provider_name, estimate_month, colour, note,
                        created_at, created_by)
                    values (?, ?, ?, (select coalesce(max(version), 0) + 1 from careplan where elder_id = ?), 'DRAFT', ?,
                        (select name from region_organisation where id = ?), ?, ?, ?, ?, 'bench') returning id""")
                    .params(elderId, e.get("name"), e.get("region_path"), elderId, provider, provider, month, e.get("care_colour"), NOTE, now)
                    .query(Long.class).single();
            int position = 0;
            for (Line l : LINES) {
                ServiceItem item = items.get(l.item());
                int monthly = switch (l.period()) {
                    case "DAY" -> l.count() * 30;
                    case "WEEK" -> l.count() * 4;
                    default -> l.count();
                };
                long amount = monthly * item.unitPriceFen();
                String weekdays = l.weekday() == 0 ? "" : String.valueOf(1 + (int) ((elderId + position) % 5));
                jdbc.sql("""
                        insert into careplan_line (plan_id, position, item_code, item_name, package_code, unit, frequency_count, frequency_period,
                            weekdays, window_from, window_to, duration_minutes, unit_price_fen, price_version_id, monthly_quantity, within_quantity,
                            beyond_quantity, amount_fen, government_fen, ltc_fen, commercial_fen, self_fen)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 0, 0, 0, ?)""")
                        .params(planId, ++position, item.code(), item.nameZh(), item.servicePackage().name(), item.unit().name(), l.count(), l.period(),
                                weekdays, Time.valueOf(LocalTime.parse(l.from())), Time.valueOf(LocalTime.parse(l.to())), l.minutes(),
                                item.unitPriceFen(), item.priceVersion().id(), monthly, monthly, amount, amount)
                        .update();
            }
            jdbc.sql("update careplan set status = 'ACTIVE', submitted_at = ?, signed_at = ?, activated_at = ? where id = ?")
                    .params(now, now, now, planId).update();
            plans.add(planId);
        }
        return plans;
    }
}
