package org.jujia.settlement;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jujia.catalogue.FundingProfile;
import org.jujia.catalogue.FundingRule;
import org.jujia.catalogue.LineSplit;
import org.jujia.catalogue.Payer;
import org.jujia.catalogue.ServiceCatalogue;
import org.jujia.catalogue.ServiceItem;
import org.jujia.elder.EconomicCategory;
import org.jujia.region.RegionDirectory;
import org.jujia.shared.ConflictException;
import org.jujia.shared.Jurisdiction;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Prices a run: streams the region's unbilled, non-voided visits up to the run's month from a database cursor in
 * visit order per elder and month, prices each on the catalogue price in force on its date with the funding rule
 * ({@link MonthPricer}), and streams the lines into {@code settlement_line} with COPY — the month is never held in
 * memory (only one elder-month at a time, plus one small row per elder-month for the subsidies). Then, set-based:
 * reversals of billed visits since confirmed as fraud, provider statements with the open fines, and the run's totals.
 * Closing bills the lines' visits (each at most once, checked), marks the fines deducted and posts the ledger.
 */
@Component
class SettlementEngine {

    private static final Logger log = LoggerFactory.getLogger(SettlementEngine.class);
    private static final Jurisdiction SYSTEM = Jurisdiction.system("/");
    private static final int FETCH = 10_000;
    private static final int PROGRESS_EVERY = 25_000;

    private final DataSource dataSource;
    private final SettlementStore store;
    private final ServiceCatalogue catalogue;
    private final RegionDirectory regions;
    private final PoolLedger ledger;
    private final TransactionTemplate tx;
    private final Clock clock;

    SettlementEngine(DataSource dataSource, SettlementStore store, ServiceCatalogue catalogue, RegionDirectory regions, PoolLedger ledger,
            TransactionTemplate tx, Clock clock) {
        this.dataSource = dataSource;
        this.store = store;
        this.catalogue = catalogue;
        this.regions = regions;
        this.ledger = ledger;
        this.tx = tx;
        this.clock = clock;
    }

