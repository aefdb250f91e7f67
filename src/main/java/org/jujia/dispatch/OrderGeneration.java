package org.jujia.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.jujia.careplan.CarePlan;
import org.jujia.careplan.CarePlanStatus;
import org.jujia.careplan.PlanLine;
import org.jujia.catalogue.ServiceCatalogue;
import org.jujia.catalogue.ServiceItem;
import org.jujia.elder.ElderRef;
import org.jujia.elder.ElderRegistry;
import org.jujia.elder.ElderStatus;
import org.jujia.shared.Jurisdiction;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns an active care plan into orders over a range of service dates ({@link OrderSchedule} for each line that is
 * delivered by a visit), at the line's frozen price, for the plan's provider, PENDING; and cancels a plan's orders
 * that have not started when the plan is superseded or ends. Generating again is idempotent: an occurrence (plan,
 * line, date, index) exists once and is never re-created.
 */
@Service
class OrderGeneration {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String SYSTEM = "system";

    private final OrderStore store;
    private final ServiceCatalogue catalogue;
    private final ElderRegistry elders;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final org.jujia.region.RegionDirectory regions;

    OrderGeneration(OrderStore store, ServiceCatalogue catalogue, ElderRegistry elders, ApplicationEventPublisher events, Clock clock,
            org.jujia.region.RegionDirectory regions) {
        this.regions = regions;
        this.store = store;
        this.catalogue = catalogue;
        this.elders = elders;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates the plan's missing orders for service dates {@code from}..{@code to}, skipping occurrences whose window
     * ended before {@code notEndingBefore}. Answers how many were created (0 for a plan not in force or an elder no
     * longer active).
     */
    @Transactional
    public int generate(CarePlan plan, LocalDate from, LocalDate to, Instant notEndingBefore) {
        if (plan.status() != CarePlanStatus.ACTIVE) {
            return 0;
        }
        if (regions.qualificationRevoked(plan.providerId())) {
            return 0; // a revoked provider gets no new orders; the street moves the elder's plan to another provider
        }
        Optional<ElderRef> elder = elders.find(plan.elderId(), Jurisdiction.system("/"));
        if (elder.isEmpty() || elder.get().status() != ElderStatus.ACTIVE) {
            return 0;
        }
        ElderRef e = elder.get();
        OrderPriority priority = OrderPriority.of(e.careColour());
        Instant now = clock.instant();
        Map<String, ServiceItem> active = new HashMap<>();
        catalogue.items(from).forEach(i -> active.put(i.code(), i));
        List<OrderStore.Slot> slots = new ArrayList<>();
        for (PlanLine line : plan.lines()) {
            // a withdrawn item still serves the plans that have it
            ServiceItem item = Optional.ofNullable(active.get(line.itemCode())).or(() -> catalogue.find(line.itemCode(), from)).orElse(null);
            if (!OrderSchedule.deliveredByVisit(item)) {
                continue;
            }
            int minutes = line.durationMinutes() > 0 ? line.durationMinutes() : item.standardMinutes();
            int quantity = OrderSchedule.quantity(item.unit(), minutes);
            for (OrderSchedule.Occurrence o : OrderSchedule.occurrences(OrderSchedule.line(line), from, to, plan.elderId())) {
                Instant start = o.start().atZone(ZONE).toInstant();
                Instant end = o.end().atZone(ZONE).toInstant();
                if (end.isAfter(notEndingBefore)) {
                    slots.add(new OrderStore.Slot(line.position(), item.code(), item.nameZh(), minutes, quantity, line.unitPriceFen(),
                            item.requiredQualification(), item.minCaregiverLevel(), o.date(), o.index(), start, end));
                }
            }
        }
        List<OrderStore.Created> rows = store.insertPlanOrders(e.id(), e.name(), e.regionPath(), priority, plan.providerId(), plan.id(), slots, now,
                SYSTEM);
        List<Long> ids = new ArrayList<>(rows.size());
        for (OrderStore.Created r : rows) {
            ids.add(r.id());
            events.publishEvent(new OrderCreated(r.id(), e.id(), r.itemCode(), plan.providerId(), OrderSource.CARE_PLAN, priority, r.start(), r.end(),
                    r.minutes(), plan.id(), now));
        }
        store.events(ids, now, SYSTEM, "CREATED", "care plan #" + plan.id() + " v" + plan.version());
        return rows.size();
    }

    /** Cancels the plan's open orders whose window opens after {@code after}; answers how many. */
    @Transactional
    public List<Order> cancelNotStarted(long planId, Instant after, String reason, String actor) {
        List<Order> open = store.openOfPlanAfter(planId, after);
        Instant now = clock.instant();
        List<Long> ids = OrderStore.ids(open);
        store.cancelAll(ids, reason, now);
        store.events(ids, now, actor, "CANCELLED", reason);
        for (Order o : open) {
            events.publishEvent(new OrderCancelled(o.id(), o.elderId(), o.caregiverUserId(), reason, now));
        }
        return open;
    }

    /** The plan's orders that are still open and begin after {@code after}. */
    List<Order> openOfPlan(long planId, Instant after) {
        return store.openOfPlanAfter(planId, after);
    }
}
