package org.jujia.settlement;

import java.util.Optional;
import org.jujia.oversight.PerformanceScoreComputed;
import org.jujia.shared.Jurisdiction;
import org.jujia.visit.Visit;
import org.jujia.visit.VisitFraudConfirmed;
import org.jujia.visit.VisitVerified;
import org.jujia.visit.Visits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What settlement learns from other modules: billable visits ({@link VisitVerified}, kept once per visit with the
 * EVV elements read through the visit facade), fraud fines ({@link VisitFraudConfirmed}: the visit is no longer
 * billable, 3 × its amount is deducted from the provider), and computed performance scores.
 */
@Component
class SettlementListeners {

    private static final Logger log = LoggerFactory.getLogger(SettlementListeners.class);

    private final SettlementStore store;
    private final Settlement settlement;
    private final Visits visits;

    SettlementListeners(SettlementStore store, Settlement settlement, Visits visits) {
        this.store = store;
        this.settlement = settlement;
        this.visits = visits;
    }

    @ApplicationModuleListener
    void on(VisitVerified e) {
        Optional<Visit> v = Optional.empty();
        try {
            v = Optional.of(visits.get(e.visitId(), Jurisdiction.system("/")).visit());
        } catch (RuntimeException ex) {
            log.warn("settlement: EVV elements of visit {} unavailable: {}", e.visitId(), ex.getMessage());
        }
        Visit.Evv in = v.map(Visit::checkIn).orElse(null);
        Visit.Evv out = v.map(Visit::checkOut).orElse(null);
        store.insertVisit(new BillableVisit(e.visitId(), e.orderId(), e.elderId(), e.regionPath(), e.providerId(), e.caregiverUserId(), e.itemCode(),
                e.quantity(), e.amountFen(), e.serviceDate(), e.verifiedAt(), e.cleared(), in == null ? null : in.capturedAt(),
                in == null ? null : in.latitude(), in == null ? null : in.longitude(), in == null ? null : in.accuracyMeters(),
                in == null ? null : in.faceScore(), out == null ? null : out.capturedAt(), out == null ? null : out.latitude(),
                out == null ? null : out.longitude(), out == null ? null : out.accuracyMeters(), out == null ? null : out.faceScore()));
    }

    @ApplicationModuleListener
    void on(VisitFraudConfirmed e) {
        store.voidVisit(e.visitId(), "fraud confirmed: " + (e.note() == null ? "" : e.note()), e.confirmedAt());
        store.insertPenalty(e.visitId(), e.providerId(), e.regionPath(), e.elderId(), e.itemCode(), e.amountFen(), e.penaltyFen(), e.note(),
                e.confirmedBy(), e.confirmedAt());
    }

    @ApplicationModuleListener
    void on(PerformanceScoreComputed e) {
        settlement.scoreComputed(e.providerId(), e.year(), e.score(), e.actor());
    }
}
