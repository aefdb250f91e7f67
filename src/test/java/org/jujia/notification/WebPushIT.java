package org.jujia.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jujia.monitoring.DeviceCredentials;
import org.jujia.monitoring.DeviceRegistration;
import org.jujia.monitoring.DeviceType;
import org.jujia.monitoring.Devices;
import org.jujia.shared.Jurisdiction;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Web Push end to end with real crypto at both ends: a family member's "browser" (its own P-256 keys and auth secret)
 * subscribes through the API; a critical alarm of their elder is pushed to a local push service (a real HTTP server
 * in this test) which checks the VAPID JWT's signature against the announced key and its audience, then DECRYPTS the
 * aes128gcm body with the browser's private key; a 503 is retried until accepted; a 410 deletes the subscription.
 */
@IntegrationTest
class WebPushIT {

    private static final Jurisdiction INSTALLER = new Jurisdiction(0, "system", "/", false, Set.of("DEVICE_ADMIN"));

    /** What the push service received, checked and decrypted. */
    record Received(String path, Map<String, String> headers, String claims, JsonNode message) {
    }

    @LocalServerPort
    int port;
    @Autowired
    Devices devices;
    @Autowired
    Notifications notifications;
    @Autowired
    JdbcClient jdbc;

    HttpServer pushService;
    final Map<String, TestBrowser> browsers = new ConcurrentHashMap<>();
    final Map<String, BlockingQueue<Integer>> scripted = new ConcurrentHashMap<>();
    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    final ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
    long familyUserId;

