package org.jujia.visit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Test-only listener: records the visit events once their transaction has committed, as settlement and oversight will. */
@Component
class VisitEventProbe {

    final List<Object> events = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void on(VisitCheckedIn e) {
        events.add(e);
    }

    @TransactionalEventListener
    void on(VisitCompleted e) {
        events.add(e);
    }

    @TransactionalEventListener
    void on(VisitVerified e) {
        events.add(e);
    }

    @TransactionalEventListener
    void on(VisitFlagged e) {
        events.add(e);
    }

    @TransactionalEventListener
    void on(VisitConfirmed e) {
        events.add(e);
    }

    @TransactionalEventListener
    void on(VisitDisputed e) {
        events.add(e);
    }

    @TransactionalEventListener
    void on(VisitFraudConfirmed e) {
        events.add(e);
    }

    <T> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
