package org.jujia.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jujia.shared.ValidationException;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Notifications end to end: enqueued in a transaction, dispatched after commit through the real adapters over HTTP to
 * the demo simulators (or into inboxes, live over SSE), retried with backoff, recovered after a crash, and the
 * {@link NotificationDelivered} event.
 */
@IntegrationTest
class NotificationIT {

    @LocalServerPort
    int port;

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SimulatorState simulator;

    @Autowired
    SimulatorStore received;

    @Autowired
    OutboxStore outbox;

    @Autowired
    ContentSeal seal;

    @Autowired
    NotificationEventProbe probe;

    static String ref() {
        return "test:" + UUID.randomUUID();
    }

    static Map<String, Object> caseData(String regionPath) {
        Map<String, Object> elder = new LinkedHashMap<>();
        elder.put("name", "测试老人");
        elder.put("age", 83);
        elder.put("address", "苏州市姑苏区平江路 8 号 3 幢 201 室");
        elder.put("lat", 31.318);
        elder.put("lon", 120.631);
        elder.put("phone", "13800138000");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", "SOS");
        data.put("severity", "CRITICAL");
        data.put("occurredAt", Instant.now());
        data.put("elder", elder);
        if (regionPath != null) {
            data.put("regionPath", regionPath);
        }
        return data;
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    NotificationView only(String reference) {
        List<NotificationView> views = notifications.forReference(reference);
        assertThat(views).hasSize(1);
        return views.getFirst();
    }

    boolean delivered(String reference) {
        var views = notifications.forReference(reference);
        return !views.isEmpty() && views.stream().allMatch(v -> v.status().equals("DELIVERED"));
    }

    long userId(String username) {
        return jdbc.sql("select id from access_user where username = ?").param(username).query(Long.class).single();
    }

    String homePath(String username) {
        return jdbc.sql("select r.path from access_user u join region_node r on r.id = u.home_node_id where u.username = ?").param(username)
                .query(String.class).single();
    }

    @Test
    void anEmergencyCaseReaches120OverHttpRightAfterCommitAndTheEventIsPublished() {
        String reference = ref();
        NotificationId id = tx.execute(s -> notifications.enqueue(new NotificationRequest(Channel.EMERGENCY_120, "120", "SOS 报警",
                "测试老人按下了紧急按钮", caseData(homePath("street1")), reference, true)));
        await("delivered", Duration.ofSeconds(10), () -> delivered(reference));
        NotificationView v = only(reference);
        assertThat(v.id()).isEqualTo(id.value());
        assertThat(v.attempts()).isEqualTo(1);
        assertThat(v.deliveredAt()).isAfterOrEqualTo(v.enqueuedAt());
        assertThat(v.recipientMasked()).isEqualTo("120");
        assertThat(v.lastError()).isNull();
        // the simulated 120 centre received the case through the adapter, keyed by the outbox id
        var cases = received.byKeyPrefix(SimulatorState.Gateway.EMERGENCY_120, "jujia-notification-" + id.value());
        assertThat(cases).hasSize(1);
        JsonNode body = Api.json().readTree(cases.getFirst().payload());
        assertThat(body.get("caseRef").asString()).isEqualTo(reference);
        assertThat(body.get("type").asString()).isEqualTo("SOS");
        assertThat(body.get("elder").get("address").asString()).contains("平江路");
        assertThat(outbox.find(id.value()).orElseThrow().channelRef()).isEqualTo(cases.getFirst().externalId()).startsWith("120-");
        // the outbox keeps the elder's details sealed
        String stored = jdbc.sql("select content_enc || recipient_enc from notification_outbox where id = ?").param(id.value()).query(String.class).single();
        assertThat(stored).doesNotContain("平江路").doesNotContain("13800138000");
        // another module hears about it
        await("event", Duration.ofSeconds(5), () -> !probe.of(id.value()).isEmpty());
        NotificationDelivered event = probe.of(id.value()).getFirst();
        assertThat(event.channel()).isEqualTo(Channel.EMERGENCY_120);
        assertThat(event.reference()).isEqualTo(reference);
        assertThat(event.attempts()).isEqualTo(1);
        assertThat(event.deliveredAt()).isEqualTo(v.deliveredAt());
    }

    @Test
    void nothingIsSentWhenTheEnqueuingTransactionRollsBack() throws InterruptedException {
        String reference = ref();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            notifications.enqueue(new NotificationRequest(Channel.EMERGENCY_120, "120", "SOS", "rolled back", caseData(null), reference, true));
            notifications.enqueue(new NotificationRequest(Channel.SMS, "13800138000", "SOS", "rolled back", Map.of(), reference, true));
            throw new IllegalStateException("the alarm could not be saved");
        })).hasMessageContaining("could not be saved");
        Thread.sleep(Dispatcher.PENDING_GRACE.toMillis() + 1_500); // longer than the poller needs to find a leftover
        assertThat(notifications.forReference(reference)).isEmpty();
        assertThat(jdbc.sql("select count(*) from notification_sim_message where payload like ?").param("%" + reference + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aChannelFailingTwiceIsRetriedWithBackoffAndDeliveredOnTheThirdAttempt() {
        String reference = ref();
        simulator.failReference(reference, 2);
        NotificationId id = tx.execute(s -> notifications.enqueue(new NotificationRequest(Channel.EMERGENCY_120, "120", "燃气报警", "厨房燃气浓度超标",
                caseData(null), reference, true)));
        await("first failure", Duration.ofSeconds(5), () -> only(reference).attempts() >= 1 && !only(reference).status().equals("SENDING"));
        NotificationView afterFirst = only(reference);
        if (!afterFirst.status().equals("DELIVERED")) {
            assertThat(afterFirst.lastError()).contains("503");
        }
        await("delivered", Duration.ofSeconds(20), () -> delivered(reference));
        NotificationView v = only(reference);
        assertThat(v.attempts()).isEqualTo(3);
        // backoff: 1 s after the first failure, 2 s after the second
        assertThat(Duration.between(v.enqueuedAt(), v.deliveredAt())).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(received.byKeyPrefix(SimulatorState.Gateway.EMERGENCY_120, "jujia-notification-" + id.value())).hasSize(1);
        await("event", Duration.ofSeconds(5), () -> !probe.of(id.value()).isEmpty());
        assertThat(probe.of(id.value()).getFirst().attempts()).isEqualTo(3);
    }

    @Test
    void rowsACrashedNodeLeftPendingOrSendingArePickedUpByThePollerAndNotDeliveredTwice() throws Exception {
        String reference = ref();
        Instant now = Instant.now();
        String content = seal.seal(new ContentSeal.Content("跌倒报警", "crash recovery", caseData(null)));
        // a node committed this row and died before dispatching it
        long pending = outbox.insert(Channel.EMERGENCY_120, seal.sealText("120"), "120", null, content, reference, null, true, now.minusSeconds(10));
        // another node had claimed this one and sent it (the 120 centre got it), then died before recording the answer
        long sending = outbox.insert(Channel.EMERGENCY_120, seal.sealText("120"), "120", null, content, reference, null, true, now.minusSeconds(60));
        jdbc.sql("update notification_outbox set status = 'SENDING', attempts = 1, last_attempt_at = ?, locked_until = ?, next_attempt_at = ? where id = ?")
                .params(java.sql.Timestamp.from(now.minusSeconds(59)), java.sql.Timestamp.from(now.minusSeconds(29)),
                        java.sql.Timestamp.from(now.minusSeconds(29)), sending).update();
        var firstSend = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + Emergency120Adapter.SIM_PATH))
                .header("Content-Type", "application/json").header("Authorization", GatewayHttp.basic("jujia-demo", "demo-gateway-secret"))
                .header("Idempotency-Key", "jujia-notification-" + sending)
                .POST(HttpRequest.BodyPublishers.ofString(Api.json().writeValueAsString(Map.of("caseRef", reference, "occurredAt", now.toString(),
                        "elder", Map.of("address", "平江路 8 号")))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(firstSend.statusCode()).isEqualTo(201);
        String caseId = Api.json().readTree(firstSend.body()).get("caseId").asString();

        await("both delivered by the poller", Duration.ofSeconds(10), () -> delivered(reference) && notifications.forReference(reference).size() == 2);
        assertThat(outbox.find(pending).orElseThrow().attempts()).isEqualTo(1);
        var resent = outbox.find(sending).orElseThrow();
        assertThat(resent.attempts()).isEqualTo(2);
        // the retry carried the same idempotency key: the centre answered with the first case, and has it once
        assertThat(resent.channelRef()).isEqualTo(caseId);
        assertThat(received.byKeyPrefix(SimulatorState.Gateway.EMERGENCY_120, "jujia-notification-" + sending)).hasSize(1);
        assertThat(received.byKeyPrefix(SimulatorState.Gateway.EMERGENCY_120, "jujia-notification-" + pending)).hasSize(1);
    }

    @Test
    void smsGoesThroughTheGatewayWithTheSignature() {
        String reference = ref();
        NotificationId id = tx.execute(s -> notifications.enqueue(new NotificationRequest(Channel.SMS, "138 0013 8000", "跌倒报警",
                "您的家人可能跌倒，请尽快联系。", Map.of(), reference, true)));
        await("delivered", Duration.ofSeconds(10), () -> delivered(reference));
        assertThat(only(reference).recipientMasked()).isEqualTo("138****8000");
        var texts = received.byKeyPrefix(SimulatorState.Gateway.SMS, "jujia-notification-" + id.value());
        assertThat(texts).hasSize(1);
        JsonNode body = Api.json().readTree(texts.getFirst().payload());
        assertThat(body.get("to").asString()).isEqualTo("13800138000");
        assertThat(body.get("text").asString()).isEqualTo("【居家养老】跌倒报警：您的家人可能跌倒，请尽快联系。");
        assertThat(outbox.find(id.value()).orElseThrow().channelRef()).startsWith("SM");
    }

    @Test
    void invalidRequestsAreRefusedBeforeAnythingIsStored() {
        String reference = ref();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> notifications.enqueue(new NotificationRequest(Channel.SMS, "0512-65220000", "t", "b",
                Map.of(), reference, false)))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("recipient"));
        assertThat(notifications.forReference(reference)).isEmpty();
    }

    @Test
    void theFamilyAppStoresInTheInboxAndPushesLiveToTheOpenStream() throws Exception {
        long family = userId("family1");
        Api familyApi = Api.as(port, "family1");
        long unreadBefore = familyApi.get("/api/v1/me/notifications/unread-count").json().get("unread").asLong();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<java.io.InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/me/notifications/stream")).header("Authorization", "Bearer " + familyApi.token())
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Thread reader = Thread.ofVirtual().start(() -> {
            try (var in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (java.io.IOException closed) {
                // stream closed at the end of the test
            }
        });
        try {
            assertThat(nextData(lines, "ready")).contains("\"unread\":" + unreadBefore);
            String reference = ref();
            NotificationId id = tx.execute(s -> notifications.enqueue(new NotificationRequest(Channel.FAMILY_APP, Long.toString(family), "母亲跌倒报警",
                    "平江新村 8 幢：跌倒雷达报警，社区已派人上门。", Map.of("link", "/elders/1", "regionPath", homePath("family1")), reference, true)));
            String event = nextData(lines, "notification");
            assertThat(event).contains("母亲跌倒报警").contains("\"link\":\"/elders/1\"").contains("\"urgent\":true");
            await("delivered", Duration.ofSeconds(5), () -> delivered(reference));
            assertThat(outbox.find(id.value()).orElseThrow().channelRef()).startsWith("inbox:");

            JsonNode inbox = familyApi.get("/api/v1/me/notifications?size=5").json();
            JsonNode first = inbox.get("content").get(0);
            assertThat(first.get("title").asString()).isEqualTo("母亲跌倒报警");
            assertThat(first.get("readAt").isNull()).isTrue();
            assertThat(familyApi.get("/api/v1/me/notifications/unread-count").json().get("unread").asLong()).isEqualTo(unreadBefore + 1);
            // another user neither sees it nor can mark it read
            Api street = Api.as(port, "street1");
            assertThat(street.get("/api/v1/me/notifications?size=200").body()).doesNotContain("母亲跌倒报警");
            assertThat(street.post("/api/v1/me/notifications/" + first.get("id").asLong() + "/read", "").status()).isEqualTo(404);
            assertThat(familyApi.post("/api/v1/me/notifications/" + first.get("id").asLong() + "/read", "").status()).isEqualTo(204);
            assertThat(familyApi.get("/api/v1/me/notifications/unread-count").json().get("unread").asLong()).isEqualTo(unreadBefore);
            // the family member does not see the operators' log
            assertThat(familyApi.get("/api/v1/notifications").status()).isEqualTo(403);
        } finally {
            stream.body().close();
            reader.interrupt();
        }
    }

    @Test
    void anEntryAnnouncedByAnotherNodeReachesTheStreamsThisNodeHolds() throws Exception {
        long family = userId("family1");
        String reference = ref();
        NotificationId id = tx.execute(s -> notifications.enqueue(new NotificationRequest(Channel.FAMILY_APP, Long.toString(family), "另一节点的消息",
                "written by another node", Map.of(), reference, false)));
        await("delivered", Duration.ofSeconds(10), () -> delivered(reference));
        long entry = jdbc.sql("select id from notification_inbox where outbox_id = ?").param(id.value()).query(Long.class).single();
        Api familyApi = Api.as(port, "family1");
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<java.io.InputStream> stream = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/me/notifications/stream")).header("Authorization", "Bearer " + familyApi.token())
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = Thread.ofVirtual().start(() -> {
            try (var in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (java.io.IOException closed) {
                // closed at the end of the test
            }
        });
        try {
            nextData(lines, "ready");
            // what another node's InboxFanout.announce sends after writing the entry
            jdbc.sql("select pg_notify(?, ?)").params(InboxFanout.CHANNEL, "other-node:" + family + ":" + entry).query((rs, n) -> 1).list();
            assertThat(nextData(lines, "notification")).contains("另一节点的消息").contains("\"id\":" + entry);
        } finally {
            stream.body().close();
            reader.interrupt();
        }
    }

    @Test
    void aCommunityWorkerGetsTheInboxEntryAndATextMessage() {
        long worker = userId("community1");
        String reference = ref();
        NotificationId id = tx.execute(s -> notifications.enqueue(new NotificationRequest(Channel.COMMUNITY_WORKER, Long.toString(worker), "请上门查看",
                "平江新村 8 幢 201 室老人跌倒报警", Map.of("phone", "13900001111"), reference, true)));
        await("delivered", Duration.ofSeconds(10), () -> delivered(reference));
        assertThat(Api.as(port, "community1").get("/api/v1/me/notifications?size=20").body()).contains("请上门查看");
        assertThat(received.byKeyPrefix(SimulatorState.Gateway.SMS, "jujia-notification-" + id.value() + "-sms")).hasSize(1);
        assertThat(outbox.find(id.value()).orElseThrow().channelRef()).startsWith("inbox:").contains(",sms:SM");
    }

    @Test
    void theLogIsScopedToTheCallersRegion() {
        String reference = ref();
        NotificationId id = tx.execute(s -> notifications.enqueue(new NotificationRequest(Channel.EMERGENCY_120, "120", "SOS", "scoped",
                caseData(homePath("street1")), reference, true)));
        await("delivered", Duration.ofSeconds(10), () -> delivered(reference));
        JsonNode mine = Api.as(port, "street1").get("/api/v1/notifications?reference=" + reference).json();
        assertThat(mine.get("totalElements").asLong()).isEqualTo(1);
        assertThat(mine.get("content").get(0).get("status").asString()).isEqualTo("DELIVERED");
        assertThat(mine.get("content").get(0).get("latencyMillis").asLong()).isGreaterThanOrEqualTo(0);
        Api street2 = Api.as(port, "street2");
        assertThat(street2.get("/api/v1/notifications?reference=" + reference).json().get("totalElements").asLong()).isZero();
        assertThat(street2.get("/api/v1/notifications/" + id.value()).status()).isEqualTo(404);
        assertThat(Api.as(port, "admin").get("/api/v1/notifications/" + id.value()).status()).isEqualTo(200); // the city level sees everything
        var bad = Api.as(port, "street1").get("/api/v1/notifications?channel=PIGEON");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("channel");
    }

    @Autowired
    OutboxRetention retention;

    @Test
    void retentionRemovesFinishedNotificationsAndInboxEntriesBeforeTheCutoffOnly() {
        String reference = ref();
        Instant cutoff = Instant.parse("2001-01-01T00:00:00Z");
        String content = seal.seal(new ContentSeal.Content("old", "old", Map.of()));
        long before = outbox.insert(Channel.SMS, seal.sealText("13800138000"), "138****8000", null, content, reference, null, false, cutoff.minusMillis(1));
        long atCutoff = outbox.insert(Channel.SMS, seal.sealText("13800138000"), "138****8000", null, content, reference, null, false, cutoff);
        long stillRetried = outbox.insert(Channel.SMS, seal.sealText("13800138000"), "138****8000", null, content, reference, null, true,
                cutoff.minusSeconds(86_400));
        jdbc.sql("update notification_outbox set status = 'DELIVERED', delivered_at = enqueued_at where id in (?, ?)").params(before, atCutoff).update();
        // far in the future, so that neither this node's poller nor another test takes it
        jdbc.sql("update notification_outbox set status = 'FAILING', attempts = 9, next_attempt_at = ? where id = ?")
                .params(java.sql.Timestamp.from(Instant.now().plusSeconds(86_400)), stillRetried).update();
        retention.purge(cutoff);
        assertThat(outbox.find(before)).isEmpty();
        assertThat(outbox.find(atCutoff)).isPresent();
        assertThat(outbox.find(stillRetried)).isPresent();
        jdbc.sql("delete from notification_outbox where id in (?, ?)").params(atCutoff, stillRetried).update();
    }

    @Test
    void theSimulatorsCheckCredentialsAndAnswerRepeatsWithTheFirstCase() throws Exception {
        var client = HttpClient.newHttpClient();
        String key = "test-" + UUID.randomUUID();
        String body = Api.json().writeValueAsString(Map.of("caseRef", ref(), "occurredAt", Instant.now().toString(), "elder", Map.of("lat", 31.3, "lon", 120.6)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + Emergency120Adapter.SIM_PATH))
                .header("Content-Type", "application/json").header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body));
        assertThat(client.send(request.copy().header("Authorization", GatewayHttp.basic("jujia-demo", "wrong")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        var first = client.send(request.copy().header("Authorization", GatewayHttp.basic("jujia-demo", "demo-gateway-secret")).build(),
                HttpResponse.BodyHandlers.ofString());
        var again = client.send(request.copy().header("Authorization", GatewayHttp.basic("jujia-demo", "demo-gateway-secret")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Api.json().readTree(again.body()).get("caseId").asString()).isEqualTo(Api.json().readTree(first.body()).get("caseId").asString());
        assertThat(Api.json().readTree(again.body()).get("duplicate").asBoolean()).isTrue();
        var noLocation = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + Emergency120Adapter.SIM_PATH))
                .header("Content-Type", "application/json").header("Idempotency-Key", key + "x")
                .header("Authorization", GatewayHttp.basic("jujia-demo", "demo-gateway-secret"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"caseRef\":\"x\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noLocation.statusCode()).isEqualTo(422);
        var sms = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + SmsAdapter.SIM_PATH))
                .header("Content-Type", "application/json").header("Idempotency-Key", key).header("Authorization", "Bearer demo-gateway-secret")
                .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"13800138000\",\"text\":\"hi\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sms.statusCode()).as("the account header is required").isEqualTo(401);
    }

    /** The data line of the next event with this name. */
    static String nextData(BlockingQueue<String> lines, String eventName) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        boolean inEvent = false;
        while (System.nanoTime() < end) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            if (line.startsWith("event:")) {
                inEvent = line.substring(6).strip().equals(eventName);
            } else if (inEvent && line.startsWith("data:")) {
                return line.substring(5);
            }
        }
        throw new AssertionError("no event " + eventName + " within 10 s");
    }
}
