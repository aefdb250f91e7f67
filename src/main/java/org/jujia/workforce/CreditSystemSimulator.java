package org.jujia.workforce;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;
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

/**
 * The demo profile's simulated social credit system: {@code POST /sim/credit/blacklist} with the bearer token, an
 * idempotency key and a case with name, an 18-character ID number and an action (BAN or CORRECTION); answers a record
 * id (the same for a repeated key). A machine endpoint authenticated by its token, not a user login; it keeps no state
 * (the record id is derived from the idempotency key, so a retried push gets the same record).
 */
@RestController
@ConditionalOnProperty(prefix = "jujia.workforce.credit", name = "simulator", havingValue = "true")
class CreditSystemSimulator {

    private final CreditSystemProperties props;
    private final Clock clock;

    CreditSystemSimulator(CreditSystemProperties props, Clock clock) {
        this.props = props;
        this.clock = clock;
    }

    @PostMapping(path = CreditSystem.SIM_PATH, consumes = "application/json", produces = "application/json")
    ResponseEntity<Map<String, Object>> receive(@RequestHeader(name = "Authorization", required = false) String authorization,
            @RequestHeader(name = "Idempotency-Key", required = false) String key, @RequestBody JsonNode body) {
        String expected = "Bearer " + props.token();
        if (authorization == null || !MessageDigest.isEqual(authorization.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "unauthorized"));
        }
        if (key == null || key.isBlank() || key.length() > 120) {
            return ResponseEntity.badRequest().body(Map.of("error", "idempotency_key_required"));
        }
        String id = body.hasNonNull("idNumber") ? body.get("idNumber").asString() : "";
        String action = body.hasNonNull("action") ? body.get("action").asString() : "";
        if (id.length() != 18 || !body.hasNonNull("name") || !(action.equals("BAN") || action.equals("CORRECTION"))) {
            return ResponseEntity.unprocessableContent().body(Map.of("error", "invalid_case", "message", "name, an 18-character idNumber and action BAN|CORRECTION are required"));
        }
        String record = "XY-" + Integer.toUnsignedString(key.hashCode(), 36).toUpperCase(java.util.Locale.ROOT) + "-"
                + clock.instant().toString().substring(0, 10).replace("-", "");
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("recordId", record, "accepted", true, "at",
                clock.instant().toString()));
    }

    /** The simulator is reached by the adapter with its token: no session, no CSRF token. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "jujia.workforce.credit", name = "simulator", havingValue = "true")
    static class SimulatorSecurity {

        @Bean
        @Order(-1)
        SecurityFilterChain creditSimulatorChain(HttpSecurity http) throws Exception {
            http.securityMatcher("/sim/credit/**")
                    .csrf(c -> c.disable())
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                    .httpBasic(b -> b.disable())
                    .formLogin(f -> f.disable());
            return http.build();
        }
    }
}
