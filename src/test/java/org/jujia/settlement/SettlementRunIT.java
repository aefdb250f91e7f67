package org.jujia.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.jujia.access.UserAccounts;
import org.jujia.catalogue.ServiceCatalogue;
import org.jujia.region.Region;
import org.jujia.region.RegionDirectory;
import org.jujia.region.RegionLevel;
import org.jujia.shared.ConflictException;
import org.jujia.shared.Jurisdiction;
import org.jujia.support.IntegrationTest;
import org.jujia.visit.VisitFraudConfirmed;
import org.jujia.visit.VisitVerified;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A settlement month end to end on the real database and the real visit events: idempotent intake, preview and
 * rerun, fines deducted, closing (immutable afterwards), late visits as adjustment lines of the next month, a billed
 * visit later confirmed as fraud reversed, nothing billed twice, the ledger balanced.
 */
@IntegrationTest
class SettlementRunIT {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final AtomicLong IDS = new AtomicLong(900_000_000L + (System.nanoTime() % 1_000_000) * 10);

    @Autowired
    Settlement settlement;
    @Autowired
    RegionDirectory regions;
    @Autowired
    UserAccounts users;
    @Autowired
    ServiceCatalogue catalogue;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    Jurisdiction admin() {
        return users.jurisdictionOf("admin").orElseThrow();
    }

    Region freshStreet() {
        Region district = regions.ofLevel(RegionLevel.DISTRICT, Jurisdiction.system("/")).get(0);
        String code = "IT" + (System.nanoTime() % 100_000_000);
        return regions.create(new RegionDirectory.NewRegion(code, "结算测试街道" + code, "Settlement IT " + code, RegionLevel.STREET, district.id(),
                31.3, 120.6), admin());
    }

    long provider() {
        return jdbc.sql("select id from region_organisation where type = 'SERVICE_PROVIDER' and active and qualification_revoked_at is null order by id limit 1")
                .query(Long.class).single();
    }

    long elder(int n) {
        return jdbc.sql("select id from elder where status = 'ACTIVE' order by id offset ? limit 1").param(n).query(Long.class).single();
    }

    Instant at(YearMonth m, int day) {
        return m.atDay(day).atTime(10, 0).atZone(ZONE).toInstant();
    }

    long verified(Region r, long provider, long elder, String item, Instant when) {
        long id = IDS.incrementAndGet();
        long price = catalogue.find(item, when.atZone(ZONE).toLocalDate()).orElseThrow().unitPriceFen();
        VisitVerified e = new VisitVerified(id, id, elder, r.path(), provider, 1, item, 1, price, when, false, null, when.plusSeconds(3600));
        tx.executeWithoutResult(s -> events.publishEvent(e));
        tx.executeWithoutResult(s -> events.publishEvent(e)); // delivered twice: kept once
        await("visit " + id, () -> jdbc.sql("select count(*) from settlement_visit where visit_id = ?").param(id).query(Long.class).single() == 1);
        return id;
    }

    void fraud(Region r, long provider, long elder, long visitId, long amount, Instant when) {
        tx.executeWithoutResult(s -> events.publishEvent(new VisitFraudConfirmed(visitId, visitId, elder, r.path(), provider, 1, "BATHING_HOME", amount,
                3 * amount, "IT fraud", "admin", when)));
        await("penalty " + visitId, () -> jdbc.sql("select count(*) from settlement_penalty where visit_id = ?").param(visitId).query(Long.class).single() == 1);
    }

    SettlementRun waitFor(long runId, RunStatus status) {
        await("run " + runId + " " + status, () -> {
            RunStatus s = settlement.run(runId, admin()).status();
            if (s == RunStatus.FAILED && status != RunStatus.FAILED) {
                throw new AssertionError("run failed: " + settlement.run(runId, admin()).error());
            }
            return s == status;
        });
        return settlement.run(runId, admin());
    }

