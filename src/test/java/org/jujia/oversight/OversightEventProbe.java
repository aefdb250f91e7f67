package org.jujia.oversight;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Test-only listener: records PerformanceScoreComputed once its transaction has committed, as settlement will. */
@Component
class OversightEventProbe {

    private final List<PerformanceScoreComputed> scores = new CopyOnWriteArrayList<>();

    /** What was published so far (a method: the bean may be proxied). */
    List<PerformanceScoreComputed> scores() {
        return scores;
    }

    @TransactionalEventListener
    void on(PerformanceScoreComputed e) {
        scores.add(e);
    }
}
