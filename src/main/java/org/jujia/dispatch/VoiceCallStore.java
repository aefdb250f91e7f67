package org.jujia.dispatch;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jujia.notification.VoiceCallResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The daily call tasks, their attempts and the urgent requests made per streak ({@code voice_call_*} tables). */
@Repository
class VoiceCallStore {

    /** One elder's call task of one day. */
    record Task(long id, long elderId, LocalDate date, String elderName, String regionPath, long communityId, Long carePlanId,
            String status, int attempts, String lastOutcome, String keypad, String lastError, boolean needHelp, Instant createdAt, Instant firstAttemptAt,
            Instant lastAttemptAt, Instant answeredAt, Instant closedAt) {

        VoiceCallStreak.Day day() {
            return VoiceCallStreak.Day.valueOf(status);
        }
    }

    /** A task closed by the sweep: whose, which day, how it ended. */
    record Closed(long elderId, LocalDate date, String status) {
    }

    private final JdbcClient jdbc;

    VoiceCallStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the elder's task of the day unless it exists; true when created. */
    boolean createTask(long elderId, LocalDate date, String elderName, String regionPath, long communityId, Long carePlanId, Instant now) {
        return jdbc.sql("""
                insert into voice_call_task (elder_id, call_date, elder_name, region_path, community_id, care_plan_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (elder_id, call_date) do nothing""")
                .params(elderId, Date.valueOf(date), elderName, regionPath, communityId, carePlanId, ts(now)).update() == 1;
    }

    Set<Long> eldersWithTask(LocalDate date) {
        return new HashSet<>(jdbc.sql("select elder_id from voice_call_task where call_date = ?").param(Date.valueOf(date))
                .query(Long.class).list());
    }

    /**
     * Pending tasks of the day with fewer than {@code due} attempts, not being called right now (a call in progress
     * for longer than {@code abandonedBefore} is taken as lost with its node).
     */
    List<Task> due(LocalDate date, int due, Instant abandonedBefore) {
        return jdbc.sql("""
                select * from voice_call_task where call_date = ? and status = 'PENDING' and attempts < ?
                  and (calling_since is null or calling_since < ?) order by id""")
                .params(Date.valueOf(date), due, ts(abandonedBefore)).query(VoiceCallStore::map).list();
    }

    /** Takes the next attempt of a task (atomic: only if nobody else took it); true when this caller places the call. */
    boolean claim(long taskId, int attemptsSeen, Instant now) {
        return jdbc.sql("""
                update voice_call_task set attempts = attempts + 1, calling_since = ?, last_attempt_at = ?,
                    first_attempt_at = coalesce(first_attempt_at, ?)
                where id = ? and status = 'PENDING' and attempts = ?""")
                .params(ts(now), ts(now), ts(now), taskId, attemptsSeen).update() == 1;
    }

    void recordAttempt(long taskId, int attempt, VoiceCallResult r, Instant placedAt) {
        String error = cut(r.error());
        jdbc.sql("""
                insert into voice_call_attempt (task_id, attempt, outcome, keypad, call_id, error, placed_at, ended_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (task_id, attempt) do nothing""")
                .params(taskId, attempt, r.outcome().name(), r.keypad(), r.callId(), error, ts(placedAt),
                        ts(r.endedAt() == null ? placedAt : r.endedAt()))
                .update();
    }

    /** The elder answered: the day is done. */
    void answered(long taskId, VoiceCallResult r, boolean needHelp, Instant at) {
        jdbc.sql("""
                update voice_call_task set status = 'ANSWERED', last_outcome = 'ANSWERED', keypad = ?, need_help = ?, answered_at = ?,
                    closed_at = ?, calling_since = null where id = ?""")
                .params(r.keypad(), needHelp, ts(at), ts(at), taskId).update();
    }

    /**
     * The attempt was not answered; when it was the day's last, the task is closed: UNANSWERED if any attempt reached
     * the phone network, else FAILED. Returns the status the task has now.
     */
    String notAnswered(long taskId, VoiceCallResult r, boolean last, Instant at) {
        return jdbc.sql("""
                update voice_call_task t set last_outcome = ?, last_error = ?, calling_since = null,
                    status = case when not ? then t.status
                                  when exists (select 1 from voice_call_attempt a where a.task_id = t.id and a.outcome in ('NO_ANSWER', 'BUSY'))
                                  then 'UNANSWERED' else 'FAILED' end,
                    closed_at = case when ? then ? else t.closed_at end
                where id = ? returning status""")
                .params(r.outcome().name(), cut(r.error()), last, last, ts(at), taskId).query(String.class).single();
    }

