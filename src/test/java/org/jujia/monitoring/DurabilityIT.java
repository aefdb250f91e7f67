package org.jujia.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jujia.support.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Nothing is ever lost: the packaged application runs as a separate JVM against the test PostgreSQL and the real
 * Mosquitto on 127.0.0.1:1883 (which survives the crash); a device fleet publishes alarms (SOS and smoke, one per
 * elder and type) at load; the application is killed with SIGKILL mid-stream while publishing goes on; it is started
 * again; then every alarm that the broker acknowledged exists exactly once (one raw message, one alarm) and every one
 * of them was notified (all its notifications delivered).
 * <p>
 * Skipped when the repackaged jar is not in {@code target/} (it is during {@code ./mvnw verify}) or when no broker
 * listens on 127.0.0.1:1883. With only the embedded broker the broker dies with the application: there the
 * publisher's own retransmission of unacknowledged QoS-1 messages after reconnecting (same client id, persistent
 * session) and the broker's file persistence cover the crash, which this test does not exercise.
 */
class DurabilityIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final int ALARMS_PER_TYPE = 150;

    @Test
    void everyAcknowledgedAlarmSurvivesAKillExactlyOnceAndIsNotified() throws Exception {
        File jar = jar();
        assumeTrue(jar != null, "target/jujia-*.jar not built (run ./mvnw verify): durability test skipped");
        assumeTrue(MosquittoIngestIT.mosquittoReachable(), "no MQTT broker on 127.0.0.1:1883 to survive the kill: durability test skipped");

        String id = Long.toString(System.currentTimeMillis(), 36);
        Path work = Files.createDirectories(Path.of("target", "durability-" + id)).toAbsolutePath();
        String serverUrl = TestDatabase.url();
        String db = "jujia_durability_" + id;
        try (Connection c = DriverManager.getConnection(serverUrl); var st = c.createStatement()) {
            st.execute("create database " + db + " encoding 'UTF8' template template0");
        }
        int q = serverUrl.indexOf('?');
        String base = q < 0 ? serverUrl : serverUrl.substring(0, q);
        String dbUrl = base.substring(0, base.lastIndexOf('/') + 1) + db + (q < 0 ? "" : serverUrl.substring(q));
        int port = freePort();
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m", "-jar", jar.getAbsolutePath(),
                "--spring.profiles.active=demo", "--server.port=" + port, "--spring.datasource.url=" + dbUrl,
                "--jujia.mqtt.url=tcp://127.0.0.1:1883", "--jujia.mqtt.client-id=jujia-durability-" + id, "--jujia.mqtt.share-group=durability" + id,
                "--jujia.privacy.keystore-path=" + work.resolve("keys.p12"), "--jujia.privacy.keystore-password=durability",
                "--jujia.privacy.generate-if-missing=true", "--jujia.demo.elders=300", "--jujia.demo.staff=9",
                "--jujia.demo.assessed-per-community=0", "--jujia.demo.devices.homes=1", "--jujia.demo.devices.simulator=false",
                "--jujia.monitoring.escalation.ack-timeout=PT30M", "--logging.level.root=warn", "--logging.level.org.jujia=info",
                // the restart meets a backlog of hundreds of alarms' notifications at once: keep the dispatch workers
                // within what the connection pool serves
                "--spring.datasource.hikari.maximum-pool-size=20", "--jujia.notification.dispatch.concurrency-per-channel=4");
        Process app = start(command, work.resolve("app-1.log"), port);
        Mqtt5AsyncClient publisher = null;
        try {
            // ---------------------------------------------------------------- a fleet of SOS buttons and smoke detectors
            String token = token(port, "admin");
            List<Long> elders = new ArrayList<>();
            for (JsonNode e : get(port, token, "/api/v1/elders?size=" + ALARMS_PER_TYPE + "&sort=id").get("content")) {
                elders.add(e.get("id").asLong());
            }
            assertThat(elders).hasSize(ALARMS_PER_TYPE);
            List<String[]> rows = new ArrayList<>();
            for (long elder : elders) {
                rows.add(new String[] { "DSOS-" + id + "-" + elder, "紧急呼叫按钮", Long.toString(elder), "卧室", "", "", "" });
                rows.add(new String[] { "DSMK-" + id + "-" + elder, "烟感", Long.toString(elder), "厨房", "", "", "" });
            }
            assertThat(upload(port, token, workbook(rows))).isEqualTo(201);

            // ---------------------------------------------------------------- publish at load, kill mid-stream
            publisher = Mqtt5Client.builder().identifier("durability-pub-" + id).serverHost("127.0.0.1").serverPort(1883)
                    .automaticReconnectWithDefaultConfig().buildAsync();
            publisher.connectWith().cleanStart(false).sessionExpiryInterval(600).send().get(10, TimeUnit.SECONDS);
            List<String> msgIds = new ArrayList<>();
            List<CompletableFuture<?>> acks = new ArrayList<>();
            AtomicLong acked = new AtomicLong();
            int total = 2 * ALARMS_PER_TYPE;
            Process killed = null;
            long startNs = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long elder = elders.get(i % ALARMS_PER_TYPE);
                boolean sos = i < ALARMS_PER_TYPE;
                String serial = (sos ? "DSOS-" : "DSMK-") + id + "-" + elder;
                String msgId = "D-" + id + "-" + i;
                msgIds.add(msgId);
                String payload = "{\"msgId\":\"" + msgId + "\",\"ts\":\"" + Instant.now() + "\",\"event\":\"" + (sos ? "SOS" : "SMOKE") + "\"}";
                acks.add(publisher.publishWith().topic("jujia/v1/devices/" + serial + "/events").qos(MqttQos.AT_LEAST_ONCE)
                        .payload(payload.getBytes(StandardCharsets.UTF_8)).send().thenAccept(r -> {
                            if (r.getError().isEmpty()) {
                                acked.incrementAndGet();
                            }
                        }));
                if (i == total / 3) {
                    app.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful drain
                    app.waitFor(30, TimeUnit.SECONDS);
                    killed = app;
                }
                Thread.sleep(25); // 40 alarms per second
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            assertThat(killed).isNotNull();
            assertThat(acked.get()).isEqualTo(total);
            System.out.printf("durability: %d alarms published in %.1f s, application killed after %d%n", total,
                    (System.nanoTime() - startNs) / 1e9, total / 3 + 1);

            // ---------------------------------------------------------------- restart and check
            app = start(command, work.resolve("app-2.log"), port);
            try (Connection c = DriverManager.getConnection(dbUrl)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
                long alarms = 0;
                long notified = 0;
                while (System.nanoTime() < deadline) {
                    alarms = count(c, "select count(*) from monitoring_alarm where details->>'messageId' like 'D-" + id + "-%'");
                    notified = count(c, """
                            select count(*) from monitoring_alarm a where a.details->>'messageId' like 'D-%s-%%'
                               and exists (select 1 from notification_outbox n where n.reference = 'alarm:' || a.id)
                               and not exists (select 1 from notification_outbox n where n.reference = 'alarm:' || a.id and n.status <> 'DELIVERED')"""
                            .formatted(id));
                    if (alarms >= total && notified >= total) {
                        break;
                    }
                    Thread.sleep(500);
                }
                System.out.printf("durability: after restart %d alarms, %d notified%n", alarms, notified);
                // exactly once: one raw message per msgId, one alarm per msgId, one alarm per elder and type
                assertThat(count(c, "select count(*) from monitoring_telemetry where message_id like 'D-" + id + "-%'")).isEqualTo(total);
                assertThat(count(c, "select count(distinct message_id) from monitoring_telemetry where message_id like 'D-" + id + "-%'"))
                        .isEqualTo(total);
                assertThat(alarms).isEqualTo(total);
                assertThat(count(c, "select count(distinct details->>'messageId') from monitoring_alarm where details->>'messageId' like 'D-" + id + "-%'"))
                        .isEqualTo(total);
                assertThat(count(c, "select count(*) from monitoring_alarm where device_serial like 'D%-" + id + "-%' and trigger_count <> 1")).isZero();
                // and notified: every alarm's notifications delivered, 120 among them (SOS and smoke are critical)
                assertThat(notified).isEqualTo(total);
                assertThat(count(c, """
                        select count(distinct a.id) from monitoring_alarm a join notification_outbox n on n.reference = 'alarm:' || a.id
                        where a.details->>'messageId' like 'D-%s-%%' and n.channel = 'EMERGENCY_120' and n.status = 'DELIVERED'""".formatted(id)))
                        .isEqualTo(total);
            }
        } finally {
            if (publisher != null) {
                publisher.disconnectWith().sessionExpiryInterval(0).send();
            }
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
            // remove the application's session from the shared broker
            for (int i = 0; i < 4; i++) {
                try {
                    var c = Mqtt5Client.builder().identifier("jujia-durability-" + id + "-" + i).serverHost("127.0.0.1").serverPort(1883).buildBlocking();
                    c.connectWith().cleanStart(true).sessionExpiryInterval(0).send();
                    c.disconnect();
                } catch (RuntimeException ignored) {
                    // best effort
                }
            }
            try (Connection c = DriverManager.getConnection(serverUrl); var st = c.createStatement()) {
                st.execute("drop database if exists " + db + " with (force)");
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    static File jar() {
        File[] jars = new File("target").listFiles((d, n) -> n.startsWith("jujia-") && n.endsWith(".jar") && !n.contains("original"));
        return jars == null || jars.length == 0 ? null : jars[0];
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Process start(List<String> command, Path log, int port) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("the application exited with " + p.exitValue() + "; see " + log);
            }
            try {
                var r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && Files.readString(log).contains("Started JujiaApplication")) {
                    return p; // the demo city's runners may still be working: the callers retry until its data is there
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        p.destroyForcibly();
        throw new AssertionError("the application did not start within 240 s; see " + log);
    }

    static String token(int port, String user) throws Exception {
        for (int i = 0; i < 60; i++) {
            var r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"demo123\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                return JSON.readTree(r.body()).get("accessToken").asString();
            }
            Thread.sleep(1000); // the demo accounts are created by a runner right after start
        }
        throw new AssertionError("no demo account " + user);
    }

    static JsonNode get(int port, String token, String path) throws Exception {
        for (int i = 0; i < 60; i++) {
            var r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(r.body());
            if (r.statusCode() == 200 && body.get("content").size() >= ALARMS_PER_TYPE) {
                return body;
            }
            Thread.sleep(1000); // the demo city is still being generated
        }
        throw new AssertionError("the demo city has too few elders");
    }

    static byte[] workbook(List<String[]> rows) throws IOException {
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(DeviceWorkbook.template())); var out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheetAt(0);
            sheet.removeRow(sheet.getRow(1));
            sheet.removeRow(sheet.getRow(2));
            for (int i = 0; i < rows.size(); i++) {
                Row r = sheet.createRow(i + 1);
                for (int c = 0; c < rows.get(i).length; c++) {
                    r.createCell(c).setCellValue(rows.get(i)[c]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    static int upload(int port, String token, byte[] file) throws Exception {
        String boundary = "----jujia" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"devices.xlsx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/devices/imports"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            System.out.println("durability: device import answered " + r.statusCode() + ": " + r.body());
        }
        return r.statusCode();
    }

    static long count(Connection c, String sql) throws Exception {
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
