package org.jujia.settlement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Settlement's own tables: billable visits, penalties, runs, lines, elder months, provider statements. */
@Repository
class SettlementStore {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;

    SettlementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    // ---------------------------------------------------------------- from the visit module

    /** A billable visit; answers false when it was already received (idempotent on the visit id). */
    boolean insertVisit(BillableVisit v) {
        LocalDate day = v.serviceAt().atZone(ZONE).toLocalDate();
        return jdbc.sql("""
                insert into settlement_visit (visit_id, order_id, elder_id, region_path, provider_id, caregiver_user_id, item_code, quantity,
                    amount_fen, service_at, service_date, service_month, verified_at, cleared, in_at, in_lat, in_lon, in_accuracy_m, in_face_score,
                    out_at, out_lat, out_lon, out_accuracy_m, out_face_score)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (visit_id) do nothing""")
                .params(v.visitId(), v.orderId(), v.elderId(), v.regionPath(), v.providerId(), v.caregiverUserId(), v.itemCode(), v.quantity(),
                        v.amountFen(), ts(v.serviceAt()), day, day.withDayOfMonth(1), ts(v.verifiedAt()), v.cleared(), ts(v.inAt()), v.inLat(),
                        v.inLon(), v.inAccuracy(), v.inFace(), ts(v.outAt()), v.outLat(), v.outLon(), v.outAccuracy(), v.outFace())
                .update() == 1;
    }

    /** The visit is confirmed fraud: no longer billable (a billed one is reversed by the next run). */
    void voidVisit(long visitId, String reason, Instant at) {
        jdbc.sql("update settlement_visit set voided_at = ?, voided_reason = ? where visit_id = ? and voided_at is null")
                .params(ts(at), reason, visitId).update();
    }

    boolean insertPenalty(long visitId, long providerId, String regionPath, long elderId, String itemCode, long amountFen, long penaltyFen,
            String note, String by, Instant at) {
        return jdbc.sql("""
                insert into settlement_penalty (visit_id, provider_id, region_path, elder_id, item_code, amount_fen, penalty_fen, note, confirmed_by, confirmed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (visit_id) do nothing""")
                .params(visitId, providerId, regionPath, elderId, itemCode, amountFen, penaltyFen, note, by, ts(at)).update() == 1;
    }

    // ---------------------------------------------------------------- runs

    private static final String RUN_COLUMNS = "id, month, region_path, region_name, status, closing, total_visits, processed, error, started_at, "
            + "finished_at, closed_at, closed_by, requested_by, amount_fen, government_fen, ltc_fen, commercial_fen, self_fen, subsidy_fen, penalty_fen, "
            + "adjustment_lines";

    Optional<SettlementRun> run(long id) {
        return jdbc.sql("select " + RUN_COLUMNS + " from settlement_run where id = ?").param(id).query(SettlementStore::mapRun).optional();
    }

    Optional<SettlementRun> run(YearMonth month, String regionPath) {
        return jdbc.sql("select " + RUN_COLUMNS + " from settlement_run where month = ? and region_path = ?").params(month.atDay(1), regionPath)
                .query(SettlementStore::mapRun).optional();
    }

    /** Runs of regions at or below {@code likePattern}, or above it (a street officer sees the city's run), newest first. */
    List<SettlementRun> runs(String scopePath, int limit) {
        return jdbc.sql("select " + RUN_COLUMNS + " from settlement_run where region_path like ? or ? like region_path || '%' order by month desc, region_path limit ?")
                .params(scopePath + "%", scopePath, limit).query(SettlementStore::mapRun).list();
    }

    long createRun(YearMonth month, String regionPath, String regionName, String by) {
        return jdbc.sql("insert into settlement_run (month, region_path, region_name, status, requested_by) values (?, ?, ?, 'QUEUED', ?) returning id")
                .params(month.atDay(1), regionPath, regionName, by).query(Long.class).single();
    }

