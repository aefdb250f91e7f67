package org.jujia.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.jujia.access.UserAccounts;
import org.jujia.dispatch.DispatchManagement;
import org.jujia.dispatch.DispatchManagement.BookingInput;
import org.jujia.dispatch.Order;
import org.jujia.dispatch.OrderQuery;
import org.jujia.dispatch.OrderStatus;
import org.jujia.dispatch.PlanningJob;
import org.jujia.dispatch.RoutePlanning;
import org.jujia.shared.Jurisdiction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The route optimiser's demo (docs/routing.md), after the demo orders: provider1 records six more home visits for
 * tomorrow, accepted but left without a caregiver, so "plan tomorrow" has work; and one plan of tomorrow is solved
 * (a few seconds) and left DONE for the operator to look at, accept or discard. Only adds what is missing.
 */
@Component
@Profile("demo")
@org.springframework.core.annotation.Order(20)
class DemoPlanning implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPlanning.class);
    static final String NOTE = "待智能排班";
    private static final List<LocalTime> STARTS = List.of(LocalTime.of(8, 0), LocalTime.of(9, 0), LocalTime.of(10, 0), LocalTime.of(13, 30),
            LocalTime.of(14, 0), LocalTime.of(15, 0));

    private final DispatchManagement dispatch;
    private final RoutePlanning planning;
    private final UserAccounts users;

    DemoPlanning(DispatchManagement dispatch, RoutePlanning planning, UserAccounts users) {
        this.dispatch = dispatch;
        this.planning = planning;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<Jurisdiction> provider = users.jurisdictionOf("provider1");
        if (provider.isEmpty()) {
            return;
        }
        Jurisdiction op = provider.get();
        LocalDate tomorrow = dispatch.today().plusDays(1);
        List<Order> open = dispatch.list(new OrderQuery(tomorrow, tomorrow, EnumSet.of(OrderStatus.PENDING, OrderStatus.ACCEPTED, OrderStatus.ASSIGNED),
                null, null, null, null), op);
        int added = 0;
        if (open.stream().noneMatch(o -> NOTE.equals(o.note()))) {
            List<Long> elders = dispatch.list(new OrderQuery(dispatch.today(), dispatch.today().plusDays(dispatch.horizonDays() - 1L), null, null, null,
                    null, null), op).stream().map(Order::elderId).distinct().sorted().toList();
            for (int i = 0; i < STARTS.size() && !elders.isEmpty(); i++) {
                long elder = elders.get((i * 7 + 3) % elders.size());
                LocalTime from = STARTS.get(i);
                Order o = dispatch.book(new BookingInput(elder, "HOME_VISIT", tomorrow, from, from.plusHours(2), 1, NOTE), op);
                dispatch.accept(o.id(), op);
                added++;
            }
        }
        PlanningJob job = null;
        if (planning.list(tomorrow, op).isEmpty()) {
            job = planning.solveNow(tomorrow, 3, op);
        }
        log.info("Demo route planning: {} orders for tomorrow left to plan{}", added,
                job == null ? "" : ", plan #" + job.id() + " " + job.status() + " (" + (job.result() == null ? 0 : job.result().proposed().assigned())
                        + " assigned, " + (job.result() == null ? 0 : job.result().unassigned().size()) + " left out)");
    }
}
