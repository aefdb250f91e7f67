package org.jujia.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import tools.jackson.databind.json.JsonMapper;

/**
 * The voice-call port's HTTP adapter against a JDK HTTP server standing in for a configured call-centre gateway: the
 * request it sends (credentials, idempotency key, script, ring time), how each answer becomes an outcome, and that
 * nothing — an error status, nonsense, a timeout, no gateway at all — escapes as an exception.
 */
class VoiceGatewayHttpIT {

    record Seen(String path, Map<String, List<String>> headers, String body) {
    }

    static final Instant NOW = Instant.parse("2026-11-30T01:05:00Z");

    HttpServer server;
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final AtomicInteger status = new AtomicInteger(200);
    volatile String answer = "{\"callId\":\"VC-1\",\"outcome\":\"ANSWERED\",\"keypad\":\"1\",\"endedAt\":\"2026-11-30T01:05:31Z\"}";
    volatile long delayMillis;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
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

    VoiceCalls port(String url, boolean simulator, Duration timeout) {
        var notification = new NotificationProperties(new NotificationProperties.Dispatch(32, Duration.ofSeconds(1), 200, Duration.ofSeconds(30),
                Duration.ofSeconds(1), Duration.ofMinutes(5), 5, 20, 4), new NotificationProperties.Gateway("", "", "", "", Duration.ofSeconds(2)),
                new NotificationProperties.Gateway("", "", "", "", Duration.ofSeconds(2)),
                new NotificationProperties.Simulator(simulator, Duration.ZERO, 0, "jujia-demo", "demo-gateway-secret"), Duration.ofDays(365),
                NotificationProperties.WebPush.defaults());
        var voice = new VoiceProperties(url, "acct-3", "voice-key", timeout, 35, "zh-CN-female",
                new VoiceProperties.Simulator(0.85, 0.02, Duration.ZERO));
        return new VoiceCalls(new GatewayHttp(json, new StandardEnvironment()), voice, notification, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    VoiceCalls port() {
        return port("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/calls", false, Duration.ofSeconds(2));
    }

    static VoiceCallRequest call() {
        return new VoiceCallRequest("13912345678", "张桂英您好……身体好请按 1，需要帮助请按 2。", "voice-call:42:1");
    }

    @Test
    void postsTheCallWithCredentialsIdempotencyKeyScriptAndRingTime() {
        VoiceCallResult r = port().place(call());
        assertThat(r.outcome()).isEqualTo(VoiceOutcome.ANSWERED);
        assertThat(r.keypad()).isEqualTo("1");
        assertThat(r.callId()).isEqualTo("VC-1");
        assertThat(r.endedAt()).isEqualTo(Instant.parse("2026-11-30T01:05:31Z"));
        assertThat(r.error()).isNull();
        Seen s = seen.getFirst();
        assertThat(s.path()).isEqualTo("/v1/calls");
        assertThat(s.headers().get("Authorization")).containsExactly("Bearer voice-key");
        assertThat(s.headers().get("X-account")).containsExactly("acct-3");
        assertThat(s.headers().get("Idempotency-key")).containsExactly("voice-call:42:1");
        var body = json.readTree(s.body());
        assertThat(body.get("to").asString()).isEqualTo("13912345678");
        assertThat(body.get("script").asString()).contains("需要帮助请按 2");
        assertThat(body.get("reference").asString()).isEqualTo("voice-call:42:1");
        assertThat(body.get("ringSeconds").asInt()).isEqualTo(35);
        assertThat(body.get("maxDigits").asInt()).isEqualTo(1);
        assertThat(body.get("voice").asString()).isEqualTo("zh-CN-female");
    }

    @Test
    void eachOutcomeIsReadAndAKeypadOnlyCountsWhenAnswered() {
        answer = "{\"callId\":\"VC-2\",\"outcome\":\"NO_ANSWER\",\"keypad\":\"1\"}";
        VoiceCallResult r = port().place(call());
        assertThat(r.outcome()).isEqualTo(VoiceOutcome.NO_ANSWER);
        assertThat(r.keypad()).isNull();
        assertThat(r.endedAt()).as("no endedAt: our time").isEqualTo(NOW);
        answer = "{\"callId\":\"VC-3\",\"outcome\":\"BUSY\"}";
        assertThat(port().place(call()).outcome()).isEqualTo(VoiceOutcome.BUSY);
        answer = "{\"callId\":\"VC-4\",\"outcome\":\"ANSWERED\"}";
        assertThat(port().place(call())).satisfies(x -> {
            assertThat(x.outcome()).isEqualTo(VoiceOutcome.ANSWERED);
            assertThat(x.keypad()).as("answered, no key pressed").isNull();
        });
        answer = "{\"callId\":\"VC-5\",\"outcome\":\"ANSWERED\",\"keypad\":\" 2 \"}";
        assertThat(port().place(call()).keypad()).isEqualTo("2");
        answer = "{\"callId\":\"VC-6\",\"outcome\":\"ANSWERED\",\"keypad\":\"<script>\"}";
        assertThat(port().place(call()).keypad()).as("not digits: ignored").isNull();
        answer = "{\"callId\":\"VC-7\",\"outcome\":\"FAILED\",\"error\":\"number not in service\"}";
        assertThat(port().place(call())).satisfies(x -> {
            assertThat(x.outcome()).isEqualTo(VoiceOutcome.FAILED);
            assertThat(x.error()).isEqualTo("number not in service");
        });
    }

    @Test
    void errorsNonsenseAndTimeoutsAreFailedCallsNotExceptions() {
        status.set(503);
        answer = "{\"error\":\"busy\"}";
        assertThat(port().place(call())).satisfies(x -> {
            assertThat(x.outcome()).isEqualTo(VoiceOutcome.FAILED);
            assertThat(x.error()).startsWith("HTTP 503").contains("busy");
        });
        status.set(200);
        answer = "not json";
        assertThat(port().place(call()).outcome()).isEqualTo(VoiceOutcome.FAILED);
        answer = "{\"callId\":\"VC-8\",\"outcome\":\"HUNG_UP\"}";
        assertThat(port().place(call())).satisfies(x -> {
            assertThat(x.outcome()).isEqualTo(VoiceOutcome.FAILED);
            assertThat(x.error()).contains("no known outcome");
        });
        delayMillis = 1500;
        var slow = port("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/calls", false, Duration.ofMillis(300)).place(call());
        assertThat(slow.outcome()).isEqualTo(VoiceOutcome.FAILED);
        assertThat(slow.error()).contains("timeout");
    }

    @Test
    void withoutAGatewayOrSimulatorEveryCallFailsAsNotConfigured() {
        VoiceCalls none = port("", false, Duration.ofSeconds(1));
        assertThat(none.configured()).isFalse();
        assertThat(none.place(call())).satisfies(x -> {
            assertThat(x.outcome()).isEqualTo(VoiceOutcome.FAILED);
            assertThat(x.error()).contains("jujia.notification.voice.url");
        });
        assertThat(seen).isEmpty();
        assertThat(port("", true, Duration.ofSeconds(1)).configured()).isTrue();
        server.stop(0);
        assertThat(port().place(call()).error()).contains("unreachable");
    }

    @Test
    void aCallNeedsANumberAScriptAndAReference() {
        assertThatThrownBy(() -> new VoiceCallRequest(" ", "x", "r")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VoiceCallRequest("13912345678", "", "r")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VoiceCallRequest("13912345678", "x", null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(VoiceSimulator.valid("ANSWERED:2")).isTrue();
        assertThat(VoiceSimulator.valid("ANSWERED:")).isFalse();
        assertThat(VoiceSimulator.valid("HUNG_UP")).isFalse();
    }
}
