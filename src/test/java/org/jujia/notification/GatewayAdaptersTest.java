package org.jujia.notification;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.StandardEnvironment;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP adapters against a real HTTP server (the JDK's, on a random port) standing in for a configured gateway:
 * credentials, idempotency key, body, and what counts as an acknowledgement; and what an unconfigured gateway does.
 */
class GatewayAdaptersTest {

    record Seen(String path, Map<String, List<String>> headers, String body) {
    }

    HttpServer server;
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final AtomicInteger status = new AtomicInteger(201);
    volatile String answer = "{\"accepted\":true,\"caseId\":\"C-1\"}";
    volatile long delayMillis;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(new Seen(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    NotificationProperties props(String url120, String urlSms, boolean simulator) {
        return new NotificationProperties(new NotificationProperties.Dispatch(32, Duration.ofSeconds(1), 200, Duration.ofSeconds(30), Duration.ofSeconds(1),
                Duration.ofMinutes(5), 5, 20, 4),
                new NotificationProperties.Gateway(url120, "client-7", "s3cret", "", Duration.ofSeconds(2)),
                new NotificationProperties.Gateway(urlSms, "acct-9", "key-9", "【居家】", Duration.ofSeconds(2)),
                new NotificationProperties.Simulator(simulator, Duration.ZERO, 0, "jujia-demo", "demo-gateway-secret"), Duration.ofDays(365),
                NotificationProperties.WebPush.defaults());
    }

    GatewayHttp http() {
        return new GatewayHttp(json, new StandardEnvironment());
    }

    static ChannelAdapter.Outbound outbound(Channel channel, String recipient) {
        return new ChannelAdapter.Outbound(77, channel, recipient, null, "燃气报警", "厨房燃气浓度超标",
                Map.of("type", "GAS", "elder", Map.of("name", "李桂英", "address", "平江路 1 号"), "occurredAt", "2026-11-29T19:00:00Z"),
                "alarm:9", true, 1, Instant.parse("2026-11-29T19:00:00.100Z"), "k1:x");
    }

    @Test
    void the120AdapterPostsTheCaseWithBasicCredentialsAndTheIdempotencyKey() {
        var adapter = new Emergency120Adapter(http(), props(url("/cases"), "", false));
        var delivery = adapter.send(outbound(Channel.EMERGENCY_120, "120"));
        assertThat(delivery.acknowledged()).as(delivery.error()).isTrue();
        assertThat(delivery.channelRef()).isEqualTo("C-1");
        Seen s = seen.getFirst();
        assertThat(s.path()).isEqualTo("/cases");
        assertThat(s.headers().get("Authorization")).containsExactly(GatewayHttp.basic("client-7", "s3cret"));
        assertThat(s.headers().get("Idempotency-key")).containsExactly("jujia-notification-77");
        var body = json.readTree(s.body());
        assertThat(body.get("caseRef").asString()).isEqualTo("alarm:9");
        assertThat(body.get("elder").get("address").asString()).isEqualTo("平江路 1 号");
        assertThat(body.get("occurredAt").asString()).isEqualTo("2026-11-29T19:00:00Z");
    }

    @Test
    void onlyAnAcceptedCaseWithAnIdIsAnAcknowledgement() {
        var adapter = new Emergency120Adapter(http(), props(url("/cases"), "", false));
        answer = "{\"accepted\":false,\"caseId\":\"C-2\"}";
        assertThat(adapter.send(outbound(Channel.EMERGENCY_120, "120")).acknowledged()).isFalse();
        answer = "{\"accepted\":true}";
        assertThat(adapter.send(outbound(Channel.EMERGENCY_120, "120")).acknowledged()).isFalse();
        answer = "{\"error\":\"busy\"}";
        status.set(503);
        var failed = adapter.send(outbound(Channel.EMERGENCY_120, "120"));
        assertThat(failed.acknowledged()).isFalse();
        assertThat(failed.error()).startsWith("HTTP 503").contains("busy");
        status.set(200);
        answer = "not json";
        assertThat(adapter.send(outbound(Channel.EMERGENCY_120, "120")).acknowledged()).isFalse();
    }

    @Test
    void aGatewayTooSlowToAnswerIsAFailedAttempt() {
        delayMillis = 3_000; // the adapter waits 2 s
        var failed = new Emergency120Adapter(http(), props(url("/cases"), "", false)).send(outbound(Channel.EMERGENCY_120, "120"));
        assertThat(failed.acknowledged()).isFalse();
        assertThat(failed.error()).contains("timeout");
    }

    @Test
    void anUnreachableGatewayIsAFailedAttempt() {
        String closed = url("/cases");
        server.stop(0);
        var failed = new Emergency120Adapter(http(), props(closed, "", false)).send(outbound(Channel.EMERGENCY_120, "120"));
        assertThat(failed.acknowledged()).isFalse();
        assertThat(failed.error()).startsWith("120 gateway unreachable");
    }

    @Test
    void theSmsAdapterPostsTheTextWithTheApiKeyAndAccount() {
        answer = "{\"messageId\":\"M-5\",\"status\":\"ACCEPTED\"}";
        status.set(202);
        var delivery = new SmsAdapter(http(), props("", url("/sms"), false)).send(outbound(Channel.SMS, "13800138000"));
        assertThat(delivery.acknowledged()).as(delivery.error()).isTrue();
        assertThat(delivery.channelRef()).isEqualTo("M-5");
        Seen s = seen.getFirst();
        assertThat(s.headers().get("Authorization")).containsExactly("Bearer key-9");
        assertThat(s.headers().get("X-account")).containsExactly("acct-9");
        assertThat(s.headers().get("Idempotency-key")).containsExactly("jujia-notification-77");
        var body = json.readTree(s.body());
        assertThat(body.get("to").asString()).isEqualTo("13800138000");
        assertThat(body.get("text").asString()).isEqualTo("【居家】燃气报警：厨房燃气浓度超标");
        assertThat(body.get("reference").asString()).isEqualTo("alarm:9");
    }

    @Test
    void anUnconfiguredGatewayFailsEveryAttemptAndIsReportedAtStartUp() {
        var props = props("", "", false);
        var emergency = new Emergency120Adapter(http(), props);
        var sms = new SmsAdapter(http(), props);
        assertThat(emergency.configured()).isFalse();
        assertThat(sms.configured()).isFalse();
        assertThat(emergency.send(outbound(Channel.EMERGENCY_120, "120")).error()).contains("jujia.notification.emergency120.url");
        assertThat(sms.send(outbound(Channel.SMS, "13800138000")).error()).contains("jujia.notification.sms.url");

        Logger logger = (Logger) LoggerFactory.getLogger(ChannelCheck.class);
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        logger.addAppender(appender);
        try {
            new ChannelCheck(List.of(emergency, sms), props).report();
        } finally {
            logger.detachAppender(appender);
        }
        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(m -> assertThat(m).contains("EMERGENCY_120 is NOT CONFIGURED").contains("jujia.notification.emergency120.url"))
                .anySatisfy(m -> assertThat(m).contains("SMS is NOT CONFIGURED").contains("jujia.notification.sms.url"));
        assertThat(seen).isEmpty();
    }

    @Test
    void withTheSimulatorOnAnUnconfiguredGatewayPointsAtThisServer() {
        var env = new StandardEnvironment();
        env.getSystemProperties().put("local.server.port", "18123");
        var target = new GatewayHttp(json, env).target(props("", "", true).emergency120(), props("", "", true).simulator(), Emergency120Adapter.SIM_PATH);
        assertThat(target).isPresent();
        assertThat(target.get().url().toString()).isEqualTo("http://localhost:18123/sim/emergency-120/cases");
        assertThat(target.get().username()).isEqualTo("jujia-demo");
        assertThat(new Emergency120Adapter(http(), props("", "", true)).configured()).isTrue();
        // a configured URL wins over the simulator
        assertThat(new GatewayHttp(json, env).target(props(url("/x"), "", true).emergency120(), props("", "", true).simulator(), "/sim")
                .orElseThrow().url().toString()).isEqualTo(url("/x"));
    }
}
