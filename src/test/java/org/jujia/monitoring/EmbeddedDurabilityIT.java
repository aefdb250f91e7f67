package org.jujia.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import java.io.File;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jujia.support.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The durability test of {@link DurabilityIT} with the EMBEDDED broker, which dies with the application: a building
 * gateway (its own credentials, a persistent session) publishes 300 alarms for its sensors at 40/s, the application
 * is SIGKILLed a third of the way through, restarted on the same broker port and data folder, and the gateway's
 * client reconnects by itself. Because the fast path acknowledges a message to the device only after it is
 * committed, every alarm ends up persisted exactly once and notified, with every publish acknowledged.
 */
class EmbeddedDurabilityIT {

    @Test
    void withTheEmbeddedBrokerEveryAlarmSurvivesAKillExactlyOnceAndIsNotified() throws Exception {
        File jar = DurabilityIT.jar();
        assumeTrue(jar != null, "target/jujia-*.jar not built (run ./mvnw verify): durability test skipped");

        String id = "e" + Long.toString(System.currentTimeMillis(), 36);
        Path work = Files.createDirectories(Path.of("target", "durability-" + id)).toAbsolutePath();
        String serverUrl = TestDatabase.url();
        String db = "jujia_durability_" + id;
        try (Connection c = DriverManager.getConnection(serverUrl); var st = c.createStatement()) {
            st.execute("create database " + db + " encoding 'UTF8' template template0");
        }
        int q = serverUrl.indexOf('?');
        String base = q < 0 ? serverUrl : serverUrl.substring(0, q);
        String dbUrl = base.substring(0, base.lastIndexOf('/') + 1) + db + (q < 0 ? "" : serverUrl.substring(q));
        int port = DurabilityIT.freePort();
        int mqttPort = DurabilityIT.freePort();
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m", "-jar", jar.getAbsolutePath(),
                "--spring.profiles.active=demo", "--server.port=" + port, "--spring.datasource.url=" + dbUrl,
                "--jujia.mqtt.embedded.port=" + mqttPort, "--jujia.mqtt.embedded.data-folder=" + work.resolve("mqtt"),
                "--jujia.privacy.keystore-path=" + work.resolve("keys.p12"), "--jujia.privacy.keystore-password=durability",
                "--jujia.privacy.generate-if-missing=true", "--jujia.demo.elders=300", "--jujia.demo.staff=9",
                "--jujia.demo.assessed-per-community=0", "--jujia.demo.devices.homes=1", "--jujia.demo.devices.simulator=false",
                "--jujia.monitoring.escalation.ack-timeout=PT30M", "--logging.level.root=warn", "--logging.level.org.jujia=info",
                "--spring.datasource.hikari.maximum-pool-size=20", "--jujia.notification.dispatch.concurrency-per-channel=4");
        Process app = DurabilityIT.start(command, work.resolve("app-1.log"), port);
        Mqtt5AsyncClient gateway = null;
        int n = DurabilityIT.ALARMS_PER_TYPE;
        try {
            String token = DurabilityIT.token(port, "admin");
            List<Long> elders = new ArrayList<>();
            for (JsonNode e : DurabilityIT.get(port, token, "/api/v1/elders?size=" + n + "&sort=id").get("content")) {
                elders.add(e.get("id").asLong());
            }
            String gw = "EGW-" + id;
            var registered = DurabilityIT.HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/devices"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"serial\":\"" + gw + "\",\"type\":\"GATEWAY\",\"room\":\"楼栋弱电间\",\"firmware\":\"2.3.0\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            String secret = DurabilityIT.JSON.readTree(registered.body()).get("secret").asString();
            List<String[]> rows = new ArrayList<>();
            for (long elder : elders) {
                rows.add(new String[] { "ESOS-" + id + "-" + elder, "紧急呼叫按钮", Long.toString(elder), "卧室", "", "", gw });
                rows.add(new String[] { "ESMK-" + id + "-" + elder, "烟感", Long.toString(elder), "厨房", "", "", gw });
            }
            assertThat(DurabilityIT.upload(port, token, DurabilityIT.workbook(rows))).isEqualTo(201);

            gateway = Mqtt5Client.builder().identifier(gw).serverHost("127.0.0.1").serverPort(mqttPort)
                    .simpleAuth().username(gw).password(secret.getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                    .automaticReconnect().initialDelay(500, TimeUnit.MILLISECONDS).maxDelay(2, TimeUnit.SECONDS).applyAutomaticReconnect()
                    .buildAsync();
            gateway.connectWith().cleanStart(false).sessionExpiryInterval(600).send().get(10, TimeUnit.SECONDS);
            List<CompletableFuture<?>> acks = new ArrayList<>();
            AtomicLong acked = new AtomicLong();
            int total = 2 * n;
            CompletableFuture<Process> restarted = null;
            for (int i = 0; i < total; i++) {
                long elder = elders.get(i % n);
                boolean sos = i < n;
                String serial = (sos ? "ESOS-" : "ESMK-") + id + "-" + elder;
                String payload = "{\"msgId\":\"E-" + id + "-" + i + "\",\"ts\":\"" + Instant.now() + "\",\"event\":\"" + (sos ? "SOS" : "SMOKE") + "\"}";
                acks.add(gateway.publishWith().topic("jujia/v1/devices/" + serial + "/events").qos(MqttQos.AT_LEAST_ONCE)
                        .payload(payload.getBytes(StandardCharsets.UTF_8)).send().thenAccept(r -> {
                            if (r.getError().isEmpty()) {
                                acked.incrementAndGet();
                            }
                        }));
                if (i == total / 3) {
                    app.destroyForcibly(); // SIGKILL: the broker dies with the application
                    app.waitFor(30, TimeUnit.SECONDS);
                    // restarted at once, in the background: while the broker is away the client buffers publishes and,
                    // once its buffer is full, blocks the publishing thread until it is back
                    restarted = CompletableFuture.supplyAsync(() -> {
                        try {
                            return DurabilityIT.start(command, work.resolve("app-2.log"), port);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
                Thread.sleep(25);
            }
            // the gateway's client sends the rest (and resends what was in flight at the kill) once the broker is back
            app = restarted.get(300, TimeUnit.SECONDS);
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(240, TimeUnit.SECONDS);
            assertThat(acked.get()).isEqualTo(total);

            try (Connection c = DriverManager.getConnection(dbUrl)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
                long alarms = 0;
                long notified = 0;
                while (System.nanoTime() < deadline) {
                    alarms = DurabilityIT.count(c, "select count(*) from monitoring_alarm where details->>'messageId' like 'E-" + id + "-%'");
                    notified = DurabilityIT.count(c, """
                            select count(*) from monitoring_alarm a where a.details->>'messageId' like 'E-%s-%%'
                               and exists (select 1 from notification_outbox n where n.reference = 'alarm:' || a.id)
                               and not exists (select 1 from notification_outbox n where n.reference = 'alarm:' || a.id and n.status <> 'DELIVERED')"""
                            .formatted(id));
                    if (alarms >= total && notified >= total) {
                        break;
                    }
                    Thread.sleep(500);
                }
                System.out.printf("embedded durability: %d published and acknowledged, after restart %d alarms, %d notified%n", acked.get(), alarms,
                        notified);
                assertThat(DurabilityIT.count(c, "select count(*) from monitoring_telemetry where message_id like 'E-" + id + "-%'")).isEqualTo(total);
                assertThat(alarms).isEqualTo(total);
                assertThat(DurabilityIT.count(c, "select count(distinct details->>'messageId') from monitoring_alarm where details->>'messageId' like 'E-"
                        + id + "-%'")).isEqualTo(total);
                assertThat(DurabilityIT.count(c, "select count(*) from monitoring_alarm where device_serial like 'E%-" + id + "-%' and trigger_count <> 1"))
                        .isZero();
                assertThat(notified).isEqualTo(total);
            }
        } finally {
            if (gateway != null) {
                try {
                    gateway.disconnectWith().sessionExpiryInterval(0).send().get(5, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // best effort
                }
            }
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
            try (Connection c = DriverManager.getConnection(serverUrl); var st = c.createStatement()) {
                st.execute("drop database if exists " + db + " with (force)");
            } catch (Exception ignored) {
                // best effort
            }
        }
    }
}
