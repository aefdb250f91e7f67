package org.jujia.assessment;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Test-only listener (picked up by component scanning of the test classpath): records every
 * {@link HighRiskCaregiverIdentified} once its transaction has committed, as a module listening for it would.
 */
@Component
class FamilyCaregiverEventProbe {

    private final List<HighRiskCaregiverIdentified> received = new CopyOnWriteArrayList<>();

    @TransactionalEventListener
    void on(HighRiskCaregiverIdentified event) {
        received.add(event);
    }

    List<HighRiskCaregiverIdentified> of(long caregiverId) {
        return received.stream().filter(e -> e.caregiverId() == caregiverId).toList();
    }
}
