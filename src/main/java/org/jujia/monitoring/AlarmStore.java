package org.jujia.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jujia.shared.Jurisdiction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQL of alarms, their timeline, vital-sign thresholds, rule state, activity and responders. Every read of alarms is
 * scoped by a {@link Scope} (region path prefix; family users only their linked elders).
 */
@Repository
class AlarmStore {

    static final String OPEN = " a.status not in ('RESOLVED', 'FALSE_ALARM') ";

    /** The part of the city (and, for family users, the elders) a query may see. */
    record Scope(String likePattern, boolean familyOnly, Long[] elderIds) {

        static Scope of(Jurisdiction j, List<Long> linkedElders) {
            return new Scope(j.likePattern(), j.familyOnly(), linkedElders.toArray(Long[]::new));
        }

        static Scope everything() {
            return new Scope("/%", false, new Long[0]);
        }

        String where() {
            return " a.region_path like ? and (? = false or a.elder_id = any(?)) ";
        }

        List<Object> params() {
            return List.of(likePattern, familyOnly, elderIds);
        }
    }

    /** The outcome of raising: the alarm's id, whether it is new, and how many triggers it has merged. */
    record Raised(long id, boolean created, int triggerCount, AlarmStatus status) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    AlarmStore(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    // ------------------------------------------------------------------ raising and merging

    /**
     * Inserts a new alarm, or, when an open alarm with the same key exists, merges {@code count} repeated triggers
     * into it (one statement, safe against concurrent batches: the partial unique index arbitrates).
     */
    Raised raise(Trigger t, int count, Instant lastTriggered, String elderName, String regionPath, Instant now, Instant nextEscalation) {
        return jdbc.sql("""
                insert into monitoring_alarm (type, severity, status, dedup_key, elder_id, elder_name, device_id, device_serial, device_type,
                       room, region_path, summary, details, trigger_count, occurred_at, received_at, raised_at, last_triggered_at,
                       next_escalation_at, updated_at)
                values (?, ?, 'RAISED', ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?)
                on conflict (dedup_key) where status not in ('RESOLVED', 'FALSE_ALARM') do update
                   set trigger_count = monitoring_alarm.trigger_count + excluded.trigger_count,
                       last_triggered_at = greatest(monitoring_alarm.last_triggered_at, excluded.last_triggered_at),
                       details = monitoring_alarm.details || jsonb_build_object('latest', excluded.details),
                       updated_at = excluded.updated_at,
                       version = monitoring_alarm.version + 1
                returning id, (xmax = 0) as created, trigger_count, status""")
                .params(t.type().name(), t.type().severity().name(), t.dedupKey(), t.elderId(), elderName, t.deviceId(), t.serial(),
                        t.deviceType() == null ? null : t.deviceType().name(), t.room(), regionPath, truncate(t.summary(), 300),
                        json.writeValueAsString(t.details()), count, ts(t.occurredAt()), ts(t.receivedAt()), ts(now), ts(lastTriggered),
                        ts(nextEscalation), ts(now))
                .query((rs, n) -> new Raised(rs.getLong("id"), rs.getBoolean("created"), rs.getInt("trigger_count"),
                        AlarmStatus.valueOf(rs.getString("status"))))
                .single();
    }

    void addEvent(long alarmId, Instant at, String kind, String actor, String detail) {
        jdbc.sql("insert into monitoring_alarm_event (alarm_id, at, kind, actor, detail) values (?, ?, ?, ?, ?)")
                .params(alarmId, ts(at), kind, truncate(actor, 64), truncate(detail, 1000)).update();
    }

    /** Adds a step to the open alarm with this key, if there is one; answers its id. */
    Optional<Long> addEventToOpen(String dedupKey, Instant at, String kind, String actor, String detail, Instant now) {
        Optional<Long> id = jdbc.sql("""
                update monitoring_alarm a set updated_at = ?, version = a.version + 1 where a.dedup_key = ? and""" + OPEN + " returning a.id")
                .params(ts(now), dedupKey).query(Long.class).optional();
        id.ifPresent(alarmId -> addEvent(alarmId, at, kind, actor, detail));
        return id;
    }

    /** Whether an open alarm already has this key (the scheduled checks skip those). */
    List<String> openKeys(Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select dedup_key from monitoring_alarm a where a.dedup_key = any(?) and" + OPEN)
                .param(keys.toArray(String[]::new)).query(String.class).list();
    }

    // ------------------------------------------------------------------ reads

    Optional<Alarm> find(long id, Scope scope) {
        List<Object> p = new ArrayList<>();
        p.add(id);
        p.addAll(scope.params());
        return jdbc.sql("select a.* from monitoring_alarm a where a.id = ? and" + scope.where()).params(p).query(this::map).optional();
    }

    Optional<Alarm> findForUpdate(long id, Scope scope) {
        List<Object> p = new ArrayList<>();
        p.add(id);
        p.addAll(scope.params());
        return jdbc.sql("select a.* from monitoring_alarm a where a.id = ? and" + scope.where() + " for update").params(p).query(this::map)
                .optional();
    }

    /** Open alarms, most severe first, then oldest first. */
    List<Alarm> open(Scope scope, int limit) {
        List<Object> p = new ArrayList<>(scope.params());
        p.add(limit);
        return jdbc.sql("select a.* from monitoring_alarm a where" + OPEN + "and" + scope.where()
                + " order by case a.severity when 'CRITICAL' then 0 when 'HIGH' then 1 else 2 end, a.raised_at, a.id limit ?")
                .params(p).query(this::map).list();
    }

    /** Alarms of any status, newest first, optionally of one elder / status / type. */
    List<Alarm> search(Scope scope, Long elderId, AlarmStatus status, AlarmType type, Instant from, int limit, int offset) {
        StringBuilder where = new StringBuilder(scope.where());
        List<Object> p = new ArrayList<>(scope.params());
        if (elderId != null) {
            where.append(" and a.elder_id = ?");
            p.add(elderId);
        }
        if (status != null) {
            where.append(" and a.status = ?");
            p.add(status.name());
        }
        if (type != null) {
            where.append(" and a.type = ?");
            p.add(type.name());
        }
        if (from != null) {
            where.append(" and a.raised_at >= ?");
            p.add(ts(from));
        }
        p.add(limit);
        p.add(offset);
        return jdbc.sql("select a.* from monitoring_alarm a where" + where + " order by a.raised_at desc, a.id desc limit ? offset ?")
                .params(p).query(this::map).list();
    }

    /** Alarms changed since {@code since} anywhere (the live feed filters per subscriber). */
    List<Alarm> changedSince(Instant since, int limit) {
        return jdbc.sql("select a.* from monitoring_alarm a where a.updated_at >= ? order by a.updated_at limit ?").params(ts(since), limit)
                .query(this::map).list();
    }

    List<AlarmEvent> timeline(long alarmId) {
        return jdbc.sql("select * from monitoring_alarm_event where alarm_id = ? order by at, id").param(alarmId)
                .query((rs, n) -> new AlarmEvent(rs.getLong("id"), rs.getLong("alarm_id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("kind"), rs.getString("actor"), rs.getString("detail")))
                .list();
    }

    // ------------------------------------------------------------------ lifecycle updates

    void acknowledge(long id, Instant at, String by) {
        jdbc.sql("""
                update monitoring_alarm set status = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ?, next_escalation_at = null,
                       updated_at = ?, version = version + 1 where id = ?""").params(ts(at), by, ts(at), id).update();
    }

    void dispatch(long id, Instant at, String by, Responder r, double km) {
        jdbc.sql("""
                update monitoring_alarm set status = 'DISPATCHED', dispatched_at = ?, dispatched_by = ?, responder_id = ?, responder_name = ?,
                       responder_km = ?, next_escalation_at = null, updated_at = ?, version = version + 1 where id = ?""")
                .params(ts(at), by, r.userId(), r.displayName(), km, ts(at), id).update();
    }

    void close(long id, AlarmStatus status, Instant at, String by, AlarmOutcome outcome, String note) {
        jdbc.sql("""
                update monitoring_alarm set status = ?, closed_at = ?, closed_by = ?, outcome = ?, note = ?, next_escalation_at = null,
                       updated_at = ?, version = version + 1 where id = ?""")
                .params(status.name(), ts(at), by, outcome == null ? null : outcome.name(), note, ts(at), id).update();
    }

    /** An open device-fault alarm whose device was heard after its last trigger, with what the device last said. */
    record Recovery(long alarmId, AlarmType type, Instant lastTriggeredAt, Instant lastHeartbeatAt, Instant lastSeenAt, Integer batteryPct) {
    }

    /** Open DEVICE_OFFLINE / LOW_BATTERY alarms whose device has been heard since, locked ({@code skip locked}). */
    List<Recovery> recoveryCandidates(int limit) {
        return jdbc.sql("""
                select a.id, a.type, a.last_triggered_at, d.last_heartbeat_at, d.last_seen_at, d.battery_pct
                  from monitoring_alarm a join monitoring_device d on d.id = a.device_id
                 where a.status not in ('RESOLVED', 'FALSE_ALARM') and a.type in ('DEVICE_OFFLINE', 'LOW_BATTERY')
                   and d.last_seen_at > a.last_triggered_at
                 order by a.id limit ? for update of a skip locked""").param(limit)
                .query((rs, n) -> new Recovery(rs.getLong(1), AlarmType.valueOf(rs.getString(2)), inst(rs, "last_triggered_at"),
                        inst(rs, "last_heartbeat_at"), inst(rs, "last_seen_at"), (Integer) rs.getObject("battery_pct")))
                .list();
    }

    /** Moves a raised alarm to NOTIFIED (never backwards); answers whether it moved. */
    boolean markNotified(long id, Instant at) {
        return jdbc.sql("""
                update monitoring_alarm set status = case when status = 'RAISED' then 'NOTIFIED' else status end,
                       notified_at = coalesce(notified_at, ?), updated_at = ?, version = version + 1
                 where id = ? and notified_at is null""").params(ts(at), ts(at), id).update() > 0;
    }

    void touch(long id, Instant at) {
        jdbc.sql("update monitoring_alarm set updated_at = ?, version = version + 1 where id = ?").params(ts(at), id).update();
    }

    /** Unacknowledged alarms whose escalation time has come, locked (other nodes skip them). */
    List<Alarm> dueForEscalation(Instant now, int limit) {
        return jdbc.sql("""
                select a.* from monitoring_alarm a where a.next_escalation_at <= ? and a.status in ('RAISED', 'NOTIFIED')
                 order by a.next_escalation_at limit ? for update skip locked""").params(ts(now), limit).query(this::map).list();
    }

    void escalated(long id, int level, Instant next, Instant now) {
        jdbc.sql("update monitoring_alarm set escalation_level = ?, next_escalation_at = ?, updated_at = ?, version = version + 1 where id = ?")
                .params(level, ts(next), ts(now), id).update();
    }

    // ------------------------------------------------------------------ statistics

    Map<String, Object> stats(Scope scope, Instant from) {
        List<Object> p = new ArrayList<>();
        p.add(ts(from));
        p.addAll(scope.params());
        return jdbc.sql("""
                select count(*) as total,
                       count(*) filter (where a.status = 'FALSE_ALARM') as false_alarms,
                       count(*) filter (where a.status not in ('RESOLVED', 'FALSE_ALARM')) as open,
                       count(*) filter (where a.escalation_level > 0) as escalated,
                       percentile_cont(0.5) within group (order by extract(epoch from a.acknowledged_at - a.raised_at))
                           filter (where a.acknowledged_at is not null) as ack_p50,
                       percentile_cont(0.9) within group (order by extract(epoch from a.acknowledged_at - a.raised_at))
                           filter (where a.acknowledged_at is not null) as ack_p90,
                       percentile_cont(0.5) within group (order by extract(epoch from a.dispatched_at - a.raised_at))
                           filter (where a.dispatched_at is not null) as dispatch_p50,
                       percentile_cont(0.9) within group (order by extract(epoch from a.dispatched_at - a.raised_at))
                           filter (where a.dispatched_at is not null) as dispatch_p90,
                       percentile_cont(0.5) within group (order by extract(epoch from a.notified_at - a.received_at))
                           filter (where a.notified_at is not null) as notify_p50,
                       percentile_cont(0.9) within group (order by extract(epoch from a.notified_at - a.received_at))
                           filter (where a.notified_at is not null) as notify_p90
                  from monitoring_alarm a where a.raised_at >= ? and""" + scope.where()).params(p).query().singleRow();
    }

    List<Map<String, Object>> perType(Scope scope, Instant from) {
        List<Object> p = new ArrayList<>();
        p.add(ts(from));
        p.addAll(scope.params());
        return jdbc.sql("""
                select a.type, a.severity, count(*) as alarms, count(*) filter (where a.status = 'FALSE_ALARM') as false_alarms,
                       percentile_cont(0.5) within group (order by extract(epoch from a.acknowledged_at - a.raised_at))
                           filter (where a.acknowledged_at is not null) as ack_p50
                  from monitoring_alarm a where a.raised_at >= ? and""" + scope.where() + " group by a.type, a.severity order by alarms desc")
                .params(p).query().listOfRows();
    }

    // ------------------------------------------------------------------ thresholds

    Map<Long, VitalThresholds> thresholds(Collection<Long> elderIds) {
        Map<Long, VitalThresholds> out = new HashMap<>();
        if (elderIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select * from monitoring_vital_threshold where elder_id = any(?)").param(elderIds.toArray(Long[]::new)).query(rs -> {
            out.put(rs.getLong("elder_id"), thresholds(rs));
        });
        return out;
    }

    Optional<VitalThresholds> thresholds(long elderId) {
        return jdbc.sql("select * from monitoring_vital_threshold where elder_id = ?").param(elderId).query((rs, n) -> thresholds(rs)).optional();
    }

    void saveThresholds(long elderId, VitalThresholds t, String by, Instant at) {
        jdbc.sql("""
                insert into monitoring_vital_threshold (elder_id, heart_rate_min, heart_rate_max, breathing_rate_min, breathing_rate_max,
                       spo2_min, systolic_min, systolic_max, diastolic_min, diastolic_max, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (elder_id) do update set heart_rate_min = excluded.heart_rate_min, heart_rate_max = excluded.heart_rate_max,
                       breathing_rate_min = excluded.breathing_rate_min, breathing_rate_max = excluded.breathing_rate_max,
                       spo2_min = excluded.spo2_min, systolic_min = excluded.systolic_min, systolic_max = excluded.systolic_max,
                       diastolic_min = excluded.diastolic_min, diastolic_max = excluded.diastolic_max, updated_at = excluded.updated_at,
                       updated_by = excluded.updated_by, version = monitoring_vital_threshold.version + 1""")
                .params(elderId, t.heartRateMin(), t.heartRateMax(), t.breathingRateMin(), t.breathingRateMax(), t.spo2Min(), t.systolicMin(),
                        t.systolicMax(), t.diastolicMin(), t.diastolicMax(), ts(at), by)
                .update();
    }

    private static VitalThresholds thresholds(ResultSet rs) throws SQLException {
        return new VitalThresholds(rs.getInt("heart_rate_min"), rs.getInt("heart_rate_max"), rs.getInt("breathing_rate_min"),
                rs.getInt("breathing_rate_max"), rs.getInt("spo2_min"), rs.getInt("systolic_min"), rs.getInt("systolic_max"),
                rs.getInt("diastolic_min"), rs.getInt("diastolic_max"));
    }

    // ------------------------------------------------------------------ rule state

    record StateKey(long deviceId, String rule) implements Comparable<StateKey> {
        @Override
        public int compareTo(StateKey o) {
            int c = Long.compare(deviceId, o.deviceId);
            return c != 0 ? c : rule.compareTo(o.rule);
        }
    }

    /**
     * The states of these (device, rule) pairs, created when missing and locked for the rest of the transaction in
     * key order (so that concurrent batches touching the same mattress serialise instead of losing counts).
     */
    Map<StateKey, RuleState> lockStates(Collection<StateKey> keys, Instant now) {
        Map<StateKey, RuleState> out = new HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        List<StateKey> sorted = keys.stream().distinct().sorted().toList();
        Long[] devices = sorted.stream().map(StateKey::deviceId).toArray(Long[]::new);
        String[] rules = sorted.stream().map(StateKey::rule).toArray(String[]::new);
        jdbc.sql("""
                insert into monitoring_rule_state (device_id, rule, updated_at)
                select d, r, ? from unnest(?::bigint[], ?::varchar[]) as k(d, r) order by d, r
                on conflict do nothing""").params(ts(now), devices, rules).update();
        jdbc.sql("""
                select s.* from monitoring_rule_state s join unnest(?::bigint[], ?::varchar[]) as k(d, r) on s.device_id = k.d and s.rule = k.r
                 order by s.device_id, s.rule for update of s""").params(devices, rules).query(rs -> {
            Timestamp since = rs.getTimestamp("since");
            out.put(new StateKey(rs.getLong("device_id"), rs.getString("rule")),
                    new RuleState(rs.getInt("counter"), since == null ? null : since.toInstant(), rs.getBoolean("fired")));
        });
        return out;
    }

    void saveStates(Map<StateKey, RuleState> states, Instant now) {
        List<Object[]> rows = new ArrayList<>();
        states.forEach((k, s) -> {
            if (s.dirty()) {
                rows.add(new Object[] { s.counter(), ts(s.since()), s.fired(), ts(now), k.deviceId(), k.rule() });
            }
        });
        if (!rows.isEmpty()) {
            template.batchUpdate("update monitoring_rule_state set counter = ?, since = ?, fired = ?, updated_at = ? where device_id = ? and rule = ?",
                    rows);
        }
    }

    /** Out-of-bed states that have not fired, with their device's facts (the scheduled check), locked. */
    List<Map<String, Object>> pendingAbsences(Instant sinceBefore, int limit) {
        return jdbc.sql("""
                select s.device_id, s.since, s.counter, s.fired from monitoring_rule_state s
                 where s.rule = 'OUT_OF_BED' and s.since is not null and not s.fired and s.since <= ?
                 order by s.since limit ? for update skip locked""").params(ts(sinceBefore), limit).query().listOfRows();
    }

    void markFired(long deviceId, String rule, Instant now) {
        jdbc.sql("update monitoring_rule_state set fired = true, updated_at = ? where device_id = ? and rule = ?").params(ts(now), deviceId, rule)
                .update();
    }

    // ------------------------------------------------------------------ activity (inactivity rule)

    void touchActivity(Map<Long, Instant> lastByElder) {
        if (lastByElder.isEmpty()) {
            return;
        }
        List<Map.Entry<Long, Instant>> entries = lastByElder.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
        jdbc.sql("""
                insert into monitoring_activity (elder_id, last_activity_at)
                select e, t from unnest(?::bigint[], ?::timestamptz[]) as k(e, t)
                on conflict (elder_id) do update set last_activity_at = greatest(monitoring_activity.last_activity_at, excluded.last_activity_at)""")
                .params(entries.stream().map(Map.Entry::getKey).toArray(Long[]::new),
                        entries.stream().map(e -> ts(e.getValue())).toArray(Timestamp[]::new))
                .update();
    }

    /** Elders whose last activity is at or before the cutoff and who have no open inactivity alarm. */
    List<Map<String, Object>> inactiveElders(Instant cutoff, int limit) {
        return jdbc.sql("""
                select x.elder_id, x.last_activity_at from monitoring_activity x
                 where x.last_activity_at <= ?
                   and not exists (select 1 from monitoring_alarm a where a.dedup_key = 'INACTIVITY:elder:' || x.elder_id and""" + OPEN + """
                )
                 order by x.last_activity_at limit ?""").params(ts(cutoff), limit).query().listOfRows();
    }

    // ------------------------------------------------------------------ devices (the ingest's registry)

    /** Active devices whose last heartbeat is at or before the cutoff and who have no open offline alarm. */
    List<Map<String, Object>> silentDevices(Instant cutoff, int limit) {
        return jdbc.sql("""
                select d.id, d.serial, d.type, d.elder_id, d.room, d.last_heartbeat_at from monitoring_device d
                 where d.status = 'ACTIVE' and d.last_heartbeat_at <= ?
                   and not exists (select 1 from monitoring_alarm a where a.dedup_key = 'DEVICE_OFFLINE:device:' || d.id and""" + OPEN + """
                )
                 order by d.last_heartbeat_at limit ?""").params(ts(cutoff), limit).query().listOfRows();
    }

    Optional<Map<String, Object>> device(long deviceId) {
        return jdbc.sql("select id, serial, type, elder_id, room, region_path from monitoring_device where id = ?").param(deviceId).query()
                .listOfRows().stream().findFirst();
    }

    /** The device's recent messages (newest first; by receipt time: the telemetry's partition key and index). */
    List<Map<String, Object>> deviceHistory(long deviceId, Instant from, int limit) {
        return jdbc.sql("""
                select kind, event, "values"::text as payload, occurred_at, received_at from monitoring_telemetry
                 where device_id = ? and received_at >= ? order by received_at desc limit ?""").params(deviceId, ts(from), limit).query()
                .listOfRows();
    }

    /** The elder's recent vital-sign readings (oldest first) for the chart. */
    List<Map<String, Object>> readings(long elderId, Instant from, int limit) {
        return jdbc.sql("""
                select occurred_at, (v->>'heartRate')::numeric as heart_rate, (v->>'breathingRate')::numeric as breathing_rate,
                       (v->>'spo2')::numeric as spo2, (v->>'systolic')::numeric as systolic, (v->>'diastolic')::numeric as diastolic
                  from (select occurred_at, "values" as v from monitoring_telemetry where elder_id = ? and received_at >= ? and kind = 'TELEMETRY'
                         order by received_at desc limit ?) t order by occurred_at""").params(elderId, ts(from), limit).query().listOfRows();
    }

    // ------------------------------------------------------------------ responders

    List<Responder> responders(String likePattern) {
        return jdbc.sql("""
                select r.*, (select count(*) from monitoring_alarm a where a.responder_id = r.user_id and a.status = 'DISPATCHED') as busy
                  from monitoring_responder r where r.region_path like ? order by r.user_id""").param(likePattern).query(AlarmStore::responder)
                .list();
    }

    Optional<Responder> responder(long userId) {
        return jdbc.sql("""
                select r.*, (select count(*) from monitoring_alarm a where a.responder_id = r.user_id and a.status = 'DISPATCHED') as busy
                  from monitoring_responder r where r.user_id = ?""").param(userId).query(AlarmStore::responder).optional();
    }

    void saveResponder(Responder r) {
        jdbc.sql("""
                insert into monitoring_responder (user_id, username, display_name, kind, region_path, latitude, longitude, on_duty, position_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (user_id) do update set display_name = excluded.display_name, kind = excluded.kind, region_path = excluded.region_path,
                       latitude = excluded.latitude, longitude = excluded.longitude, on_duty = excluded.on_duty, position_at = excluded.position_at""")
                .params(r.userId(), r.username(), r.displayName(), r.kind().name(), r.regionPath(), r.latitude(), r.longitude(), r.onDuty(),
                        ts(r.positionAt()))
                .update();
    }

    long countResponders() {
        return jdbc.sql("select count(*) from monitoring_responder").query(Long.class).single();
    }

    private static Responder responder(ResultSet rs, int n) throws SQLException {
        return new Responder(rs.getLong("user_id"), rs.getString("username"), rs.getString("display_name"),
                Responder.Kind.valueOf(rs.getString("kind")), rs.getString("region_path"), rs.getDouble("latitude"), rs.getDouble("longitude"),
                rs.getBoolean("on_duty"), rs.getTimestamp("position_at").toInstant(), rs.getLong("busy") > 0);
    }

    // ------------------------------------------------------------------ mapping

    @SuppressWarnings("unchecked")
    private Alarm map(ResultSet rs, int n) throws SQLException {
        String details = rs.getString("details");
        String outcome = rs.getString("outcome");
        return new Alarm(rs.getLong("id"), AlarmType.valueOf(rs.getString("type")), AlarmSeverity.valueOf(rs.getString("severity")),
                AlarmStatus.valueOf(rs.getString("status")), (Long) rs.getObject("elder_id"), rs.getString("elder_name"),
                (Long) rs.getObject("device_id"), rs.getString("device_serial"), rs.getString("device_type"), rs.getString("room"),
                rs.getString("region_path"), rs.getString("summary"), details == null ? Map.of() : json.readValue(details, Map.class),
                rs.getInt("trigger_count"), inst(rs, "occurred_at"), inst(rs, "received_at"), inst(rs, "raised_at"),
                inst(rs, "last_triggered_at"), inst(rs, "notified_at"), inst(rs, "acknowledged_at"), rs.getString("acknowledged_by"),
                inst(rs, "dispatched_at"), rs.getString("dispatched_by"), (Long) rs.getObject("responder_id"), rs.getString("responder_name"),
                (Double) rs.getObject("responder_km"), inst(rs, "closed_at"), rs.getString("closed_by"),
                outcome == null ? null : AlarmOutcome.valueOf(outcome), rs.getString("note"), rs.getInt("escalation_level"),
                inst(rs, "next_escalation_at"), inst(rs, "updated_at"), rs.getInt("version"));
    }

    private static Instant inst(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** Alarms of these elders raised in [from, to), and how many of them were acknowledged within {@code limit} (oversight). */
    AlarmCentre.AlarmHandling handling(Long[] elderIds, Instant from, Instant to, java.time.Duration limit) {
        return jdbc.sql("""
                select count(*) as alarms,
                       count(*) filter (where acknowledged_at is not null and acknowledged_at <= raised_at + make_interval(secs => ?)) as in_time
                  from monitoring_alarm where elder_id = any(?) and raised_at >= ? and raised_at < ?
                """).params(limit.toMillis() / 1000.0, elderIds, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new AlarmCentre.AlarmHandling(rs.getLong("alarms"), rs.getLong("in_time"))).single();
    }
}
