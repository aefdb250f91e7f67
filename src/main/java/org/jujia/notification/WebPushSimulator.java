package org.jujia.notification;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo profile's simulated Web Push service ({@code POST /sim/web-push/messages}): a demo machine cannot reach the
 * browsers' real push services, so the adapter sends here (the browser's endpoint in {@code X-Push-Endpoint}), and
 * this checks what a push service checks — the VAPID JWT's ES256 signature against the {@code k} key, its audience
 * (the endpoint's origin) and expiry (within 24 h), {@code TTL}, the {@code aes128gcm} header (record size, a P-256
 * sender key) and the 4 KB limit — then records the message (it cannot read it: only the browser holds the key) and
 * answers 201 like a push service. Latency and failures follow {@link SimulatorState} (gateway WEB_PUSH).
 */
@RestController
@ConditionalOnProperty(prefix = "jujia.notification.simulator", name = "enabled", havingValue = "true")
class WebPushSimulator {

    private static final Pattern VAPID = Pattern.compile("vapid\\s+t=([A-Za-z0-9_.-]+)\\s*,\\s*k=([A-Za-z0-9_-]+)");

    private final SimulatorState state;
    private final SimulatorStore store;
    private final JsonMapper json;
    private final Clock clock;

    WebPushSimulator(SimulatorState state, SimulatorStore store, JsonMapper json, Clock clock) {
        this.state = state;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping(path = WebPushAdapter.SIM_PATH)
    ResponseEntity<Map<String, Object>> push(@RequestHeader(name = WebPushAdapter.ENDPOINT_HEADER, required = false) String endpoint,
            @RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestHeader(name = "Content-Encoding", required = false) String encoding, @RequestHeader(name = "TTL", required = false) String ttl,
            @RequestHeader(name = "Urgency", required = false) String urgency, @RequestBody(required = false) byte[] body) {
        Instant now = clock.instant();
        String problem = check(endpoint, authorization, encoding, ttl, body, now);
        if (problem != null) {
            return ResponseEntity.status(problem.startsWith("401") ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST)
                    .body(Map.of("error", problem.substring(4)));
        }
        Duration latency = state.settings(SimulatorState.Gateway.WEB_PUSH).latency();
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (state.shouldFail(SimulatorState.Gateway.WEB_PUSH, null)) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", "simulated failure: push service busy"));
        }
        Map<String, Object> record = new LinkedHashMap<>();
        URI u = URI.create(endpoint);
        record.put("pushService", Vapid.audience(u));
        record.put("subscription", PushSubscriptions.hash(endpoint).substring(0, 12));
        record.put("bytes", body.length);
        record.put("ttl", Long.parseLong(ttl.strip()));
        record.put("urgency", urgency == null ? "normal" : urgency);
        String salt = WebPushCrypto.b64(java.util.Arrays.copyOf(body, 16));
        var accepted = store.receive(SimulatorState.Gateway.WEB_PUSH, "push-" + salt, "PUSH", json.writeValueAsString(record), now);
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/sim/web-push/messages/" + accepted.externalId())
                .body(Map.of("messageId", accepted.externalId()));
    }

    /** What a push service would refuse: "401 …" or "400 …"; null when the request is acceptable. */
    String check(String endpoint, String authorization, String encoding, String ttl, byte[] body, Instant now) {
        if (endpoint == null || !PushSubscriptions.validEndpoint(endpoint, true)) {
            return "400 X-Push-Endpoint (the subscription's endpoint) is required";
        }
        Matcher m = authorization == null ? null : VAPID.matcher(authorization.strip());
        if (m == null || !m.matches()) {
            return "401 Authorization: vapid t=<JWT>, k=<key> is required";
        }
        byte[] key;
        try {
            key = WebPushCrypto.unb64(m.group(2));
        } catch (IllegalArgumentException e) {
            return "401 k is not base64url";
        }
        if (!Vapid.verify(m.group(1), key)) {
            return "401 VAPID signature does not verify with k";
        }
        JsonNode claims;
        try {
            claims = json.readTree(new String(WebPushCrypto.unb64(m.group(1).split("\\.")[1]), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return "401 unreadable JWT claims";
        }
        if (!Vapid.audience(URI.create(endpoint)).equals(claims.path("aud").asString(""))) {
            return "401 JWT aud is not the push service's origin";
        }
        long exp = claims.path("exp").asLong(0);
        if (exp <= now.getEpochSecond() || exp > now.plus(Vapid.MAX_VALIDITY).getEpochSecond()) {
            return "401 JWT exp must lie within the next 24 hours";
        }
        if (!claims.path("sub").asString("").startsWith("mailto:") && !claims.path("sub").asString("").startsWith("https:")) {
            return "401 JWT sub must be a mailto: or https: contact";
        }
        if (!"aes128gcm".equalsIgnoreCase(encoding == null ? "" : encoding.strip())) {
            return "400 Content-Encoding must be aes128gcm";
        }
        if (ttl == null || !ttl.strip().matches("\\d{1,9}")) {
            return "400 TTL header is required";
        }
        if (body == null || body.length < 16 + 4 + 1 + 65 + 17 || body.length > 4096) {
            return "400 body must be an aes128gcm message of at most 4096 bytes";
        }
        ByteBuffer b = ByteBuffer.wrap(body);
        b.position(16);
        int rs = b.getInt();
        int idlen = Byte.toUnsignedInt(b.get());
        byte[] keyId = new byte[Math.min(idlen, 65)];
        b.get(keyId);
        if (rs < 18 || idlen != 65 || !WebPushCrypto.onCurve(keyId)) {
            return "400 aes128gcm header must carry the record size and the sender's P-256 key";
        }
        return null;
    }
}
