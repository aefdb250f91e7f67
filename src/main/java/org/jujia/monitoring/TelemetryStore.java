package org.jujia.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Set-based SQL of the ingest: one statement per step for a whole batch. */
@Repository
class TelemetryStore {

    record Key(long deviceId, String messageId) {
    }

    record Reject(Instant receivedAt, String source, String topic, String serial, String reason, String detail, String payload) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TelemetryStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records the message ids; answers those not seen before. */
    Set<Key> markSeen(List<Key> keys, Instant now) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        Long[] ids = new Long[keys.size()];
        String[] msgs = new String[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            ids[i] = keys.get(i).deviceId();
            msgs[i] = keys.get(i).messageId();
        }
        List<Key> fresh = jdbc.sql("""
                insert into monitoring_message_seen (device_id, message_id, seen_at)
                select d, m, ?::timestamptz from unnest(?::bigint[], ?::varchar[]) as t(d, m)
                on conflict do nothing returning device_id, message_id""")
                .params(now.toString(), ids, msgs).query((rs, n) -> new Key(rs.getLong(1), rs.getString(2))).list();
        return new HashSet<>(fresh);
    }

    void insertTelemetry(List<DeviceSignal> signals) {
        if (signals.isEmpty()) {
            return;
        }
        int n = signals.size();
        Long[] device = new Long[n];
        Long[] elder = new Long[n];
        String[] kind = new String[n];
        String[] event = new String[n];
        String[] values = new String[n];
        String[] occurred = new String[n];
        String[] received = new String[n];
        String[] msg = new String[n];
        for (int i = 0; i < n; i++) {
            DeviceSignal s = signals.get(i);
            device[i] = s.deviceId();
            elder[i] = s.elderId();
            kind[i] = s.kind().name();
            event[i] = s.event();
            values[i] = json.writeValueAsString(s.values());
            occurred[i] = s.occurredAt().toString();
            received[i] = s.receivedAt().toString();
            msg[i] = s.messageId();
        }
        jdbc.sql("""
                insert into monitoring_telemetry (device_id, elder_id, kind, event, "values", occurred_at, received_at, message_id)
                select * from unnest(?::bigint[], ?::bigint[], ?::varchar[], ?::varchar[], ?::jsonb[], ?::timestamptz[], ?::timestamptz[], ?::varchar[])""")
                .params(device, elder, kind, event, values, occurred, received, msg).update();
    }

    /** Last seen, last heartbeat (status messages), battery and firmware of the devices in the batch. */
    void touchDevices(List<DeviceSignal> signals) {
        record Touch(Instant seen, Instant heartbeat, Integer battery, String firmware) {
        }
        Map<Long, Touch> byDevice = new LinkedHashMap<>();
        for (DeviceSignal s : signals) {
            Number battery = s.values().get("battery") instanceof Number b ? b : null;
            String firmware = s.kind() == DeviceSignal.Kind.STATUS && s.values().get("firmware") instanceof String f ? f : null;
            Instant hb = s.kind() == DeviceSignal.Kind.STATUS ? s.receivedAt() : null;
            byDevice.merge(s.deviceId(), new Touch(s.receivedAt(), hb, battery == null ? null : battery.intValue(), firmware),
                    (a, b) -> new Touch(max(a.seen(), b.seen()), max(a.heartbeat(), b.heartbeat()),
                            b.battery() != null ? b.battery() : a.battery(), b.firmware() != null ? b.firmware() : a.firmware()));
        }
        if (byDevice.isEmpty()) {
            return;
        }
        int n = byDevice.size();
        Long[] ids = new Long[n];
        String[] seen = new String[n];
        String[] hb = new String[n];
        Integer[] battery = new Integer[n];
        String[] firmware = new String[n];
        int i = 0;
        for (var e : byDevice.entrySet()) {
            ids[i] = e.getKey();
            seen[i] = e.getValue().seen().toString();
            hb[i] = e.getValue().heartbeat() == null ? null : e.getValue().heartbeat().toString();
            battery[i] = e.getValue().battery();
            String fw = e.getValue().firmware();
            firmware[i] = fw == null ? null : fw.length() > 64 ? fw.substring(0, 64) : fw;
            i++;
        }
        jdbc.sql("""
                update monitoring_device d
                set last_seen_at = greatest(d.last_seen_at, v.seen),
                    last_heartbeat_at = greatest(d.last_heartbeat_at, v.hb),
                    battery_pct = coalesce(v.battery, d.battery_pct),
                    firmware = coalesce(v.firmware, d.firmware)
                from unnest(?::bigint[], ?::timestamptz[], ?::timestamptz[], ?::integer[], ?::varchar[]) as v(id, seen, hb, battery, firmware)
                where d.id = v.id""")
                .params(ids, seen, hb, battery, firmware).update();
    }

    void insertRejects(List<Reject> rejects) {
        if (rejects.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        for (Reject r : rejects) {
            rows.add(new Object[] { r.receivedAt().toString(), r.source(), cut(r.topic(), 300), cut(r.serial(), 64), r.reason(), cut(r.detail(), 500),
                    cut(r.payload(), 4000) });
        }
        int n = rows.size();
        String[][] cols = new String[7][n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 7; c++) {
                cols[c][i] = (String) rows.get(i)[c];
            }
        }
        jdbc.sql("""
                insert into monitoring_rejected_message (received_at, source, topic, serial, reason, detail, payload)
                select * from unnest(?::timestamptz[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[])""")
                .params((Object[]) cols).update();
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static String cut(String s, int max) {
        if (s == null) {
            return null;
        }
        String clean = s.replace('\u0000', ' ');
        return clean.length() > max ? clean.substring(0, max) : clean;
    }
}
