package org.jujia.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jujia.visit.VisitFixtures.north;
import static org.jujia.visit.VisitFixtures.photo;
import static org.jujia.visit.VisitFixtures.reading;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jujia.shared.GeoPoint;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A visit done without network: the phone queued the check-in and check-out and sends both hours later, one after the
 * other. The visit keeps the original capture times and positions, is marked delayed sync, and is verified on the
 * original times (a 60-minute visit, not the seconds between the two uploads).
 */
@IntegrationTest
class OfflineSyncIT {

    @LocalServerPort
    int port;

    @Autowired
    VisitFixtures fx;

    @Test
    void a_late_check_in_and_out_keep_their_original_times_and_are_verified_on_them() {
        long cg = fx.userId("caregiver3");
        long elder = fx.otherElder(11);
        GeoPoint home = fx.home(elder);
        Instant in = Instant.now().minus(Duration.ofHours(5)).truncatedTo(ChronoUnit.SECONDS);
        Instant out = in.plus(Duration.ofMinutes(60));
        long visit = fx.assign(elder, "BATHING_HOME", cg, in.minus(Duration.ofMinutes(10)), 60, 13500)[1];
        Api caregiver = Api.as(port, "caregiver3");

        Instant before = Instant.now();
        JsonNode v = caregiver.post("/api/v1/visits/" + visit + "/check-in", reading(north(home, 25), 9, in, photo())).json();
        JsonNode checkIn = v.get("checkIn");
        assertThat(Instant.parse(checkIn.get("capturedAt").asText())).isEqualTo(in);
        assertThat(Instant.parse(checkIn.get("receivedAt").asText())).isAfterOrEqualTo(before.truncatedTo(ChronoUnit.MILLIS));
        assertThat(checkIn.get("delayedSync").asBoolean()).isTrue();
        assertThat(checkIn.get("date").asText()).isEqualTo(in.atZone(Visit.ZONE).toLocalDate().toString());
        assertThat(checkIn.get("latitude").asDouble()).isEqualTo(north(home, 25).latitude());

        v = caregiver.post("/api/v1/visits/" + visit + "/check-out", reading(north(home, 30), 9, out, photo())).json();
        assertThat(v.get("status").asText()).as(v.toString()).isEqualTo("VERIFIED");
        assertThat(v.get("flags").size()).isZero();
        assertThat(v.get("actualMinutes").asInt()).isEqualTo(60);
        assertThat(Instant.parse(v.get("checkIn").get("capturedAt").asText())).isEqualTo(in);
        assertThat(Instant.parse(v.get("checkOut").get("capturedAt").asText())).isEqualTo(out);
        assertThat(v.get("checkOut").get("delayedSync").asBoolean()).isTrue();
    }

    @Test
    void a_late_sync_of_a_too_short_visit_is_flagged_on_its_original_times() {
        long cg = fx.userId("caregiver6");
        long elder = fx.otherElder(13);
        GeoPoint home = fx.home(elder);
        Instant in = Instant.now().minus(Duration.ofHours(7)).truncatedTo(ChronoUnit.SECONDS);
        long visit = fx.assign(elder, "BATHING_HOME", cg, in, 60, 13500)[1];
        Api caregiver = Api.as(port, "caregiver6");
        caregiver.post("/api/v1/visits/" + visit + "/check-in", reading(home, 9, in, photo()));
        // uploaded hours later, but captured 29 minutes after the check-in: below the 30-minute minimum
        JsonNode v = caregiver.post("/api/v1/visits/" + visit + "/check-out", reading(home, 9, in.plus(Duration.ofMinutes(29)), photo())).json();
        assertThat(v.get("status").asText()).isEqualTo("FLAGGED");
        assertThat(v.get("flags").toString()).contains("TOO_SHORT");
    }

    @Test
    void a_reading_received_within_two_minutes_is_not_delayed() {
        long cg = fx.userId("caregiver9");
        long elder = fx.otherElder(17);
        long visit = fx.assign(elder, "HOME_VISIT", cg, Instant.now(), 30, 3000)[1];
        JsonNode v = Api.as(port, "caregiver9").post("/api/v1/visits/" + visit + "/check-in",
                reading(fx.home(elder), 9, Instant.now().minus(Duration.ofSeconds(100)), photo())).json();
        assertThat(v.get("checkIn").get("delayedSync").asBoolean()).isFalse();
    }
}
