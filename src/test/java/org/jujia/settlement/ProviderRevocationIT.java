package org.jujia.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.jujia.access.UserAccounts;
import org.jujia.careplan.CarePlan;
import org.jujia.careplan.CarePlanManagement;
import org.jujia.careplan.CarePlanManagement.LineInput;
import org.jujia.careplan.Frequency.Period;
import org.jujia.careplan.SignatureMethod;
import org.jujia.careplan.SignerType;
import org.jujia.dispatch.DispatchManagement;
import org.jujia.region.Organisation;
import org.jujia.region.OrganisationType;
import org.jujia.region.RegionDirectory;
import org.jujia.shared.Jurisdiction;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The budget rule with its consequence: a provider of its own community scored below 80 two years running loses its
 * qualification — its unstarted orders are refused for the street to move, a new booking is refused naming
 * {@code elderId}, and its care plan generates no new orders. 80 itself passes.
 */
@IntegrationTest
class ProviderRevocationIT {

    @LocalServerPort
    int port;
    @Autowired
    Settlement settlement;
    @Autowired
    RegionDirectory regions;
    @Autowired
    UserAccounts users;
    @Autowired
    CarePlanManagement plans;
    @Autowired
    DispatchManagement dispatch;
    @Autowired
    JdbcClient jdbc;

    Jurisdiction admin() {
        return users.jurisdictionOf("admin").orElseThrow();
    }

    Organisation provider(long nodeId, String tag) {
        String code = tag + (System.nanoTime() % 10_000_000);
        return regions.saveOrganisation(null, new RegionDirectory.OrganisationInput(code, "测试机构" + code, OrganisationType.SERVICE_PROVIDER, nodeId,
                "0512-60000000", "测试地址", true), admin());
    }

    @Test
    void eightyPassesAndOneBadYearOnlyCutsTheBudget() {
        long community = jdbc.sql("select id from region_node where level = 'COMMUNITY' order by id desc limit 1").query(Long.class).single();
        Organisation p = provider(community, "ITB");
        try {
            int y = settlement.currentMonth().getYear();
            settlement.setBudget(p.id(), y - 2, 1_000_001L, admin());
            Settlement.BudgetView a = settlement.recordScore(p.id(), y - 2, new BigDecimal("79.9"), admin());
            assertThat(a.qualificationRevoked()).isFalse();
            assertThat(settlement.budgets(y - 1, admin()).stream().filter(b -> b.providerId() == p.id()).findFirst().orElseThrow().budgetFen())
                    .isEqualTo(800_001L); // 1,000,001 - floor(200,000.2)
            Settlement.BudgetView b = settlement.recordScore(p.id(), y - 1, new BigDecimal("80"), admin());
            assertThat(b.qualificationRevoked()).isFalse();
            assertThat(settlement.budgets(y, admin()).stream().filter(x -> x.providerId() == p.id()).findFirst().orElseThrow().budgetFen())
                    .isEqualTo(800_001L); // 80 passes: unchanged
            assertThat(regions.qualificationRevoked(p.id())).isFalse();
        } finally {
            regions.saveOrganisation(p.id(), new RegionDirectory.OrganisationInput(p.code(), p.name(), OrganisationType.SERVICE_PROVIDER, p.nodeId(),
                    p.phone(), p.address(), false), admin());
        }
    }

    @Test
    void twoYearsBelowEightyRevokeWhicheverYearIsRecordedLast() {
        long community = jdbc.sql("select id from region_node where level = 'COMMUNITY' order by id desc limit 1").query(Long.class).single();
        Organisation p = provider(community, "ITO");
        try {
            int y = settlement.currentMonth().getYear();
            // the later year first (oversight computed it), then the earlier one entered by hand
            assertThat(settlement.recordScore(p.id(), y - 1, new BigDecimal("79.9"), admin()).qualificationRevoked()).isFalse();
            assertThat(regions.qualificationRevoked(p.id())).isFalse();
            settlement.recordScore(p.id(), y - 2, new BigDecimal("79.9"), admin());
            assertThat(regions.qualificationRevoked(p.id())).isTrue();
            assertThat(regions.revocation(p.id()).orElseThrow().reason()).contains(String.valueOf(y - 2)).contains(String.valueOf(y - 1));
        } finally {
            regions.saveOrganisation(p.id(), new RegionDirectory.OrganisationInput(p.code(), p.name(), OrganisationType.SERVICE_PROVIDER, p.nodeId(),
                    p.phone(), p.address(), false), admin());
        }
    }

