package org.jujia.dispatch;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Test-only listener (picked up by component scanning of the test classpath): every {@link UrgentVisitRequested}
 * published by a transaction that committed, as the dispatch module's order creation receives it.
 */
@Component
class VoiceCallUrgentProbe {

    private final List<UrgentVisitRequested> received = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void on(UrgentVisitRequested event) {
        received.add(event);
    }

    /** The requests about an elder whose reference starts with {@code voice-call:<from>} (other tests call the same elders on other dates). */
    List<UrgentVisitRequested> of(long elderId, java.time.LocalDate from) {
        return received.stream().filter(e -> e.elderId() == elderId && e.reference().startsWith("voice-call:" + from)).toList();
    }
}
