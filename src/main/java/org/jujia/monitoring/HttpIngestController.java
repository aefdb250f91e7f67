package org.jujia.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP ingest for devices that cannot speak MQTT: the same payload schema and the same pipeline (persisted,
 * de-duplicated and handed to the alarm rules before the answer). HTTP Basic with the device's serial and secret
 * (or, for a sensor it relays, its gateway's). The channel comes from {@code ?channel=events|telemetry|status},
 * else from the message's {@code kind}, else it is {@code events} when the message has an {@code event}, telemetry
 * otherwise.
 */
@RestController
@Tag(name = "Device ingest (HTTP)", description = "For devices without MQTT; authenticated with the device's own credentials (HTTP Basic)")
class HttpIngestController {

    private final DeviceDirectory directory;
    private final IngestPipeline pipeline;
    private final JsonMapper json;
    private final Clock clock;

    HttpIngestController(DeviceDirectory directory, IngestPipeline pipeline, JsonMapper json, Clock clock) {
        this.directory = directory;
        this.pipeline = pipeline;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/ingest/devices/{serial}/messages", consumes = MediaType.ALL_VALUE)
    @Operation(summary = "Send one device message", description = """
            Example (HTTP Basic serial:secret): {"msgId":"a1b2","ts":"2026-11-29T08:15:30Z","event":"SOS","lat":31.32,"lon":120.63}.
            Answers 202 {"msgId","status":"ACCEPTED"|"DUPLICATE"}; a malformed message answers 400 naming the field (and is kept with the rejects).""")
    ResponseEntity<?> message(@PathVariable String serial, @RequestParam(required = false) String channel,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization, @RequestBody(required = false) byte[] body)
            throws InterruptedException {
        Optional<DeviceStore.Record> caller = basic(authorization);
        if (caller.isEmpty()) {
            return problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Device authentication required",
                    "HTTP Basic with the device's serial and secret is required", null);
        }
        Optional<DeviceStore.Record> target = directory.find(serial);
        boolean allowed = caller.get().serial().equals(serial)
                || (target.isPresent() && directory.relays(caller.get().serial(), target.get()));
        if (!allowed) {
            return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "this device may not send messages for " + serial, null);
        }
        DeviceSignal.Kind kind;
        try {
            kind = kind(channel, body);
        } catch (IllegalArgumentException e) {
            return problem(HttpStatus.BAD_REQUEST, "validation", "Invalid input", e.getMessage(), "channel");
        }
        var done = new CompletableFuture<IngestPipeline.Outcome>();
        pipeline.submit(new IngestPipeline.Incoming(serial, kind, body == null ? new byte[0] : body, clock.instant(), "HTTP",
                "/api/v1/ingest/devices/" + serial + "/messages", null, done));
        IngestPipeline.Outcome o;
        try {
            o = done.get(30, TimeUnit.SECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Try again", "the message could not be stored yet; send it again", null);
        }
        if (o.status() == IngestPipeline.Status.REJECTED) {
            var r = o.rejection();
            return problem(HttpStatus.BAD_REQUEST, "validation", "Invalid device message", r.describe(),
                    r.field() == null ? "body" : r.field(), r.reason().name());
        }
        String msgId = msgIdOf(body);
        return ResponseEntity.accepted().body(Map.of("msgId", msgId == null ? "" : msgId, "status", o.status().name()));
    }

    private DeviceSignal.Kind kind(String channel, byte[] body) {
        if (channel != null && !channel.isBlank()) {
            return DeviceTopics.Channel.ofSegment(channel.trim().toLowerCase(java.util.Locale.ROOT)).filter(DeviceTopics.Channel::fromDevice)
                    .map(c -> c.kind).orElseThrow(() -> new IllegalArgumentException("channel must be events, telemetry or status"));
        }
        JsonNode root = tree(body);
        if (root != null && root.isObject()) {
            JsonNode k = root.get("kind");
            if (k != null && k.isString()) {
                String s = k.asString().trim().toUpperCase(java.util.Locale.ROOT);
                for (DeviceSignal.Kind kd : DeviceSignal.Kind.values()) {
                    if (kd.name().equals(s) || (kd.name() + "S").equals(s)) {
                        return kd;
                    }
                }
                throw new IllegalArgumentException("kind must be EVENT, TELEMETRY or STATUS");
            }
            JsonNode ev = root.get("event");
            if (ev != null && !ev.isNull()) {
                return DeviceSignal.Kind.EVENT;
            }
        }
        return DeviceSignal.Kind.TELEMETRY;
    }

    private String msgIdOf(byte[] body) {
        JsonNode root = tree(body);
        return root != null && root.isObject() && root.get("msgId") != null ? root.get("msgId").asString() : null;
    }

    private JsonNode tree(byte[] body) {
        if (body == null || body.length == 0 || body.length > DevicePayloads.MAX_BYTES) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Optional<DeviceStore.Record> basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return directory.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail, String field) {
        return problem(status, type, title, detail, field, type);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail, String field, String code) {
        var p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("https://jujia.org/problems/" + type));
        p.setTitle(title);
        if (field != null) {
            p.setProperty("field", field);
            p.setProperty("errors", java.util.List.of(Map.of("field", field, "code", code, "message", detail)));
        }
        var b = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            b = b.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"jujia-devices\"");
        }
        return b.body(p);
    }
}
