package org.jujia.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.jujia.access.UserAccount;
import org.jujia.access.UserAccounts;
import org.jujia.careplan.CarePlan;
import org.jujia.careplan.CarePlanManagement;
import org.jujia.dispatch.DispatchManagement;
import org.jujia.dispatch.DispatchManagement.BookingInput;
import org.jujia.dispatch.DispatchManagement.CaregiverOption;
import org.jujia.dispatch.Order;
import org.jujia.dispatch.OrderQuery;
import org.jujia.dispatch.OrderSource;
import org.jujia.dispatch.OrderStatus;
import org.jujia.elder.ElderRegistry;
import org.jujia.elder.ElderSearch;
import org.jujia.elder.ElderStatus;
import org.jujia.elder.ElderSummary;
import org.jujia.shared.Jurisdiction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Gives the demo city orders, through the dispatch facade as the platform, provider1, street1 and family1 would: every
 * active plan's orders for the horizon (today's included, even those already past); provider1 accepts today's and
 * tomorrow's orders and assigns eligible caregivers, {@code caregiver1} getting 4–6 visits on each day (staff orders
 * for street-1 elders top the plans up, some of today's before now so that visits can be shown completed);
 * family1's elder with assigned orders over the past three and the coming three days; a few orders refused by
 * provider1 for street1 to move; a haircut booked by family1. Runs every start and only adds what is missing.
 */