    List<Statements.Line> lines(long runId) {
        return jdbc.sql("select * from settlement_line l where run_id = ? order by visit_id, kind").param(runId).query(SettlementStore::mapLine).list();
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aMonthIsPreviewedClosedAndNeverBilledTwice() {
        Region street = freshStreet();
        long provider = provider();
        long e1 = elder(3);
        long e2 = elder(4);
        YearMonth m1 = settlement.currentMonth().minusMonths(3);
        YearMonth m2 = m1.plusMonths(1);
        long bathPrice = catalogue.find("BATHING_HOME", m1.atDay(2)).orElseThrow().unitPriceFen();

        long v1 = verified(street, provider, e1, "BATHING_HOME", at(m1, 2));
        long v2 = verified(street, provider, e1, "BATHING_HOME", at(m1, 16));
        long v3 = verified(street, provider, e1, "BATHING_HOME", at(m1, 30)); // the third bath of the month: beyond entitlement
        long v4 = verified(street, provider, e2, "ERRAND", at(m1, 5));
        long fraudVisit = IDS.incrementAndGet();
        fraud(street, provider, e2, fraudVisit, 5_000, at(m1, 20));

        SettlementRun run = settlement.preview(m1, street.id(), admin());
        run = waitFor(run.id(), RunStatus.PREVIEW);
        assertThat(run.totalVisits()).isEqualTo(4);
        assertThat(run.percent()).isEqualTo(100);
        assertThat(run.payersAddUp()).isTrue();
        List<Statements.Line> first = lines(run.id());
        assertThat(first).extracting(Statements.Line::visitId).containsExactly(v1, v2, v3, v4);
        assertThat(first).extracting(Statements.Line::kind).containsOnly("VISIT");
        assertThat(first.get(0).amountFen()).isEqualTo(bathPrice);
        assertThat(first.get(0).beyondEntitlement()).isZero();
        assertThat(first.get(2).beyondEntitlement()).isEqualTo(1);
        assertThat(first.get(2).selfFen()).isEqualTo(bathPrice);
        for (Statements.Line l : first) {
            assertThat(l.governmentFen() + l.ltcFen() + l.commercialFen() + l.selfFen()).isEqualTo(l.amountFen());
        }
        Statements.ProviderStatement ps = settlement.providerStatements(run.id(), admin()).get(0);
        assertThat(ps.penaltyFen()).isEqualTo(15_000);
        assertThat(ps.netPayableFen()).isEqualTo(ps.amountFen() - 15_000);
        assertThat(ps.poolPayableFen()).isEqualTo(ps.governmentFen() - 15_000);

        // rerun: the same lines, nothing added
        run = settlement.preview(m1, street.id(), admin());
        run = waitFor(run.id(), RunStatus.PREVIEW);
        assertThat(lines(run.id())).isEqualTo(first);

        // close: billed once, the fine deducted, the ledger posted and balanced
        long entriesBefore = jdbc.sql("select count(*) from settlement_ledger_entry").query(Long.class).single();
        settlement.close(run.id(), admin());
        run = waitFor(run.id(), RunStatus.CLOSED);
        assertThat(run.closedBy()).isEqualTo("admin");
        assertThat(jdbc.sql("select count(*) from settlement_billing where run_id = ?").param(run.id()).query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("select deducted_run_id from settlement_penalty where visit_id = ?").param(fraudVisit).query(Long.class).single())
                .isEqualTo(run.id());
        assertThat(jdbc.sql("select count(*) from settlement_ledger_entry where run_id = ?").param(run.id()).query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from settlement_ledger_entry").query(Long.class).single()).isGreaterThan(entriesBefore);
        assertThat(settlement.ledgerBalanced()).isTrue();
        long closedId = run.id();
        assertThatThrownBy(() -> settlement.preview(m1, street.id(), admin())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> settlement.close(closedId, admin())).isInstanceOf(ConflictException.class);

        // after closing: a late visit of m1, a visit of m2, and v1 confirmed as fraud
        long late = verified(street, provider, e1, "BATHING_HOME", at(m1, 31 > m1.lengthOfMonth() ? m1.lengthOfMonth() : 31));
        long v5 = verified(street, provider, e1, "BATHING_HOME", at(m2, 3));
        fraud(street, provider, e1, v1, bathPrice, at(m2, 4));
        await("v1 voided", () -> jdbc.sql("select voided_at is not null from settlement_visit where visit_id = ?").param(v1).query(Boolean.class).single());

        SettlementRun next = settlement.preview(m2, street.id(), admin());
        next = waitFor(next.id(), RunStatus.PREVIEW);
        List<Statements.Line> second = lines(next.id());
        Map<Long, List<Statements.Line>> byVisit = second.stream().collect(java.util.stream.Collectors.groupingBy(Statements.Line::visitId));
        assertThat(byVisit.keySet()).containsExactlyInAnyOrder(late, v5, v1);
        Statements.Line adjustment = byVisit.get(late).get(0);
        assertThat(adjustment.kind()).isEqualTo("ADJUSTMENT");
        assertThat(adjustment.originalMonth()).isEqualTo(m1);
        assertThat(adjustment.originalRunId()).isEqualTo(closedId);
        assertThat(adjustment.beyondEntitlement()).isEqualTo(1); // m1's two baths were used by the closed lines
        Statements.Line reversal = byVisit.get(v1).get(0);
        assertThat(reversal.kind()).isEqualTo("REVERSAL");
        assertThat(reversal.originalRunId()).isEqualTo(closedId);
        assertThat(reversal.amountFen()).isEqualTo(-first.get(0).amountFen());
        assertThat(byVisit.get(v5).get(0).kind()).isEqualTo("VISIT");
        assertThat(byVisit.get(v5).get(0).beyondEntitlement()).isZero(); // a new month
        assertThat(next.adjustmentLines()).isEqualTo(2);
        Statements.ProviderStatement ps2 = settlement.providerStatements(next.id(), admin()).get(0);
        assertThat(ps2.penaltyFen()).isEqualTo(3 * bathPrice);

        settlement.close(next.id(), admin());
        next = waitFor(next.id(), RunStatus.CLOSED);
        assertThat(next.payersAddUp()).isTrue();

        // a third month: nothing of the two closed months comes back
        SettlementRun third = settlement.preview(m2.plusMonths(1), street.id(), admin());
        third = waitFor(third.id(), RunStatus.PREVIEW);
        assertThat(lines(third.id())).isEmpty();
        assertThat(jdbc.sql("select count(*) from settlement_line l join settlement_run r on r.id = l.run_id and r.status = 'CLOSED' where l.visit_id = ? and l.kind <> 'REVERSAL'")
                .param(late).query(Long.class).single()).isEqualTo(1);
        assertThat(settlement.ledgerBalanced()).isTrue();
    }

    @Test
    void badRunRequestsNameTheField() {
        assertThatThrownBy(() -> settlement.preview(settlement.currentMonth().plusMonths(1), 1L, admin()))
                .isInstanceOf(org.jujia.shared.ValidationException.class).hasMessageContaining("month");
        assertThatThrownBy(() -> settlement.preview(settlement.currentMonth(), 987_654_321L, admin()))
                .isInstanceOf(org.jujia.shared.ValidationException.class);
        Region street = freshStreet();
        SettlementRun current = waitFor(settlement.preview(settlement.currentMonth(), street.id(), admin()).id(), RunStatus.PREVIEW);
        assertThatThrownBy(() -> settlement.close(current.id(), admin())).isInstanceOf(ConflictException.class).hasMessageContaining("not over");
    }

    @Test
    void contributionsAreSplitAndBalancesKnownAtAnyDate() {
        LocalDate day = LocalDate.now(ZONE).minusDays(400);
        Map<LedgerAccount, Long> before = settlement.balances(day, admin());
        settlement.contribute(1_000_001L, day, "IT contribution", admin());
        Map<LedgerAccount, Long> after = settlement.balances(day, admin());
        assertThat(after.get(LedgerAccount.POOL_BANK) - before.get(LedgerAccount.POOL_BANK)).isEqualTo(1_000_001L);
        assertThat(before.get(LedgerAccount.SOURCE_WELFARE_LOTTERY) - after.get(LedgerAccount.SOURCE_WELFARE_LOTTERY)).isEqualTo(550_001L);
        assertThat(before.get(LedgerAccount.SOURCE_GENERAL_BUDGET) - after.get(LedgerAccount.SOURCE_GENERAL_BUDGET)).isEqualTo(300_000L);
        assertThat(before.get(LedgerAccount.SOURCE_SOCIAL_CAPITAL) - after.get(LedgerAccount.SOURCE_SOCIAL_CAPITAL)).isEqualTo(150_000L);
        // the day before knows nothing of it
        Map<LedgerAccount, Long> dayBefore = settlement.balances(day.minusDays(1), admin());
        assertThat(after.get(LedgerAccount.POOL_BANK) - dayBefore.get(LedgerAccount.POOL_BANK)).isGreaterThanOrEqualTo(1_000_001L);
        assertThat(after.values().stream().mapToLong(Long::longValue).sum()).isZero();
        assertThatThrownBy(() -> settlement.contribute(0L, day, null, admin())).isInstanceOf(org.jujia.shared.ValidationException.class)
                .hasMessageContaining("amountFen");
    }
}
