package org.jujia.dispatch;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jujia.catalogue.CaregiverLevel;
import org.jujia.catalogue.Qualification;
import org.jujia.shared.ConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Persistence of orders and their history. Scoping is the caller's business ({@link OrderQuery.Scope}). */
@Repository
class OrderStore {

    private static final String SELECT = """
            select o.*, p.name as provider_name, u.display_name as caregiver_name
              from dispatch_order o
              join region_organisation p on p.id = o.provider_id
              left join access_user u on u.id = o.caregiver_user_id
            """;

    private final JdbcClient jdbc;

    OrderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a new order is made of (everything but its id, status and history). */
    record NewOrder(long elderId, String elderName, String regionPath, String itemCode, String itemName, LocalDate serviceDate, Instant windowStart,
            Instant windowEnd, int durationMinutes, int quantity, long unitPriceFen, Qualification qualification, CaregiverLevel minLevel,
            OrderPriority priority, long providerId, OrderSource source, Long carePlanId, Integer planLine, Integer occurrence, String note,
            String urgentReason, String urgentReference, Long bookedByUserId) {
    }

    /** A plan occurrence to insert: its line (position, item, minutes, quantity, frozen price, requirement) and its slot. */
    record Slot(int line, String itemCode, String itemName, int minutes, int quantity, long unitPriceFen, Qualification qualification,
            CaregiverLevel minLevel, LocalDate date, int occurrence, Instant start, Instant end) {
    }

    /** An order row the database created: id, item and the slot it fills. */
    record Created(long id, String itemCode, int minutes, Instant start, Instant end) {
    }

