package org.jujia.dispatch;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jujia.shared.ConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Planning jobs in {@code dispatch_planning_job} (V23); at most one QUEUED or SOLVING per provider and day (partial unique index). */
@Repository
class PlanningJobStore {

    private static final String SELECT = "select * from dispatch_planning_job";
    private static final TypeReference<List<PlanningJob.Progress>> PROGRESS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PlanningJobStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A new QUEUED job; a 409 problem when the provider's day is already being planned. */
    long insert(long providerId, LocalDate day, PlanningJob.Kind kind, int limitSeconds, List<Long> unavailable, String by, Instant now) {
        try {
            return jdbc.sql("""
                    insert into dispatch_planning_job (provider_id, service_date, kind, status, time_limit_seconds, unavailable_caregivers,
                                                       requested_by, requested_at)
                    values (?, ?, ?, 'QUEUED', ?, ?, ?, ?) returning id""")
                    .params(providerId, day, kind.name(), limitSeconds, unavailable.toArray(Long[]::new), by, ts(now)).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("date", "the day " + day + " is already being planned; wait for that job or cancel it");
        }
    }

    Optional<PlanningJob> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::map).optional();
    }

    /** The provider's jobs, newest first; {@code day} null for all days. */
    List<PlanningJob> list(long providerId, LocalDate day, int limit) {
        if (day == null) {
            return jdbc.sql(SELECT + " where provider_id = ? order by id desc limit ?").params(providerId, limit).query(this::map).list();
        }
        return jdbc.sql(SELECT + " where provider_id = ? and service_date = ? order by id desc limit ?").params(providerId, day, limit)
                .query(this::map).list();
    }

    /** QUEUED → SOLVING; false when the job is no longer queued (cancelled meanwhile). */
    boolean start(long id, Instant now) {
        return jdbc.sql("update dispatch_planning_job set status = 'SOLVING', started_at = ? where id = ? and status = 'QUEUED'")
                .params(ts(now), id).update() == 1;
    }

    /** Appends new best scores and records the latest as the best (while solving). */
    void progress(long id, List<PlanningJob.Progress> snapshots) {
        if (snapshots.isEmpty()) {
            return;
        }
        PlanningJob.Progress last = snapshots.getLast();
        jdbc.sql("""
                update dispatch_planning_job set progress = progress || cast(? as jsonb), best_hard = ?, best_medium = ?, best_soft = ?
                 where id = ? and status = 'SOLVING'""")
                .params(json.writeValueAsString(snapshots), last.hard(), last.medium(), last.soft(), id).update();
    }

    /** SOLVING → DONE with the plan found. */
    boolean done(long id, PlanningJob.PlanView result, long hard, long medium, long soft, Instant now) {
        return jdbc.sql("""
                update dispatch_planning_job set status = 'DONE', result = cast(? as jsonb), best_hard = ?, best_medium = ?, best_soft = ?,
                       ended_at = ? where id = ? and status = 'SOLVING'""")
                .params(json.writeValueAsString(result), hard, medium, soft, ts(now), id).update() == 1;
    }

    /** An active job ends (FAILED or CANCELLED) with a reason; false when it was not active. */
    boolean end(long id, PlanningJob.Status status, String error, Instant now) {
        return jdbc.sql("""
                update dispatch_planning_job set status = ?, error = ?, ended_at = ? where id = ? and status in ('QUEUED', 'SOLVING')""")
                .params(status.name(), error == null ? null : error.substring(0, Math.min(1000, error.length())), ts(now), id).update() == 1;
    }

    /** A finished plan is discarded (DONE → CANCELLED). */
    boolean discard(long id) {
        return jdbc.sql("update dispatch_planning_job set status = 'CANCELLED' where id = ? and status = 'DONE'").param(id).update() == 1;
    }

    /** DONE → APPLIED, locked against a concurrent apply (the row is locked until the transaction ends). */
    boolean applied(long id, String by, Instant now) {
        return jdbc.sql("update dispatch_planning_job set status = 'APPLIED', applied_by = ?, applied_at = ? where id = ? and status = 'DONE'")
                .params(by, ts(now), id).update() == 1;
    }

    /** Jobs left QUEUED or SOLVING by a previous run of the platform: FAILED. */
    int failInterrupted(Instant now) {
        return jdbc.sql("""
                update dispatch_planning_job set status = 'FAILED', error = 'interrupted: the platform restarted', ended_at = ?
                 where status in ('QUEUED', 'SOLVING')""").param(ts(now)).update();
    }

    /**
     * The elders' usual caregivers: the caregiver of each elder's most recent order assigned before {@code before}
     * (continuity of care).
     */
    Map<Long, Long> usualCaregivers(List<Long> elderIds, Instant before) {
        Map<Long, Long> out = new HashMap<>();
        if (elderIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select distinct on (elder_id) elder_id, caregiver_user_id from dispatch_order
                 where elder_id = any(?) and status = 'ASSIGNED' and window_start < ?
                 order by elder_id, window_start desc, id desc""")
                .params(elderIds.toArray(Long[]::new), ts(before))
                .query((rs, i) -> out.put(rs.getLong("elder_id"), rs.getLong("caregiver_user_id"))).list();
        return out;
    }

    private PlanningJob map(ResultSet rs, int row) throws SQLException {
        Array a = rs.getArray("unavailable_caregivers");
        List<Long> unavailable = a == null ? List.of() : new ArrayList<>(Arrays.asList((Long[]) a.getArray()));
        String result = rs.getString("result");
        return new PlanningJob(rs.getLong("id"), rs.getLong("provider_id"), rs.getObject("service_date", LocalDate.class),
                PlanningJob.Kind.valueOf(rs.getString("kind")), PlanningJob.Status.valueOf(rs.getString("status")), rs.getInt("time_limit_seconds"),
                unavailable, rs.getString("requested_by"), instant(rs, "requested_at"), instant(rs, "started_at"), instant(rs, "ended_at"),
                (Long) rs.getObject("best_hard"), (Long) rs.getObject("best_medium"), (Long) rs.getObject("best_soft"),
                json.readValue(rs.getString("progress"), PROGRESS), result == null ? null : json.readValue(result, PlanningJob.PlanView.class),
                rs.getString("error"), rs.getString("applied_by"), instant(rs, "applied_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}
