package org.jujia.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jujia.access.UserAccounts;
import org.jujia.catalogue.ServiceCatalogue;
import org.jujia.catalogue.ServiceItem;
import org.jujia.region.Organisation;
import org.jujia.region.OrganisationType;
import org.jujia.region.Region;
import org.jujia.region.RegionDirectory;
import org.jujia.region.RegionLevel;
import org.jujia.settlement.Settlement;
import org.jujia.settlement.SettlementRun;
import org.jujia.shared.Jurisdiction;
import org.jujia.visit.VisitFraudConfirmed;
import org.jujia.visit.VisitVerified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo settlement, once (when no run exists): the special pool's contributions of the year; provider budgets from two
 * years ago with that year's scores entered by hand (all at or above 80, so last year's budgets are unchanged; last
 * year's scores are computed by oversight's demo, which publishes them, and the provider below 80 there has this year's
 * budget cut by 20%); last month's verified visits of 160 elders (their typical basic and upgrade services, some beyond
 * entitlement) and two confirmed frauds, settled and closed for the city; then a visit of last month verified late
 * and the current month's visits so far, previewed (the late one is an adjustment line). The history before the
 * platform's own visits (DemoVisits, the last four days) has no EVV readings.
 */
@Component
@Profile("demo")
@Order(9)
class DemoSettlement implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSettlement.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final long BASE = 700_000_000L;
    private static final int ELDERS = 160;

    private final Settlement settlement;
    private final RegionDirectory regions;
    private final ServiceCatalogue catalogue;
    private final UserAccounts users;
    private final JdbcClient jdbc;
    private final DemoProperties props;
    private final Clock clock;
    private final boolean enabled;

    DemoSettlement(Settlement settlement, RegionDirectory regions, ServiceCatalogue catalogue, UserAccounts users, JdbcClient jdbc, DemoProperties props,
            Clock clock, @org.springframework.beans.factory.annotation.Value("${jujia.demo.settlement:true}") boolean enabled) {
        this.enabled = enabled;
        this.settlement = settlement;
        this.regions = regions;
        this.catalogue = catalogue;
        this.users = users;
        this.jdbc = jdbc;
        this.props = props;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || jdbc.sql("select count(*) from settlement_run").query(Long.class).single() > 0) {
            return;
        }
        try {
            log.info("Demo settlement: {}", generate(new Random(props.seed() + 808)));
        } catch (RuntimeException e) {
            log.warn("Demo settlement not generated: {}", e.toString());
        }
    }

    private record Line(String item, int count, int firstDay, int step) {
    }

    /** A month of typical services of one elder: home visit and cleaning weekly, two baths (a third for some), errands, nurse rounds. */
    private static List<Line> lines(Random r) {
        List<Line> out = new ArrayList<>();
        out.add(new Line("HOME_VISIT", 4, 1 + r.nextInt(3), 7));
        out.add(new Line("CLEANING_HOME", 4, 2 + r.nextInt(3), 7));
        out.add(new Line("BATHING_HOME", r.nextInt(4) == 0 ? 3 : 2, 3 + r.nextInt(4), 9));
        out.add(new Line("ERRAND", 3 + r.nextInt(3), 2 + r.nextInt(2), 6));
        if (r.nextInt(3) == 0) {
            out.add(new Line("NURSE_ROUND", 4 + r.nextInt(5), 1 + r.nextInt(3), 3));
        }
        if (r.nextInt(5) == 0) {
            out.add(new Line("DEEP_CLEANING", 1, 10 + r.nextInt(8), 1));
        }
        return out;
    }

    private String generate(Random r) {
        Jurisdiction admin = users.jurisdictionOf("admin").orElseThrow();
        YearMonth now = settlement.currentMonth();
        YearMonth last = now.minusMonths(1);
        LocalDate today = LocalDate.now(clock.withZone(ZONE));

        // the pool's contributions of the year so far
        long[] contributions = { 600_000_000L, 250_000_000L, 333_333_333L, 100_000_001L };
        for (int q = 0; q < contributions.length; q++) {
            LocalDate on = LocalDate.of(today.getYear(), 1 + 3 * q, 1);
            if (!on.isAfter(today)) {
                settlement.contribute(contributions[q], on, "专项池注入 " + today.getYear() + " Q" + (q + 1), admin);
            }
        }

        // budgets and scores of two years ago (entered by hand); last year's come from oversight (DemoOversight)
        List<Organisation> providers = regions.organisationsOfType(OrganisationType.SERVICE_PROVIDER, Jurisdiction.system("/")).stream()
                .filter(Organisation::active).toList();
        String[] scores = { "88.5", "84.0", "92.0" };
        for (int i = 0; i < providers.size(); i++) {
            Organisation p = providers.get(i);
            settlement.setBudget(p.id(), today.getYear() - 2, 150_000_000L + 20_000_000L * i, admin);
            settlement.recordScore(p.id(), today.getYear() - 2, new BigDecimal(scores[i % scores.length]), admin);
        }

        // last month's verified visits, two confirmed frauds
        List<Map<String, Object>> elders = jdbc.sql("select id, region_path from elder where status = 'ACTIVE' order by id limit ?").param(ELDERS)
                .query().listOfRows();
        long id = BASE;
        int visits = 0;
        List<VisitVerified> lastMonth = new ArrayList<>();
        for (Map<String, Object> e : elders) {
            long elderId = ((Number) e.get("id")).longValue();
            String path = (String) e.get("region_path");
            Long provider = providerFor(path, providers);
            if (provider == null) {
                continue;
            }
            for (Line l : lines(r)) {
                for (int k = 0; k < l.count(); k++) {
                    int day = l.firstDay() + k * l.step();
                    if (day > last.lengthOfMonth()) {
                        break;
                    }
                    VisitVerified v = verified(++id, elderId, path, provider, l.item(), last.atDay(day), 9 + r.nextInt(8));
                    if (v != null) {
                        lastMonth.add(v);
                    }
                }
            }
        }
        lastMonth.forEach(settlement::recordVerified);
        visits += lastMonth.size();
        for (int f = 0; f < 2 && f < lastMonth.size(); f++) {
            VisitVerified v = lastMonth.get(lastMonth.size() / 3 + f * 17);
            long fraudId = ++id;
            settlement.recordFraud(new VisitFraudConfirmed(fraudId, fraudId, v.elderId(), v.regionPath(), v.providerId(), v.caregiverUserId(), v.itemCode(),
                    v.amountFen(), 3 * v.amountFen(), "演示：虚假签到（定位与人脸均不符）", "street1", v.serviceDate().plusSeconds(86_400)));
        }
        Region city = regions.ofLevel(RegionLevel.CITY, Jurisdiction.system("/")).stream().findFirst()
                .orElseGet(() -> regions.tree(Jurisdiction.system("/")).get(0));
        SettlementRun closed = settlement.runNow(last, city.path(), true, "admin");

        // after closing: one of last month's visits verified late, and this month's visits before the platform's own history
        int late = 0;
        if (!lastMonth.isEmpty()) {
            VisitVerified v = lastMonth.get(0);
            VisitVerified lateVisit = verified(++id, v.elderId(), v.regionPath(), v.providerId(), "HOME_VISIT", last.atEndOfMonth(), 15);
            if (lateVisit != null && settlement.recordVerified(lateVisit)) {
                late = 1;
            }
        }
        int current = 0;
        for (Map<String, Object> e : elders.subList(0, Math.min(60, elders.size()))) {
            long elderId = ((Number) e.get("id")).longValue();
            String path = (String) e.get("region_path");
            Long provider = providerFor(path, providers);
            if (provider == null) {
                continue;
            }
            for (int day = 1 + r.nextInt(3); day <= today.getDayOfMonth() - 5; day += 7) {
                VisitVerified v = verified(++id, elderId, path, provider, r.nextBoolean() ? "HOME_VISIT" : "CLEANING_HOME", now.atDay(day), 10);
                if (v != null && settlement.recordVerified(v)) {
                    current++;
                }
            }
        }
        SettlementRun preview = settlement.runNow(now, city.path(), false, "admin");
        return "pool contributions, budgets of " + providers.size() + " providers, " + last + " closed (" + closed.status() + ", " + visits + " visits, "
                + closed.amountFen() / 100 + " yuan), " + now + " previewed (" + preview.status() + ", " + current + " visits, " + late + " late)";
    }

    private VisitVerified verified(long id, long elderId, String path, long provider, String item, LocalDate day, int hour) {
        ServiceItem it = catalogue.find(item, day).orElse(null);
        if (it == null) {
            return null;
        }
        Instant at = day.atTime(hour, 0).atZone(ZONE).toInstant();
        long caregiver = 0;
        return new VisitVerified(id, id, elderId, path, provider, caregiver, item, 1, it.unitPriceFen(), at, false, null, at.plusSeconds(5400));
    }

    private Long providerFor(String elderPath, List<Organisation> providers) {
        Organisation best = null;
        int depth = -1;
        for (Organisation o : providers) {
            String p = regions.find(o.nodeId()).map(Region::path).orElse(null);
            if (p != null && elderPath.startsWith(p) && p.length() > depth) {
                best = o;
                depth = p.length();
            }
        }
        return best == null ? null : best.id();
    }
}
