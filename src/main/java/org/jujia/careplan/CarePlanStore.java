package org.jujia.careplan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jujia.shared.CareColour;
import org.jujia.shared.ConflictException;
import org.jujia.shared.Jurisdiction;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Persistence of care plans, their lines and subsidies, and the signed agreements. Every read takes a jurisdiction. */
@Repository
class CarePlanStore {

    private final JdbcClient jdbc;

    CarePlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(CarePlan p) {
        try {
            long id = jdbc.sql("""
                    insert into careplan (elder_id, elder_name, region_path, version, status, provider_id, provider_name, estimate_month, colour,
                        note, created_at, created_by)
                    values (?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(p.elderId(), p.elderName(), p.regionPath(), p.version(), p.providerId(), p.providerName(), p.estimateMonth().toString(),
                            p.colour() == null ? null : p.colour().name(), p.note(), Timestamp.from(p.createdAt()), p.createdBy())
                    .query(Long.class).single();
            return id;
        } catch (DuplicateKeyException e) {
            throw new ConflictException("elderId", "elder " + p.elderId() + " already has a plan being prepared (draft or awaiting signature)");
        }
    }

    /** Writes the plan's state (optimistically: the row version must not have moved); answers false when it had. */
    boolean update(CarePlan before, CarePlan after) {
        var m = after.milestones();
        var c = after.consent();
        try {
            return jdbc.sql("""
                    update careplan set status = ?, submitted_at = ?, signed_at = ?, activated_at = ?, superseded_at = ?, superseded_by = ?,
                        ended_at = ?, end_reason = ?, end_note = ?, consent_by = ?, consent_relation = ?, consent_excess_fen = ?, consent_at = ?,
                        consent_recorded_by = ?, row_version = row_version + 1
                     where id = ? and row_version = ? and status = ?""")
                    .params(after.status().name(), ts(m.submittedAt()), ts(m.signedAt()), ts(m.activatedAt()), ts(m.supersededAt()), m.supersededBy(),
                            ts(m.endedAt()), m.endReason() == null ? null : m.endReason().name(), m.endNote(),
                            c == null ? null : c.consentedBy(), c == null ? null : c.relation(), c == null ? null : c.excessFen(),
                            c == null ? null : ts(c.recordedAt()), c == null ? null : c.recordedBy(),
                            before.id(), before.rowVersion(), before.status().name())
                    .update() == 1;
        } catch (DuplicateKeyException e) {
            throw new ConflictException("status", "elder " + after.elderId() + " already has an active plan");
        }
    }

    /** Replaces a draft's lines and subsidies (the database refuses line changes of plans that left the draft). */
    void replaceLines(long planId, List<PlanLine> lines, List<Subsidy> subsidies) {
        jdbc.sql("delete from careplan_line where plan_id = ?").param(planId).update();
        for (PlanLine l : lines) {
            jdbc.sql("""
                    insert into careplan_line (plan_id, position, item_code, item_name, package_code, unit, frequency_count, frequency_period, weekdays,
                        window_from, window_to, duration_minutes, unit_price_fen, price_version_id, monthly_quantity, within_quantity, beyond_quantity,
                        amount_fen, government_fen, ltc_fen, commercial_fen, self_fen)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(planId, l.position(), l.itemCode(), l.itemName(), l.packageCode(), l.unit(), l.frequency().count(),
                            l.frequency().period().name(), String.join(",", l.weekdays().stream().map(String::valueOf).toList()),
                            Time.valueOf(l.windowFrom()), Time.valueOf(l.windowTo()), l.durationMinutes(), l.unitPriceFen(), l.priceVersionId(),
                            l.monthlyQuantity(), l.withinQuantity(), l.beyondQuantity(), l.amountFen(), l.payers().government(),
                            l.payers().ltcInsurance(), l.payers().commercialInsurance(), l.payers().self())
                    .update();
        }
        jdbc.sql("delete from careplan_subsidy where plan_id = ?").param(planId).update();
        for (Subsidy s : subsidies) {
            jdbc.sql("insert into careplan_subsidy (plan_id, kind, fen) values (?, ?, ?)").params(planId, s.kind(), s.fen()).update();
        }
        jdbc.sql("update careplan set row_version = row_version + 1 where id = ?").param(planId).update();
    }

    Optional<CarePlan> find(long id, Jurisdiction j) {
        return jdbc.sql("select * from careplan where id = ? and region_path like ?").params(id, j.likePattern()).query(this::mapPlan).optional()
                .map(this::withLines);
    }

    /** Locks the plan row for a transition. */
    Optional<CarePlan> findForUpdate(long id, Jurisdiction j) {
        return jdbc.sql("select * from careplan where id = ? and region_path like ? for update").params(id, j.likePattern()).query(this::mapPlan)
                .optional().map(this::withLines);
    }

    Optional<CarePlan> active(long elderId) {
        return jdbc.sql("select * from careplan where elder_id = ? and status = 'ACTIVE' for update").param(elderId).query(this::mapPlan).optional()
                .map(this::withLines);
    }

    /** The active plans having a line of the item, by elder id. */
    List<CarePlan> activeWithItem(String itemCode) {
        return withLines(jdbc.sql("""
                select * from careplan p where p.status = 'ACTIVE'
                  and exists (select 1 from careplan_line l where l.plan_id = p.id and l.item_code = ?) order by p.elder_id""")
                .param(itemCode).query(this::mapPlan).list());
    }

    Optional<CarePlan> open(long elderId) {
        return jdbc.sql("select * from careplan where elder_id = ? and status in ('DRAFT', 'AWAITING_SIGNATURE')").param(elderId)
                .query(this::mapPlan).optional().map(this::withLines);
    }

    int nextVersion(long elderId) {
        return jdbc.sql("select coalesce(max(version), 0) + 1 from careplan where elder_id = ?").param(elderId).query(Integer.class).single();
    }

    /** Every version of an elder's plan, newest first (lines included). */
    List<CarePlan> history(long elderId, Jurisdiction j) {
        return withLines(jdbc.sql("select * from careplan where elder_id = ? and region_path like ? order by version desc")
                .params(elderId, j.likePattern()).query(this::mapPlan).list());
    }

    /** Active plans (with lines) by id after {@code afterId}, ascending, at most {@code limit}. */
    List<CarePlan> activeAfter(long afterId, int limit) {
        return withLines(jdbc.sql("select * from careplan where status = 'ACTIVE' and id > ? order by id limit ?").params(afterId, limit)
                .query(this::mapPlan).list());
    }

    /** Plans under the caller's node, optionally of one status and of some elders only. */
    List<CarePlan> list(Jurisdiction j, CarePlanStatus status, List<Long> elderIds, int limit) {
        StringBuilder sql = new StringBuilder("select * from careplan where region_path like ?");
        List<Object> params = new ArrayList<>(List.of(j.likePattern()));
        if (status != null) {
            sql.append(" and status = ?");
            params.add(status.name());
        }
        if (elderIds != null) {
            if (elderIds.isEmpty()) {
                return List.of();
            }
            sql.append(" and elder_id in (").append(String.join(",", elderIds.stream().map(x -> "?").toList())).append(")");
            params.addAll(elderIds);
        }
        sql.append(" order by coalesce(activated_at, submitted_at, created_at) desc, id desc limit ?");
        params.add(limit);
        return withLines(jdbc.sql(sql.toString()).params(params).query(this::mapPlan).list());
    }

    /** The plans with their lines and subsidies, read in two queries. */
    private List<CarePlan> withLines(List<CarePlan> plans) {
        if (plans.isEmpty()) {
            return plans;
        }
        Long[] ids = plans.stream().map(CarePlan::id).toArray(Long[]::new);
        Map<Long, List<PlanLine>> lines = new java.util.HashMap<>();
        jdbc.sql("select * from careplan_line where plan_id = any(?) order by plan_id, position").param(ids)
                .query((rs, i) -> lines.computeIfAbsent(rs.getLong("plan_id"), k -> new ArrayList<>()).add(mapLine(rs, i))).list();
        Map<Long, List<Subsidy>> subsidies = new java.util.HashMap<>();
        jdbc.sql("select plan_id, kind, fen from careplan_subsidy where plan_id = any(?) order by plan_id, kind").param(ids)
                .query((rs, i) -> subsidies.computeIfAbsent(rs.getLong("plan_id"), k -> new ArrayList<>())
                        .add(new Subsidy(rs.getString("kind"), rs.getLong("fen")))).list();
        return plans.stream().map(p -> new CarePlan(p.id(), p.elderId(), p.elderName(), p.regionPath(), p.version(), p.status(), p.providerId(),
                p.providerName(), p.estimateMonth(), p.colour(), p.note(), p.createdAt(), p.createdBy(), p.consent(), p.milestones(),
                lines.getOrDefault(p.id(), List.of()), subsidies.getOrDefault(p.id(), List.of()), p.rowVersion())).toList();
    }

    Map<CarePlanStatus, Long> countByStatus(Jurisdiction j) {
        Map<CarePlanStatus, Long> out = new LinkedHashMap<>();
        for (CarePlanStatus s : CarePlanStatus.values()) {
            out.put(s, 0L);
        }
        jdbc.sql("select status, count(*) n from careplan where region_path like ? group by status").param(j.likePattern())
                .query((rs, i) -> out.put(CarePlanStatus.valueOf(rs.getString("status")), rs.getLong("n"))).list();
        return out;
    }

    // ------------------------------------------------------------------ agreements

    void insertAgreement(long planId, byte[] pdf, String sm3, SignerType signerType, String signerName, SignatureMethod method, String witness,
            byte[] signaturePng, Instant at, String by) {
        try {
            jdbc.sql("""
                    insert into careplan_agreement (plan_id, pdf, sm3, byte_size, signer_type, signer_name, method, witness_name, signature_png,
                        signed_at, recorded_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(planId, pdf, sm3, pdf.length, signerType.name(), signerName, method.name(), witness, signaturePng, Timestamp.from(at), by)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("status", "plan " + planId + " is already signed");
        }
    }

    Optional<Agreement> agreement(long planId) {
        return jdbc.sql("select plan_id, sm3, byte_size, signer_type, signer_name, method, witness_name, signed_at, recorded_by from careplan_agreement where plan_id = ?")
                .param(planId)
                .query((rs, i) -> new Agreement(rs.getLong("plan_id"), rs.getString("sm3"), rs.getInt("byte_size"),
                        SignerType.valueOf(rs.getString("signer_type")), rs.getString("signer_name"), SignatureMethod.valueOf(rs.getString("method")),
                        rs.getString("witness_name"), rs.getTimestamp("signed_at").toInstant(), rs.getString("recorded_by")))
                .optional();
    }

    Optional<byte[]> agreementPdf(long planId) {
        return jdbc.sql("select pdf from careplan_agreement where plan_id = ?").param(planId).query((rs, i) -> rs.getBytes(1)).optional();
    }

    // ------------------------------------------------------------------ mapping

    private CarePlan withLines(CarePlan p) {
        List<PlanLine> lines = jdbc.sql("select * from careplan_line where plan_id = ? order by position").param(p.id()).query(CarePlanStore::mapLine)
                .list();
        List<Subsidy> subsidies = jdbc.sql("select kind, fen from careplan_subsidy where plan_id = ? order by kind").param(p.id())
                .query((rs, i) -> new Subsidy(rs.getString("kind"), rs.getLong("fen"))).list();
        return new CarePlan(p.id(), p.elderId(), p.elderName(), p.regionPath(), p.version(), p.status(), p.providerId(), p.providerName(),
                p.estimateMonth(), p.colour(), p.note(), p.createdAt(), p.createdBy(), p.consent(), p.milestones(), lines, subsidies, p.rowVersion());
    }

    private CarePlan mapPlan(ResultSet rs, int i) throws SQLException {
        ExcessConsent consent = rs.getString("consent_by") == null ? null
                : new ExcessConsent(rs.getString("consent_by"), rs.getString("consent_relation"), rs.getLong("consent_excess_fen"),
                        instant(rs, "consent_at"), rs.getString("consent_recorded_by"));
        Long supersededBy = rs.getObject("superseded_by") == null ? null : rs.getLong("superseded_by");
        var m = new CarePlan.Milestones(instant(rs, "submitted_at"), instant(rs, "signed_at"), instant(rs, "activated_at"),
                instant(rs, "superseded_at"), supersededBy, instant(rs, "ended_at"),
                rs.getString("end_reason") == null ? null : EndReason.valueOf(rs.getString("end_reason")), rs.getString("end_note"));
        return new CarePlan(rs.getLong("id"), rs.getLong("elder_id"), rs.getString("elder_name"), rs.getString("region_path"), rs.getInt("version"),
                CarePlanStatus.valueOf(rs.getString("status")), rs.getLong("provider_id"), rs.getString("provider_name"),
                YearMonth.parse(rs.getString("estimate_month")), rs.getString("colour") == null ? null : CareColour.valueOf(rs.getString("colour")),
                rs.getString("note"), instant(rs, "created_at"), rs.getString("created_by"), consent, m, List.of(), List.of(), rs.getInt("row_version"));
    }

    private static PlanLine mapLine(ResultSet rs, int i) throws SQLException {
        String wd = rs.getString("weekdays");
        List<Integer> weekdays = wd == null || wd.isBlank() ? List.of() : Arrays.stream(wd.split(",")).map(Integer::valueOf).toList();
        return new PlanLine(rs.getInt("position"), rs.getString("item_code"), rs.getString("item_name"), rs.getString("package_code"),
                rs.getString("unit"), new Frequency(rs.getInt("frequency_count"), Frequency.Period.valueOf(rs.getString("frequency_period"))),
                weekdays, rs.getTime("window_from").toLocalTime(), rs.getTime("window_to").toLocalTime(), rs.getInt("duration_minutes"),
                rs.getLong("unit_price_fen"), rs.getLong("price_version_id"), rs.getInt("monthly_quantity"), rs.getInt("within_quantity"),
                rs.getInt("beyond_quantity"), rs.getLong("amount_fen"), new Payers(rs.getLong("government_fen"), rs.getLong("ltc_fen"),
                        rs.getLong("commercial_fen"), rs.getLong("self_fen")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
