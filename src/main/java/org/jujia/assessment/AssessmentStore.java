package org.jujia.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jujia.privacy.FieldCipher;
import org.jujia.shared.CareColour;
import org.jujia.shared.Jurisdiction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Persistence of assessments and tasks. Item-level answers are health data and are stored SM4-sealed; the computed
 * care level (colour, flags, totals) stays in the clear for dispatch, subsidies and statistics. Every query takes
 * the caller's jurisdiction.
 */
@Repository
class AssessmentStore {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final JsonMapper json;

    AssessmentStore(JdbcClient jdbc, FieldCipher cipher, JsonMapper json) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.json = json;
    }

    long insert(Assessment a) {
        return jdbc.sql("""
                insert into assessment (elder_id, region_path, status, reason, corrects_id, assessor_id, assessor_name, assessed_at, place,
                    answers_enc, results, scorer_version, colour, flags, barthel_total, gbt_total)
                values (?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(a.elderId(), a.regionPath(), a.reason().name(), a.correctsId(), a.assessorId(), a.assessorName(),
                        Timestamp.from(a.assessedAt()), a.place(), cipher.seal(json.writeValueAsString(a.answers())),
                        json.writeValueAsString(a.results()), a.scorerVersion(), a.colour().name(), String.join(",", a.flags()),
                        a.barthelTotal(), a.gbtTotal())
                .query(Long.class).single();
    }

    boolean updateDraft(Assessment a) {
        return jdbc.sql("""
                update assessment set place = ?, assessed_at = ?, answers_enc = ?, results = ?, scorer_version = ?, colour = ?, flags = ?,
                       barthel_total = ?, gbt_total = ?, version = version + 1
                 where id = ? and status = 'DRAFT' and version = ?""")
                .params(a.place(), Timestamp.from(a.assessedAt()), cipher.seal(json.writeValueAsString(a.answers())),
                        json.writeValueAsString(a.results()), a.scorerVersion(), a.colour().name(), String.join(",", a.flags()),
                        a.barthelTotal(), a.gbtTotal(), a.id(), a.version())
                .update() == 1;
    }

    boolean sign(long id, Instant at, String signature) {
        return jdbc.sql("update assessment set status = 'SIGNED', signed_at = ?, signature = ?, version = version + 1 where id = ? and status = 'DRAFT'")
                .params(Timestamp.from(at), signature, id).update() == 1;
    }

    Optional<Assessment> find(long id, Jurisdiction j) {
        return jdbc.sql("select * from assessment where id = ? and region_path like ?").params(id, j.likePattern())
                .query(this::map).optional();
    }

    List<Assessment> history(long elderId) {
        return jdbc.sql("select * from assessment where elder_id = ? order by coalesce(signed_at, created_at) desc, id desc").param(elderId)
                .query(this::map).list();
    }

    /** The latest signed assessment of an elder before the given one, if any. */
    Optional<Assessment> previousSigned(long elderId, long exceptId) {
        return jdbc.sql("select * from assessment where elder_id = ? and status = 'SIGNED' and id <> ? order by signed_at desc, id desc limit 1")
                .params(elderId, exceptId).query(this::map).optional();
    }

    // ------------------------------------------------------------------ tasks

    long insertTask(AssessmentTask.Kind kind, org.jujia.elder.ElderRef elder, String reason, String detail, Long assessmentId,
            Instant createdAt, Instant dueAt) {
        return jdbc.sql("""
                insert into assessment_task (kind, elder_id, elder_name, region_path, street_id, reason, detail, assessment_id, created_at, due_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(kind.name(), elder.id(), elder.name(), elder.regionPath(), elder.streetId(), reason, detail, assessmentId,
                        Timestamp.from(createdAt), Timestamp.from(dueAt))
                .query(Long.class).single();
    }

    /** Opens a reassessment task unless one is open already; answers the new task's id. */
    Optional<Long> openReassessment(org.jujia.elder.ElderRef elder, String reason, String detail, Instant createdAt, Instant dueAt) {
        return jdbc.sql("""
                insert into assessment_task (kind, elder_id, elder_name, region_path, street_id, reason, detail, created_at, due_at)
                values ('REASSESSMENT', ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (elder_id) where kind = 'REASSESSMENT' and status = 'OPEN' do nothing returning id""")
                .params(elder.id(), elder.name(), elder.regionPath(), elder.streetId(), reason, detail, Timestamp.from(createdAt), Timestamp.from(dueAt))
                .query(Long.class).optional();
    }

    /**
     * Opens reassessment tasks for a page of elders in one statement, skipping those with one open already; answers
     * the new tasks as (task id, elder id) pairs.
     */
    List<long[]> openReassessments(List<org.jujia.elder.ElderRef> elders, String reason, String detail, Instant createdAt, Instant dueAt) {
        if (elders.isEmpty()) {
            return List.of();
        }
        int n = elders.size();
        Long[] ids = new Long[n];
        String[] names = new String[n];
        String[] paths = new String[n];
        Long[] streets = new Long[n];
        for (int i = 0; i < n; i++) {
            var e = elders.get(i);
            ids[i] = e.id();
            names[i] = e.name();
            paths[i] = e.regionPath();
            streets[i] = e.streetId();
        }
        return jdbc.sql("""
                insert into assessment_task (kind, elder_id, elder_name, region_path, street_id, reason, detail, created_at, due_at)
                select 'REASSESSMENT', u.elder_id, u.elder_name, u.region_path, u.street_id, :reason, :detail, :created, :due
                from unnest(:ids::bigint[], :names::varchar[], :paths::varchar[], :streets::bigint[])
                     as u (elder_id, elder_name, region_path, street_id)
                on conflict (elder_id) where kind = 'REASSESSMENT' and status = 'OPEN' do nothing
                returning id, elder_id""")
                .param("reason", reason).param("detail", detail)
                .param("created", Timestamp.from(createdAt)).param("due", Timestamp.from(dueAt))
                .param("ids", ids).param("names", names).param("paths", paths).param("streets", streets)
                .query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) }).list();
    }

    int closeOpen(AssessmentTask.Kind kind, long elderId, Instant at, String by, String note) {
        return jdbc.sql("update assessment_task set status = 'DONE', done_at = ?, done_by = ?, note = ? where kind = ? and elder_id = ? and status = 'OPEN'")
                .params(Timestamp.from(at), by, note, kind.name(), elderId).update();
    }

    boolean complete(long taskId, Instant at, String by, String note, Jurisdiction j) {
        return jdbc.sql("update assessment_task set status = 'DONE', done_at = ?, done_by = ?, note = ? where id = ? and status = 'OPEN' and region_path like ?")
                .params(Timestamp.from(at), by, note, taskId, j.likePattern()).update() == 1;
    }

    Optional<AssessmentTask> task(long id, Jurisdiction j) {
        return jdbc.sql(TASK_SELECT + " where t.id = ? and t.region_path like ?").params(id, j.likePattern()).query(AssessmentStore::mapTask).optional();
    }

    Optional<AssessmentTask> openTask(AssessmentTask.Kind kind, long elderId) {
        return jdbc.sql(TASK_SELECT + " where t.kind = ? and t.elder_id = ? and t.status = 'OPEN' order by t.id limit 1")
                .params(kind.name(), elderId).query(AssessmentStore::mapTask).optional();
    }

    List<AssessmentTask> tasks(Jurisdiction j, AssessmentTask.Kind kind, AssessmentTask.Status status, boolean overdueOnly, Instant now, int limit) {
        StringBuilder where = new StringBuilder(" where t.region_path like ?");
        List<Object> params = new ArrayList<>(List.of(j.likePattern()));
        if (kind != null) {
            where.append(" and t.kind = ?");
            params.add(kind.name());
        }
        if (status != null) {
            where.append(" and t.status = ?");
            params.add(status.name());
        }
        if (overdueOnly) {
            where.append(" and t.status = 'OPEN' and t.due_at < ?");
            params.add(Timestamp.from(now));
        }
        params.add(limit);
        return jdbc.sql(TASK_SELECT + where + " order by t.status desc, t.due_at limit ?").params(params).query(AssessmentStore::mapTask).list();
    }

    /** Marks open remake tasks past their deadline as escalated (to the district); answers them. */
    List<AssessmentTask> escalateOverdue(Instant now) {
        List<Long> ids = jdbc.sql("""
                update assessment_task set escalated_at = ? where kind = 'CARE_PLAN_REMAKE' and status = 'OPEN' and due_at < ? and escalated_at is null
                returning id""").params(Timestamp.from(now), Timestamp.from(now)).query(Long.class).list();
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(TASK_SELECT + " where t.id = any(?)").param(ids.toArray(Long[]::new)).query(AssessmentStore::mapTask).list();
    }

    private static final String TASK_SELECT = "select t.* from assessment_task t";

    private Assessment map(ResultSet rs, int n) throws SQLException {
        Timestamp signed = rs.getTimestamp("signed_at");
        String flags = rs.getString("flags");
        long corrects = rs.getLong("corrects_id");
        Long correctsId = rs.wasNull() ? null : corrects;
        int gbt = rs.getInt("gbt_total");
        Integer gbtTotal = rs.wasNull() ? null : gbt;
        return new Assessment(rs.getLong("id"), rs.getLong("elder_id"), rs.getString("region_path"), Assessment.Status.valueOf(rs.getString("status")),
                AssessmentReason.valueOf(rs.getString("reason")), correctsId, rs.getLong("assessor_id"), rs.getString("assessor_name"),
                rs.getTimestamp("assessed_at").toInstant(), rs.getString("place"), json.readValue(cipher.open(rs.getString("answers_enc")), MAP),
                json.readValue(rs.getString("results"), MAP), rs.getString("scorer_version"), CareColour.valueOf(rs.getString("colour")),
                flags == null || flags.isEmpty() ? List.of() : List.of(flags.split(",")), rs.getInt("barthel_total"), gbtTotal,
                signed == null ? null : signed.toInstant(), rs.getString("signature"), rs.getInt("version"));
    }

    private static AssessmentTask mapTask(ResultSet rs, int n) throws SQLException {
        long aid = rs.getLong("assessment_id");
        Long assessmentId = rs.wasNull() ? null : aid;
        Timestamp esc = rs.getTimestamp("escalated_at");
        Timestamp done = rs.getTimestamp("done_at");
        return new AssessmentTask(rs.getLong("id"), AssessmentTask.Kind.valueOf(rs.getString("kind")), rs.getLong("elder_id"),
                rs.getString("elder_name"), rs.getString("region_path"), rs.getLong("street_id"), rs.getString("reason"), rs.getString("detail"),
                assessmentId, rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("due_at").toInstant(),
                AssessmentTask.Status.valueOf(rs.getString("status")), esc == null ? null : esc.toInstant(), done == null ? null : done.toInstant(),
                rs.getString("done_by"), rs.getString("note"));
    }
}
