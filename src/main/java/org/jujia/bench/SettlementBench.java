package org.jujia.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import org.jujia.settlement.Settlement;
import org.jujia.settlement.SettlementRun;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code bench settlement --visits N}: generates a month of N verified visits (last month, spread over the demo
 * city's elders, their street's provider and typical basic and upgrade items, written set-based into settlement's
 * intake table), settles and closes it for the city on the calling thread, then checks that the ledger balances and
 * that the payers add up to the priced total, and prints one {@code BENCH} line. The settlement is timed alone.
 */
final class SettlementBench {

    private SettlementBench() {
    }

    static int run(BenchOptions o, Class<?> application) throws Exception {
        int visits = o.integer("visits", 1_000_000);
        Path data = BenchPlatform.dataDirectory(o);
        Map<String, Object> props = BenchPlatform.properties(o, data);
        props.put("jujia.demo.settlement", "false");
        props.put("logging.level.org.jujia.settlement", "info");
        ConfigurableApplicationContext ctx = BenchPlatform.start(application, props, data);
        try {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            Settlement settlement = ctx.getBean(Settlement.class);
            YearMonth month = settlement.currentMonth().minusMonths(1);
            String city = jdbc.sql("select path from region_node where parent_id is null order by id limit 1").query(String.class).single();
            jdbc.sql("delete from settlement_run where month = ? and region_path = ?").params(month.atDay(1), city).update();

            long t0 = System.nanoTime();
            long generated = generate(jdbc, month, visits);
            long genMs = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("bench: %d verified visits of %s generated in %d ms%n", generated, month, genMs);

            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long t1 = System.nanoTime();
            SettlementRun run = settlement.runNow(month, city, true, "bench");
            double seconds = (System.nanoTime() - t1) / 1e9;

            long heapPeak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    heapPeak += pool.getPeakUsage().getUsed();
                }
            }
            Map<String, Object> sums = jdbc.sql("""
                    select count(*) n, coalesce(sum(amount_fen), 0) amount, coalesce(sum(government_fen + ltc_fen + commercial_fen + self_fen), 0) payers
                      from settlement_line where run_id = ?""").param(run.id()).query().singleRow();
            long lines = ((Number) sums.get("n")).longValue();
            long amount = ((Number) sums.get("amount")).longValue();
            long payers = ((Number) sums.get("payers")).longValue();
            long billed = jdbc.sql("select count(*) from settlement_billing where run_id = ?").param(run.id()).query(Long.class).single();
            boolean balanced = run.status().name().equals("CLOSED") && settlement.ledgerBalanced() && amount == payers && amount == run.amountFen()
                    && run.payersAddUp() && billed == lines;
            System.out.printf("bench: run %d %s lines=%d billed=%d amount=%d fen government=%d ltc=%d commercial=%d self=%d subsidies=%d error=%s%n", run.id(),
                    run.status(), lines, billed, run.amountFen(), run.governmentFen(), run.ltcFen(), run.commercialFen(), run.selfFen(), run.subsidyFen(),
                    run.error());
            System.out.printf("BENCH settlement visits=%d seconds=%.1f heapMaxMb=%d balanced=%s%n", lines, seconds, heapPeak >> 20, balanced);
            return balanced ? 0 : 1;
        } finally {
            ctx.close();
        }
    }

    /** N verified visits of the month, set-based: elder by visit number, the provider of the elder's street, a typical item. */
    static long generate(JdbcClient jdbc, YearMonth month, int n) {
        long base = 5_000_000_000L;
        jdbc.sql("delete from settlement_visit where visit_id > ? and visit_id <= ?").params(base, base + 100_000_000L).update();
        int seconds = month.lengthOfMonth() * 86_400;
        return jdbc.sql("""
                with e as (select row_number() over (order by el.id) - 1 as k, el.id, el.region_path,
                                  (select o.id from region_organisation o join region_node nd on nd.id = o.node_id
                                    where o.type = 'SERVICE_PROVIDER' and el.region_path like nd.path || '%' order by length(nd.path) desc limit 1) as provider
                             from elder el where el.status = 'ACTIVE'),
                     c as (select count(*) as cnt from e),
                     it as (select * from (values (0, 'MEAL_LUNCH'), (1, 'HOME_VISIT'), (2, 'CLEANING_HOME'), (3, 'BATHING_HOME'), (4, 'ERRAND'),
                                                  (5, 'NURSE_ROUND'), (6, 'MEAL_LUNCH'), (7, 'BP_GLUCOSE_CHECK'), (8, 'REHAB_SESSION'), (9, 'MEAL_LUNCH')) v(k, code)),
                     g as (select g, (cast(? as timestamp) + ((g * 7919::bigint) % ?) * interval '1 second') as lt from generate_series(1, ?) g)
                insert into settlement_visit (visit_id, order_id, elder_id, region_path, provider_id, caregiver_user_id, item_code, quantity, amount_fen,
                    service_at, service_date, service_month, verified_at, cleared)
                select ? + g.g, ? + g.g, e.id, e.region_path, coalesce(e.provider, 0), 0, it.code, 1, 0, g.lt at time zone 'Asia/Shanghai', g.lt::date,
                       date_trunc('month', g.lt)::date, g.lt at time zone 'Asia/Shanghai', false
                  from g cross join c
                  join e on e.k = g.g % c.cnt
                  join it on it.k = (g.g / c.cnt) % 10""")
                .params(month.atDay(1).atStartOfDay(), seconds, n, base, base).update();
    }

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
}