    /** Queues a run again (preview or close); false when it is busy or closed. */
    boolean queue(long id, boolean closing, String by) {
        return jdbc.sql("""
                update settlement_run set status = 'QUEUED', closing = ?, requested_by = ?, error = null, processed = 0
                 where id = ? and status in ('PREVIEW', 'FAILED')""").params(closing, by, id).update() == 1;
    }

    void started(long id, Instant at) {
        jdbc.sql("update settlement_run set status = case when closing then 'CLOSING' else 'RUNNING' end, started_at = ?, finished_at = null, processed = 0 where id = ?")
                .params(ts(at), id).update();
    }

    void progress(long id, long total, long processed) {
        jdbc.sql("update settlement_run set total_visits = ?, processed = ? where id = ?").params(total, processed, id).update();
    }

    void failed(long id, String error, Instant at) {
        jdbc.sql("update settlement_run set status = 'FAILED', closing = false, error = ?, finished_at = ? where id = ? and status <> 'CLOSED'")
                .params(error == null ? "error" : error.length() > 1000 ? error.substring(0, 1000) : error, ts(at), id).update();
    }

    /** Runs left busy by a stopped node: failed, so they can be run again. */
    int failInterrupted(Instant at) {
        return jdbc.sql("update settlement_run set status = 'FAILED', closing = false, error = 'interrupted (node stopped); run it again', finished_at = ? "
                + "where status in ('QUEUED', 'RUNNING', 'CLOSING')").param(ts(at)).update();
    }

    List<Long> queued() {
        return jdbc.sql("select id from settlement_run where status = 'QUEUED' order by id").query(Long.class).list();
    }

    /** Fills in the run's totals from its lines, elder months and statements, and sets its status. */
    void finish(long id, RunStatus status, Instant at, String closedBy) {
        jdbc.sql("""
                update settlement_run r set status = ?, closing = false, finished_at = ?,
                    closed_at = cast(? as timestamptz), closed_by = cast(? as text),
                    amount_fen = coalesce(l.amount, 0), government_fen = coalesce(l.gov, 0), ltc_fen = coalesce(l.ltc, 0),
                    commercial_fen = coalesce(l.comm, 0), self_fen = coalesce(l.self, 0), adjustment_lines = coalesce(l.adj, 0),
                    subsidy_fen = coalesce((select sum(applied_fen) from settlement_elder_month m where m.run_id = r.id), 0),
                    penalty_fen = coalesce((select sum(penalty_fen) from settlement_provider_statement s where s.run_id = r.id), 0),
                    processed = r.total_visits
                  from (select sum(amount_fen) amount, sum(government_fen) gov, sum(ltc_fen) ltc, sum(commercial_fen) comm, sum(self_fen) self,
                               count(*) filter (where kind <> 'VISIT') adj
                          from settlement_line where run_id = ?) l
                 where r.id = ?""")
                .params(status.name(), ts(at), status == RunStatus.CLOSED ? ts(at) : null, status == RunStatus.CLOSED ? closedBy : null, id, id).update();
    }

    static SettlementRun mapRun(ResultSet rs, int n) throws SQLException {
        return new SettlementRun(rs.getLong("id"), YearMonth.from(rs.getDate("month").toLocalDate()), rs.getString("region_path"),
                rs.getString("region_name"), RunStatus.valueOf(rs.getString("status")), rs.getBoolean("closing"), rs.getLong("total_visits"),
                rs.getLong("processed"), rs.getString("error"), instant(rs, "started_at"), instant(rs, "finished_at"), instant(rs, "closed_at"),
                rs.getString("closed_by"), rs.getString("requested_by"), rs.getLong("amount_fen"), rs.getLong("government_fen"), rs.getLong("ltc_fen"),
                rs.getLong("commercial_fen"), rs.getLong("self_fen"), rs.getLong("subsidy_fen"), rs.getLong("penalty_fen"),
                rs.getLong("adjustment_lines"));
    }

