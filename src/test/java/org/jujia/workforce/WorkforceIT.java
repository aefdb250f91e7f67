package org.jujia.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.jujia.access.UserAccounts;
import org.jujia.catalogue.CaregiverLevel;
import org.jujia.catalogue.Qualification;
import org.jujia.shared.Jurisdiction;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Caregiver profiles, sealed face enrolment and blacklist proposals against the real database and over HTTP. */
@IntegrationTest
class WorkforceIT {

    @LocalServerPort
    int port;

    @Autowired
    Workforce workforce;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    long id(String username) {
        return users.findByUsername(username).orElseThrow().id();
    }

    @Test
    void demoCaregiversHaveProfilesAndSealedFaces() {
        long cg = id("caregiver1");
        Caregiver c = workforce.caregiver(cg).orElseThrow();
        assertThat(c.qualifications()).contains(Qualification.CAREGIVER);
        assertThat(c.level()).isEqualTo(CaregiverLevel.LEVEL_3);
        assertThat(c.faceEnrolled()).isTrue();
        byte[] face = workforce.enrolledFace(cg).orElseThrow();
        assertThat(org.jujia.shared.ImageData.isJpeg(face)).isTrue();
        String stored = jdbc.sql("select face_photo_enc from workforce_caregiver where user_id = ?").param(cg).query(String.class).single();
        assertThat(stored).doesNotContain(Base64.getEncoder().encodeToString(face).substring(0, 40));
    }

    @Test
    void theProviderSeesItsCaregiversAndEnrolsFacesWithClearErrors() {
        Api provider = Api.as(port, "provider1");
        var list = provider.get("/api/v1/staff/caregivers");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().size()).isGreaterThan(0);
        long cg = id("caregiver1");
        var notJpeg = provider.put("/api/v1/staff/caregivers/" + cg + "/face", Map.of("photo", Base64.getEncoder().encodeToString("hello".getBytes())));
        assertThat(notJpeg.status()).isEqualTo(400);
        assertThat(notJpeg.body()).contains("photo");
        var notBase64 = provider.put("/api/v1/staff/caregivers/" + cg + "/face", Map.of("photo", "***"));
        assertThat(notBase64.status()).isEqualTo(400);
        assertThat(notBase64.body()).contains("photo");
    }

    @Test
    void aCaregiverReadsOwnProfileFamiliesReadNone() {
        long cg = id("caregiver1");
        assertThat(Api.as(port, "caregiver1").get("/api/v1/staff/caregivers/" + cg).status()).isEqualTo(200);
        assertThat(Api.as(port, "family1").get("/api/v1/staff/caregivers/" + cg).status()).isIn(403, 404);
        assertThat(Api.as(port, "family1").get("/api/v1/staff/caregivers").status()).isEqualTo(403);
    }

    @Test
    void aBlacklistProposalIsIdempotentAndBarsNewAssignments() {
        long cg = id("caregiver9");
        Jurisdiction actor = Jurisdiction.system("/");
        workforce.proposeBlacklist(cg, "confirmed fake check-in", "visit:test-1", actor);
        workforce.proposeBlacklist(cg, "confirmed fake check-in", "visit:test-1", actor);
        long entries = jdbc.sql("select count(*) from workforce_blacklist where user_id = ? and reference = 'visit:test-1'").param(cg)
                .query(Long.class).single();
        assertThat(entries).isEqualTo(1);
        Caregiver c = workforce.caregiver(cg).orElseThrow();
        assertThat(c.blacklist()).isEqualTo(BlacklistStatus.PROPOSED);
        assertThat(c.eligibilityFor(Qualification.NONE, null)).isEqualTo(Eligibility.BLACKLIST_PENDING);
        // the test database is shared by every IT of this JVM: leave caregiver9 assignable for the others
        jdbc.sql("delete from workforce_blacklist where reference = 'visit:test-1'").update();
        assertThat(workforce.caregiver(cg).orElseThrow().blacklist()).isEqualTo(BlacklistStatus.NONE);
    }

    @Test
    void aProfileNeedsAKnownProviderAndALevelNeedsTheCaregiverQualification() {
        long cg = id("caregiver2");
        Jurisdiction admin = new Jurisdiction(0, "system", "/", false, Set.of("STAFF_READ", "STAFF_ADMIN", "USER_ADMIN"));
        assertThatThrownBy(() -> workforce.saveProfile(cg, new Workforce.ProfileInput(999_999L, CaregiverLevel.LEVEL_3,
                Set.of(Qualification.NURSE), null, null, null, true), admin))
                .hasMessageContaining("999999");
    }
}
