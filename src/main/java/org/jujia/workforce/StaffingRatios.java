package org.jujia.workforce;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jujia.careplan.CarePlan;
import org.jujia.careplan.CarePlanManagement;
import org.jujia.region.Organisation;
import org.jujia.region.OrganisationType;
import org.jujia.region.Region;
import org.jujia.region.RegionDirectory;
import org.jujia.region.RegionLevel;
import org.jujia.shared.CareColour;
import org.jujia.shared.Jurisdiction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staffing-ratio compliance (PLATFORM.md §9, {@link StaffingRatio}) per provider and per provider and street: red and
 * orange elders served (an ACTIVE care plan at the provider whose colour is RED or ORANGE) against the provider's
 * employed staff (ACTIVE, hired by the date, not left; caregivers of level 3 or above). A street's rows are the
 * provider's elders living in the street against the provider's staff working from the street. Monthly snapshots
 * (refreshed daily for the running month) are the history and the evidence of {@link Workforce#staffingCompliance}.
 */
@Component
class StaffingRatios {

    private static final Logger log = LoggerFactory.getLogger(StaffingRatios.class);

    private final JdbcClient jdbc;
    private final CarePlanManagement plans;
    private final RegionDirectory regions;
    private final StaffStore staff;
    private final Clock clock;

    StaffingRatios(JdbcClient jdbc, CarePlanManagement plans, RegionDirectory regions, StaffStore staff, Clock clock) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.regions = regions;
        this.staff = staff;
        this.clock = clock;
    }

    private record Key(long providerId, Long streetId) {
    }

    /** The compliance lines on {@code asOf} for every provider (street null) and every provider and street. */
    List<Staff.RatioLine> compute(LocalDate asOf) {
        List<Region> streets = regions.ofLevel(RegionLevel.STREET, Jurisdiction.system("/"));
        Map<Long, String> providerNames = new HashMap<>();
        for (Organisation o : regions.organisationsOfType(OrganisationType.SERVICE_PROVIDER, Jurisdiction.system("/"))) {
            providerNames.put(o.id(), o.name());
        }
        java.time.Instant end = asOf.plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        Map<Key, Integer> served = new HashMap<>();
        long after = 0;
        while (true) {
            List<CarePlan> page = plans.activePlans(after, 500);
            if (page.isEmpty()) {
                break;
            }
            for (CarePlan p : page) {
                after = Math.max(after, p.id());
                boolean activeThen = p.milestones().activatedAt() == null || p.milestones().activatedAt().isBefore(end);
                if (activeThen && (p.colour() == CareColour.RED || p.colour() == CareColour.ORANGE)) {
                    served.merge(new Key(p.providerId(), null), 1, Integer::sum);
                    streetOf(streets, p.regionPath()).ifPresent(s -> served.merge(new Key(p.providerId(), s.id()), 1, Integer::sum));
                }
            }
        }
        Map<Key, int[]> actual = new HashMap<>();
        jdbc.sql("""
                select s.provider_id, n.path, s.role, coalesce(c.level, s.caregiver_level) as level
                  from workforce_staff s join region_node n on n.id = s.node_id left join workforce_caregiver c on c.user_id = s.user_id
                 where s.hired_on <= :d and (s.left_on is null or s.left_on > :d)
                   and (s.employment_status = 'ACTIVE' or (s.left_on is not null and s.left_on > :d))
                """).param("d", asOf).query((rs, n) -> {
                    StaffingRatio.Line line = lineOf(StaffRole.valueOf(rs.getString("role")), rs.getString("level"));
                    if (line != null) {
                        long provider = rs.getLong("provider_id");
                        actual.computeIfAbsent(new Key(provider, null), k -> new int[StaffingRatio.Line.values().length])[line.ordinal()]++;
                        streetOf(streets, rs.getString("path")).ifPresent(s -> actual.computeIfAbsent(new Key(provider, s.id()),
                                k -> new int[StaffingRatio.Line.values().length])[line.ordinal()]++);
                    }
                    return 1;
                }).list();
        java.util.Set<Key> keys = new java.util.HashSet<>(served.keySet());
        keys.addAll(actual.keySet());
        Map<Long, Region> streetById = new HashMap<>();
        streets.forEach(s -> streetById.put(s.id(), s));
        List<Staff.RatioLine> out = new ArrayList<>();
        for (Key k : keys) {
            if (!providerNames.containsKey(k.providerId())) {
                continue;
            }
            int n = served.getOrDefault(k, 0);
            int[] a = actual.getOrDefault(k, new int[StaffingRatio.Line.values().length]);
            Region street = k.streetId() == null ? null : streetById.get(k.streetId());
            for (StaffingRatio.Row r : StaffingRatio.report(n, a)) {
                out.add(new Staff.RatioLine(k.providerId(), providerNames.get(k.providerId()), k.streetId(), street == null ? null : street.name(),
                        r.line().name(), r.served(), r.required(), r.actual(), r.shortfall()));
            }
        }
        out.sort(Comparator.comparing(Staff.RatioLine::providerName).thenComparing(l -> l.streetName() == null ? "" : l.streetName())
                .thenComparing(l -> StaffingRatio.Line.valueOf(l.role()).ordinal()));
        return out;
    }

    static StaffingRatio.Line lineOf(StaffRole role, String level) {
        return switch (role) {
            case CAREGIVER -> level != null && org.jujia.catalogue.CaregiverLevel.valueOf(level).atLeast(org.jujia.catalogue.CaregiverLevel.LEVEL_3)
                    ? StaffingRatio.Line.CAREGIVER_L3 : null;
            case COMMUNITY_NURSE -> StaffingRatio.Line.COMMUNITY_NURSE;
            case REHAB_THERAPIST -> StaffingRatio.Line.REHAB_THERAPIST;
            case SOCIAL_WORKER -> StaffingRatio.Line.SOCIAL_WORKER;
            case DATA_OPERATOR -> StaffingRatio.Line.DATA_OPERATOR;
            case ASSESSOR -> null;
        };
    }

    private static Optional<Region> streetOf(List<Region> streets, String path) {
        return path == null ? Optional.empty() : streets.stream().filter(s -> path.startsWith(s.path())).findFirst();
    }

    /** The lines the caller may see: a provider's own; otherwise providers located in, or streets within, the caller's region. */
    List<Staff.RatioLine> report(LocalDate asOf, Jurisdiction j) {
        StaffStore.Scope scope = staff.scope(j);
        return visible(compute(asOf), scope);
    }

    private List<Staff.RatioLine> visible(List<Staff.RatioLine> lines, StaffStore.Scope scope) {
        if (scope.providerId() != null) {
            return lines.stream().filter(l -> l.providerId() == scope.providerId()).toList();
        }
        String prefix = scope.pathPattern().substring(0, scope.pathPattern().length() - 1);
        Map<Long, String> providerPaths = new HashMap<>();
        Map<Long, String> streetPaths = new HashMap<>();
        return lines.stream().filter(l -> {
            if (l.streetId() != null) {
                String p = streetPaths.computeIfAbsent(l.streetId(), id -> regions.find(id).map(Region::path).orElse(""));
                return p.startsWith(prefix) || prefix.startsWith(p);
            }
            String p = providerPaths.computeIfAbsent(l.providerId(), id -> regions.findOrganisation(id).flatMap(o -> regions.find(o.nodeId()))
                    .map(Region::path).orElse(""));
            return p.startsWith(prefix);
        }).toList();
    }

    /** Records (replaces) the month's snapshot from the state at {@code asOf}. */
    @Transactional
    int snapshot(YearMonth month, LocalDate asOf) {
        List<Staff.RatioLine> lines = compute(asOf);
        jdbc.sql("delete from workforce_ratio_snapshot where month = ?").param(month.atDay(1)).update();
        Timestamp now = Timestamp.from(clock.instant());
        for (Staff.RatioLine l : lines) {
            jdbc.sql("""
                    insert into workforce_ratio_snapshot (month, provider_id, street_id, role, served, required, actual, computed_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    """).param(month.atDay(1)).param(l.providerId()).param(l.streetId()).param(l.role()).param(l.served()).param(l.required())
                    .param(l.actual()).param(now).update();
        }
        return lines.size();
    }

    /** The running month's snapshot, refreshed every night (the last refresh of a month is its record). */
    @Scheduled(cron = "${jujia.workforce.ratio-snapshot-cron:0 40 2 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "workforce.ratioSnapshot", lockAtMostFor = "PT30M")
    void nightly() {
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
        int n = snapshot(YearMonth.from(today), today);
        log.info("Staffing ratios: {} lines recorded for {}", n, YearMonth.from(today));
    }

    /** The monthly history visible to the caller, newest month first (one provider, or all visible). */
    List<Staff.RatioSnapshot> history(Long providerId, Jurisdiction j) {
        StaffStore.Scope scope = staff.scope(j);
        List<Staff.RatioSnapshot> all = jdbc.sql("""
                select month, provider_id, street_id, role, served, required, actual from workforce_ratio_snapshot
                 where street_id is null and (cast(:p as bigint) is null or provider_id = :p) order by month desc, provider_id, id
                """).param("p", providerId).query(Staff.RatioSnapshot.class).list();
        java.util.Set<Long> visible = new java.util.HashSet<>();
        visible(compute(LocalDate.now(clock)), scope).forEach(l -> visible.add(l.providerId()));
        return all.stream().filter(s -> visible.contains(s.providerId())).toList();
    }

    /** Share of the year's monthly provider snapshots meeting every ratio; empty without snapshots. */
    OptionalDouble compliance(long providerId, int year) {
        List<Boolean> months = jdbc.sql("""
                select bool_and(actual >= required) from workforce_ratio_snapshot
                 where provider_id = ? and street_id is null and extract(year from month) = ? group by month
                """).param(providerId).param(year).query(Boolean.class).list();
        if (months.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(months.stream().filter(Boolean::booleanValue).count() / (double) months.size());
    }
}
