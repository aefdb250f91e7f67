package org.jujia.careplan;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Test-only listener: records the care-plan events once their transaction has committed, as dispatch will. */
@Component
class CarePlanEventProbe {

    private final List<CarePlanActivated> activated = new CopyOnWriteArrayList<>();
    private final List<CarePlanEnded> ended = new CopyOnWriteArrayList<>();

    List<CarePlanActivated> activated() {
        return List.copyOf(activated);
    }

    List<CarePlanEnded> ended() {
        return List.copyOf(ended);
    }

    @TransactionalEventListener
    void on(CarePlanActivated event) {
        activated.add(event);
    }

    @TransactionalEventListener
    void on(CarePlanEnded event) {
        ended.add(event);
    }
}