    /** Inserts one order (bookings, staff, urgent); empty when an urgent order of the same reference or elder/reason exists. */
    Optional<Long> insert(NewOrder o, Instant now, String by) {
        try {
            return jdbc.sql("""
                    insert into dispatch_order (elder_id, elder_name, region_path, item_code, item_name, service_date, window_start, window_end,
                        duration_minutes, busy_until, quantity, unit_price_fen, required_qualification, min_caregiver_level, priority, priority_rank,
                        provider_id, source, care_plan_id, plan_line, occurrence, status, note, urgent_reason, urgent_reference, booked_by_user_id,
                        created_at, created_by, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?)
                    on conflict do nothing
                    returning id""")
                    .params(o.elderId(), o.elderName(), o.regionPath(), o.itemCode(), o.itemName(), Date.valueOf(o.serviceDate()), ts(o.windowStart()),
                            ts(o.windowEnd()), o.durationMinutes(), ts(o.windowStart().plusSeconds(60L * o.durationMinutes())), o.quantity(),
                            o.unitPriceFen(), o.qualification().name(), o.minLevel() == null ? null : o.minLevel().name(), o.priority().name(),
                            o.priority().ordinal(), o.providerId(), o.source().name(), o.carePlanId(), o.planLine(), o.occurrence(), o.note(),
                            o.urgentReason(), o.urgentReference(), o.bookedByUserId(), ts(now), by, ts(now))
                    .query(Long.class).optional();
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    /**
     * Inserts a plan's occurrences (all its lines) in one statement; those already there (same plan, line, date and
     * occurrence) are skipped. Answers the rows created.
     */
    List<Created> insertPlanOrders(long elderId, String elderName, String regionPath, OrderPriority priority, long providerId, long planId,
            List<Slot> slots, Instant now, String by) {
        if (slots.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                insert into dispatch_order (elder_id, elder_name, region_path, item_code, item_name, service_date, window_start, window_end,
                    duration_minutes, busy_until, quantity, unit_price_fen, required_qualification, min_caregiver_level, priority, priority_rank,
                    provider_id, source, care_plan_id, plan_line, occurrence, status, created_at, created_by, updated_at)
                select :elder, :elderName, :path, u.item, u.item_name, u.d, u.s, u.e, u.minutes, u.s + make_interval(mins => u.minutes), u.quantity,
                       u.price, u.qualification, u.level, :priority, :rank, :provider, 'CARE_PLAN', :plan, u.line, u.o, 'PENDING', :now, :by, :now
                  from unnest(cast(:lines as int[]), cast(:items as varchar[]), cast(:itemNames as varchar[]), cast(:minutes as int[]),
                              cast(:quantities as int[]), cast(:prices as bigint[]), cast(:qualifications as varchar[]), cast(:levels as varchar[]),
                              cast(:dates as date[]), cast(:occurrences as int[]), cast(:starts as timestamptz[]), cast(:ends as timestamptz[]))
                       as u(line, item, item_name, minutes, quantity, price, qualification, level, d, o, s, e)
                on conflict (care_plan_id, plan_line, service_date, occurrence) where care_plan_id is not null do nothing
                returning id, item_code, duration_minutes, window_start, window_end""")
                .param("elder", elderId).param("elderName", elderName).param("path", regionPath).param("priority", priority.name())
                .param("rank", priority.ordinal()).param("provider", providerId).param("plan", planId).param("now", ts(now)).param("by", by)
                .param("lines", slots.stream().map(Slot::line).toArray(Integer[]::new))
                .param("items", slots.stream().map(Slot::itemCode).toArray(String[]::new))
                .param("itemNames", slots.stream().map(Slot::itemName).toArray(String[]::new))
                .param("minutes", slots.stream().map(Slot::minutes).toArray(Integer[]::new))
                .param("quantities", slots.stream().map(Slot::quantity).toArray(Integer[]::new))
                .param("prices", slots.stream().map(Slot::unitPriceFen).toArray(Long[]::new))
                .param("qualifications", slots.stream().map(x -> x.qualification().name()).toArray(String[]::new))
                .param("levels", slots.stream().map(x -> x.minLevel() == null ? null : x.minLevel().name()).toArray(String[]::new))
                .param("dates", slots.stream().map(x -> x.date().toString()).toArray(String[]::new))
                .param("occurrences", slots.stream().map(Slot::occurrence).toArray(Integer[]::new))
                .param("starts", slots.stream().map(x -> x.start().toString()).toArray(String[]::new))
                .param("ends", slots.stream().map(x -> x.end().toString()).toArray(String[]::new))
                .query((rs, i) -> new Created(rs.getLong("id"), rs.getString("item_code"), rs.getInt("duration_minutes"),
                        rs.getTimestamp("window_start").toInstant(), rs.getTimestamp("window_end").toInstant()))
                .list();
    }

    Optional<Order> find(long id) {
        return jdbc.sql(SELECT + " where o.id = ?").param(id).query(OrderStore::map).optional();
    }

    /** Locks the order's row for a transition. */
    Optional<Order> findForUpdate(long id) {
        jdbc.sql("select id from dispatch_order where id = ? for update").param(id).query(Long.class).optional();
        return find(id);
    }

    /** Writes a transition (optimistically: the row version must not have moved). */
    void update(Order before, Order after, Instant now) {
        int n = jdbc.sql("""
                update dispatch_order set status = ?, provider_id = ?, caregiver_user_id = ?, refusal_reason = ?, cancel_reason = ?, updated_at = ?,
                    row_version = row_version + 1
                 where id = ? and row_version = ?""")
                .params(after.status().name(), after.providerId(), after.caregiverUserId(), after.refusalReason(), after.cancelReason(), ts(now),
                        before.id(), before.rowVersion())
                .update();
        if (n != 1) {
            throw new ConflictException("version", "order " + before.id() + " was changed meanwhile");
        }
    }

    void event(long orderId, Instant at, String actor, String action, String detail) {
        jdbc.sql("insert into dispatch_order_event (order_id, at, actor, action, detail) values (?, ?, ?, ?, ?)")
                .params(orderId, ts(at), actor, action, detail == null ? null : detail.length() > 600 ? detail.substring(0, 600) : detail).update();
    }

    void events(List<Long> orderIds, Instant at, String actor, String action, String detail) {
        if (orderIds.isEmpty()) {
            return;
        }
        jdbc.sql("insert into dispatch_order_event (order_id, at, actor, action, detail) select unnest(cast(? as bigint[])), ?, ?, ?, ?")
                .params(orderIds.toArray(Long[]::new), ts(at), actor, action, detail).update();
    }

    List<OrderEvent> history(long orderId) {
        return jdbc.sql("select at, actor, action, detail from dispatch_order_event where order_id = ? order by id").param(orderId)
                .query((rs, i) -> new OrderEvent(rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("action"),
                        rs.getString("detail")))
                .list();
    }

    /** Serialises assignments of one caregiver (until the transaction ends), so two overlapping ones cannot both pass. */
    void lockCaregiver(long caregiverUserId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('dispatch.caregiver'), cast(? as int))").param((int) caregiverUserId).query((rs, i) -> 1)
                .list();
    }

    /** The caregivers' ASSIGNED orders whose planned time overlaps {@code [start, end)}. */
    List<Order> assignedOverlapping(List<Long> caregiverIds, Instant start, Instant end) {
        if (caregiverIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where o.status = 'ASSIGNED' and o.caregiver_user_id = any(?) and o.window_start < ? and o.busy_until > ?")
                .params(caregiverIds.toArray(Long[]::new), ts(end), ts(start)).query(OrderStore::map).list();
    }

    /** Open orders of a plan whose window opens after {@code after}, locked. */
    List<Order> openOfPlanAfter(long planId, Instant after) {
        List<Long> ids = jdbc.sql("""
                select id from dispatch_order where care_plan_id = ? and status <> 'CANCELLED' and window_start > ? order by id for update""")
                .params(planId, ts(after)).query(Long.class).list();
        return ids.isEmpty() ? List.of() : jdbc.sql(SELECT + " where o.id = any(?) order by o.id").param(ids.toArray(Long[]::new))
                .query(OrderStore::map).list();
    }

    /** Cancels the orders (status and reason only; the caller writes their history and events). */
    void cancelAll(List<Long> ids, String reason, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update dispatch_order set status = 'CANCELLED', caregiver_user_id = null, cancel_reason = ?, updated_at = ?, row_version = row_version + 1
                 where id = any(?)""").params(reason, ts(now), ids.toArray(Long[]::new)).update();
    }

    Optional<Long> byUrgentReference(String reference) {
        return jdbc.sql("select id from dispatch_order where urgent_reference = ?").param(reference).query(Long.class).optional();
    }

    Optional<Long> openUrgent(long elderId, String reason) {
        return jdbc.sql("""
                select id from dispatch_order where elder_id = ? and urgent_reason = ? and source = 'URGENT'
                   and status in ('PENDING', 'ACCEPTED', 'ASSIGNED', 'REFUSED')""").params(elderId, reason).query(Long.class).optional();
    }

    /** Orders matching the query, most urgent first within a day, at most {@code limit}. */
    List<Order> list(OrderQuery q, OrderQuery.Scope scope, int limit) {
        Map<String, Object> p = new LinkedHashMap<>();
        String where = where(q, scope, p);
        if (where == null) {
            return List.of();
        }
        p.put("limit", limit);
        return bind(jdbc.sql(SELECT + where + " order by o.service_date, o.priority_rank, o.window_start, o.id limit :limit"), p)
                .query(OrderStore::map).list();
    }

    /** Orders per status matching the query (its statuses ignored). */
    Map<OrderStatus, Long> counts(OrderQuery q, OrderQuery.Scope scope) {
        Map<OrderStatus, Long> out = new LinkedHashMap<>();
        for (OrderStatus s : OrderStatus.values()) {
            out.put(s, 0L);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        String where = where(new OrderQuery(q.from(), q.to(), null, q.priority(), q.providerId(), q.elderId(), q.caregiverUserId()), scope, p);
        if (where == null) {
            return out;
        }
        bind(jdbc.sql("select o.status, count(*) n from dispatch_order o" + where + " group by o.status"), p)
                .query((rs, i) -> out.put(OrderStatus.valueOf(rs.getString("status")), rs.getLong("n"))).list();
        return out;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Map<String, Object> p) {
        for (var e : p.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec;
    }

    /** The where clause of a query within a scope (null when the scope is empty). */
    private static String where(OrderQuery q, OrderQuery.Scope scope, Map<String, Object> p) {
        StringBuilder sql = new StringBuilder(" where o.region_path like :scope");
        p.put("scope", scope.regionLike());
        if (scope.providerId() != null) {
            sql.append(" and o.provider_id = :scopeProvider");
            p.put("scopeProvider", scope.providerId());
        }
        if (scope.caregiverUserId() != null) {
            sql.append(" and o.caregiver_user_id = :scopeCaregiver");
            p.put("scopeCaregiver", scope.caregiverUserId());
        }
        if (scope.elderIds() != null) {
            if (scope.elderIds().isEmpty()) {
                return null;
            }
            sql.append(" and o.elder_id = any(:scopeElders)");
            p.put("scopeElders", scope.elderIds().toArray(Long[]::new));
        }
        if (q.from() != null) {
            sql.append(" and o.service_date >= :from");
            p.put("from", Date.valueOf(q.from()));
        }
        if (q.to() != null) {
            sql.append(" and o.service_date <= :to");
            p.put("to", Date.valueOf(q.to()));
        }
        if (q.statuses() != null && !q.statuses().isEmpty()) {
            sql.append(" and o.status = any(:statuses)");
            p.put("statuses", q.statuses().stream().map(Enum::name).toArray(String[]::new));
        }
        if (q.priority() != null) {
            sql.append(" and o.priority = :priority");
            p.put("priority", q.priority().name());
        }
        if (q.providerId() != null) {
            sql.append(" and o.provider_id = :provider");
            p.put("provider", q.providerId());
        }
        if (q.elderId() != null) {
            sql.append(" and o.elder_id = :elder");
            p.put("elder", q.elderId());
        }
        if (q.caregiverUserId() != null) {
            sql.append(" and o.caregiver_user_id = :caregiver");
            p.put("caregiver", q.caregiverUserId());
        }
        return sql.toString();
    }

    List<Long> ordersOfPlan(long planId) {
        return jdbc.sql("select id from dispatch_order where care_plan_id = ? order by id").param(planId).query(Long.class).list();
    }

    // ------------------------------------------------------------------ mapping

    static Order map(ResultSet rs, int i) throws SQLException {
        String level = rs.getString("min_caregiver_level");
        return new Order(rs.getLong("id"), rs.getLong("elder_id"), rs.getString("elder_name"), rs.getString("region_path"), rs.getString("item_code"),
                rs.getString("item_name"), rs.getDate("service_date").toLocalDate(), rs.getTimestamp("window_start").toInstant(),
                rs.getTimestamp("window_end").toInstant(), rs.getInt("duration_minutes"), rs.getInt("quantity"), rs.getLong("unit_price_fen"),
                Qualification.valueOf(rs.getString("required_qualification")), level == null ? null : CaregiverLevel.valueOf(level),
                OrderPriority.valueOf(rs.getString("priority")), rs.getLong("provider_id"), rs.getString("provider_name"),
                OrderSource.valueOf(rs.getString("source")), longOrNull(rs, "care_plan_id"), intOrNull(rs, "plan_line"),
                OrderStatus.valueOf(rs.getString("status")), longOrNull(rs, "caregiver_user_id"), rs.getString("caregiver_name"),
                rs.getString("refusal_reason"), rs.getString("cancel_reason"), rs.getString("note"), longOrNull(rs, "booked_by_user_id"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), rs.getInt("row_version"));
    }

    private static Long longOrNull(ResultSet rs, String c) throws SQLException {
        long v = rs.getLong(c);
        return rs.wasNull() ? null : v;
    }

    private static Integer intOrNull(ResultSet rs, String c) throws SQLException {
        int v = rs.getInt(c);
        return rs.wasNull() ? null : v;
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static List<Long> ids(List<Order> orders) {
        List<Long> out = new ArrayList<>(orders.size());
        orders.forEach(o -> out.add(o.id()));
        return out;
    }
}
