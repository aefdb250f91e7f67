package org.jujia.visit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP face comparison adapter: {@code POST <url>} with {@code {"enrolled": "<base64 JPEG>", "probe": "<base64 JPEG>"}}
 * and the API key in a header ({@code X-Api-Key} by default); the service answers {@code 200 {"score": 0–100}} (a number,
 * rounded down here). Anything else — a timeout, another status, a missing or out-of-range score — is a
 * {@link FaceComparison.FaceUnavailableException}.
 */
final class FaceServiceHttp implements FaceComparison {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final VisitProperties.Face config;
    private final HttpClient http;

    FaceServiceHttp(VisitProperties.Face config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    @Override
    public int compare(byte[] enrolledJpeg, byte[] probeJpeg) {
        if (!config.configured()) {
            throw new FaceUnavailableException("no face service configured (jujia.visit.face.url)", null);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enrolled", Base64.getEncoder().encodeToString(enrolledJpeg));
        body.put("probe", Base64.getEncoder().encodeToString(probeJpeg));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(config.url())).timeout(config.timeout())
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        if (config.apiKey() != null && !config.apiKey().isBlank()) {
            b.header(config.apiKeyHeader(), config.apiKey());
        }
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new FaceUnavailableException("face service unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FaceUnavailableException("interrupted", e);
        }
        if (r.statusCode() != 200) {
            throw new FaceUnavailableException("face service answered " + r.statusCode(), null);
        }
        JsonNode score;
        try {
            score = JSON.readTree(r.body()).get("score");
        } catch (RuntimeException e) {
            throw new FaceUnavailableException("face service answered no JSON", e);
        }
        if (score == null || !score.isNumber() || score.asDouble() < 0 || score.asDouble() > 100) {
            throw new FaceUnavailableException("face service answered no score 0–100: " + r.body(), null);
        }
        return (int) Math.floor(score.asDouble());
    }
}
