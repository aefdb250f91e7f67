package org.jujia.elder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Jurisdiction scoping through the real HTTP API: every demo role reads and changes only its own area, and
 * another area's elder is "not found" on every elder endpoint, changing nothing.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ElderScopingIT {

    @LocalServerPort
    int port;

    long street1Elder;
    long street2Elder;
    long familyElder;

    @BeforeAll
    void findElders() {
        Api admin = Api.as(port, "admin");
        street1Elder = firstElder(admin, "320508001002");
        street2Elder = firstElder(admin, "320508002001");
        familyElder = firstElder(admin, "320508001001");
    }

    private static long firstElder(Api api, String communityCode) {
        JsonNode page = api.get("/api/v1/elders?communityCode=" + communityCode + "&size=1&sort=id").json();
        assertThat(page.get("totalElements").asLong()).as("demo elders in " + communityCode).isPositive();
        return page.get("content").get(0).get("id").asLong();
    }

    @Test
    void adminSeesTheWholeCity() {
        Api admin = Api.as(port, "admin");
        assertThat(admin.get("/api/v1/elders/" + street1Elder).status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/elders/" + street2Elder).status()).isEqualTo(200);
    }

    @Test
    void streetOfficerSearchReturnsOnlyTheirStreet() {
        Api street1 = Api.as(port, "street1");
        JsonNode page = street1.get("/api/v1/elders?size=200").json();
        long total = page.get("totalElements").asLong();
        long cityTotal = Api.as(port, "admin").get("/api/v1/elders?size=1").json().get("totalElements").asLong();
        assertThat(total).isPositive().isLessThan(cityTotal);
        for (JsonNode e : page.get("content")) {
            assertThat(e.get("communityName").asText()).isIn("平江新村社区", "大儒巷社区", "东园社区", "钮家巷社区");
        }
    }

    @Test
    void anotherAreasElderIsNotFoundOnEveryEndpointAndNothingChanges() {
        Api street1 = Api.as(port, "street1");
        String path = "/api/v1/elders/" + street2Elder;
        String before = Api.as(port, "admin").get(path).body();

        assertThat(street1.get(path).status()).isEqualTo(404);
        assertThat(street1.put(path, Map.of("name", "改名", "idNumber", "320508194503120026")).status()).isEqualTo(404);
        assertThat(street1.patch(path, Map.of("name", "改名")).status()).isEqualTo(404);
        assertThat(street1.post(path + "/reveal", Map.of("purpose", "核实")).status()).isEqualTo(404);
        assertThat(street1.post(path + "/status", Map.of("status", "MOVED_AWAY")).status()).isEqualTo(404);
        assertThat(street1.post(path + "/consents", Map.of("scope", "RECORD", "grantedOn", "2026-01-01", "signerType", "ELDER",
                "signerName", "某某")).status()).isEqualTo(404);
        assertThat(street1.get(path + "/consents").status()).isEqualTo(404);

        String after = Api.as(port, "admin").get(path).body();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void everyDemoRoleIsConfinedToItsArea() {
        for (String user : List.of("street1", "community1", "provider1", "caregiver1")) {
            Api api = Api.as(port, user);
            assertThat(api.get("/api/v1/elders/" + street2Elder).status()).as(user).isEqualTo(404);
            assertThat(api.get("/api/v1/elders?communityCode=320508002001").status()).as(user).isEqualTo(400);
        }
        Api street2 = Api.as(port, "street2");
        assertThat(street2.get("/api/v1/elders/" + street1Elder).status()).isEqualTo(404);
        assertThat(street2.get("/api/v1/elders/" + street2Elder).status()).isEqualTo(200);
    }

    @Test
    void communityWorkerSeesOnlyTheirCommunity() {
        Api community1 = Api.as(port, "community1");
        assertThat(community1.get("/api/v1/elders/" + familyElder).status()).isEqualTo(200);
        assertThat(community1.get("/api/v1/elders/" + street1Elder).status()).isEqualTo(404);
    }

    @Test
    void familyMemberSeesOnlyTheirOwnElder() {
        Api family = Api.as(port, "family1");
        JsonNode page = family.get("/api/v1/elders").json();
        assertThat(page.get("totalElements").asLong()).isEqualTo(1);
        long own = page.get("content").get(0).get("id").asLong();
        assertThat(family.get("/api/v1/elders/" + own).status()).isEqualTo(200);
        long neighbour = Api.as(port, "community1").get("/api/v1/elders?size=5&sort=id").json().get("content").get(1).get("id").asLong();
        assertThat(family.get("/api/v1/elders/" + neighbour).status()).isEqualTo(404);
        assertThat(family.patch("/api/v1/elders/" + own, Map.of("name", "改名")).status()).isEqualTo(403);
    }
}
