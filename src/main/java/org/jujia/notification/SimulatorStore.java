package org.jujia.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the simulated gateways received, one row per idempotency key: a repeated request gets the first answer (the
 * same case id / message id) and is not recorded twice, as a real gateway honouring {@code Idempotency-Key} does.
 * These are the external party's records (demo data), kept as received.
 */
@Repository
@ConditionalOnProperty(prefix = "jujia.notification.simulator", name = "enabled", havingValue = "true")
class SimulatorStore {

    /** A received request. */
    record Received(long id, SimulatorState.Gateway gateway, String idempotencyKey, String externalId, String payload, Instant receivedAt) {
    }

    /** The answer to a request: its external id, and whether it repeated an earlier one. */
    record Accepted(String externalId, boolean duplicate) {
    }

    private final JdbcClient jdbc;

    SimulatorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a request unless its idempotency key was seen; the external id is {@code prefix + row id} (6 digits at least). */
    Accepted receive(SimulatorState.Gateway gateway, String key, String prefix, String payload, Instant now) {
        var inserted = jdbc.sql("""
                insert into notification_sim_message (id, gateway, idempotency_key, external_id, payload, received_at)
                select n.id, ?, ?, ? || lpad(n.id::text, 6, '0'), ?, ?
                from (select nextval('notification_sim_message_id_seq') as id) n
                on conflict (gateway, idempotency_key) do nothing returning external_id""")
                .params(gateway.name(), key, prefix, payload, OutboxStore.ts(now)).query(String.class).optional();
        if (inserted.isPresent()) {
            return new Accepted(inserted.get(), false);
        }
        String existing = jdbc.sql("select external_id from notification_sim_message where gateway = ? and idempotency_key = ?")
                .params(gateway.name(), key).query(String.class).single();
        return new Accepted(existing, true);
    }

    List<Received> recent(SimulatorState.Gateway gateway, int limit) {
        return jdbc.sql("select * from notification_sim_message where gateway = ? order by id desc limit ?").params(gateway.name(), limit)
                .query(SimulatorStore::map).list();
    }

    List<Received> byKeyPrefix(SimulatorState.Gateway gateway, String keyPrefix) {
        return jdbc.sql("select * from notification_sim_message where gateway = ? and idempotency_key like ? order by id")
                .params(gateway.name(), keyPrefix.replace("%", "\\%").replace("_", "\\_") + "%").query(SimulatorStore::map).list();
    }

    Map<String, Long> counts() {
        return jdbc.sql("select gateway, count(*) as n from notification_sim_message group by gateway")
                .query((rs, n) -> Map.entry(rs.getString("gateway"), rs.getLong("n"))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Received map(ResultSet rs, int n) throws SQLException {
        return new Received(rs.getLong("id"), SimulatorState.Gateway.valueOf(rs.getString("gateway")), rs.getString("idempotency_key"),
                rs.getString("external_id"), rs.getString("payload"), OutboxStore.instant(rs, "received_at"));
    }
}
