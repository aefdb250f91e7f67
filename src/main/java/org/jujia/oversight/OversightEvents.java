package org.jujia.oversight;

import java.time.Instant;
import java.time.LocalDate;
import org.jujia.dispatch.OrderAssigned;
import org.jujia.dispatch.OrderCancelled;
import org.jujia.dispatch.OrderCreated;
import org.jujia.visit.VisitDisputed;
import org.jujia.visit.VisitFlagged;
import org.jujia.visit.VisitVerified;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** What oversight keeps from other modules' events: the visit and order ledgers, and a complaint per disputed visit. */
@Component
class OversightEvents {

    private final Ledger ledger;
    private final Complaints complaints;

    OversightEvents(Ledger ledger, Complaints complaints) {
        this.ledger = ledger;
        this.complaints = complaints;
    }

    @ApplicationModuleListener
    void on(VisitVerified e) {
        ledger.visit(e.visitId(), e.orderId(), e.elderId(), e.regionPath(), e.providerId(), e.caregiverUserId(), e.itemCode(), day(e.serviceDate()),
                e.cleared(), e.verifiedAt());
    }

    @ApplicationModuleListener
    void on(VisitFlagged e) {
        ledger.visit(e.visitId(), e.orderId(), e.elderId(), e.regionPath(), e.providerId(), e.caregiverUserId(), e.itemCode(), day(e.flaggedAt()),
                true, null);
    }

    @ApplicationModuleListener
    void on(VisitDisputed e) {
        complaints.fileDispute(e);
    }

    @ApplicationModuleListener
    void on(OrderCreated e) {
        ledger.order(e.orderId(), e.elderId(), e.providerId(), day(e.windowStart()));
    }

    @ApplicationModuleListener
    void on(OrderAssigned e) {
        ledger.order(e.orderId(), e.elderId(), e.providerId(), day(e.windowStart()));
    }

    @ApplicationModuleListener
    void on(OrderCancelled e) {
        ledger.orderCancelled(e.orderId());
    }

    static LocalDate day(Instant i) {
        return i.atZone(WorkingDays.ZONE).toLocalDate();
    }
}
