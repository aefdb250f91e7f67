package org.jujia.monitoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jujia.shared.Jurisdiction;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the device registry. Reads for people are scoped by the device's region path (copied from the elder). */
@Repository
class DeviceStore {

    /** What the broker and the ingest need to know of a device (unscoped: the device itself is asking). */
    record Record(long id, String serial, DeviceType type, Long elderId, String regionPath, String room, String secretHash,
            Long gatewayId, DeviceStatus status) {
    }

    record Row(long id, String serial, DeviceType type, Long elderId, String regionPath, String room, LocalDate installedOn,
            String firmware, Long gatewayId, String gatewaySerial, DeviceStatus status, Instant lastHeartbeatAt, Instant lastSeenAt,
            Integer batteryPct, Instant createdAt) {
    }

    private static final String RECORD = "select id, serial, type, elder_id, region_path, room, secret_hash, gateway_id, status from monitoring_device ";
    private static final String ROW = """
            select d.id, d.serial, d.type, d.elder_id, d.region_path, d.room, d.installed_on, d.firmware, d.gateway_id, g.serial as gateway_serial,
                   d.status, d.last_heartbeat_at, d.last_seen_at, d.battery_pct, d.created_at
            from monitoring_device d left join monitoring_device g on g.id = d.gateway_id
            """;

    private final JdbcClient jdbc;

    DeviceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String serial, DeviceType type, Long elderId, String regionPath, String room, LocalDate installedOn, String firmware,
            String secretHash, Long gatewayId, String createdBy, Instant now) {
        return jdbc.sql("""
                insert into monitoring_device (serial, type, elder_id, region_path, room, installed_on, firmware, secret_hash, gateway_id,
                    status, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?) returning id""")
                .params(serial, type.name(), elderId, regionPath, room, installedOn, firmware, secretHash, gatewayId, Timestamp.from(now), createdBy)
                .query(Long.class).single();
    }

    Optional<Record> bySerial(String serial) {
        return jdbc.sql(RECORD + "where serial = ?").param(serial).query(DeviceStore::mapRecord).optional();
    }

    List<Record> bySerials(Collection<String> serials) {
        if (serials.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(RECORD + "where serial = any(?)").param(serials.toArray(String[]::new)).query(DeviceStore::mapRecord).list();
    }

    /** Serials of the devices a gateway relays for. */
    List<String> relayedBy(long gatewayId) {
        return relayedBy(List.of(gatewayId)).getOrDefault(gatewayId, List.of());
    }

    /** Serials of the devices each of these gateways relays for (gateways relaying for none are absent). */
    Map<Long, List<String>> relayedBy(Collection<Long> gatewayIds) {
        Map<Long, List<String>> out = new HashMap<>();
        if (gatewayIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select gateway_id, serial from monitoring_device where gateway_id = any(?) and status = 'ACTIVE'")
                .param(gatewayIds.toArray(Long[]::new))
                .query((RowCallbackHandler) rs -> out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)));
        return out;
    }

    List<String> existingSerials(Collection<String> serials) {
        if (serials.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select serial from monitoring_device where serial = any(?)").param(serials.toArray(String[]::new))
                .query(String.class).list();
    }

    Optional<Row> find(long id, Jurisdiction j) {
        return jdbc.sql(ROW + "where d.id = ? and d.region_path like ?").params(id, j.likePattern()).query(DeviceStore::mapRow).optional();
    }

    Optional<Row> findBySerial(String serial, Jurisdiction j) {
        return jdbc.sql(ROW + "where d.serial = ? and d.region_path like ?").params(serial, j.likePattern()).query(DeviceStore::mapRow).optional();
    }

    List<Row> ofElder(long elderId) {
        return jdbc.sql(ROW + "where d.elder_id = ? order by d.status, d.type, d.serial").param(elderId).query(DeviceStore::mapRow).list();
    }

    /**
     * Devices under the caller's node; {@code elderIds} (when not null) limits them to those elders (family members).
     */
    List<Row> search(String q, DeviceType type, DeviceStatus status, String regionPrefix, Collection<Long> elderIds, int page, int size,
            Jurisdiction j) {
        var where = new StringBuilder("where d.region_path like ?");
        List<Object> params = new ArrayList<>();
        params.add(j.likePattern());
        filters(q, type, status, regionPrefix, elderIds, where, params);
        params.add(size);
        params.add((long) page * size);
        return jdbc.sql(ROW + where + " order by d.region_path, d.elder_id, d.serial limit ? offset ?").params(params)
                .query(DeviceStore::mapRow).list();
    }

    long count(String q, DeviceType type, DeviceStatus status, String regionPrefix, Collection<Long> elderIds, Jurisdiction j) {
        var where = new StringBuilder("where d.region_path like ?");
        List<Object> params = new ArrayList<>();
        params.add(j.likePattern());
        filters(q, type, status, regionPrefix, elderIds, where, params);
        return jdbc.sql("select count(*) from monitoring_device d " + where).params(params).query(Long.class).single();
    }

    private static void filters(String q, DeviceType type, DeviceStatus status, String regionPrefix, Collection<Long> elderIds,
            StringBuilder where, List<Object> params) {
        if (q != null && !q.isBlank()) {
            where.append(" and d.serial like ?");
            params.add(q.trim().replace("%", "").replace("_", "\\_") + "%");
        }
        if (type != null) {
            where.append(" and d.type = ?");
            params.add(type.name());
        }
        if (status != null) {
            where.append(" and d.status = ?");
            params.add(status.name());
        }
        if (regionPrefix != null) {
            where.append(" and d.region_path like ?");
            params.add(regionPrefix + "%");
        }
        if (elderIds != null) {
            where.append(" and d.elder_id = any(?)");
            params.add(elderIds.toArray(Long[]::new));
        }
    }

    void updateSecret(long id, String hash, Instant now) {
        jdbc.sql("update monitoring_device set secret_hash = ?, secret_reset_at = ? where id = ?").params(hash, Timestamp.from(now), id).update();
    }

    void retire(long id, Instant now) {
        jdbc.sql("update monitoring_device set status = 'RETIRED', retired_at = ? where id = ?").params(Timestamp.from(now), id).update();
        jdbc.sql("update monitoring_device set gateway_id = null where gateway_id = ?").param(id).update();
    }

    private static Record mapRecord(ResultSet rs, int n) throws SQLException {
        return new Record(rs.getLong("id"), rs.getString("serial"), DeviceType.valueOf(rs.getString("type")), (Long) rs.getObject("elder_id", Long.class),
                rs.getString("region_path"), rs.getString("room"), rs.getString("secret_hash"), rs.getObject("gateway_id", Long.class),
                DeviceStatus.valueOf(rs.getString("status")));
    }

    private static Row mapRow(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("serial"), DeviceType.valueOf(rs.getString("type")), rs.getObject("elder_id", Long.class),
                rs.getString("region_path"), rs.getString("room"), rs.getObject("installed_on", LocalDate.class), rs.getString("firmware"),
                rs.getObject("gateway_id", Long.class), rs.getString("gateway_serial"), DeviceStatus.valueOf(rs.getString("status")),
                instant(rs, "last_heartbeat_at"), instant(rs, "last_seen_at"), rs.getObject("battery_pct", Integer.class), instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }
}