@Component
@Profile("demo")
@org.springframework.core.annotation.Order(4)
class DemoOrders implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOrders.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Start times of the staff orders that fill caregiver1's day (a 30-minute home visit each). */
    private static final List<LocalTime> SLOTS = List.of(LocalTime.of(7, 0), LocalTime.of(8, 0), LocalTime.of(9, 30), LocalTime.of(13, 30),
            LocalTime.of(15, 0), LocalTime.of(16, 30), LocalTime.of(18, 0), LocalTime.of(19, 30));

    /** At most this many of today's and tomorrow's orders are accepted and assigned (a benchmark may have left thousands). */
    private static final int MAX_ACCEPT = 200;

    private final DispatchManagement dispatch;
    private final CarePlanManagement plans;
    private final UserAccounts users;
    private final ElderRegistry elders;
    private final Clock clock;

    DemoOrders(DispatchManagement dispatch, CarePlanManagement plans, UserAccounts users, ElderRegistry elders, Clock clock) {
        this.dispatch = dispatch;
        this.plans = plans;
        this.users = users;
        this.elders = elders;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<Jurisdiction> provider = users.jurisdictionOf("provider1");
        Optional<Jurisdiction> street = users.jurisdictionOf("street1");
        Optional<Jurisdiction> family = users.jurisdictionOf("family1");
        Optional<UserAccount> caregiver = users.findByUsername("caregiver1");
        if (provider.isEmpty() || street.isEmpty() || family.isEmpty() || caregiver.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        LocalDate today = dispatch.today();
        Instant startOfToday = today.atStartOfDay(ZONE).toInstant();

        int generated = 0;
        int planCount = 0;
        long after = 0;
        for (List<CarePlan> page = plans.activePlans(after, 200); !page.isEmpty(); page = plans.activePlans(after, 200)) {
            for (CarePlan p : page) {
                generated += dispatch.generate(p.id(), today, today.plusDays(dispatch.horizonDays() - 1L), startOfToday);
                planCount++;
                after = p.id();
            }
        }

        Jurisdiction op = provider.get();
        long cg1 = caregiver.get().id();
        // the demo board: provider1 accepts today's and tomorrow's orders (the first MAX_ACCEPT of them, most urgent first)
        List<Long> pending = ids(dispatch.list(query(today, today.plusDays(1), OrderStatus.PENDING), op));
        pending = pending.subList(0, Math.min(MAX_ACCEPT, pending.size()));
        int accepted = pending.isEmpty() ? 0 : dispatch.acceptAll(pending, op).size();
        int staffOrders = 0;
        for (LocalDate day : List.of(today, today.plusDays(1))) {
            staffOrders += fillCaregiverDay(op, cg1, day);
        }
        int assigned = assignRest(op, cg1, today, today.plusDays(1));

        int familyOrders = familyElderOrders(op, family.get(), cg1, today);
        int refused = refuseSome(op, street.get(), today);
        int booked = bookHaircut(family.get(), today);

        log.info("Demo orders in {} ms: {} generated from {} active plans, {} accepted, {} staff orders for caregiver1, {} other assignments, "
                + "{} for family1's elder, {} refused for street1, {} booked by family1", (System.nanoTime() - t0) / 1_000_000, generated, planCount,
                accepted, staffOrders, assigned, familyOrders, refused, booked);
    }

    /** caregiver1 takes free accepted orders of the day, then staff home visits fill the day up to at least four (at most six). */
    private int fillCaregiverDay(Jurisdiction op, long cg1, LocalDate day) {
        int have = assignedTo(op, cg1, day).size();
        for (Order o : dispatch.list(query(day, day, OrderStatus.ACCEPTED), op)) {
            if (have >= 5) {
                break;
            }
            if (tryAssign(o.id(), cg1, op)) {
                have++;
            }
        }
        int created = 0;
        List<Long> served = providerElders(op);
        Instant now = clock.instant();
        int e = day.getDayOfYear() % Math.max(1, served.size());
        boolean isToday = day.equals(dispatch.today());
        for (LocalTime slot : SLOTS) {
            if (served.isEmpty() || have >= 6) {
                break;
            }
            Instant start = day.atTime(slot).atZone(ZONE).toInstant();
            boolean past = start.plusSeconds(3600).isBefore(now);
            // today: two visits already past (the visit demo shows them completed), the rest ahead; tomorrow: up to four
            boolean needPast = isToday && past && countPast(op, cg1, day, now) < 2;
            if ((isToday && past && !needPast) || (have >= 4 && !needPast)) {
                continue;
            }
            if (clashes(op, cg1, start, start.plusSeconds(30 * 60))) {
                continue;
            }
            long elder = served.get(e++ % served.size());
            Order o = dispatch.book(new BookingInput(elder, "HOME_VISIT", day, slot, slot.plusHours(1), 1, "调度补充巡访"), op);
            dispatch.accept(o.id(), op);
            if (tryAssign(o.id(), cg1, op)) {
                have++;
                created++;
            }
        }
        return created;
    }

    /** Every other accepted order of the days goes to the first eligible, free caregiver of the provider (not caregiver1). */
    private int assignRest(Jurisdiction op, long cg1, LocalDate from, LocalDate to) {
        int n = 0;
        List<Order> accepted = dispatch.list(query(from, to, OrderStatus.ACCEPTED), op);
        for (Order o : accepted.subList(0, Math.min(MAX_ACCEPT, accepted.size()))) {
            for (CaregiverOption c : dispatch.eligibleCaregivers(o.id(), op)) {
                if (c.assignable() && c.userId() != cg1 && tryAssign(o.id(), c.userId(), op)) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    /** family1's elder: a home visit on each of the past three days and the coming three, assigned (caregiver1 when free). */
    private int familyElderOrders(Jurisdiction op, Jurisdiction family, long cg1, LocalDate today) {
        List<Long> linked = elders.linkedElderIds(family);
        if (linked.isEmpty()) {
            return 0;
        }
        long elderId = linked.get(0);
        int n = 0;
        for (int d = -3; d <= 3; d++) {
            if (d == 0) {
                continue;
            }
            LocalDate day = today.plusDays(d);
            OrderQuery q = new OrderQuery(day, day, EnumSet.of(OrderStatus.PENDING, OrderStatus.ACCEPTED, OrderStatus.ASSIGNED), null, null, elderId,
                    null);
            List<Order> existing = dispatch.list(q, op);
            if (existing.stream().anyMatch(o -> o.status() == OrderStatus.ASSIGNED)) {
                continue;
            }
            Order o = existing.isEmpty()
                    ? dispatch.book(new BookingInput(elderId, "HOME_VISIT", day, LocalTime.of(10, 0), LocalTime.of(11, 0), 1, "每周巡访（电话预约）"), op)
                    : existing.get(0);
            if (o.status() == OrderStatus.PENDING) {
                dispatch.accept(o.id(), op);
            }
            if (tryAssign(o.id(), cg1, op) || dispatch.eligibleCaregivers(o.id(), op).stream()
                    .anyMatch(c -> c.assignable() && tryAssign(o.id(), c.userId(), op))) {
                n++;
            }
        }
        return n;
    }

    /** Three pending orders three to five days ahead, refused by provider1 for street1 to move (once). */
    private int refuseSome(Jurisdiction op, Jurisdiction street, LocalDate today) {
        if (!dispatch.list(query(today, today.plusDays(dispatch.horizonDays()), OrderStatus.REFUSED), street).isEmpty()) {
            return 0;
        }
        List<String> reasons = List.of("该时段助浴员已排满，无法按时上门", "老人住址超出本站服务半径，建议转派", "护理员请假，本周人手不足");
        int n = 0;
        for (Order o : dispatch.list(query(today.plusDays(3), today.plusDays(5), OrderStatus.PENDING), op)) {
            if (n >= reasons.size()) {
                break;
            }
            dispatch.refuse(o.id(), reasons.get(n), op);
            n++;
        }
        return n;
    }

    /** family1 books a haircut for their elder three days ahead (once). */
    private int bookHaircut(Jurisdiction family, LocalDate today) {
        List<Long> linked = elders.linkedElderIds(family);
        if (linked.isEmpty() || dispatch.list(query(today.minusDays(60), today.plusDays(60), null), family).stream()
                .anyMatch(o -> o.source() == OrderSource.BOOKING)) {
            return 0;
        }
        dispatch.book(new BookingInput(linked.get(0), "HAIRCUT", today.plusDays(3), LocalTime.of(9, 0), LocalTime.of(11, 0), 1, "老人腿脚不便，请上门理发"),
                family);
        return 1;
    }

    private boolean tryAssign(long orderId, long caregiver, Jurisdiction op) {
        try {
            dispatch.assign(orderId, caregiver, op);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private List<Order> assignedTo(Jurisdiction op, long caregiver, LocalDate day) {
        return dispatch.list(new OrderQuery(day, day, EnumSet.of(OrderStatus.ASSIGNED), null, null, null, caregiver), op);
    }

    private long countPast(Jurisdiction op, long caregiver, LocalDate day, Instant now) {
        return assignedTo(op, caregiver, day).stream().filter(o -> o.busyUntil().isBefore(now)).count();
    }

    private boolean clashes(Jurisdiction op, long caregiver, Instant start, Instant end) {
        return assignedTo(op, caregiver, LocalDate.ofInstant(start, ZONE)).stream()
                .anyMatch(o -> o.windowStart().isBefore(end) && start.isBefore(o.busyUntil()));
    }

    /** Elders provider1 serves (those with orders in the coming two weeks), else the first elders under provider1's node. */
    private List<Long> providerElders(Jurisdiction op) {
        LocalDate today = dispatch.today();
        List<Long> ids = dispatch.list(query(today, today.plusDays(dispatch.horizonDays() - 1L), null), op).stream().map(Order::elderId).distinct()
                .sorted().limit(20).toList();
        if (!ids.isEmpty()) {
            return ids;
        }
        return elders.search(new ElderSearch(null, null, null, null, null, null, null, null, null, ElderStatus.ACTIVE, null, null, 0, 20, "id"), op)
                .content().stream().map(ElderSummary::id).toList();
    }

    private static OrderQuery query(LocalDate from, LocalDate to, OrderStatus status) {
        return new OrderQuery(from, to, status == null ? null : EnumSet.of(status), null, null, null, null);
    }

    private static List<Long> ids(List<Order> orders) {
        List<Long> out = new ArrayList<>();
        orders.forEach(o -> out.add(o.id()));
        return out;
    }
}
