package org.jujia.elder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
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

/** Registry CRUD, validation problems, search, reveal and status over the real HTTP API and database. */
@IntegrationTest
class ElderRegistryIT {

    static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 500));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    static String newIdNumber() {
        int n = SEQ.incrementAndGet();
        return ResidentIdNumber.of("320581", LocalDate.of(1940, 1, 1).plusDays(n * 7L % 3000), Sex.MALE, n % 1000).value();
    }

    static Map<String, Object> elder(String idNumber, String name) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", name);
        m.put("idNumber", idNumber);
        m.put("phone", "139" + String.format("%08d", Math.abs(idNumber.hashCode()) % 100_000_000));
        m.put("address", "平江路 12 号 3 幢 201 室");
        m.put("communityCode", "320508001001");
        m.put("livingSituation", "ALONE");
        m.put("economicCategory", "MINIMUM_LIVING");
        m.put("health", Map.of("conditions", "高血压", "medications", "氨氯地平"));
        m.put("contacts", List.of(Map.of("kind", "EMERGENCY", "name", "李强", "relation", "儿子", "phone", "13987654321")));
        return m;
    }

    @Test
    void registersAnElderWithSensitiveFieldsEncryptedAndMasked() {
        Api community1 = Api.as(port, "community1");
        String id = newIdNumber();
        var r = community1.post("/api/v1/elders", elder(id, "测试甲"));
        assertThat(r.status()).isEqualTo(201);
        JsonNode e = r.json();
        assertThat(e.get("idNumberMasked").asText()).isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
        assertThat(e.get("phoneMasked").asText()).contains("****");
        assertThat(e.get("sex").asText()).isEqualTo("MALE");
        assertThat(e.get("birthDate").asText()).isEqualTo(ResidentIdNumber.parse(id).birthDate().toString());
        assertThat(e.toString()).doesNotContain(id).doesNotContain("高血压");

        long elderId = e.get("id").asLong();
        String stored = jdbc.sql("select id_number_enc || coalesce(phone_enc, '') || coalesce(health_enc, '') from elder where id = ?")
                .param(elderId).query(String.class).single();
        assertThat(stored).doesNotContain(id).doesNotContain("高血压").startsWith("k");

        assertThat(community1.get("/api/v1/elders?idNumber=" + id).json().get("totalElements").asInt()).isEqualTo(1);
        assertThat(community1.get("/api/v1/elders?q=" + id).json().get("content").get(0).get("id").asLong()).isEqualTo(elderId);
    }

    @Test
    void validationErrorsAreProblemDocumentsNamingEachField() {
        Api community1 = Api.as(port, "community1");
        Map<String, Object> bad = elder("320508194503120027", "");
        bad.put("phone", "12345");
        bad.put("livingSituation", null);
        var r = community1.post("/api/v1/elders", bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode body = r.json();
        assertThat(body.get("type").asText()).endsWith("/validation");
        List<String> fields = new java.util.ArrayList<>();
        body.get("errors").forEach(n -> fields.add(n.get("field").asText()));
        assertThat(fields).contains("name", "idNumber", "phone", "livingSituation");
    }

    @Test
    void malformedJsonNamesTheField() {
        var r = Api.as(port, "community1").post("/api/v1/elders", "{\"name\":\"x\",\"livingSituation\":\"ON_THE_MOON\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("livingSituation");
    }

    @Test
    void duplicateIdNumbersAreRefused() {
        Api community1 = Api.as(port, "community1");
        String id = newIdNumber();
        assertThat(community1.post("/api/v1/elders", elder(id, "测试乙")).status()).isEqualTo(201);
        var again = community1.post("/api/v1/elders", elder(id, "测试乙二"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("errors").get(0).get("field").asText()).isEqualTo("idNumber");
    }

    @Test
    void patchChangesOnlyTheGivenFieldsAndStaleVersionsConflict() {
        Api community1 = Api.as(port, "community1");
        JsonNode created = community1.post("/api/v1/elders", elder(newIdNumber(), "测试丙")).json();
        long id = created.get("id").asLong();
        JsonNode patched = community1.patch("/api/v1/elders/" + id, Map.of("livingSituation", "WITH_FAMILY", "phone", "13900001111")).json();
        assertThat(patched.get("livingSituation").asText()).isEqualTo("WITH_FAMILY");
        assertThat(patched.get("phoneMasked").asText()).isEqualTo("139****1111");
        assertThat(patched.get("economicCategory").asText()).isEqualTo("MINIMUM_LIVING");
        assertThat(patched.get("version").asInt()).isEqualTo(created.get("version").asInt() + 1);

        Map<String, Object> stale = elder(newIdNumber(), "测试丙");
        stale.put("version", created.get("version").asInt());
        var conflict = community1.put("/api/v1/elders/" + id, stale);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(community1.patch("/api/v1/elders/" + id, Map.of("noSuchField", 1)).status()).isEqualTo(400);
    }

    @Test
    void revealNeedsPermissionAndPurposeAndIsAudited() {
        Api community1 = Api.as(port, "community1");
        String idNumber = newIdNumber();
        long id = community1.post("/api/v1/elders", elder(idNumber, "测试丁")).json().get("id").asLong();

        assertThat(community1.post("/api/v1/elders/" + id + "/reveal", Map.of("purpose", " ")).status()).isEqualTo(400);
        var revealed = community1.post("/api/v1/elders/" + id + "/reveal", Map.of("purpose", "核实身份办理补贴", "fields", List.of("idNumber", "health")));
        assertThat(revealed.status()).isEqualTo(200);
        assertThat(revealed.json().get("idNumber").asText()).isEqualTo(idNumber);
        assertThat(revealed.json().get("health").get("conditions").asText()).isEqualTo("高血压");

        String purpose = jdbc.sql("select purpose from privacy_audit_log where action = 'REVEAL' and subject_id = ? order by id desc limit 1")
                .param(String.valueOf(id)).query(String.class).single();
        assertThat(purpose).isEqualTo("核实身份办理补贴");
        assertThat(Api.as(port, "caregiver1").post("/api/v1/elders/" + id + "/reveal", Map.of("purpose", "看看")).status()).isEqualTo(403);
    }

    @Test
    void everyReadOfARecordIsAudited() {
        Api street1 = Api.as(port, "street1");
        long id = street1.get("/api/v1/elders?size=1&sort=id").json().get("content").get(0).get("id").asLong();
        long before = jdbc.sql("select count(*) from privacy_audit_log where action = 'VIEW' and subject_id = ? and actor_name = 'street1'")
                .param(String.valueOf(id)).query(Long.class).single();
        street1.get("/api/v1/elders/" + id);
        long after = jdbc.sql("select count(*) from privacy_audit_log where action = 'VIEW' and subject_id = ? and actor_name = 'street1'")
                .param(String.valueOf(id)).query(Long.class).single();
        assertThat(after).isEqualTo(before + 1);
    }

    @Test
    void searchFiltersPagesAndSorts() {
        Api admin = Api.as(port, "admin");
        JsonNode page0 = admin.get("/api/v1/elders?size=5&page=0&sort=birthDate").json();
        JsonNode page1 = admin.get("/api/v1/elders?size=5&page=1&sort=birthDate").json();
        assertThat(page0.get("content")).hasSize(5);
        assertThat(page0.get("content").get(4).get("birthDate").asText()).isLessThanOrEqualTo(page1.get("content").get(0).get("birthDate").asText());
        JsonNode old = admin.get("/api/v1/elders?ageMin=80&size=200").json();
        for (JsonNode e : old.get("content")) {
            assertThat(e.get("age").asInt()).isGreaterThanOrEqualTo(80);
        }
        JsonNode alone = admin.get("/api/v1/elders?livingSituation=ALONE&size=200").json();
        for (JsonNode e : alone.get("content")) {
            assertThat(e.get("livingSituation").asText()).isEqualTo("ALONE");
        }
        assertThat(admin.get("/api/v1/elders?sort=password").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/elders?ageMin=abc").json().get("errors").get(0).get("field").asText()).isEqualTo("ageMin");
    }

    @Test
    void deceasedIsFinal() {
        Api community1 = Api.as(port, "community1");
        long id = community1.post("/api/v1/elders", elder(newIdNumber(), "测试戊")).json().get("id").asLong();
        assertThat(community1.post("/api/v1/elders/" + id + "/status", Map.of("status", "DECEASED", "date", "2026-11-01")).json()
                .get("status").asText()).isEqualTo("DECEASED");
        assertThat(community1.post("/api/v1/elders/" + id + "/status", Map.of("status", "ACTIVE")).status()).isEqualTo(409);
    }

    @Test
    void readOnlyRolesCannotRegister() {
        assertThat(Api.as(port, "caregiver1").post("/api/v1/elders", elder(newIdNumber(), "测试己")).status()).isEqualTo(403);
        assertThat(Api.anonymous(port).get("/api/v1/elders").status()).isEqualTo(401);
    }
}
