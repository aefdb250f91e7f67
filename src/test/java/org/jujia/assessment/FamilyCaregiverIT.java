package org.jujia.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jujia.shared.ResidentIdNumber;
import org.jujia.shared.Sex;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Family caregivers, Zarit interviews and the respite list over the real HTTP API and database: the 39/40 boundary,
 * the event, leaving the list with history kept, validation, jurisdiction and permissions.
 */
@IntegrationTest
class FamilyCaregiverIT {

    static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 400));
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String COMMUNITY = "320508001001";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FamilyCaregiverEventProbe probe;

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** Registers a fresh elder in community1's community (street1's street) and answers its id. */
    long newElder(Api api, String name) {
        int n = SEQ.incrementAndGet();
        String idNumber = ResidentIdNumber.of("320582", LocalDate.of(1938, 1, 1).plusDays(n * 11L % 3000), Sex.FEMALE, n % 1000).value();
        Map<String, Object> m = new HashMap<>();
        m.put("name", name);
        m.put("idNumber", idNumber);
        m.put("communityCode", COMMUNITY);
        m.put("livingSituation", "WITH_FAMILY");
        m.put("economicCategory", "MINIMUM_LIVING");
        var r = api.post("/api/v1/elders", m);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static Map<String, Object> caregiver(String name, String phone) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("relation", "DAUGHTER");
        m.put("phone", phone);
        m.put("idNumber", ResidentIdNumber.of("320508", LocalDate.of(1968, 3, 15), Sex.FEMALE, SEQ.incrementAndGet() % 1000).value());
        m.put("livesWithElder", true);
        m.put("weeklyCareHours", 42);
        m.put("startedOn", "2023-05-01");
        return m;
    }

    /** 22 answers adding up to {@code total}. */
    static Map<String, Object> answers(int total) {
        Map<String, Object> a = new LinkedHashMap<>();
        int left = total;
        for (int n = 1; n <= 22; n++) {
            int v = Math.min(4, left);
            a.put("q" + n, v);
            left -= v;
        }
        return a;
    }

    static Map<String, Object> interview(LocalDate on, Map<String, Object> answers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("interviewedOn", on.toString());
        body.put("answers", answers);
        return body;
    }

    static List<Long> caregiverIdsOn(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("content").forEach(e -> ids.add(e.get("caregiverId").asLong()));
        return ids;
    }

    @Test
    void thirtyNineKeepsOffFortyPutsOnAndPublishesOnceTwentyTakesOffWithHistoryKept() {
        Api community1 = Api.as(port, "community1");
        long elderId = newElder(community1, "照护甲");

        var created = community1.post("/api/v1/elders/" + elderId + "/caregivers", caregiver("李芳", "13962100123"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode cg = created.json();
        long id = cg.get("id").asLong();
        assertThat(created.headers().firstValue("Location").orElse("")).endsWith("/api/v1/caregivers/" + id);
        assertThat(cg.get("phoneMasked").asText()).isEqualTo("139****0123");
        assertThat(cg.get("idNumberMasked").asText()).contains("********");
        assertThat(cg.get("onRespiteList").asBoolean()).isFalse();
        assertThat(cg.get("latestZbi").isNull()).isTrue();
        assertThat(cg.toString()).doesNotContain("13962100123");
        String stored = jdbc.sql("select phone_enc || coalesce(id_number_enc, '') from assessment_family_caregiver where id = ?")
                .param(id).query(String.class).single();
        assertThat(stored).doesNotContain("13962100123");
        assertThat(jdbc.sql("select region_path from assessment_family_caregiver where id = ?").param(id).query(String.class).single())
                .isEqualTo(jdbc.sql("select region_path from elder where id = ?").param(elderId).query(String.class).single());

        // 39: not on the list
        var r39 = community1.post("/api/v1/caregivers/" + id + "/zbi", interview(today().minusDays(3), answers(39)));
        assertThat(r39.status()).as(r39.body()).isEqualTo(201);
        JsonNode i39 = r39.json();
        assertThat(i39.get("result").get("total").asInt()).isEqualTo(39);
        assertThat(i39.get("result").get("band").asText()).isEqualTo("MILD_TO_MODERATE");
        assertThat(i39.get("result").get("highRiskCaregiver").asBoolean()).isFalse();
        assertThat(i39.get("respiteChange").asText()).isEqualTo("NONE");
        assertThat(i39.get("scorerVersion").asText()).isEqualTo(org.jujia.assessment.scoring.ScoringEngine.SCORER_VERSION);
        assertThat(i39.get("interviewer").asText()).isEqualTo("community1");
        assertThat(i39.get("answers").get("q1").asInt()).isEqualTo(4);
        assertThat(i39.get("answers").get("q10").asInt()).isEqualTo(3);
        assertThat(i39.get("answers").get("q22").asInt()).isZero();
        assertThat(caregiverIdsOn(community1.get("/api/v1/respite-list?communityCode=" + COMMUNITY).json())).doesNotContain(id);
        assertThat(probe.of(id)).isEmpty();

        // 40: on the list, event published
        var r40 = community1.post("/api/v1/caregivers/" + id + "/zbi", interview(today().minusDays(2), answers(40)));
        assertThat(r40.status()).as(r40.body()).isEqualTo(201);
        long interview40 = r40.json().get("id").asLong();
        assertThat(r40.json().get("result").get("highRiskCaregiver").asBoolean()).isTrue();
        assertThat(r40.json().get("respiteChange").asText()).isEqualTo("ENTER");
        JsonNode list = community1.get("/api/v1/respite-list?communityCode=" + COMMUNITY).json();
        assertThat(caregiverIdsOn(list)).contains(id);
        JsonNode line = null;
        for (JsonNode e : list.get("content")) {
            if (e.get("caregiverId").asLong() == id) {
                line = e;
            }
        }
        assertThat(line.get("elderId").asLong()).isEqualTo(elderId);
        assertThat(line.get("elderName").asText()).isEqualTo("照护甲");
        assertThat(line.get("latestZbiTotal").asInt()).isEqualTo(40);
        assertThat(line.get("from").asText()).isEqualTo(today().minusDays(2).toString());
        assertThat(line.get("to").isNull()).isTrue();
        assertThat(line.get("monthlyHours").asInt()).isEqualTo(4);
        assertThat(line.get("payer").asText()).isEqualTo("GOVERNMENT");
        assertThat(caregiverIdsOn(Api.as(port, "street1").get("/api/v1/respite-list").json())).contains(id);
        assertThat(probe.of(id)).containsExactly(new HighRiskCaregiverIdentified(id, elderId, interview40, 40, today().minusDays(2)));
        assertThat(jdbc.sql("select count(*) from event_publication where event_type like ? and serialized_event like ?")
                .params("%HighRiskCaregiverIdentified", "%\"caregiverId\":" + id + ",%").query(Long.class).single()).isEqualTo(1);

        // 52: stays on the list, no second event
        var r52 = community1.post("/api/v1/caregivers/" + id + "/zbi", interview(today().minusDays(1), answers(52)));
        assertThat(r52.json().get("respiteChange").asText()).isEqualTo("STAY");
        assertThat(probe.of(id)).hasSize(1);
        JsonNode on = community1.get("/api/v1/caregivers/" + id).json();
        assertThat(on.get("onRespiteList").asBoolean()).isTrue();
        assertThat(on.get("respiteEntitlement").get("monthlyHours").asInt()).isEqualTo(4);
        assertThat(on.get("latestZbi").get("total").asInt()).isEqualTo(52);

        // 20: off the list, history kept
        var r20 = community1.post("/api/v1/caregivers/" + id + "/zbi", interview(today(), answers(20)));
        assertThat(r20.status()).as(r20.body()).isEqualTo(201);
        long interview20 = r20.json().get("id").asLong();
        assertThat(r20.json().get("respiteChange").asText()).isEqualTo("LEAVE");
        assertThat(r20.json().get("result").get("band").asText()).isEqualTo("LITTLE_OR_NO_BURDEN");
        assertThat(caregiverIdsOn(community1.get("/api/v1/respite-list?communityCode=" + COMMUNITY).json())).doesNotContain(id);
        JsonNode history = community1.get("/api/v1/respite-list?includeEnded=true&size=200").json();
        assertThat(caregiverIdsOn(history)).contains(id);
        JsonNode off = community1.get("/api/v1/caregivers/" + id).json();
        assertThat(off.get("onRespiteList").asBoolean()).isFalse();
        assertThat(off.get("respiteEntitlement").isNull()).isTrue();
        assertThat(off.get("respiteHistory")).hasSize(1);
        JsonNode period = off.get("respiteHistory").get(0);
        assertThat(period.get("from").asText()).isEqualTo(today().minusDays(2).toString());
        assertThat(period.get("to").asText()).isEqualTo(today().toString());
        assertThat(period.get("openedByInterviewId").asLong()).isEqualTo(interview40);
        assertThat(period.get("closedByInterviewId").asLong()).isEqualTo(interview20);
        assertThat(period.get("endReason").asText()).isEqualTo("BELOW_THRESHOLD");
        assertThat(probe.of(id)).hasSize(1);

        // every interview kept, latest first, item by item
        JsonNode all = community1.get("/api/v1/caregivers/" + id + "/zbi").json();
        assertThat(all).hasSize(4);
        assertThat(all.get(0).get("result").get("total").asInt()).isEqualTo(20);
        assertThat(all.get(3).get("result").get("total").asInt()).isEqualTo(39);
        assertThat(all.get(3).get("answers")).hasSize(22);
        assertThat(community1.get("/api/v1/caregivers/" + id + "/zbi/" + interview40).json().get("result").get("total").asInt()).isEqualTo(40);

        // 40 again: a new period on the list and a new event
        var again = community1.post("/api/v1/caregivers/" + id + "/zbi", interview(today(), answers(61)));
        assertThat(again.json().get("respiteChange").asText()).isEqualTo("ENTER");
        assertThat(again.json().get("result").get("band").asText()).isEqualTo("SEVERE");
        assertThat(probe.of(id)).hasSize(2);
        assertThat(community1.get("/api/v1/caregivers/" + id).json().get("respiteHistory")).hasSize(2);
    }

    @Test
    void interviewsAreImmutable() {
        Api community1 = Api.as(port, "community1");
        long elderId = newElder(community1, "照护乙");
        long id = community1.post("/api/v1/elders/" + elderId + "/caregivers", caregiver("张伟", "13962100124")).json().get("id").asLong();
        long interviewId = community1.post("/api/v1/caregivers/" + id + "/zbi", interview(today(), answers(30))).json().get("id").asLong();
        assertThatThrownBy(() -> jdbc.sql("update assessment_zbi_interview set q1 = 0 where id = ?").param(interviewId).update())
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("delete from assessment_zbi_interview where id = ?").param(interviewId).update())
                .hasMessageContaining("immutable");
    }

    @Test
    void invalidAnswersAndDatesAreProblemDocumentsNamingTheField() {
        Api community1 = Api.as(port, "community1");
        long elderId = newElder(community1, "照护丙");
        long id = community1.post("/api/v1/elders/" + elderId + "/caregivers", caregiver("王军", "13962100125")).json().get("id").asLong();

        Map<String, Object> missing = answers(30);
        missing.remove("q22");
        var r = community1.post("/api/v1/caregivers/" + id + "/zbi", interview(today(), missing));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(r.json().get("error").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(r.json().get("field").asText()).isEqualTo("answers.q22");

        Map<String, Object> outOfRange = answers(30);
        outOfRange.put("q5", 5);
        assertThat(community1.post("/api/v1/caregivers/" + id + "/zbi", interview(today(), outOfRange)).json().get("field").asText())
                .isEqualTo("answers.q5");
        Map<String, Object> notInteger = answers(30);
        notInteger.put("q7", "2");
        assertThat(community1.post("/api/v1/caregivers/" + id + "/zbi", interview(today(), notInteger)).json().get("field").asText())
                .isEqualTo("answers.q7");
        assertThat(community1.post("/api/v1/caregivers/" + id + "/zbi", Map.of("interviewedOn", today().toString())).json().get("field").asText())
                .isEqualTo("answers.q1");
        var future = community1.post("/api/v1/caregivers/" + id + "/zbi", interview(today().plusDays(1), answers(30)));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("field").asText()).isEqualTo("interviewedOn");
        assertThat(community1.post("/api/v1/caregivers/" + id + "/zbi", "{\"interviewedOn\":\"yesterday\"}").json()
                .get("errors").get(0).get("field").asText()).isEqualTo("interviewedOn");

        // nothing was stored by the refused requests; an earlier date than the latest interview is refused
        assertThat(community1.post("/api/v1/caregivers/" + id + "/zbi", interview(today(), answers(30))).status()).isEqualTo(201);
        var earlier = community1.post("/api/v1/caregivers/" + id + "/zbi", interview(today().minusDays(5), answers(30)));
        assertThat(earlier.status()).isEqualTo(400);
        assertThat(earlier.json().get("field").asText()).isEqualTo("interviewedOn");
        assertThat(community1.get("/api/v1/caregivers/" + id + "/zbi").json()).hasSize(1);

        Map<String, Object> bad = caregiver("", "12345");
        bad.remove("livesWithElder");
        bad.put("weeklyCareHours", 200);
        var invalid = community1.post("/api/v1/elders/" + elderId + "/caregivers", bad);
        assertThat(invalid.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        invalid.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactly("name", "phone", "livesWithElder", "weeklyCareHours");
        var relation = community1.post("/api/v1/elders/" + elderId + "/caregivers", "{\"name\":\"x\",\"relation\":\"COUSIN_ON_MARS\"}");
        assertThat(relation.status()).isEqualTo(400);
        assertThat(relation.json().get("errors").get(0).get("field").asText()).isEqualTo("relation");
        var duplicate = community1.post("/api/v1/elders/" + elderId + "/caregivers", caregiver("王军", "13962100125"));
        assertThat(duplicate.status()).isEqualTo(409);
    }

    @Test
    void deactivatingACaregiverTakesTheHouseholdOffAndReactivatingPutsItBack() {
        Api street1 = Api.as(port, "street1");
        long elderId = newElder(Api.as(port, "community1"), "照护丁");
        JsonNode cg = street1.post("/api/v1/elders/" + elderId + "/caregivers", caregiver("赵敏", "13962100126")).json();
        long id = cg.get("id").asLong();
        street1.post("/api/v1/caregivers/" + id + "/zbi", interview(today(), answers(45)));
        assertThat(probe.of(id)).hasSize(1);

        Map<String, Object> change = caregiver("赵敏", null);
        change.remove("phone");
        change.remove("idNumber");
        change.put("active", false);
        change.put("version", cg.get("version").asInt());
        var off = street1.put("/api/v1/caregivers/" + id, change);
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(off.json().get("active").asBoolean()).isFalse();
        assertThat(off.json().get("onRespiteList").asBoolean()).isFalse();
        assertThat(off.json().get("phoneMasked").asText()).isEqualTo("139****0126");
        assertThat(off.json().get("respiteHistory").get(0).get("endReason").asText()).isEqualTo("CAREGIVER_INACTIVE");
        assertThat(street1.post("/api/v1/caregivers/" + id + "/zbi", interview(today(), answers(45))).status()).isEqualTo(409);
        change.put("version", cg.get("version").asInt());
        assertThat(street1.put("/api/v1/caregivers/" + id, change).status()).isEqualTo(409);

        change.put("active", true);
        change.put("version", off.json().get("version").asInt());
        JsonNode back = street1.put("/api/v1/caregivers/" + id, change).json();
        assertThat(back.get("onRespiteList").asBoolean()).isTrue();
        assertThat(back.get("respiteHistory")).hasSize(2);
        assertThat(probe.of(id)).hasSize(2);

        var revealed = street1.post("/api/v1/caregivers/" + id + "/reveal", Map.of("purpose", "联系照顾者安排喘息服务"));
        assertThat(revealed.status()).isEqualTo(200);
        assertThat(revealed.json().get("phone").asText()).isEqualTo("13962100126");
    }

    @Test
    void anotherStreetSeesNothingAndRolesWithoutPermissionAreRefused() {
        Api community1 = Api.as(port, "community1");
        long elderId = newElder(community1, "照护戊");
        long id = community1.post("/api/v1/elders/" + elderId + "/caregivers", caregiver("孙丽", "13962100127")).json().get("id").asLong();
        community1.post("/api/v1/caregivers/" + id + "/zbi", interview(today(), answers(70)));

        Api street2 = Api.as(port, "street2");
        assertThat(street2.get("/api/v1/elders/" + elderId + "/caregivers").status()).isEqualTo(404);
        assertThat(street2.post("/api/v1/elders/" + elderId + "/caregivers", caregiver("孙丽", "13962100128")).status()).isEqualTo(404);
        assertThat(street2.get("/api/v1/caregivers/" + id).status()).isEqualTo(404);
        assertThat(street2.put("/api/v1/caregivers/" + id, caregiver("孙丽", "13962100128")).status()).isEqualTo(404);
        assertThat(street2.post("/api/v1/caregivers/" + id + "/zbi", interview(today(), answers(10))).status()).isEqualTo(404);
        assertThat(street2.get("/api/v1/caregivers/" + id + "/zbi").status()).isEqualTo(404);
        assertThat(caregiverIdsOn(street2.get("/api/v1/respite-list?size=200").json())).doesNotContain(id);
        assertThat(street2.get("/api/v1/respite-list?communityCode=" + COMMUNITY).status()).isEqualTo(400);
        assertThat(caregiverIdsOn(Api.as(port, "admin").get("/api/v1/respite-list?size=200").json())).contains(id);

        Api caregiver1 = Api.as(port, "caregiver1");
        assertThat(caregiver1.get("/api/v1/elders/" + elderId + "/caregivers").status()).isEqualTo(403);
        assertThat(caregiver1.post("/api/v1/elders/" + elderId + "/caregivers", caregiver("周杰", "13962100129")).status()).isEqualTo(403);
        assertThat(caregiver1.get("/api/v1/caregivers/" + id).status()).isEqualTo(403);
        assertThat(caregiver1.post("/api/v1/caregivers/" + id + "/zbi", interview(today(), answers(10))).status()).isEqualTo(403);
        assertThat(caregiver1.get("/api/v1/respite-list").status()).isEqualTo(403);
        assertThat(Api.anonymous(port).get("/api/v1/respite-list").status()).isEqualTo(401);
        assertThat(community1.get("/api/v1/caregivers/" + id + "/zbi").json()).hasSize(1);
    }

    @Test
    void readsOfCaregiversAndInterviewsAreAudited() {
        Api community1 = Api.as(port, "community1");
        long elderId = newElder(community1, "照护己");
        long id = community1.post("/api/v1/elders/" + elderId + "/caregivers", caregiver("钱进", "13962100130")).json().get("id").asLong();
        long interviewId = community1.post("/api/v1/caregivers/" + id + "/zbi", interview(today(), answers(12))).json().get("id").asLong();
        community1.get("/api/v1/caregivers/" + id);
        community1.get("/api/v1/caregivers/" + id + "/zbi/" + interviewId);
        assertThat(jdbc.sql("select count(*) from privacy_audit_log where action = 'VIEW' and subject_type = 'FAMILY_CAREGIVER' and subject_id = ?")
                .param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from privacy_audit_log where action = 'VIEW' and subject_type = 'ZBI_INTERVIEW' and subject_id = ?")
                .param(String.valueOf(interviewId)).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from privacy_audit_log where action = 'CREATE' and subject_type = 'ZBI_INTERVIEW' and subject_id = ?")
                .param(String.valueOf(interviewId)).query(Long.class).single()).isEqualTo(1);
    }
}
