package org.jujia.monitoring;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Commands to devices (e.g. {@code CLOSE_VALVE} to a gas sensor's shut-off valve). {@link #send} persists the
 * command ({@code monitoring_command}, in the caller's transaction) and publishes it QoS 1 on
 * {@code jujia/v1/devices/{serial}/commands} once that transaction has committed; a command still unsent (broker
 * away, node crashed) is published again by a retry job until the broker acknowledges it.
 * Payload: {@code {"cmdId":"42","command":"CLOSE_VALVE","args":{},"ts":"2026-11-29T08:15:30Z"}}.
 */
@Component
class DeviceCommands {

    private static final Logger log = LoggerFactory.getLogger(DeviceCommands.class);
    private static final int MAX_ATTEMPTS = 20;

    private final JdbcClient jdbc;
    private final DeviceDirectory directory;
    /** lazily: the ingest's transaction calls the alarm rules, which send commands through this connection */
    private final ObjectProvider<MqttIngest> mqtt;
    private final JsonMapper json;
    private final Clock clock;

    DeviceCommands(JdbcClient jdbc, DeviceDirectory directory, ObjectProvider<MqttIngest> mqtt, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.mqtt = mqtt;
        this.json = json;
        this.clock = clock;
    }

    /** Persists and publishes a command to a registered device. */
    void send(String serial, String command, Map<String, Object> args) {
        DeviceStore.Record device = directory.find(serial).orElseThrow(() -> new IllegalArgumentException("no device " + serial));
        Map<String, Object> a = args == null ? Map.of() : args;
        long id = jdbc.sql("""
                insert into monitoring_command (device_id, serial, command, args, status, created_at)
                values (?, ?, ?, ?::jsonb, 'PENDING', ?) returning id""")
                .params(device.id(), serial, command, json.writeValueAsString(a), Timestamp.from(clock.instant())).query(Long.class).single();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publish(id, serial, command, a);
                }
            });
        } else {
            publish(id, serial, command, a);
        }
    }

    private void publish(long id, String serial, String command, Map<String, Object> args) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("cmdId", Long.toString(id));
        payload.put("command", command);
        payload.put("args", args);
        payload.put("ts", clock.instant().toString());
        mqtt.getObject().publish(DeviceTopics.commands(serial), json.writeValueAsBytes(payload)).whenComplete((ok, e) -> {
            try {
                if (e == null) {
                    jdbc.sql("update monitoring_command set status = 'SENT', sent_at = ?, attempts = attempts + 1 where id = ?")
                            .params(Timestamp.from(clock.instant()), id).update();
                    log.info("Command {} sent to device {}", command, serial);
                } else {
                    jdbc.sql("""
                            update monitoring_command set attempts = attempts + 1, error = left(?, 300),
                                status = case when attempts + 1 >= ? then 'FAILED' else status end where id = ?""")
                            .params(String.valueOf(e.getMessage()), MAX_ATTEMPTS, id).update();
                    log.warn("Command {} to device {} not sent yet: {}", command, serial, e.toString());
                }
            } catch (RuntimeException dbDown) {
                log.warn("Could not record the outcome of command {}: {}", id, dbDown.toString());
            }
        });
    }

    /** Publishes again the commands that are still pending a little while after they were created. */
    @Scheduled(fixedDelayString = "${jujia.monitoring.commands.retry-interval:PT10S}", initialDelayString = "PT10S")
    void retryPending() {
        if (!mqtt.getObject().connected()) {
            return;
        }
        record Pending(long id, String serial, String command, String args) {
        }
        List<Pending> pending = jdbc.sql("""
                select id, serial, command, args::text from monitoring_command
                where status = 'PENDING' and created_at < ? order by created_at limit 100""")
                .param(Timestamp.from(clock.instant().minus(Duration.ofSeconds(5))))
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
        for (Pending p : pending) {
            @SuppressWarnings("unchecked")
            Map<String, Object> args = json.readValue(p.args(), Map.class);
            publish(p.id(), p.serial(), p.command(), args);
        }
    }

    /** Commands of a device, newest first (for the device's history). */
    List<Map<String, Object>> recent(long deviceId, int limit) {
        return jdbc.sql("""
                select id, command, args::text as args, status, attempts, created_at, sent_at from monitoring_command
                where device_id = ? order by created_at desc limit ?""").params(deviceId, limit).query().listOfRows();
    }
}