    @BeforeEach
    void pushServiceUp() throws Exception {
        pushService = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pushService.createContext("/push/", ex -> {
            String path = ex.getRequestURI().getPath();
            byte[] body = ex.getRequestBody().readAllBytes();
            int status;
            try {
                String claims = TestBrowser.verifyVapid(ex.getRequestHeaders().getFirst("Authorization"), origin(),
                        Instant.now().getEpochSecond());
                if (!"aes128gcm".equals(ex.getRequestHeaders().getFirst("Content-Encoding")) || ex.getRequestHeaders().getFirst("TTL") == null) {
                    throw new IllegalArgumentException("Content-Encoding aes128gcm and TTL are required");
                }
                BlockingQueue<Integer> script = scripted.get(path);
                Integer next = script == null ? null : script.poll();
                status = next == null ? 201 : next;
                if (status == 201) {
                    byte[] plain = browsers.get(path).decrypt(body);
                    Map<String, String> headers = new java.util.HashMap<>();
                    ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
                    received.add(new Received(path, headers, claims, Api.json().readTree(new String(plain, StandardCharsets.UTF_8))));
                }
            } catch (Exception e) {
                refused.add(path + ": " + e);
                status = 400;
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        pushService.start();
        familyUserId = jdbc.sql("select id from access_user where username = 'family1'").query(Long.class).single();
    }

    @AfterEach
    void pushServiceDown() {
        // leave no subscription behind: other tests' alarms would push to a push service that is gone
        jdbc.sql("delete from notification_push_subscription where user_id = ?").param(familyUserId).update();
        pushService.stop(0);
    }

    String origin() {
        return "http://127.0.0.1:" + pushService.getAddress().getPort();
    }

    /** A new browser of family1 with its own keys, subscribed through the API; answers its endpoint path. */
    String subscribe(Api family) {
        var browser = new TestBrowser();
        String path = "/push/" + UUID.randomUUID();
        browsers.put(path, browser);
        var r = family.post("/api/v1/me/push/subscriptions",
                Map.of("endpoint", origin() + path, "keys", Map.of("p256dh", browser.p256dh(), "auth", browser.authSecret())));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return path;
    }

    @Test
    void aCriticalAlarmIsPushedEncryptedToTheFamilysBrowserAndRetriedUntilAccepted() throws Exception {
        Api family = Api.as(port, "family1");
        String path = subscribe(family);
        scripted.put(path, new LinkedBlockingQueue<>(List.of(503))); // the push service is busy once
        JsonNode status = family.get("/api/v1/me/push").json();
        assertThat(status.get("enabled").asBoolean()).isTrue();
        assertThat(status.get("subscriptions").asInt()).isEqualTo(1);
        String vapidKey = status.get("publicKey").asText();
        assertThat(Base64.getUrlDecoder().decode(vapidKey)).hasSize(65);

        // an SOS of family1's elder (any open SOS of that elder closed first, so this one raises a new alarm)
        long elderId = family.get("/api/v1/elders").json().get("content").get(0).get("id").asLong();
        jdbc.sql("update monitoring_alarm set status = 'RESOLVED', closed_at = now() where elder_id = ? and type = 'SOS' "
                + "and status not in ('RESOLVED', 'FALSE_ALARM')").param(elderId).update();
        String serial = "IT-PUSH-" + UUID.randomUUID().toString().substring(0, 8);
        DeviceCredentials sos = devices.register(new DeviceRegistration(serial, DeviceType.SOS_BUTTON, elderId, "卧室",
                LocalDate.now(ZoneId.of("Asia/Shanghai")), "1.0.0", null), INSTALLER);
        String auth = Base64.getEncoder().encodeToString((serial + ":" + sos.secret()).getBytes(StandardCharsets.UTF_8));
        var sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ingest/devices/" + serial
                + "/messages")).header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"msgId\":\"" + UUID.randomUUID() + "\",\"event\":\"SOS\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);

        Received push = received.poll(30, TimeUnit.SECONDS);
        assertThat(push).as("a decrypted push; refused: %s", refused).isNotNull();
        assertThat(push.path()).isEqualTo(path);
        assertThat(push.headers().get("authorization")).endsWith("k=" + vapidKey);
        assertThat(push.claims()).contains("\"aud\":\"" + origin() + "\"").contains("\"sub\":\"mailto:");
        assertThat(push.headers().get("urgency")).isEqualTo("high");
        assertThat(push.headers().get("content-type")).isEqualTo("application/octet-stream");
        JsonNode message = push.message();
        assertThat(message.get("title").asText()).contains("SOS");
        assertThat(message.get("urgent").asBoolean()).isTrue();
        assertThat(message.get("link").asText()).isEqualTo("/family/alarms");
        String reference = message.get("reference").asText();
        assertThat(reference).startsWith("alarm:");
        assertThat(refused).isEmpty();

        // the outbox row: delivered on the second attempt, after the 503
        JsonNode row = waitFor(() -> jdbc.sql("select status, attempts, channel_ref from notification_outbox where channel = 'WEB_PUSH' and reference = ?")
                .param(reference).query((rs, n) -> Api.json().createObjectNode().put("status", rs.getString(1)).put("attempts", rs.getInt(2))
                        .put("ref", rs.getString(3))).optional().orElse(null), r -> r.get("status").asText().equals("DELIVERED"));
        assertThat(row.get("attempts").asInt()).isEqualTo(2);
        assertThat(row.get("ref").asText()).isEqualTo("push:1");
        // the alarm's notifications list it next to 120, SMS, app and worker
        JsonNode detail = Api.as(port, "operator1").get("/api/v1/alarms/" + reference.substring("alarm:".length())).json();
        List<String> channels = new java.util.ArrayList<>();
        detail.get("notifications").forEach(n -> channels.add(n.get("channel").asText()));
        assertThat(channels).contains("EMERGENCY_120", "FAMILY_APP", "WEB_PUSH");
        // pushed once: the retry did not push the browser twice
        assertThat(received.poll(1500, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aSubscriptionThePushServiceReportsGoneIsDeletedAndTheOthersStillGetIt() throws Exception {
        Api family = Api.as(port, "family1");
        String phone = subscribe(family);
        String oldLaptop = subscribe(family);
        scripted.put(oldLaptop, new LinkedBlockingQueue<>(List.of(410)));
        String reference = "test:" + UUID.randomUUID();
        notifications.enqueue(new NotificationRequest(Channel.WEB_PUSH, String.valueOf(familyUserId), "【紧急报警】测试", "测试推送",
                Map.of("link", "/family/alarms"), reference, true));

        Received push = received.poll(30, TimeUnit.SECONDS);
        assertThat(push).as("refused: %s", refused).isNotNull();
        assertThat(push.path()).isEqualTo(phone);
        assertThat(push.message().get("title").asText()).isEqualTo("【紧急报警】测试");
        waitFor(() -> jdbc.sql("select status from notification_outbox where reference = ?").param(reference).query(String.class).optional()
                .map(s -> (JsonNode) Api.json().createObjectNode().put("status", s)).orElse(null), s -> s.get("status").asText().equals("DELIVERED"));
        assertThat(family.get("/api/v1/me/push").json().get("subscriptions").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select channel_ref from notification_outbox where reference = ?").param(reference).query(String.class).single())
                .isEqualTo("push:1,gone:1");
    }

    @Test
    void badSubscriptionsAreRefusedNamingTheFieldAndOnlyTheOwnerUnsubscribes() {
        Api family = Api.as(port, "family1");
        var bad = family.post("/api/v1/me/push/subscriptions", Map.of("endpoint", "ftp://push.example.com/x",
                "keys", Map.of("p256dh", "BAAA", "auth", "short")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("endpoint").contains("keys.p256dh").contains("keys.auth");
        assertThat(Api.anonymous(port).post("/api/v1/me/push/subscriptions", Map.of()).status()).isEqualTo(401);

        String path = subscribe(family);
        String endpoint = origin() + path;
        assertThat(Api.as(port, "operator1").delete("/api/v1/me/push/subscriptions?endpoint=" + java.net.URLEncoder.encode(endpoint,
                StandardCharsets.UTF_8)).status()).isEqualTo(404);
        assertThat(family.delete("/api/v1/me/push/subscriptions?endpoint=" + java.net.URLEncoder.encode(endpoint, StandardCharsets.UTF_8)).status())
                .isEqualTo(204);
        assertThat(family.get("/api/v1/me/push").json().get("subscriptions").asInt()).isZero();
        // the endpoint is stored sealed, not in clear
        assertThat(jdbc.sql("select count(*) from notification_push_subscription where endpoint_enc like '%127.0.0.1%'").query(Long.class).single())
                .isZero();
    }

    static JsonNode waitFor(java.util.function.Supplier<JsonNode> probe, java.util.function.Predicate<JsonNode> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = probe.get();
            if (last != null && done.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out; last: " + last);
    }
}
