package org.jujia.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jujia.visit.VisitFixtures.photo;
import static org.jujia.visit.VisitFixtures.reading;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Who sees which visit: the caregiver their own, the family their elder's, the provider its own, staff their jurisdiction. */
@IntegrationTest
class VisitScopeIT {

    @LocalServerPort
    int port;

    @Autowired
    VisitFixtures fx;

    @Test
    void each_role_sees_only_its_visits() {
        long familyElder = fx.family1Elder();
        Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        LocalDate day = start.atZone(Visit.ZONE).toLocalDate();
        long mine = fx.assign(familyElder, "HOME_VISIT", fx.userId("caregiver1"), start, 30, 3000)[1];
        long other = fx.assign(fx.otherElder(21), "HOME_VISIT", fx.userId("caregiver2"), start, 30, 3000)[1];

        Api cg1 = Api.as(port, "caregiver1");
        Api cg2 = Api.as(port, "caregiver2");
        JsonNode list = cg1.get("/api/v1/visits?caregiver=me&date=" + day).json();
        assertThat(list.toString()).contains("\"id\":" + mine + ",").doesNotContain("\"id\":" + other + ",");
        for (JsonNode v : list) {
            assertThat(v.get("caregiverUserId").asLong()).isEqualTo(fx.userId("caregiver1"));
            // the phone's list navigates and shows the service record form without another call
            assertThat(v.get("elder").get("latitude").isNumber()).isTrue();
            assertThat(v.get("checks").isArray()).isTrue();
        }
        // a caregiver asking for someone else's visits still gets only their own
        assertThat(cg1.get("/api/v1/visits?caregiver=" + fx.userId("caregiver2") + "&date=" + day).json().size()).isZero();
        assertThat(cg2.get("/api/v1/visits/" + mine).status()).isEqualTo(404);
        assertThat(cg2.post("/api/v1/visits/" + mine + "/check-in", reading(fx.home(familyElder), 5, Instant.now(), photo())).status()).isEqualTo(404);
        assertThat(cg1.get("/api/v1/visits?caregiver=someone").json().get("field").asText()).isEqualTo("caregiver");

        Api family = Api.as(port, "family1");
        assertThat(family.get("/api/v1/visits/" + mine).status()).isEqualTo(200);
        assertThat(family.get("/api/v1/visits/" + other).status()).isEqualTo(404);
        for (JsonNode v : family.get("/api/v1/visits?from=" + day + "&to=" + day).json()) {
            assertThat(v.get("elderId").asLong()).isEqualTo(familyElder);
        }
        assertThat(family.post("/api/v1/visits/" + other + "/confirmation", Map.of("outcome", "CONFIRMED", "method", "APP")).status()).isEqualTo(404);
        assertThat(family.post("/api/v1/visits/" + mine + "/check-in", reading(fx.home(familyElder), 5, Instant.now(), photo())).status())
                .isEqualTo(403);

        // provider1 sees its own provider's visits only
        Api provider = Api.as(port, "provider1");
        assertThat(provider.get("/api/v1/visits/" + mine).status()).isEqualTo(200);
        assertThat(provider.get("/api/v1/visits/" + other).status()).isEqualTo(404);

        // street officers see their street; family1's elder lives in street 1
        assertThat(Api.as(port, "street1").get("/api/v1/visits/" + mine).status()).isEqualTo(200);
        assertThat(Api.as(port, "street2").get("/api/v1/visits/" + mine).status()).isEqualTo(404);
        assertThat(Api.as(port, "admin").get("/api/v1/visits/" + mine).status()).isEqualTo(200);
        assertThat(Api.as(port, "operator1").get("/api/v1/visits/" + mine).status()).isEqualTo(403);
    }
}