    /**
     * Closes the tasks still pending of days before {@code today} (and of today when {@code todayToo}, after the
     * cut-off): UNANSWERED if an attempt rang, else FAILED. Calls in progress since after {@code abandonedBefore} are left.
     */
    List<Closed> closePending(LocalDate today, boolean todayToo, Instant abandonedBefore, Instant now) {
        return jdbc.sql("""
                update voice_call_task t set calling_since = null, closed_at = ?,
                    status = case when exists (select 1 from voice_call_attempt a where a.task_id = t.id and a.outcome in ('NO_ANSWER', 'BUSY'))
                                  then 'UNANSWERED' else 'FAILED' end
                where status = 'PENDING' and (call_date < ? or (? and call_date = ?))
                  and (calling_since is null or calling_since < ?)
                returning elder_id, call_date, status""")
                .params(ts(now), Date.valueOf(today), todayToo, Date.valueOf(today), ts(abandonedBefore))
                .query((rs, n) -> new Closed(rs.getLong("elder_id"), rs.getDate("call_date").toLocalDate(), rs.getString("status"))).list();
    }

    /** Marks that the elder's "need help" reply was passed on; true the first time only. */
    boolean markHelpRequested(long taskId, Instant at) {
        return jdbc.sql("update voice_call_task set help_requested_at = ? where id = ? and help_requested_at is null")
                .params(ts(at), taskId).update() == 1;
    }

    /** How each of the elder's days in [from, to] ended (days without a task are absent). */
    Map<LocalDate, VoiceCallStreak.Day> days(long elderId, LocalDate from, LocalDate to) {
        Map<LocalDate, VoiceCallStreak.Day> days = new LinkedHashMap<>();
        jdbc.sql("select call_date, status from voice_call_task where elder_id = ? and call_date between ? and ? order by call_date")
                .params(elderId, Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) -> Map.entry(rs.getDate("call_date").toLocalDate(), VoiceCallStreak.Day.valueOf(rs.getString("status"))))
                .list().forEach(e -> days.put(e.getKey(), e.getValue()));
        return days;
    }

    /** Records the urgent request of a streak unless one was made for it (same elder, same first date); true the first time. */
    boolean recordAlert(long elderId, VoiceCallStreak.Run run, Instant at) {
        return jdbc.sql("""
                insert into voice_call_alert (elder_id, first_date, last_date, days, requested_at) values (?, ?, ?, ?, ?)
                on conflict (elder_id, first_date) do nothing""")
                .params(elderId, Date.valueOf(run.first()), Date.valueOf(run.last()), run.days(), ts(at)).update() == 1;
    }

    Optional<Task> task(long elderId, LocalDate date) {
        return jdbc.sql("select * from voice_call_task where elder_id = ? and call_date = ?").params(elderId, Date.valueOf(date))
                .query(VoiceCallStore::map).optional();
    }

    /** The tasks of a day under a region path (a LIKE pattern), by community and elder name. */
    List<Task> ofDay(LocalDate date, String regionLike) {
        return jdbc.sql("select * from voice_call_task where call_date = ? and region_path like ? order by community_id, elder_name, elder_id")
                .params(Date.valueOf(date), regionLike).query(VoiceCallStore::map).list();
    }

    /** Every task of these elders in [from, to], to draw their recent days. */
    List<Task> ofElders(List<Long> elderIds, LocalDate from, LocalDate to) {
        if (elderIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from voice_call_task where elder_id = any(?) and call_date between ? and ? order by elder_id, call_date")
                .params(elderIds.toArray(Long[]::new), Date.valueOf(from), Date.valueOf(to)).query(VoiceCallStore::map).list();
    }

    /** Urgent requests made for streaks ending in [from, to] under a region path. */
    List<Map<String, Object>> alerts(String regionLike, LocalDate from, LocalDate to) {
        return new ArrayList<>(jdbc.sql("""
                select a.elder_id, a.first_date, a.last_date, a.days, a.requested_at,
                       (select t.elder_name from voice_call_task t where t.elder_id = a.elder_id order by t.call_date desc limit 1) as elder_name
                from voice_call_alert a
                where a.last_date between ? and ?
                  and exists (select 1 from voice_call_task t where t.elder_id = a.elder_id and t.call_date = a.last_date and t.region_path like ?)
                order by a.requested_at desc""")
                .params(Date.valueOf(from), Date.valueOf(to), regionLike).query().listOfRows());
    }

    private static Task map(ResultSet rs, int n) throws SQLException {
        return new Task(rs.getLong("id"), rs.getLong("elder_id"), rs.getDate("call_date").toLocalDate(), rs.getString("elder_name"),
                rs.getString("region_path"), rs.getLong("community_id"), (Long) rs.getObject("care_plan_id"), rs.getString("status"),
                rs.getInt("attempts"), rs.getString("last_outcome"), rs.getString("keypad"), rs.getString("last_error"), rs.getBoolean("need_help"),
                instant(rs, "created_at"), instant(rs, "first_attempt_at"), instant(rs, "last_attempt_at"), instant(rs, "answered_at"),
                instant(rs, "closed_at"));
    }

    private static String cut(String error) {
        return error == null ? null : error.length() > 300 ? error.substring(0, 300) : error;
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
