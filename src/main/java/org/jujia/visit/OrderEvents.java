package org.jujia.visit;

import org.jujia.dispatch.OrderAssigned;
import org.jujia.dispatch.OrderCancelled;
import org.jujia.dispatch.OrderUnassigned;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Keeps visits in step with dispatch: an assignment schedules (or moves) the visit; unassignment and cancellation withdraw it. */
@Component
class OrderEvents {

    private final Visits visits;

    OrderEvents(Visits visits) {
        this.visits = visits;
    }

    @ApplicationModuleListener
    void on(OrderAssigned e) {
        visits.schedule(e);
    }

    @ApplicationModuleListener
    void on(OrderUnassigned e) {
        visits.withdraw(e.orderId(), e.caregiverUserId(), "order unassigned: " + e.reason(), e.at());
    }

    @ApplicationModuleListener
    void on(OrderCancelled e) {
        visits.withdraw(e.orderId(), null, "order cancelled: " + e.reason(), e.cancelledAt());
    }
}