    @Test
    void twoYearsBelowEightyRevokeAndTheProviderGetsNoNewOrders() throws Exception {
        Map<String, Object> community = jdbc.sql("""
                select n.id, n.path from region_node n where n.level = 'COMMUNITY'
                   and (select count(*) from elder e where e.status = 'ACTIVE' and e.region_path like n.path || '%'
                          and not exists (select 1 from careplan c where c.elder_id = e.id)
                          and not exists (select 1 from dispatch_order o where o.elder_id = e.id)
                          and not exists (select 1 from elder_contact c where c.elder_id = e.id and c.user_id is not null)) >= 2
                 order by n.id desc limit 1""").query().singleRow();
        long nodeId = ((Number) community.get("id")).longValue();
        List<Long> elders = jdbc.sql("""
                select e.id from elder e where e.status = 'ACTIVE' and e.region_path like ?
                   and not exists (select 1 from careplan c where c.elder_id = e.id)
                   and not exists (select 1 from dispatch_order o where o.elder_id = e.id)
                   and not exists (select 1 from elder_contact c where c.elder_id = e.id and c.user_id is not null)
                 order by e.id limit 2""").param(community.get("path") + "%").query(Long.class).list();
        Organisation p = provider(nodeId, "ITR");
        Api api = Api.as(port, "admin");
        LocalDate day = dispatch.today().plusDays(3);
        Map<String, Object> booking = Map.of("elderId", elders.get(0), "itemCode", "HOME_VISIT", "date", day.toString(), "windowFrom", "09:00",
                "windowTo", "10:00");
        try {
            Api.Response booked = api.post("/api/v1/bookings", booking);
            assertThat(booked.status()).as(booked.body()).isEqualTo(201);
            long orderId = booked.json().get("id").asLong();
            assertThat(booked.json().get("providerId").asLong()).isEqualTo(p.id());

            CarePlan plan = signed(p.id(), elders.get(1), admin());
            SettlementRunIT.await("plan orders", () -> jdbc.sql("select count(*) from dispatch_order where care_plan_id = ?").param(plan.id())
                    .query(Long.class).single() > 0);

            int y = settlement.currentMonth().getYear();
            assertThat(settlement.recordScore(p.id(), y - 1, new BigDecimal("79.9"), admin()).qualificationRevoked()).isFalse();
            Settlement.BudgetView two = settlement.recordScore(p.id(), y, new BigDecimal("79.9"), admin());
            assertThat(two.qualificationRevoked()).isTrue();
            assertThat(regions.qualificationRevoked(p.id())).isTrue();

            // its unstarted orders are refused with the reason, for the street to move
            SettlementRunIT.await("order refused", () -> "REFUSED".equals(jdbc.sql("select status from dispatch_order where id = ?").param(orderId)
                    .query(String.class).single()));
            assertThat(jdbc.sql("select refusal_reason from dispatch_order where id = ?").param(orderId).query(String.class).single())
                    .contains("qualification revoked");
            SettlementRunIT.await("plan orders refused", () -> jdbc.sql("""
                    select count(*) from dispatch_order where care_plan_id = ? and status in ('PENDING', 'ACCEPTED', 'ASSIGNED') and window_start > now()""")
                    .param(plan.id()).query(Long.class).single() == 0);

            // a new booking is refused naming the field; the plan generates nothing new, even over a longer range
            Api.Response refused = api.post("/api/v1/bookings", booking);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("elderId").contains("providerRevoked");
            long before = jdbc.sql("select count(*) from dispatch_order where care_plan_id = ?").param(plan.id()).query(Long.class).single();
            LocalDate today = dispatch.today();
            assertThat(dispatch.generate(plan.id(), today, today.plusDays(dispatch.horizonDays() + 20L), Instant.now())).isZero();
            assertThat(jdbc.sql("select count(*) from dispatch_order where care_plan_id = ?").param(plan.id()).query(Long.class).single()).isEqualTo(before);
            // and the street cannot move an order to it
            long other = jdbc.sql("select id from dispatch_order where status = 'REFUSED' and id = ?").param(orderId).query(Long.class).single();
            Api.Response moved = api.post("/api/v1/orders/" + other + "/reassign", Map.of("providerId", p.id(), "reason", "test"));
            assertThat(moved.status()).isEqualTo(400);
            assertThat(moved.body()).contains("providerId");
        } finally {
            regions.restoreQualification(p.id(), "IT cleanup", admin());
            regions.saveOrganisation(p.id(), new RegionDirectory.OrganisationInput(p.code(), p.name(), OrganisationType.SERVICE_PROVIDER, p.nodeId(),
                    p.phone(), p.address(), false), admin());
        }
    }

    CarePlan signed(long provider, long elderId, Jurisdiction j) {
        List<LineInput> lines = List.of(new LineInput("HOME_VISIT", 1, Period.WEEK, List.of(3), LocalTime.parse("09:00"), LocalTime.parse("11:00"), null));
        CarePlan d = plans.draft(elderId, new CarePlanManagement.NewPlan(provider, "IT", false), j);
        d = plans.replaceLines(d.id(), lines, j);
        if (d.needsConsent()) {
            plans.recordConsent(d.id(), new CarePlanManagement.ConsentInput("李伟", "子女", d.excessFen()), j);
        }
        plans.submit(d.id(), j);
        return plans.sign(d.id(), new CarePlanManagement.SignInput(SignerType.ELDER, "老人", SignatureMethod.FINGERPRINT, null, "社工 王丽"), j);
    }
}
