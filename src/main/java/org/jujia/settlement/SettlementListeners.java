package org.jujia.settlement;

import org.jujia.oversight.PerformanceScoreComputed;
import org.jujia.visit.VisitFraudConfirmed;
import org.jujia.visit.VisitVerified;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What settlement learns from other modules: billable visits ({@link VisitVerified}, kept once per visit with the
 * EVV elements read through the visit facade), fraud fines ({@link VisitFraudConfirmed}: the visit is no longer
 * billable, 3 × its amount is deducted from the provider), and computed performance scores.
 */
@Component
class SettlementListeners {

    private final Settlement settlement;

    SettlementListeners(Settlement settlement) {
        this.settlement = settlement;
    }

    @ApplicationModuleListener
    void on(VisitVerified e) {
        settlement.recordVerified(e);
    }

    @ApplicationModuleListener
    void on(VisitFraudConfirmed e) {
        settlement.recordFraud(e);
    }

    @ApplicationModuleListener
    void on(PerformanceScoreComputed e) {
        settlement.scoreComputed(e.providerId(), e.year(), e.score(), e.actor());
    }
}
