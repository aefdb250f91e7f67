package org.jujia.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP face comparison adapter against a real HTTP server (the JDK's): the documented contract, errors and timeouts. */
class FaceComparisonHttpIT {

    HttpServer server;
    final AtomicReference<String> requestBody = new AtomicReference<>();
    final AtomicReference<String> apiKey = new AtomicReference<>();
    volatile int status = 200;
    volatile String answer = "{\"score\": 93.7}";
    volatile long delayMillis = 0;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/face/compare", ex -> {
            requestBody.set(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            apiKey.set(ex.getRequestHeaders().getFirst("X-Api-Key"));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] b = answer.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    FaceServiceHttp adapter(Duration timeout) {
        return new FaceServiceHttp(new VisitProperties.Face("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/face/compare", null,
                "secret-key", timeout, false));
    }

    @Test
    void posts_both_photos_as_base64_with_the_api_key_and_reads_the_score() {
        byte[] enrolled = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2 };
        byte[] probe = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 3, 4 };
        assertThat(adapter(Duration.ofSeconds(2)).compare(enrolled, probe)).isEqualTo(93);
        JsonNode sent = JsonMapper.builder().build().readTree(requestBody.get());
        assertThat(sent.get("enrolled").asText()).isEqualTo(Base64.getEncoder().encodeToString(enrolled));
        assertThat(sent.get("probe").asText()).isEqualTo(Base64.getEncoder().encodeToString(probe));
        assertThat(apiKey.get()).isEqualTo("secret-key");
    }

    @Test
    void another_status_a_bad_answer_or_a_timeout_make_the_face_unavailable() {
        status = 503;
        assertThatThrownBy(() -> adapter(Duration.ofSeconds(2)).compare(new byte[] { 1 }, new byte[] { 2 }))
                .isInstanceOf(FaceComparison.FaceUnavailableException.class).hasMessageContaining("503");
        status = 200;
        answer = "{\"score\": 140}";
        assertThatThrownBy(() -> adapter(Duration.ofSeconds(2)).compare(new byte[] { 1 }, new byte[] { 2 }))
                .isInstanceOf(FaceComparison.FaceUnavailableException.class);
        answer = "not json";
        assertThatThrownBy(() -> adapter(Duration.ofSeconds(2)).compare(new byte[] { 1 }, new byte[] { 2 }))
                .isInstanceOf(FaceComparison.FaceUnavailableException.class);
        answer = "{\"score\": 50}";
        delayMillis = 1500;
        assertThatThrownBy(() -> adapter(Duration.ofMillis(300)).compare(new byte[] { 1 }, new byte[] { 2 }))
                .isInstanceOf(FaceComparison.FaceUnavailableException.class);
    }

    @Test
    void without_a_url_nothing_is_compared() {
        var none = new FaceServiceHttp(new VisitProperties.Face(null, null, null, null, null));
        assertThatThrownBy(() -> none.compare(new byte[] { 1 }, new byte[] { 2 })).isInstanceOf(FaceComparison.FaceUnavailableException.class);
    }
}
