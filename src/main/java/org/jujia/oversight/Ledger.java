package org.jujia.oversight;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Oversight's own record of completed visits and planned orders, kept from visit's and dispatch's events (oversight
 * never reads their tables): the evidence for follow-up samples and the performance score.
 */
@Repository
class Ledger {

    private final JdbcClient jdbc;

    Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A visit checked out: verified (billable) or flagged; repeated or late events only add to what is known. */
    void visit(long visitId, long orderId, long elderId, String regionPath, long providerId, long caregiverUserId, String itemCode,
            LocalDate serviceDate, boolean flagged, Instant verifiedAt) {
        jdbc.sql("""
                insert into oversight_visit (visit_id, order_id, elder_id, region_path, provider_id, caregiver_user_id, item_code, service_date,
                    flagged, verified, verified_at)
                values (:visit, :order, :elder, :path, :provider, :caregiver, :item, :date, :flagged, :verified, :verifiedAt)
                on conflict (visit_id) do update set flagged = oversight_visit.flagged or excluded.flagged,
                    verified = oversight_visit.verified or excluded.verified,
                    verified_at = coalesce(oversight_visit.verified_at, excluded.verified_at),
                    item_code = coalesce(oversight_visit.item_code, excluded.item_code)
                """).param("visit", visitId).param("order", orderId).param("elder", elderId).param("path", regionPath).param("provider", providerId)
                .param("caregiver", caregiverUserId).param("item", itemCode).param("date", Date.valueOf(serviceDate)).param("flagged", flagged)
                .param("verified", verifiedAt != null).param("verifiedAt", verifiedAt == null ? null : Timestamp.from(verifiedAt)).update();
    }

    /** An order created or (re)assigned: its provider and service date. */
    void order(long orderId, long elderId, long providerId, LocalDate serviceDate) {
        jdbc.sql("""
                insert into oversight_order (order_id, elder_id, provider_id, service_date) values (?, ?, ?, ?)
                on conflict (order_id) do update set provider_id = excluded.provider_id, service_date = excluded.service_date
                """).param(orderId).param(elderId).param(providerId).param(Date.valueOf(serviceDate)).update();
    }

    void orderCancelled(long orderId) {
        jdbc.sql("update oversight_order set cancelled = true where order_id = ?").param(orderId).update();
    }

    /** Orders of the provider with a service date in [from, to], not cancelled. */
    long plannedOrders(long providerId, LocalDate from, LocalDate to) {
        return jdbc.sql("select count(*) from oversight_order where provider_id = ? and service_date between ? and ? and not cancelled")
                .param(providerId).param(Date.valueOf(from)).param(Date.valueOf(to)).query(Long.class).single();
    }

    /** Completed, verified and clean (verified, never flagged) visits of the provider with a service date in [from, to]. */
    record VisitCounts(long completed, long verified, long clean) {
    }

    VisitCounts visitCounts(long providerId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select count(*) as completed, count(*) filter (where verified) as verified, count(*) filter (where verified and not flagged) as clean
                  from oversight_visit where provider_id = ? and service_date between ? and ?
                """).param(providerId).param(Date.valueOf(from)).param(Date.valueOf(to))
                .query((rs, n) -> new VisitCounts(rs.getLong("completed"), rs.getLong("verified"), rs.getLong("clean"))).single();
    }

    /** The elders the provider served (a completed visit) in [from, to]. */
    List<Long> eldersServed(long providerId, LocalDate from, LocalDate to) {
        return jdbc.sql("select distinct elder_id from oversight_visit where provider_id = ? and service_date between ? and ? order by elder_id")
                .param(providerId).param(Date.valueOf(from)).param(Date.valueOf(to)).query(Long.class).list();
    }

    /** Verified visits of the provider with a service date in [from, to], not yet sampled for a call. */
    List<Long> verifiedVisits(long providerId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select v.visit_id from oversight_visit v
                 where v.provider_id = ? and v.verified and v.service_date between ? and ?
                   and not exists (select 1 from oversight_followup f where f.visit_id = v.visit_id)
                 order by v.visit_id
                """).param(providerId).param(Date.valueOf(from)).param(Date.valueOf(to)).query(Long.class).list();
    }

    /** Providers with verified visits in [from, to]. */
    List<Long> providersWithVisits(LocalDate from, LocalDate to) {
        return jdbc.sql("select distinct provider_id from oversight_visit where verified and service_date between ? and ? order by provider_id")
                .param(Date.valueOf(from)).param(Date.valueOf(to)).query(Long.class).list();
    }
}
