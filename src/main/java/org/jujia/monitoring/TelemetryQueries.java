package org.jujia.monitoring;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads of the raw telemetry (callers check jurisdiction through the device first). */
@Component
class TelemetryQueries {

    private final JdbcClient jdbc;

    TelemetryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Map<String, Object>> recent(long deviceId, int limit) {
        return jdbc.sql("""
                select kind, event, "values"::text as "values", occurred_at, received_at, message_id from monitoring_telemetry
                where device_id = ? order by received_at desc limit ?""").params(deviceId, limit).query().listOfRows();
    }

    List<Map<String, Object>> rejects(int limit) {
        return jdbc.sql("select received_at, source, topic, serial, reason, detail from monitoring_rejected_message order by received_at desc limit ?")
                .param(limit).query().listOfRows();
    }
}