    /** Runs the job: prices (preview) and, when the run is closing, closes it. */
    void execute(long runId) {
        SettlementRun run = store.run(runId).orElseThrow();
        Instant started = clock.instant();
        store.started(runId, started);
        try {
            price(run, started);
            if (run.closing()) {
                close(run, started);
            } else {
                store.finish(runId, RunStatus.PREVIEW, clock.instant(), null);
            }
        } catch (RuntimeException | SQLException e) {
            log.warn("settlement run {} failed", runId, e);
            store.failed(runId, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), clock.instant());
        }
    }

    // ---------------------------------------------------------------- pricing

    private static final String SELECT_VISITS = """
            select v.visit_id, v.elder_id, v.provider_id, v.region_path, v.item_code, v.quantity, v.service_date, v.service_month
              from settlement_visit v
             where v.voided_at is null and v.region_path like ? and v.service_month <= ?
               and not exists (select 1 from settlement_billing b where b.visit_id = v.visit_id)
             order by v.elder_id, v.service_month, v.service_at, v.visit_id""";

    private static final String COPY_LINES = "copy settlement_line (run_id, visit_id, kind, elder_id, provider_id, region_path, item_code, service_date, "
            + "original_month, original_run_id, quantity, within_entitlement, beyond_entitlement, respite_government, unit_price_fen, price_version_id, "
            + "amount_fen, government_fen, ltc_fen, commercial_fen, self_fen, basis) from stdin";

    void price(SettlementRun run, Instant started) throws SQLException {
        long runId = run.id();
        LocalDate first = run.month().atDay(1);
        String like = run.regionPath() + "%";
        var jdbc = store.jdbc();
        tx.executeWithoutResult(s -> {
            jdbc.sql("delete from settlement_line where run_id = ?").param(runId).update();
            jdbc.sql("delete from settlement_elder_month where run_id = ?").param(runId).update();
            jdbc.sql("delete from settlement_provider_statement where run_id = ?").param(runId).update();
        });
        long total = jdbc.sql("select count(*) from settlement_visit v where v.voided_at is null and v.region_path like ? and v.service_month <= ? and "
                + "not exists (select 1 from settlement_billing b where b.visit_id = v.visit_id)")
                .params(like, first).query(Long.class).single();
        store.progress(runId, total, 0);

        long t0 = System.nanoTime();
        profileNanos = 0;
        Map<String, ServiceItem> items = new HashMap<>();
        Map<YearMonth, Long> closedRuns = new HashMap<>();
        List<Object[]> elderMonths = new ArrayList<>();
        long processed = 0;
        List<ProfilePrefetch.Key> groups = jdbc.sql("""
                select v.elder_id, v.service_month from settlement_visit v
                 where v.voided_at is null and v.region_path like ? and v.service_month <= ?
                   and not exists (select 1 from settlement_billing b where b.visit_id = v.visit_id)
                 group by v.elder_id, v.service_month order by v.elder_id, v.service_month""").params(like, first)
                .query((rs, n) -> new ProfilePrefetch.Key(rs.getLong(1), YearMonth.from(rs.getObject(2, LocalDate.class)))).list();
        try (ProfilePrefetch profiles = new ProfilePrefetch(groups, this::profile, 2);
                Connection read = dataSource.getConnection(); Connection write = dataSource.getConnection()) {
            read.setAutoCommit(false);
            write.setAutoCommit(false);
            try {
                CopyIn copy = new CopyManager(write.unwrap(BaseConnection.class)).copyIn(COPY_LINES);
                CopyBuffer out = new CopyBuffer(copy);
                try (PreparedStatement ps = read.prepareStatement(SELECT_VISITS)) {
                    ps.setFetchSize(FETCH);
                    ps.setString(1, like);
                    ps.setObject(2, first);
                    try (ResultSet rs = ps.executeQuery()) {
                        long elder = -1;
                        LocalDate groupMonth = null;
                        MonthPricer pricer = null;
                        while (rs.next()) {
                            long visitId = rs.getLong(1);
                            long elderId = rs.getLong(2);
                            long providerId = rs.getLong(3);
                            String region = rs.getString(4);
                            String code = rs.getString(5);
                            int quantity = rs.getInt(6);
                            LocalDate date = rs.getObject(7, LocalDate.class);
                            LocalDate month = rs.getObject(8, LocalDate.class);
                            if (elderId != elder || !month.equals(groupMonth)) {
                                if (pricer != null) {
                                    elderMonths.add(elderMonth(runId, elder, pricer));
                                }
                                elder = elderId;
                                groupMonth = month;
                                long p0 = System.nanoTime();
                                FundingProfile profile = profiles.get(new ProfilePrefetch.Key(elderId, YearMonth.from(month)));
                                profileNanos += System.nanoTime() - p0;
                                pricer = pricer(elderId, profile, YearMonth.from(month), run.month(), items);
                            }
                            ServiceItem item = item(items, code, date);
                            LineSplit s = pricer.price(item, quantity);
                            boolean late = month.isBefore(first);
                            Long originalRun = late ? closedRuns.computeIfAbsent(YearMonth.from(month), m -> closedRun(m, region)) : null;
                            out.line(runId, visitId, late ? "ADJUSTMENT" : "VISIT", elderId, providerId, region, code, date, late ? month : null,
                                    originalRun != null && originalRun > 0 ? originalRun : null, s);
                            if (++processed % PROGRESS_EVERY == 0) {
                                store.progress(runId, total, processed);
                            }
                        }
                        if (pricer != null) {
                            elderMonths.add(elderMonth(runId, elder, pricer));
                        }
                    }
                }
                out.end();
                write.commit();
                read.commit();
            } catch (SQLException | RuntimeException e) {
                write.rollback();
                read.rollback();
                throw e;
            }
        }
        store.progress(runId, total, processed);
        long t1 = System.nanoTime();
        tx.executeWithoutResult(s -> {
            insertElderMonths(elderMonths);
            reversals(runId, like);
            statements(runId, like, started);
        });
        log.info("settlement run {}: {} visits priced in {} ms ({} elder-months, funding profiles {} ms), statements in {} ms", runId, processed,
                (t1 - t0) / 1_000_000, elderMonths.size(), profileNanos / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
    }

    private Long closedRun(YearMonth m, String regionPath) {
        return store.jdbc().sql("select id from settlement_run where status = 'CLOSED' and month = ? and ? like region_path || '%' order by length(region_path) desc limit 1")
                .params(m.atDay(1), regionPath).query(Long.class).optional().orElse(0L);
    }

    /** Time spent reading funding profiles in the current run (runs execute one at a time). */
    private long profileNanos;

    /** The elder's funding facts for the month (an audited read); an elder no longer on the register is priced as ordinary and uninsured. */
    private FundingProfile profile(ProfilePrefetch.Key k) {
        try {
            return catalogue.fundingProfile(k.elderId(), k.month(), SYSTEM);
        } catch (org.jujia.shared.NotFoundException e) {
            log.warn("settlement: elder {} not found, priced as ordinary and uninsured", k.elderId());
            return new FundingProfile(null, EconomicCategory.ORDINARY, false, false, null, false);
        }
    }

    private MonthPricer pricer(long elderId, FundingProfile profile, YearMonth month, YearMonth runMonth, Map<String, ServiceItem> items) {
        if (!month.isBefore(runMonth)) {
            return new MonthPricer(FundingRule.standard(), profile, month, 0);
        }
        // a late visit: the month's closed lines first use up entitlement and SELF total, and the subsidy already applied
        long applied = store.jdbc().sql("""
                select coalesce(sum(m.applied_fen), 0) from settlement_elder_month m join settlement_run r on r.id = m.run_id and r.status = 'CLOSED'
                 where m.elder_id = ? and m.service_month = ?""").params(elderId, month.atDay(1)).query(Long.class).single();
        MonthPricer p = new MonthPricer(FundingRule.standard(), profile, month, applied);
        store.jdbc().sql("""
                select l.item_code, l.quantity, l.service_date from settlement_line l join settlement_run r on r.id = l.run_id and r.status = 'CLOSED'
                 where l.elder_id = ? and l.service_date >= ? and l.service_date < ? and l.kind <> 'REVERSAL'
                   and not exists (select 1 from settlement_line x join settlement_run xr on xr.id = x.run_id and xr.status = 'CLOSED'
                                    where x.visit_id = l.visit_id and x.kind = 'REVERSAL')
                 order by l.service_date, l.visit_id""").params(elderId, month.atDay(1), month.plusMonths(1).atDay(1))
                .query((rs, n) -> {
                    p.replay(item(items, rs.getString(1), rs.getObject(3, LocalDate.class)), rs.getInt(2));
                    return 1;
                }).list();
        return p;
    }

    /** The item with the price version in force on the visit date (cached per item and day). */
    private ServiceItem item(Map<String, ServiceItem> items, String code, LocalDate date) {
        return items.computeIfAbsent(code + '|' + date, k -> catalogue.find(code, date)
                .orElseThrow(() -> new IllegalStateException("no catalogue price for " + code + " on " + date)));
    }

    private static Object[] elderMonth(long runId, long elderId, MonthPricer p) {
        MonthPricer.ElderMonth m = p.finish();
        return new Object[] { runId, elderId, m.month().atDay(1), m.selfFen(), m.subsidyKind(), m.grantedFen(), m.appliedFen(), m.unusedFen(),
                m.familyOwesFen() };
    }

    private void insertElderMonths(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        var jdbcTemplate = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        jdbcTemplate.batchUpdate("""
                insert into settlement_elder_month (run_id, elder_id, service_month, self_fen, subsidy_kind, granted_fen, applied_fen, unused_fen,
                    family_owes_fen) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /** Billed visits since confirmed as fraud, not yet reversed: a negative copy of the billed line. */
    private void reversals(long runId, String like) {
        store.jdbc().sql("""
                insert into settlement_line (run_id, visit_id, kind, elder_id, provider_id, region_path, item_code, service_date, original_month,
                    original_run_id, quantity, within_entitlement, beyond_entitlement, respite_government, unit_price_fen, price_version_id,
                    amount_fen, government_fen, ltc_fen, commercial_fen, self_fen, basis)
                select ?, l.visit_id, 'REVERSAL', l.elder_id, l.provider_id, l.region_path, l.item_code, l.service_date,
                       date_trunc('month', l.service_date)::date, l.run_id, -l.quantity, -l.within_entitlement, -l.beyond_entitlement,
                       -l.respite_government, l.unit_price_fen, l.price_version_id, -l.amount_fen, -l.government_fen, -l.ltc_fen, -l.commercial_fen,
                       -l.self_fen, l.basis
                  from settlement_visit v
                  join settlement_billing bl on bl.visit_id = v.visit_id
                  join settlement_line l on l.visit_id = v.visit_id and l.run_id = bl.run_id and l.kind <> 'REVERSAL'
                 where v.voided_at is not null and v.region_path like ?
                   and not exists (select 1 from settlement_line x join settlement_run xr on xr.id = x.run_id and xr.status = 'CLOSED'
                                    where x.visit_id = v.visit_id and x.kind = 'REVERSAL')""").params(runId, like).update();
    }

    /** Provider statements: the lines per provider, and the open fines confirmed before the run started. */
    private void statements(long runId, String like, Instant started) {
        var jdbc = store.jdbc();
        jdbc.sql("""
                insert into settlement_provider_statement (run_id, provider_id, provider_name, visits, amount_fen, government_fen, ltc_fen,
                    commercial_fen, self_fen, penalty_fen, pool_payable_fen, net_payable_fen)
                select ?, coalesce(l.provider_id, p.provider_id), '', coalesce(l.visits, 0), coalesce(l.amount, 0), coalesce(l.gov, 0),
                       coalesce(l.ltc, 0), coalesce(l.comm, 0), coalesce(l.self, 0), coalesce(p.fine, 0),
                       coalesce(l.gov, 0) - coalesce(p.fine, 0), coalesce(l.amount, 0) - coalesce(p.fine, 0)
                  from (select provider_id, count(*) filter (where kind <> 'REVERSAL') visits, sum(amount_fen) amount, sum(government_fen) gov,
                               sum(ltc_fen) ltc, sum(commercial_fen) comm, sum(self_fen) self
                          from settlement_line where run_id = ? group by provider_id) l
                  full join (select provider_id, sum(penalty_fen) fine from settlement_penalty
                              where deducted_run_id is null and region_path like ? and confirmed_at <= ? group by provider_id) p
                    on p.provider_id = l.provider_id""").params(runId, runId, like, SettlementStore.ts(started)).update();
        for (Long provider : jdbc.sql("select provider_id from settlement_provider_statement where run_id = ?").param(runId).query(Long.class).list()) {
            String name = regions.findOrganisation(provider).map(o -> o.name()).orElse("#" + provider);
            jdbc.sql("update settlement_provider_statement set provider_name = ? where run_id = ? and provider_id = ?").params(name, runId, provider)
                    .update();
        }
    }

    // ---------------------------------------------------------------- closing

    private void close(SettlementRun run, Instant started) {
        long runId = run.id();
        String like = run.regionPath() + "%";
        var jdbc = store.jdbc();
        long c0 = System.nanoTime();
        tx.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(0x5E771E_0001L).query((rs, n) -> 1).list();
            long lines = jdbc.sql("select count(*) from settlement_line where run_id = ? and kind <> 'REVERSAL'").param(runId).query(Long.class).single();
            int billed = jdbc.sql("""
                    insert into settlement_billing (visit_id, run_id)
                    select visit_id, run_id from settlement_line where run_id = ? and kind <> 'REVERSAL'
                    on conflict (visit_id) do nothing""").param(runId).update();
            if (billed != lines) {
                throw new ConflictException("runId", "visits of run " + runId + " were billed meanwhile by another run; preview again");
            }
            long reversedTwice = jdbc.sql("""
                    select count(*) from settlement_line l join settlement_line x on x.visit_id = l.visit_id and x.kind = 'REVERSAL' and x.run_id <> l.run_id
                      join settlement_run xr on xr.id = x.run_id and xr.status = 'CLOSED'
                     where l.run_id = ? and l.kind = 'REVERSAL'""").param(runId).query(Long.class).single();
            if (reversedTwice > 0) {
                throw new ConflictException("runId", "a reversal of run " + runId + " was closed meanwhile by another run; preview again");
            }
            jdbc.sql("update settlement_penalty set deducted_run_id = ? where deducted_run_id is null and region_path like ? and confirmed_at <= ?")
                    .params(runId, like, SettlementStore.ts(started)).update();
            Instant now = clock.instant();
            store.finish(runId, RunStatus.CLOSED, now, run.requestedBy());
            SettlementRun closed = store.run(runId).orElseThrow();
            LocalDate on = now.atZone(SettlementStore.ZONE).toLocalDate();
            for (Statements.ProviderStatement ps : store.providerStatements(runId, null)) {
                if (ps.governmentFen() != 0 || ps.penaltyFen() != 0) {
                    ledger.post(LedgerEntry.providerPayment(on, runId, ps.providerId(), Math.max(0, ps.governmentFen()), ps.penaltyFen(),
                            closed.month() + " " + closed.regionName() + " " + ps.providerName()), run.requestedBy());
                }
            }
            if (closed.subsidyFen() > 0) {
                ledger.post(LedgerEntry.subsidies(on, runId, closed.subsidyFen(), closed.month() + " " + closed.regionName()), run.requestedBy());
            }
        });
        log.info("settlement run {}: closed in {} ms", runId, (System.nanoTime() - c0) / 1_000_000);
    }

    /** Text-format COPY rows, sent to the server in 256 kB chunks. */
    private static final class CopyBuffer {
        private final CopyIn copy;
        private final StringBuilder sb = new StringBuilder(300_000);

        CopyBuffer(CopyIn copy) {
            this.copy = copy;
        }

        void line(long runId, long visitId, String kind, long elderId, long providerId, String region, String code, LocalDate date,
                LocalDate originalMonth, Long originalRun, LineSplit s) throws SQLException {
            sb.append(runId).append('\t').append(visitId).append('\t').append(kind).append('\t').append(elderId).append('\t').append(providerId)
                    .append('\t').append(escape(region)).append('\t').append(escape(code)).append('\t').append(date).append('\t')
                    .append(originalMonth == null ? "\\N" : originalMonth.toString()).append('\t').append(originalRun == null ? "\\N" : originalRun.toString())
                    .append('\t').append(s.quantity()).append('\t').append(s.withinEntitlement()).append('\t').append(s.beyondEntitlement()).append('\t')
                    .append(s.respiteGovernment()).append('\t').append(s.unitPriceFen()).append('\t').append(s.priceVersionId()).append('\t')
                    .append(s.amountFen()).append('\t').append(s.fen(Payer.GOVERNMENT)).append('\t').append(s.fen(Payer.LTC_INSURANCE)).append('\t')
                    .append(s.fen(Payer.COMMERCIAL_INSURANCE)).append('\t').append(s.fen(Payer.SELF)).append('\t').append(s.basis().name()).append('\n');
            if (sb.length() > 256_000) {
                flush();
            }
        }

        private static String escape(String v) {
            return v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
        }

        private void flush() throws SQLException {
            byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(b, 0, b.length);
            sb.setLength(0);
        }

        void end() throws SQLException {
            if (sb.length() > 0) {
                flush();
            }
            copy.endCopy();
        }
    }
}
