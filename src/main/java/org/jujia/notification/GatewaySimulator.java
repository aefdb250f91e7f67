package org.jujia.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jujia.shared.PhoneNumber;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo profile's simulated 120 emergency gateway and SMS gateway: real HTTP endpoints with the contracts the
 * adapters speak, checking the configured credentials, with configurable latency and failure injection
 * ({@link SimulatorState}). They are machine endpoints authenticated by those credentials, not by a user login.
 */
@RestController
@ConditionalOnProperty(prefix = "jujia.notification.simulator", name = "enabled", havingValue = "true")
class GatewaySimulator {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final SimulatorState state;
    private final SimulatorStore store;
    private final JsonMapper json;
    private final Clock clock;

    GatewaySimulator(SimulatorState state, SimulatorStore store, JsonMapper json, Clock clock) {
        this.state = state;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /** The simulated 120 centre: {@code POST /sim/emergency-120/cases} (HTTP Basic). */
    @PostMapping(path = Emergency120Adapter.SIM_PATH, consumes = "application/json", produces = "application/json")
    ResponseEntity<Map<String, Object>> emergencyCase(@RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestHeader(name = "Idempotency-Key", required = false) String key, @RequestBody JsonNode body) {
        if (!same(authorization, GatewayHttp.basic(state.username, state.password))) {
            return error(HttpStatus.UNAUTHORIZED, "unauthorized", "bad client credentials");
        }
        if (key == null || key.isBlank() || key.length() > 120) {
            return error(HttpStatus.BAD_REQUEST, "idempotency_key_required", "Idempotency-Key header is required");
        }
        String caseRef = text(body, "caseRef");
        JsonNode elder = body.path("elder");
        boolean located = text(elder, "address") != null || (elder.hasNonNull("lat") && elder.hasNonNull("lon"));
        if (caseRef == null || text(body, "occurredAt") == null || !located) {
            return error(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_case", "caseRef, occurredAt and elder.address or elder.lat/lon are required");
        }
        if (simulate(SimulatorState.Gateway.EMERGENCY_120, caseRef)) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, "busy", "simulated failure: all lines busy");
        }
        var accepted = store.receive(SimulatorState.Gateway.EMERGENCY_120, key, "120-" + LocalDate.now(clock).format(DAY) + "-",
                json.writeValueAsString(body), clock.instant());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accepted", true);
        answer.put("caseId", accepted.externalId());
        answer.put("duplicate", accepted.duplicate());
        return ResponseEntity.status(accepted.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(answer);
    }

    /** The simulated SMS gateway: {@code POST /sim/sms/messages} (Bearer API key, {@code X-Account}). */
    @PostMapping(path = SmsAdapter.SIM_PATH, consumes = "application/json", produces = "application/json")
    ResponseEntity<Map<String, Object>> sms(@RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestHeader(name = "X-Account", required = false) String account,
            @RequestHeader(name = "Idempotency-Key", required = false) String key, @RequestBody JsonNode body) {
        if (!same(authorization, "Bearer " + state.password) || !same(account, state.username)) {
            return error(HttpStatus.UNAUTHORIZED, "unauthorized", "bad API key or account");
        }
        if (key == null || key.isBlank() || key.length() > 120) {
            return error(HttpStatus.BAD_REQUEST, "idempotency_key_required", "Idempotency-Key header is required");
        }
        String to = text(body, "to");
        String text = text(body, "text");
        if (to == null || !PhoneNumber.isValid(to) || !PhoneNumber.parse(to).value().startsWith("1") || text == null || text.isBlank()) {
            return error(HttpStatus.UNPROCESSABLE_CONTENT, "invalid_message", "to (a mobile number) and text are required");
        }
        if (simulate(SimulatorState.Gateway.SMS, text(body, "reference"))) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, "busy", "simulated failure: gateway busy");
        }
        var accepted = store.receive(SimulatorState.Gateway.SMS, key, "SM", json.writeValueAsString(body), clock.instant());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("messageId", accepted.externalId(), "status", "ACCEPTED",
                "duplicate", accepted.duplicate()));
    }

    /** Waits the configured latency, then says whether this request fails. */
    private boolean simulate(SimulatorState.Gateway gateway, String reference) {
        Duration latency = state.settings(gateway).latency();
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return state.shouldFail(gateway, reference);
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

    /** The simulators are reached by the adapters with gateway credentials: no session, no CSRF token. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "jujia.notification.simulator", name = "enabled", havingValue = "true")
    static class SimulatorSecurity {

        @Bean
        @Order(0)
        SecurityFilterChain simulatorChain(HttpSecurity http) throws Exception {
            http.securityMatcher("/sim/**")
                    .csrf(c -> c.disable())
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                    .httpBasic(b -> b.disable())
                    .formLogin(f -> f.disable());
            return http.build();
        }
    }

}
