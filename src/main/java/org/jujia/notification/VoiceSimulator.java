package org.jujia.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.jujia.shared.PhoneNumber;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The demo profile's simulated call centre (served while {@code jujia.notification.simulator.enabled}), speaking the
 * contract of {@link VoiceCalls}: {@code POST /sim/voice/calls} with the simulators' credentials ({@code Authorization:
 * Bearer <password>}, {@code X-Account: <username>}). Each call "rings" for the configured latency and is answered with
 * the configured probability ({@code jujia.notification.voice.simulator.answer-rate}); an answered elder presses 1,
 * or 2 ("need help") with {@code help-rate}. A repeated {@code Idempotency-Key} gets the first answer again.
 *
 * <p>For demos and tests the outcomes of the next calls to one number can be scripted:
 * {@code POST /sim/voice/scripts {"to": "13912345678", "outcomes": ["NO_ANSWER", "BUSY", "ANSWERED:2", "FAILED"]}}
 * (same credentials) — each call to that number takes the next scripted outcome ({@code ANSWERED:<digits>} answers
 * with a keypad reply, plain {@code ANSWERED} with none); when the script is used up the random behaviour resumes.
 */
@RestController
@ConditionalOnProperty(prefix = "jujia.notification.simulator", name = "enabled", havingValue = "true")
class VoiceSimulator {

    static final String SCRIPT_PATH = "/sim/voice/scripts";
    private static final int REMEMBERED = 20_000;

    private final VoiceProperties.Simulator behaviour;
    private final String username;
    private final String password;
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Deque<String>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> answered = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, Object>> eldest) {
            return size() > REMEMBERED;
        }
    });

    VoiceSimulator(VoiceProperties voice, NotificationProperties props, Clock clock) {
        this.behaviour = voice.simulator();
        this.username = props.simulator().username();
        this.password = props.simulator().password();
        this.clock = clock;
    }

    @PostMapping(path = VoiceCalls.SIM_PATH, consumes = "application/json", produces = "application/json")
    ResponseEntity<Map<String, Object>> call(@RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestHeader(name = "X-Account", required = false) String account,
            @RequestHeader(name = "Idempotency-Key", required = false) String key, @RequestBody JsonNode body) {
        if (!authorised(authorization, account)) {
            return error(HttpStatus.UNAUTHORIZED, "unauthorized", "bad API key or account");
        }
        if (key == null || key.isBlank() || key.length() > 120) {
            return error(HttpStatus.BAD_REQUEST, "idempotency_key_required", "Idempotency-Key header is required");
        }
        String to = text(body, "to");
        if (to == null || !PhoneNumber.isValid(to) || text(body, "script") == null) {
            return error(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_call", "to (a phone number) and script are required");
        }
        Map<String, Object> earlier = answered.get(key);
        if (earlier != null) {
            return ResponseEntity.ok(earlier);
        }
        if (!behaviour.latency().isZero()) {
            try {
                Thread.sleep(behaviour.latency());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String decided = next(PhoneNumber.parse(to).value());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("callId", String.format("VC%08d", ids.incrementAndGet()));
        int colon = decided.indexOf(':');
        String outcome = colon < 0 ? decided : decided.substring(0, colon);
        answer.put("outcome", outcome);
        if (colon > 0) {
            answer.put("keypad", decided.substring(colon + 1));
        }
        if (outcome.equals("FAILED")) {
            answer.put("error", "simulated: number not in service");
        }
        answer.put("endedAt", clock.instant().toString());
        answered.put(key, answer);
        return ResponseEntity.ok(answer);
    }

    @PostMapping(path = SCRIPT_PATH, consumes = "application/json", produces = "application/json")
    ResponseEntity<Map<String, Object>> script(@RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestHeader(name = "X-Account", required = false) String account, @RequestBody JsonNode body) {
        if (!authorised(authorization, account)) {
            return error(HttpStatus.UNAUTHORIZED, "unauthorized", "bad API key or account");
        }
        String to = text(body, "to");
        if (to == null || !PhoneNumber.isValid(to) || !body.path("outcomes").isArray()) {
            return error(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_script", "to (a phone number) and outcomes (an array) are required");
        }
        List<String> outcomes = new ArrayList<>();
        for (JsonNode o : body.path("outcomes")) {
            String s = o.asString();
            if (!valid(s)) {
                return error(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_outcome",
                        "outcomes are ANSWERED, ANSWERED:<digits>, NO_ANSWER, BUSY or FAILED: " + s);
            }
            outcomes.add(s);
        }
        scripts.put(PhoneNumber.parse(to).value(), new ArrayDeque<>(outcomes));
        return ResponseEntity.ok(Map.of("to", to, "scripted", outcomes.size()));
    }

    static boolean valid(String s) {
        return s != null && (s.equals("ANSWERED") || s.equals("NO_ANSWER") || s.equals("BUSY") || s.equals("FAILED")
                || s.matches("ANSWERED:[0-9*#]{1,8}"));
    }

    /** The scripted outcome for this number if there is one left, else a random one. */
    private String next(String phone) {
        Deque<String> script = scripts.get(phone);
        if (script != null) {
            synchronized (script) {
                String s = script.pollFirst();
                if (s != null) {
                    return s;
                }
            }
        }
        var random = ThreadLocalRandom.current();
        if (random.nextDouble() < behaviour.answerRate()) {
            return random.nextDouble() < behaviour.helpRate() ? "ANSWERED:2" : "ANSWERED:1";
        }
        return random.nextInt(5) == 0 ? "BUSY" : "NO_ANSWER";
    }

    private boolean authorised(String authorization, String account) {
        return same(authorization, "Bearer " + password) && same(account, username);
    }

    private static String text(JsonNode node, String field) {
        return node != null && node.hasNonNull(field) && !node.get(field).asString().isBlank() ? node.get(field).asString() : null;
    }

    private static boolean same(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("error", code, "message", message));
    }
}
