package org.jujia.dispatch;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Test-only listener: records the dispatch events once their transaction has committed, as the visit module will. */
@Component
class DispatchEventProbe {

    private final List<OrderCreated> created = new CopyOnWriteArrayList<>();
    private final List<OrderAssigned> assigned = new CopyOnWriteArrayList<>();
    private final List<OrderUnassigned> unassigned = new CopyOnWriteArrayList<>();
    private final List<OrderCancelled> cancelled = new CopyOnWriteArrayList<>();

    List<OrderCreated> created() {
        return List.copyOf(created);
    }

    List<OrderAssigned> assigned() {
        return List.copyOf(assigned);
    }

    List<OrderUnassigned> unassigned() {
        return List.copyOf(unassigned);
    }

    List<OrderCancelled> cancelled() {
        return List.copyOf(cancelled);
    }

    @TransactionalEventListener
    void on(OrderCreated e) {
        created.add(e);
    }

    @TransactionalEventListener
    void on(OrderAssigned e) {
        assigned.add(e);
    }

    @TransactionalEventListener
    void on(OrderUnassigned e) {
        unassigned.add(e);
    }

    @TransactionalEventListener
    void on(OrderCancelled e) {
        cancelled.add(e);
    }
}
