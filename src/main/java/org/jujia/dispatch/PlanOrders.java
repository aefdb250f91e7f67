package org.jujia.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jujia.careplan.CarePlanActivated;
import org.jujia.careplan.CarePlanEnded;
import org.jujia.careplan.CarePlanManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps orders in step with care plans: a plan signed into force gets its orders for the horizon (and the plan it
 * supersedes loses those not started yet); an ended plan loses its orders not started yet; every night the horizon of
 * every active plan moves on by a day (one node runs it: ShedLock).
 */
@Component
class PlanOrders {

    private static final Logger log = LoggerFactory.getLogger(PlanOrders.class);

    private final OrderGeneration generation;
    private final DispatchManagement dispatch;
    private final CarePlanManagement plans;
    private final DispatchProperties props;
    private final Clock clock;

    PlanOrders(OrderGeneration generation, DispatchManagement dispatch, CarePlanManagement plans, DispatchProperties props, Clock clock) {
        this.generation = generation;
        this.dispatch = dispatch;
        this.plans = plans;
        this.props = props;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(CarePlanActivated e) {
        Instant now = clock.instant();
        List<Order> cancelled = List.of();
        if (e.supersededPlanId() != null) {
            cancelled = generation.cancelNotStarted(e.supersededPlanId(), now,
                    "care plan #" + e.supersededPlanId() + " superseded by version " + e.version() + " (#" + e.planId() + ")", OrderGeneration.SYSTEM);
        }
        int created = plans.plan(e.planId()).map(p -> {
            LocalDate today = dispatch.today();
            return generation.generate(p, today, today.plusDays(props.horizonDays() - 1L), now);
        }).orElse(0);
        int kept = carryOver(cancelled, generation.openOfPlan(e.planId(), now), e);
        log.info("Care plan #{} of elder {} in force: {} orders created, {} of the superseded plan cancelled, {} caregivers kept", e.planId(),
                e.elderId(), created, cancelled.size(), kept);
    }

    /**
     * Continuity of care across plan versions: an order of the new version for the same provider, item and start as an
     * assigned order of the superseded version keeps that caregiver (if still eligible and free); the rest wait for the
     * provider as usual.
     */
    int carryOver(List<Order> superseded, List<Order> fresh, CarePlanActivated e) {
        Map<String, Long> caregivers = new HashMap<>();
        for (Order o : superseded) {
            if (o.caregiverUserId() != null) {
                caregivers.putIfAbsent(sameSlot(o), o.caregiverUserId());
            }
        }
        int kept = 0;
        for (Order o : fresh) {
            Long caregiver = caregivers.get(sameSlot(o));
            if (caregiver != null && o.status() == OrderStatus.PENDING
                    && dispatch.carryOver(o.id(), caregiver, "care plan version " + e.version() + " (#" + e.planId() + ")")) {
                kept++;
            }
        }
        return kept;
    }

    private static String sameSlot(Order o) {
        return o.providerId() + "|" + o.itemCode() + "|" + o.windowStart();
    }

    @ApplicationModuleListener
    void on(CarePlanEnded e) {
        int cancelled = generation.cancelNotStarted(e.planId(), clock.instant(), "care plan #" + e.planId() + " ended (" + e.reason() + ")",
                OrderGeneration.SYSTEM).size();
        log.info("Care plan #{} of elder {} ended: {} orders cancelled", e.planId(), e.elderId(), cancelled);
    }

    @ApplicationModuleListener
    void on(UrgentVisitRequested e) {
        dispatch.requestUrgentVisit(e).ifPresent(o -> log.info("Urgent home visit order {} for elder {} ({})", o.id(), e.elderId(), e.reason()));
    }

    /** Every night: each active plan's orders reach today + horizon-days − 1. */
    @Scheduled(cron = "${jujia.dispatch.horizon-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "dispatch.horizon", lockAtMostFor = "PT1H")
    public void extendHorizon() {
        long t0 = System.nanoTime();
        int created = dispatch.extendHorizon();
        log.info("Order horizon extended to {} days: {} orders created in {} ms", props.horizonDays(), created, (System.nanoTime() - t0) / 1_000_000);
    }
}
