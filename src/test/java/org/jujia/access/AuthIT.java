package org.jujia.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Bearer tokens, revocation, login throttling and user administration over HTTP. */
@IntegrationTest
class AuthIT {

    @LocalServerPort
    int port;

    static int seq = (int) (System.nanoTime() % 10000);

    String newUser(String role, long homeNodeId) {
        String username = "user" + (++seq);
        var r = Api.as(port, "admin").post("/api/v1/users", Map.of("username", username, "displayName", "测试用户", "password", "Good-pass-2026",
                "roles", List.of(role), "homeNodeId", homeNodeId));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return username;
    }

    long nodeId(String code) {
        for (JsonNode n : Api.as(port, "admin").get("/api/v1/regions").json()) {
            if (n.get("code").asText().equals(code)) {
                return n.get("id").asLong();
            }
        }
        throw new AssertionError(code);
    }

    @Test
    void tokenEndpointAnswersTheContractShape() {
        var r = Api.anonymous(port).post("/api/v1/auth/token", Map.of("username", "street1", "password", "demo123"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(r.json().get("expiresIn").asLong()).isEqualTo(8 * 3600);
        assertThat(r.json().get("accessToken").asText()).hasSizeGreaterThan(30);
    }

    @Test
    void withoutAValidTokenTheApiAnswers401WithAProblem() {
        var r = Api.anonymous(port).get("/api/v1/regions");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("type").asText()).endsWith("/unauthenticated");
        var bad = Api.anonymous(port).post("/api/v1/auth/token", Map.of("username", "street1", "password", "wrong"));
        assertThat(bad.status()).isEqualTo(401);
        assertThat(Api.anonymous(port).post("/api/v1/auth/token", Map.of("username", "street1")).status()).isEqualTo(400);
    }

    @Test
    void revokedTokensStopWorking() {
        Api api = Api.as(port, "street2");
        assertThat(api.get("/api/v1/auth/me").status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/auth/token").status()).isEqualTo(204);
        assertThat(api.get("/api/v1/auth/me").status()).isEqualTo(401);
    }

    @Test
    void theFifthWrongPasswordLocksTheAccount() {
        String username = newUser("COMMUNITY_WORKER", nodeId("320508001001"));
        Api anon = Api.anonymous(port);
        for (int i = 0; i < 4; i++) {
            assertThat(anon.post("/api/v1/auth/token", Map.of("username", username, "password", "wrong-" + i)).json().get("type").asText())
                    .endsWith("/bad-credentials");
        }
        assertThat(anon.post("/api/v1/auth/token", Map.of("username", username, "password", "Good-pass-2026")).status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            anon.post("/api/v1/auth/token", Map.of("username", username, "password", "wrong-" + i));
        }
        var locked = anon.post("/api/v1/auth/token", Map.of("username", username, "password", "Good-pass-2026"));
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.json().get("type").asText()).endsWith("/locked");
    }

    @Test
    void changingThePasswordRevokesTokens() {
        String username = newUser("ASSESSOR", nodeId("320508"));
        Api api = Api.as(port, username, "Good-pass-2026");
        assertThat(api.post("/api/v1/auth/password", Map.of("currentPassword", "nope", "newPassword", "Other-pass-2027")).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/auth/password", Map.of("currentPassword", "Good-pass-2026", "newPassword", "short")).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/auth/password", Map.of("currentPassword", "Good-pass-2026", "newPassword", "Other-pass-2027")).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/auth/me").status()).isEqualTo(401);
        assertThat(Api.as(port, username, "Other-pass-2027").get("/api/v1/auth/me").status()).isEqualTo(200);
    }

    @Test
    void userAdministrationIsForAdministratorsWithinTheirArea() {
        assertThat(Api.as(port, "street1").get("/api/v1/users").status()).isEqualTo(403);
        Api admin = Api.as(port, "admin");
        assertThat(admin.get("/api/v1/users?q=street").json().get("totalElements").asLong()).isGreaterThanOrEqualTo(2);
        var weak = admin.post("/api/v1/users", Map.of("username", "weakling", "displayName", "x", "password", "demo123",
                "roles", List.of("CAREGIVER"), "homeNodeId", nodeId("320508001")));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("errors").get(0).get("field").asText()).isEqualTo("password");
        var taken = admin.post("/api/v1/users", Map.of("username", "street1", "displayName", "x", "password", "Good-pass-2026",
                "roles", List.of("CAREGIVER"), "homeNodeId", nodeId("320508001")));
        assertThat(taken.status()).isEqualTo(409);
    }

    @Test
    void regionsAreScopedAndEditableOnlyBelowTheCallersNode() {
        Api street1 = Api.as(port, "street1");
        List<String> codes = new java.util.ArrayList<>();
        street1.get("/api/v1/regions").json().forEach(n -> codes.add(n.get("code").asText()));
        assertThat(codes).contains("320508001", "320508001001").doesNotContain("320508002", "320508");
        assertThat(street1.get("/api/v1/regions/" + nodeId("320508002")).status()).isEqualTo(404);
        Api admin = Api.as(port, "admin");
        var created = admin.post("/api/v1/regions", Map.of("code", "32050800100" + (seq++ % 9) + "9" + seq, "name", "测试小区", "level", "COMPLEX",
                "parentId", nodeId("320508001001")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("path").asText()).endsWith("/" + created.json().get("id").asLong() + "/");
        var wrongLevel = admin.post("/api/v1/regions", Map.of("code", "X" + seq, "name", "错层级", "level", "STREET", "parentId", nodeId("320508001001")));
        assertThat(wrongLevel.status()).isEqualTo(400);
        assertThat(wrongLevel.json().get("errors").get(0).get("field").asText()).isEqualTo("level");
    }
}