    // ---------------------------------------------------------------- statements

    List<Statements.ProviderStatement> providerStatements(long runId, Long providerId) {
        return jdbc.sql("""
                select provider_id, provider_name, visits, amount_fen, government_fen, ltc_fen, commercial_fen, self_fen, penalty_fen, pool_payable_fen,
                       net_payable_fen
                  from settlement_provider_statement where run_id = ? and (cast(? as bigint) is null or provider_id = ?) order by provider_id""")
                .params(runId, providerId, providerId)
                .query((rs, n) -> new Statements.ProviderStatement(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11)))
                .list();
    }

    private static final String LINE_COLUMNS = """
            l.visit_id, l.kind, l.elder_id, l.provider_id, l.region_path, l.item_code, l.service_date, l.original_month, l.original_run_id, l.quantity,
            l.within_entitlement, l.beyond_entitlement, l.respite_government, l.unit_price_fen, l.price_version_id, l.amount_fen, l.government_fen,
            l.ltc_fen, l.commercial_fen, l.self_fen, l.basis""";

    /** Lines of a run, filtered by provider, elder, payer (fen &gt; 0) and the caller's region; at most {@code limit}. */
    List<Statements.Line> lines(long runId, Long providerId, Long elderId, String payerColumn, String likePattern, int limit) {
        String payer = payerColumn == null ? "" : " and l." + payerColumn + " <> 0";
        return jdbc.sql("select " + LINE_COLUMNS + " " + """
                 from settlement_line l
                 where l.run_id = ? and (cast(? as bigint) is null or l.provider_id = ?) and (cast(? as bigint) is null or l.elder_id = ?)
                   and l.region_path like ?""" + payer + " order by l.service_date, l.visit_id, l.kind limit ?")
                .params(runId, providerId, providerId, elderId, elderId, likePattern, limit).query(SettlementStore::mapLine).list();
    }

    static Statements.Line mapLine(ResultSet rs, int n) throws SQLException {
        java.sql.Date om = rs.getDate("original_month");
        long orun = rs.getLong("original_run_id");
        Long originalRun = rs.wasNull() ? null : orun;
        return new Statements.Line(rs.getLong("visit_id"), rs.getString("kind"), rs.getLong("elder_id"), rs.getLong("provider_id"),
                rs.getString("region_path"), rs.getString("item_code"), rs.getDate("service_date").toLocalDate(),
                om == null ? null : YearMonth.from(om.toLocalDate()), originalRun, rs.getInt("quantity"), rs.getInt("within_entitlement"),
                rs.getInt("beyond_entitlement"), rs.getInt("respite_government"), rs.getLong("unit_price_fen"), rs.getLong("price_version_id"),
                rs.getLong("amount_fen"), rs.getLong("government_fen"), rs.getLong("ltc_fen"), rs.getLong("commercial_fen"), rs.getLong("self_fen"),
                rs.getString("basis"));
    }

    List<Statements.ElderMonthRow> elderMonths(long runId, Long elderId, String likePattern, int limit) {
        return jdbc.sql("""
                select m.elder_id, m.service_month, m.self_fen, m.subsidy_kind, m.granted_fen, m.applied_fen, m.unused_fen, m.family_owes_fen
                  from settlement_elder_month m
                 where m.run_id = ? and (cast(? as bigint) is null or m.elder_id = ?)
                   and exists (select 1 from settlement_line l where l.run_id = m.run_id and l.elder_id = m.elder_id and l.region_path like ?)
                 order by m.elder_id, m.service_month limit ?""")
                .params(runId, elderId, elderId, likePattern, limit)
                .query((rs, n) -> new Statements.ElderMonthRow(rs.getLong(1), YearMonth.from(rs.getDate(2).toLocalDate()), rs.getLong(3),
                        rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)))
                .list();
    }

    /** EVV elements of billed visits, for claim files. */
    Map<Long, Statements.Evv> evv(List<Long> visitIds) {
        var out = new java.util.HashMap<Long, Statements.Evv>();
        if (visitIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select visit_id, caregiver_user_id, order_id, in_at, in_lat, in_lon, in_accuracy_m, in_face_score, out_at, out_lat, out_lon,
                       out_accuracy_m, out_face_score
                  from settlement_visit where visit_id = any(?)""").param(visitIds.toArray(Long[]::new)).query(rs -> {
            out.put(rs.getLong(1), new Statements.Evv(rs.getLong(2), rs.getLong(3), instant(rs, "in_at"), dbl(rs, "in_lat"), dbl(rs, "in_lon"),
                    dbl(rs, "in_accuracy_m"), integer(rs, "in_face_score"), instant(rs, "out_at"), dbl(rs, "out_lat"), dbl(rs, "out_lon"),
                    dbl(rs, "out_accuracy_m"), integer(rs, "out_face_score")));
        });
        return out;
    }

    /** Each visit of a provider in a month and what settlement did with it. */
    List<Statements.VisitStatus> providerVisits(long providerId, YearMonth month, int limit) {
        return jdbc.sql("""
                select v.visit_id, v.elder_id, v.item_code, v.service_date, v.amount_fen, v.voided_at, v.voided_reason, bl.run_id as billed_run_id,
                       r.month as billed_month, p.penalty_fen, l.government_fen + l.ltc_fen + l.commercial_fen as covered_fen, l.self_fen,
                       l.beyond_entitlement as beyond
                  from settlement_visit v
                  left join settlement_billing bl on bl.visit_id = v.visit_id
                  left join settlement_line l on l.run_id = bl.run_id and l.visit_id = v.visit_id and l.kind <> 'REVERSAL'
                  left join settlement_run r on r.id = bl.run_id
                  left join settlement_penalty p on p.visit_id = v.visit_id
                 where v.provider_id = ? and v.service_month = ?
                 order by v.service_at, v.visit_id limit ?""").params(providerId, month.atDay(1), limit).query((rs, n) -> {
            java.sql.Date bm = rs.getDate("billed_month");
            long billed = rs.getLong("billed_run_id");
            Long billedRun = rs.wasNull() ? null : billed;
            long pen = rs.getLong("penalty_fen");
            Long penalty = rs.wasNull() ? null : pen;
            long covered = rs.getLong("covered_fen");
            long self = rs.getLong("self_fen");
            int beyond = rs.getInt("beyond");
            String reason;
            if (rs.getTimestamp("voided_at") != null) {
                reason = "FRAUD_CONFIRMED";
            } else if (billedRun == null) {
                reason = "AWAITING_SETTLEMENT";
            } else if (beyond > 0) {
                reason = "BEYOND_ENTITLEMENT";
            } else {
                reason = "SETTLED";
            }
            return new Statements.VisitStatus(rs.getLong("visit_id"), rs.getLong("elder_id"), rs.getString("item_code"),
                    rs.getDate("service_date").toLocalDate(), rs.getLong("amount_fen"), reason, rs.getString("voided_reason"), billedRun,
                    bm == null ? null : YearMonth.from(bm.toLocalDate()), billedRun == null ? null : covered, billedRun == null ? null : self, penalty);
        }).list();
    }

    // ---------------------------------------------------------------- helpers

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Instant instant(ResultSet rs, String c) throws SQLException {
        Timestamp t = rs.getTimestamp(c);
        return t == null ? null : t.toInstant();
    }

    static Double dbl(ResultSet rs, String c) throws SQLException {
        double d = rs.getDouble(c);
        return rs.wasNull() ? null : d;
    }

    static Integer integer(ResultSet rs, String c) throws SQLException {
        int d = rs.getInt(c);
        return rs.wasNull() ? null : d;
    }
}
