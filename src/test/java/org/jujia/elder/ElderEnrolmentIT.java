package org.jujia.elder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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

/** The enrolment fields of the funding rule on the elder record: insurance (sealed numbers) and hardship self-care category. */
@IntegrationTest
class ElderEnrolmentIT {

    static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 600));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ElderRegistry registry;

    @org.springframework.beans.factory.annotation.Value("${jujia.demo.elders}")
    int demoElders;

    static Map<String, Object> elder() {
        int n = SEQ.incrementAndGet();
        Map<String, Object> m = new HashMap<>();
        m.put("name", "参保" + n);
        m.put("idNumber", ResidentIdNumber.of("320583", LocalDate.of(1941, 1, 1).plusDays(n * 13L % 4000), Sex.MALE, n % 1000).value());
        m.put("communityCode", "320508001001");
        m.put("livingSituation", "EMPTY_NEST");
        m.put("economicCategory", "SPECIAL_HARDSHIP");
        m.put("ltcInsured", true);
        m.put("ltcNumber", "3205 0800 1234 5678");
        m.put("commercialInsured", true);
        m.put("commercialInsurer", "中国平安人寿保险股份有限公司苏州分公司");
        m.put("commercialPolicyNumber", "PA-2024-00098765");
        m.put("hardshipSelfCare", "PARTIALLY_LOST");
        return m;
    }

    @Test
    void enrolmentFieldsAreStoredSealedShownMaskedAndRevealedOnPurpose() {
        Api api = Api.as(port, "community1");
        var r = api.post("/api/v1/elders", elder());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode e = r.json();
        long id = e.get("id").asLong();
        assertThat(e.get("ltcInsured").asBoolean()).isTrue();
        assertThat(e.get("ltcNumberMasked").asText()).isEqualTo("32**********5678");
        assertThat(e.get("commercialInsured").asBoolean()).isTrue();
        assertThat(e.get("commercialInsurer").asText()).isEqualTo("中国平安人寿保险股份有限公司苏州分公司");
        assertThat(e.get("commercialPolicyMasked").asText()).isEqualTo("PA**********8765");
        assertThat(e.get("hardshipSelfCare").asText()).isEqualTo("PARTIALLY_LOST");
        assertThat(e.toString()).doesNotContain("3205080012345678").doesNotContain("PA-2024-00098765");

        String stored = jdbc.sql("select ltc_number_enc || commercial_policy_enc from elder where id = ?").param(id).query(String.class).single();
        assertThat(stored).doesNotContain("3205080012345678").doesNotContain("PA-2024-00098765").startsWith("k");

        JsonNode revealed = api.post("/api/v1/elders/" + id + "/reveal", Map.of("purpose", "核对参保信息", "fields", List.of("insurance"))).json();
        assertThat(revealed.get("insurance").get("ltcNumber").asText()).isEqualTo("3205080012345678");
        assertThat(revealed.get("insurance").get("commercialPolicyNumber").asText()).isEqualTo("PA-2024-00098765");
        long audited = jdbc.sql("select count(*) from privacy_audit_log where subject_type = 'ELDER' and subject_id = ? and action = 'REVEAL'"
                + " and fields like '%insurance%'").param(String.valueOf(id)).query(Long.class).single();
        assertThat(audited).isEqualTo(1);

        // the funding facts other modules read (no numbers)
        ElderFunding f = registry.funding(id, org.jujia.shared.Jurisdiction.system("/")).orElseThrow();
        assertThat(f).isEqualTo(new ElderFunding(id, null, EconomicCategory.SPECIAL_HARDSHIP, true, true, HardshipSelfCare.PARTIALLY_LOST));
    }

    @Test
    void theDemoCityHasRealisticEnrolment() {
        var stats = jdbc.sql("""
                select count(*) as total, count(*) filter (where ltc_insured) as ltc, count(*) filter (where commercial_insured) as commercial,
                       count(*) filter (where economic_category = 'SPECIAL_HARDSHIP') as hardship,
                       count(*) filter (where economic_category = 'SPECIAL_HARDSHIP' and hardship_self_care is not null) as hardship_with_category,
                       count(*) filter (where ltc_insured and ltc_number_enc is null) as ltc_without_number
                  from elder where id <= (select min(id) from elder) + ? - 1""").param(demoElders).query().singleRow();
        long total = ((Number) stats.get("total")).longValue();
        assertThat(total).isEqualTo(demoElders);
        assertThat(((Number) stats.get("ltc")).doubleValue() / total).isBetween(0.7, 0.9);
        assertThat(((Number) stats.get("commercial")).doubleValue() / total).isBetween(0.08, 0.3);
        assertThat(stats.get("hardship_with_category")).isEqualTo(stats.get("hardship"));
        assertThat(((Number) stats.get("ltc_without_number")).longValue()).isZero();
    }

    @Test
    void inconsistentEnrolmentIsAProblemNamingTheField() {
        Api api = Api.as(port, "community1");
        assertField(api, Map.of("ltcNumber", ""), "ltcNumber", "required");
        assertField(api, Map.of("ltcNumber", "12"), "ltcNumber", "format");
        assertField(api, mapOf("ltcInsured", false), "ltcNumber", "not-insured");
        assertField(api, Map.of("commercialInsurer", " "), "commercialInsurer", "required");
        assertField(api, Map.of("commercialPolicyNumber", "保单号码很长"), "commercialPolicyNumber", "format");
        assertField(api, mapOf("commercialInsured", false, "commercialPolicyNumber", null), "commercialInsurer", "not-insured");
        assertField(api, Map.of("economicCategory", "ORDINARY"), "hardshipSelfCare", "category");
        assertField(api, Map.of("hardshipSelfCare", "HALF_LOST"), "hardshipSelfCare", "malformed");
    }

    static Map<String, Object> mapOf(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    void assertField(Api api, Map<String, Object> change, String field, String code) {
        Map<String, Object> body = elder();
        body.putAll(change);
        var r = api.post("/api/v1/elders", body);
        assertThat(r.status()).as(change + " " + r.body()).isEqualTo(400);
        assertThat(r.json().get("errors").toString()).as(change.toString()).contains("\"field\":\"" + field + "\"").contains(code);
        long count = jdbc.sql("select count(*) from elder where name = ?").param(body.get("name")).query(Long.class).single();
        assertThat(count).isZero();
    }

    @Test
    void patchAndPutChangeTheEnrolment() {
        Api api = Api.as(port, "community1");
        Map<String, Object> body = elder();
        body.put("economicCategory", "MINIMUM_LIVING");
        body.put("hardshipSelfCare", null);
        body.put("commercialInsured", false);
        body.put("commercialInsurer", null);
        body.put("commercialPolicyNumber", null);
        long id = api.post("/api/v1/elders", body).json().get("id").asLong();

        var wrong = api.patch("/api/v1/elders/" + id, Map.of("hardshipSelfCare", "FULLY_LOST"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("field").asText()).isEqualTo("hardshipSelfCare");

        var hardship = api.patch("/api/v1/elders/" + id, Map.of("economicCategory", "SPECIAL_HARDSHIP", "hardshipSelfCare", "FULLY_LOST"));
        assertThat(hardship.status()).as(hardship.body()).isEqualTo(200);
        assertThat(hardship.json().get("hardshipSelfCare").asText()).isEqualTo("FULLY_LOST");
        assertThat(hardship.json().get("ltcNumberMasked").asText()).endsWith("5678"); // kept

        // leaving LTC insurance while the number is still recorded is refused; clearing both works
        assertThat(api.patch("/api/v1/elders/" + id, Map.of("ltcInsured", false)).json().get("field").asText()).isEqualTo("ltcNumber");
        var left = api.patch("/api/v1/elders/" + id, mapOf("ltcInsured", false, "ltcNumber", null));
        assertThat(left.status()).isEqualTo(200);
        assertThat(left.json().get("ltcInsured").asBoolean()).isFalse();
        assertThat(left.json().get("ltcNumberMasked").isNull()).isTrue();
        assertThat(jdbc.sql("select ltc_number_enc from elder where id = ?").param(id).query(String.class).optional()).isEmpty();

        var joined = api.patch("/api/v1/elders/" + id, Map.of("commercialInsured", true, "commercialInsurer", "泰康养老保险股份有限公司江苏分公司",
                "commercialPolicyNumber", "TK-2025-12345678"));
        assertThat(joined.status()).as(joined.body()).isEqualTo(200);
        assertThat(joined.json().get("commercialPolicyMasked").asText()).isEqualTo("TK**********5678");

        // PUT replaces the whole record: the enrolment left out is cleared
        Map<String, Object> put = elder();
        put.put("idNumber", body.get("idNumber"));
        put.remove("ltcInsured");
        put.remove("ltcNumber");
        put.remove("commercialInsured");
        put.remove("commercialInsurer");
        put.remove("commercialPolicyNumber");
        var replaced = api.put("/api/v1/elders/" + id, put);
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("ltcInsured").asBoolean()).isFalse();
        assertThat(replaced.json().get("commercialInsured").asBoolean()).isFalse();
        assertThat(replaced.json().get("hardshipSelfCare").asText()).isEqualTo("PARTIALLY_LOST");
    }

    @Test
    void theConsoleFormRecordsTheEnrolmentAndTheDetailShowsItMasked() throws Exception {
        Map<String, Object> body = elder();
        body.put("economicCategory", "ORDINARY");
        body.put("hardshipSelfCare", null);
        body.put("ltcInsured", false);
        body.put("ltcNumber", null);
        body.put("commercialInsured", false);
        body.put("commercialInsurer", null);
        body.put("commercialPolicyNumber", null);
        JsonNode created = Api.as(port, "community1").post("/api/v1/elders", body).json();
        long id = created.get("id").asLong();

        var client = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        String login = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        var csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).isTrue();
        client.send(post(base + "/login", "username=community1&password=demo123&_csrf=" + enc(csrf.group(1))),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        String edit = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/elders/" + id + "/edit")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(edit).contains("name=\"ltcInsured\"").contains("name=\"commercialPolicyNumber\"").contains("name=\"hardshipSelfCare\"");
        var token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(edit);
        assertThat(token.find()).isTrue();
        String form = "name=" + enc((String) body.get("name")) + "&communityCode=320508001001&livingSituation=EMPTY_NEST&economicCategory=ORDINARY"
                + "&version=" + created.get("version").asInt() + "&ltcInsured=true&ltcNumber=320500009999&commercialInsured=false"
                + "&_csrf=" + enc(token.group(1));
        var saved = client.send(post(base + "/elders/" + id + "/edit", form), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        String detail = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/elders/" + id)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(detail).contains("32******9999").doesNotContain("320500009999");

        // insured without a number: the form comes back naming the field, nothing changes
        String bad = form.replace("&ltcNumber=320500009999", "").replace("&ltcInsured=true", "&ltcInsured=true&commercialInsured=true")
                .replace("&version=" + created.get("version").asInt(), "&version=" + (created.get("version").asInt() + 1));
        var refused = client.send(post(base + "/elders/" + id + "/edit", bad), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"form-errors\"").contains("commercialInsurer");
        assertThat(Api.as(port, "community1").get("/api/v1/elders/" + id).json().get("commercialInsured").asBoolean()).isFalse();
    }

    static java.net.http.HttpRequest post(String url, String form) {
        return java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build();
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theRegisterSpreadsheetCarriesTheEnrolmentAndOldTemplatesStillImport() throws Exception {
        Api community1 = Api.as(port, "community1");
        String[] insured = java.util.Arrays.copyOf(ElderImportIT.row("表格参保", ElderImportIT.validId(), "320508001001"), ElderWorkbook.COLUMNS.size());
        insured[8] = "特困";
        String[] tail = { "是", "320500007777", "是", "中国人寿保险股份有限公司苏州分公司", "CL-2023-00001111", "完全丧失自理能力" };
        System.arraycopy(tail, 0, insured, ElderWorkbook.BASE_COLUMNS, tail.length);
        String[] wrong = java.util.Arrays.copyOf(ElderImportIT.row("表格错误", ElderImportIT.validId(), "320508001001"), ElderWorkbook.COLUMNS.size());
        wrong[ElderWorkbook.BASE_COLUMNS] = "是"; // insured without a number
        var rejected = ElderImportIT.await(community1, community1.upload("/api/v1/elders/imports", "register.xlsx",
                ElderImportIT.workbook(List.<String[]>of(wrong)), Map.of()).headers().firstValue("Location").orElseThrow());
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("errors").toString()).contains("长护险参保号");

        var job = ElderImportIT.await(community1, community1.upload("/api/v1/elders/imports", "register.xlsx",
                ElderImportIT.workbook(List.<String[]>of(insured)), Map.of()).headers().firstValue("Location").orElseThrow());
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        JsonNode e = community1.get("/api/v1/elders?q=" + enc("表格参保")).json().get("content").get(0);
        JsonNode d = community1.get("/api/v1/elders/" + e.get("id").asLong()).json();
        assertThat(d.get("ltcNumberMasked").asText()).isEqualTo("32******7777");
        assertThat(d.get("commercialPolicyMasked").asText()).isEqualTo("CL**********1111");
        assertThat(d.get("hardshipSelfCare").asText()).isEqualTo("FULLY_LOST");

        // a template downloaded before the enrolment columns existed (18 columns) still imports
        byte[] old;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
                ElderImportIT.workbook(List.<String[]>of(ElderImportIT.row("表格旧版", ElderImportIT.validId(), "320508001001")))));
                var out = new java.io.ByteArrayOutputStream()) {
            var header = wb.getSheetAt(0).getRow(0);
            for (int i = ElderWorkbook.BASE_COLUMNS; i < ElderWorkbook.COLUMNS.size(); i++) {
                header.removeCell(header.getCell(i));
            }
            wb.write(out);
            old = out.toByteArray();
        }
        var oldJob = ElderImportIT.await(community1, community1.upload("/api/v1/elders/imports", "old.xlsx", old, Map.of()).headers()
                .firstValue("Location").orElseThrow());
        assertThat(oldJob.get("status").asText()).as(oldJob.toString()).isEqualTo("SUCCEEDED");
    }
}
