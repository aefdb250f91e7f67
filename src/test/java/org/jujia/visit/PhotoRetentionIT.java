package org.jujia.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jujia.visit.VisitFixtures.photo;
import static org.jujia.visit.VisitFixtures.reading;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Check-in/out photos are stored sealed and deleted after the retention period; newer ones stay. */
@IntegrationTest
class PhotoRetentionIT {

    @LocalServerPort
    int port;

    @Autowired
    VisitFixtures fx;

    @Autowired
    PhotoRetention retention;

    @Autowired
    JdbcClient jdbc;

    @Test
    void photos_are_sealed_and_purged_after_the_retention_period() {
        long cg = fx.userId("caregiver6");
        Api caregiver = Api.as(port, "caregiver6");
        long elder = fx.otherElder(23);
        Instant old = Instant.now().minus(Duration.ofHours(71)).truncatedTo(ChronoUnit.SECONDS);
        long oldVisit = fx.assign(elder, "HOME_VISIT", cg, old, 30, 3000)[1];
        caregiver.post("/api/v1/visits/" + oldVisit + "/check-in", reading(fx.home(elder), 5, old, photo()));
        Instant recent = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        long newVisit = fx.assign(elder, "HOME_VISIT", cg, recent, 30, 3000)[1];
        caregiver.post("/api/v1/visits/" + newVisit + "/check-in", reading(fx.home(elder), 5, recent, photo()));

        String sealed = jdbc.sql("select in_photo_enc from visit where id = ?").param(oldVisit).query(String.class).single();
        assertThat(sealed).isNotBlank().doesNotContain(photo().substring(0, 20));

        assertThat(retention.purge(Instant.now().minus(Duration.ofHours(70)))).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select in_photo_enc is null and photos_purged_at is not null from visit where id = ?").param(oldVisit)
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select in_photo_enc is not null from visit where id = ?").param(newVisit).query(Boolean.class).single()).isTrue();
        Api admin = Api.as(port, "admin");
        assertThat(admin.getBytes("/api/v1/visits/" + newVisit + "/photos/CHECK_IN").statusCode()).isEqualTo(200);
        assertThat(admin.getBytes("/api/v1/visits/" + oldVisit + "/photos/CHECK_IN").statusCode()).isEqualTo(404);
    }
}
