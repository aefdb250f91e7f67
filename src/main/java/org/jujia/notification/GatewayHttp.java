package org.jujia.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON over HTTP for the gateway adapters: one shared JDK client (pooled keep-alive connections). */
@Component
class GatewayHttp {

    /** Where and how to reach a gateway. */
    record Target(URI url, String username, String password, Duration timeout) {
    }

    /** A gateway's answer: status and JSON body (null when not JSON). */
    record Answer(int status, JsonNode json, String raw) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        String text(String field) {
            return json != null && json.hasNonNull(field) ? json.get(field).asString() : null;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json;
    private final Environment env;

    GatewayHttp(JsonMapper json, Environment env) {
        this.json = json;
        this.env = env;
    }

    /**
     * The target of a gateway: its configured URL, or the demo simulator's path on this server when it is not configured
     * and the simulator runs; empty when neither.
     */
    java.util.Optional<Target> target(NotificationProperties.Gateway gateway, NotificationProperties.Simulator sim, String simPath) {
        if (gateway.configured()) {
            return java.util.Optional.of(new Target(URI.create(gateway.url()), gateway.username(), gateway.password(), gateway.timeout()));
        }
        if (sim.enabled()) {
            String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
            return java.util.Optional.of(new Target(URI.create("http://localhost:" + port + simPath), sim.username(), sim.password(),
                    gateway.timeout()));
        }
        return java.util.Optional.empty();
    }

    /** POSTs a JSON body; network failures and timeouts become an exception with a short message. */
    Answer post(Target target, Map<String, String> headers, Object body) throws IOException {
        var request = HttpRequest.newBuilder(target.url()).timeout(target.timeout()).header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json");
        headers.forEach(request::header);
        request.POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode node = null;
            String raw = r.body();
            if (raw != null && !raw.isBlank()) {
                try {
                    node = json.readTree(raw);
                } catch (RuntimeException notJson) {
                    node = null;
                }
            }
            return new Answer(r.statusCode(), node, raw);
        } catch (HttpTimeoutException e) {
            throw new IOException("timeout after " + target.timeout().toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** This server's own URL of a simulator path (the demo simulators answer in the same process). */
    URI local(String simPath) {
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        return URI.create("http://localhost:" + port + simPath);
    }

    /** POSTs raw bytes (a Web Push message); network failures and timeouts become an exception with a short message. */
    Answer postBytes(URI url, Map<String, String> headers, byte[] body, Duration timeout) throws IOException {
        var request = HttpRequest.newBuilder(url).timeout(timeout);
        headers.forEach(request::header);
        request.POST(HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), null, r.body());
        } catch (HttpTimeoutException e) {
            throw new IOException("timeout after " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static String basic(String username, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String describe(Answer a) {
        String raw = a.raw() == null ? "" : a.raw().strip();
        return "HTTP " + a.status() + (raw.isEmpty() ? "" : ": " + (raw.length() > 200 ? raw.substring(0, 200) + "..." : raw));
    }
}
