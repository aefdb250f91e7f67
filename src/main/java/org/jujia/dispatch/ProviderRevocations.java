package org.jujia.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jujia.region.ProviderQualificationRevoked;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A provider whose operating qualification is revoked (PLATFORM.md §7; settlement's budget rule) gets no new orders
 * (checked in booking, reassignment and plan order generation) and gives up the orders it has not started: each
 * pending, accepted or assigned order whose window has not opened is REFUSED with the reason, so it appears in the
 * street's refused list to be moved to another provider; an assigned caregiver is taken off (OrderUnassigned).
 */
@Component
class ProviderRevocations {

    static final String ACTOR = "platform";

    private final OrderStore store;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProviderRevocations(OrderStore store, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ProviderQualificationRevoked e) {
        refuseUnstarted(e.providerId(), "provider's operating qualification revoked: " + e.reason());
    }

    /** Refuses the provider's open orders whose window has not opened; answers how many. */
    int refuseUnstarted(long providerId, String reason) {
        Instant now = clock.instant();
        List<Long> ids = jdbc.sql("select id from dispatch_order where provider_id = ? and status in ('PENDING', 'ACCEPTED', 'ASSIGNED') and window_start > ? order by id")
                .params(providerId, OrderStore.ts(now)).query(Long.class).list();
        int n = 0;
        for (long id : ids) {
            Order o = store.findForUpdate(id).orElse(null);
            if (o == null || o.providerId() != providerId || !o.notStartedAt(now)
                    || !(o.status() == OrderStatus.PENDING || o.status() == OrderStatus.ACCEPTED || o.status() == OrderStatus.ASSIGNED)) {
                continue;
            }
            Order after = o.refuse(reason.length() > 500 ? reason.substring(0, 500) : reason);
            store.update(o, after, now);
            store.event(id, now, ACTOR, "REFUSED", after.refusalReason());
            if (o.caregiverUserId() != null) {
                events.publishEvent(new OrderUnassigned(id, o.elderId(), o.caregiverUserId(), "refused: " + after.refusalReason(), now));
            }
            n++;
        }
        return n;
    }
}
