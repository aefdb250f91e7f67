package org.jujia.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The catalogue and quote API over real HTTP against the real database: happy paths and every validation error. */
@IntegrationTest
class QuoteApiIT {

    static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 700));
    /** A future month far from any price change: June 2030 has 4 Mondays (3, 10, 17, 24) and 30 days. */
    static final String MONTH = "2030-06";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    static Map<String, Object> line(String code, Object quantity) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("itemCode", code);
        m.put("quantity", quantity);
        return m;
    }

    static Map<String, Object> profile(String colour, String economic, boolean ltc, boolean commercial, String hardship, boolean highRisk,
            List<Map<String, Object>> lines) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("colour", colour);
        m.put("economicCategory", economic);
        m.put("ltcInsured", ltc);
        m.put("commercialInsured", commercial);
        m.put("hardshipSelfCare", hardship);
        m.put("highRiskCaregiver", highRisk);
        m.put("month", MONTH);
        m.put("lines", lines);
        return m;
    }

    static long fen(JsonNode n, String payer) {
        return n.get("payers").get(payer).asLong();
    }

    /** Registers an elder in 平江新村社区 with the given enrolment and care colour; answers its id. */
    long elder(Api api, String economic, boolean ltc, boolean commercial, String hardship, String colour) {
        int n = SEQ.incrementAndGet();
        String id = ResidentIdNumber.of("320582", LocalDate.of(1938, 1, 1).plusDays(n * 11L % 4000), Sex.FEMALE, n % 1000).value();
        Map<String, Object> m = new HashMap<>();
        m.put("name", "报价" + n);
        m.put("idNumber", id);
        m.put("communityCode", "320508001001");
        m.put("livingSituation", "ALONE");
        m.put("economicCategory", economic);
        m.put("ltcInsured", ltc);
        m.put("ltcNumber", ltc ? "3205" + String.format("%010d", n) : null);
        m.put("commercialInsured", commercial);
        m.put("commercialInsurer", commercial ? "中国人寿保险股份有限公司苏州分公司" : null);
        m.put("commercialPolicyNumber", commercial ? "CL-2024-" + String.format("%08d", n) : null);
        m.put("hardshipSelfCare", hardship);
        var r = api.post("/api/v1/elders", m);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long elderId = r.json().get("id").asLong();
        if (colour != null) {
            // the care colour is normally written by a signed assessment; set it directly for the test
            jdbc.sql("update elder set care_colour = ? where id = ?").params(colour, elderId).update();
        }
        return elderId;
    }

    // ---------------------------------------------------------------- catalogue

    @Test
    void theCatalogueListsAtLeastThirtyItemsCoveringEveryServiceOfThePackages() {
        JsonNode items = Api.as(port, "family1").get("/api/v1/catalogue/items").json();
        assertThat(items.size()).isGreaterThanOrEqualTo(30);
        List<String> codes = new ArrayList<>();
        items.forEach(i -> codes.add(i.get("code").asText()));
        assertThat(codes).contains("MEAL_LUNCH", "CLEANING_HOME", "BATHING_HOME", "ERRAND", "VOICE_CALL", "HOME_VISIT", "NURSE_ROUND",
                "PRESSURE_SORE_CARE", "CATHETER_CARE", "NASOGASTRIC_CARE", "NIGHT_WATCH", "COGNITIVE_TRAINING", "REHAB_SESSION", "RESPITE_CARE",
                "REMOTE_SECOND_OPINION", "AD_GENE_TEST", "GUARDIANSHIP", "FAMILY_TRUST");
        JsonNode meal = find(items, "MEAL_LUNCH");
        for (String f : List.of("code", "nameZh", "nameEn", "package", "unit", "unitPriceFen", "monthlyEntitlement", "requiredQualification",
                "standardMinutes")) {
            assertThat(meal.has(f)).as(f).isTrue();
        }
        assertThat(meal.get("package").asText()).isEqualTo("BASIC");
        assertThat(meal.get("unit").asText()).isEqualTo("MEAL");
        assertThat(meal.get("monthlyEntitlement").asInt()).isEqualTo(YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).lengthOfMonth());
        assertThat(meal.get("checks").toString()).contains("energy_kcal").contains("600").contains("protein_g");
        assertThat(find(items, "REMOTE_SECOND_OPINION").get("monthlyEntitlement").isNull()).isTrue();
        assertThat(find(items, "REHAB_SESSION").get("requiredQualification").asText()).isEqualTo("REHAB_THERAPIST");
        assertThat(find(items, "REHAB_SESSION").get("standardMinutes").asInt()).isEqualTo(45);
        assertThat(find(items, "BATHING_HOME").get("monthlyEntitlement").asInt()).isEqualTo(2);
        assertThat(find(items, "ERRAND").get("monthlyEntitlement").asInt()).isEqualTo(4);
    }

    static JsonNode find(JsonNode items, String code) {
        for (JsonNode i : items) {
            if (i.get("code").asText().equals(code)) {
                return i;
            }
        }
        throw new AssertionError("no item " + code);
    }

    @Test
    void itemsFilterByPackageAndCategory() {
        Api api = Api.as(port, "street1");
        JsonNode personal = api.get("/api/v1/catalogue/items?package=PERSONAL").json();
        assertThat(personal.size()).isGreaterThanOrEqualTo(3);
        personal.forEach(i -> assertThat(i.get("package").asText()).isEqualTo("PERSONAL"));
        JsonNode rehab = api.get("/api/v1/catalogue/items?category=REHAB").json();
        assertThat(rehab.size()).isGreaterThanOrEqualTo(2);
        rehab.forEach(i -> assertThat(i.get("category").asText()).isEqualTo("REHAB"));
        assertThat(api.get("/api/v1/catalogue/items?package=GOLD").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/catalogue/items/NO_SUCH_ITEM").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/catalogue/categories").json().size()).isGreaterThanOrEqualTo(9);
    }

    @Test
    void packagesShowTheirMonthlyEntitlements() {
        JsonNode packages = Api.as(port, "family1").get("/api/v1/catalogue/packages?month=2030-06").json();
        assertThat(packages.size()).isEqualTo(3);
        JsonNode basic = packages.get(0);
        assertThat(basic.get("servicePackage").asText()).isEqualTo("BASIC");
        assertThat(basic.get("freeFor").toString()).contains("RED").contains("ORANGE");
        Map<String, JsonNode> byCode = new HashMap<>();
        basic.get("items").forEach(e -> byCode.put(e.get("code").asText(), e));
        assertThat(byCode.get("MEAL_LUNCH").get("monthlyEntitlement").asInt()).isEqualTo(30);
        assertThat(byCode.get("CLEANING_HOME").get("monthlyEntitlement").asInt()).isEqualTo(4);
        assertThat(byCode.get("VOICE_CALL").get("monthlyEntitlement").asInt()).isEqualTo(30);
        assertThat(byCode.get("HOME_VISIT").get("monthlyEntitlement").asInt()).isEqualTo(4);
        Map<String, JsonNode> upgrade = new HashMap<>();
        packages.get(1).get("items").forEach(e -> upgrade.put(e.get("code").asText(), e));
        assertThat(upgrade.get("NURSE_ROUND").get("monthlyEntitlement").asInt()).isEqualTo(8);
        assertThat(upgrade.get("COGNITIVE_TRAINING").get("monthlyEntitlement").asInt()).isEqualTo(30);
        assertThat(Api.as(port, "family1").get("/api/v1/catalogue/packages?month=June").status()).isEqualTo(400);
    }

    // ---------------------------------------------------------------- quotes: happy paths

    @Test
    void anExplicitProfileIsQuotedLineByLine() {
        var r = Api.as(port, "family1").post("/api/v1/quotes", profile("YELLOW", "ORDINARY", true, false, null, false,
                List.of(line("CLEANING_HOME", 5), line("NURSE_ROUND", 2), line("GUARDIANSHIP", 1))));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode q = r.json();
        assertThat(q.get("month").asText()).isEqualTo(MONTH);
        JsonNode cleaning = q.get("lines").get(0);
        assertThat(cleaning.get("itemCode").asText()).isEqualTo("CLEANING_HOME");
        assertThat(cleaning.get("withinEntitlement").asInt()).isEqualTo(4);
        assertThat(cleaning.get("beyondEntitlement").asInt()).isEqualTo(1);
        assertThat(cleaning.get("unitPriceFen").asLong()).isEqualTo(8000);
        assertThat(cleaning.get("amountFen").asLong()).isEqualTo(40000);
        assertThat(fen(cleaning, "GOVERNMENT")).isZero();
        assertThat(fen(cleaning, "LTC_INSURANCE")).isEqualTo(27200);
        assertThat(fen(cleaning, "COMMERCIAL_INSURANCE")).isZero();
        assertThat(fen(cleaning, "SELF")).isEqualTo(4800 + 8000);
        JsonNode nurse = q.get("lines").get(1);
        assertThat(fen(nurse, "SELF")).isEqualTo(24000); // UPGRADE, no commercial insurance
        JsonNode totals = q.get("totals");
        assertThat(totals.get("GOVERNMENT").asLong()).isZero();
        assertThat(totals.get("LTC_INSURANCE").asLong()).isEqualTo(27200);
        assertThat(totals.get("COMMERCIAL_INSURANCE").asLong()).isZero();
        assertThat(totals.get("SELF").asLong()).isEqualTo(12800 + 24000 + 300000);
        assertThat(q.get("subsidies").size()).isZero();
        assertThat(q.get("selfAfterSubsidiesFen").asLong()).isEqualTo(336800);
    }

    @Test
    void aSpecialHardshipProfileGetsItsSubsidyAndKeepsTheRestAsAllowance() {
        var r = Api.as(port, "street1").post("/api/v1/quotes", profile("GREEN", "SPECIAL_HARDSHIP", false, false, "FULLY_LOST", false,
                List.of(line("ERRAND", 5))));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode q = r.json();
        assertThat(q.get("totals").get("SELF").asLong()).isEqualTo(10000);
        JsonNode s = q.get("subsidies").get(0);
        assertThat(s.get("kind").asText()).isEqualTo("SPECIAL_HARDSHIP_FULLY_LOST");
        assertThat(s.get("fen").asLong()).isEqualTo(10000);
        assertThat(s.get("grantedFen").asLong()).isEqualTo(109000);
        assertThat(q.get("selfAfterSubsidiesFen").asLong()).isZero();
        assertThat(q.get("unusedAllowanceFen").asLong()).isEqualTo(99000);
    }

    @Test
    void anElderIsQuotedFromTheRecord() {
        Api community1 = Api.as(port, "community1");
        long elderId = elder(community1, "MINIMUM_LIVING", false, true, null, "RED");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("elderId", elderId);
        body.put("month", MONTH);
        body.put("lines", List.of(line("BATHING_HOME", 3), line("NURSE_ROUND", 2)));
        var r = community1.post("/api/v1/quotes", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode q = r.json();
        assertThat(q.get("profile").get("colour").asText()).isEqualTo("RED");
        assertThat(q.get("profile").get("commercialInsured").asBoolean()).isTrue();
        JsonNode bathing = q.get("lines").get(0);
        long price = bathing.get("unitPriceFen").asLong();
        assertThat(fen(bathing, "GOVERNMENT")).isEqualTo(2 * price);
        assertThat(fen(bathing, "SELF")).isEqualTo(price);
        JsonNode nurse = q.get("lines").get(1);
        assertThat(fen(nurse, "COMMERCIAL_INSURANCE")).isEqualTo(20400);
        assertThat(fen(nurse, "SELF")).isEqualTo(3600);
        // 低保 + red: 700 yuan, more than the SELF total
        JsonNode s = q.get("subsidies").get(0);
        assertThat(s.get("kind").asText()).isEqualTo("MINIMUM_LIVING_RED");
        assertThat(s.get("fen").asLong()).isEqualTo(price + 3600);
        assertThat(q.get("selfAfterSubsidiesFen").asLong()).isZero();
        assertThat(q.get("unusedAllowanceFen").asLong()).isEqualTo(70000 - price - 3600);

        // another street's officer does not see this elder
        assertThat(Api.as(port, "street2").post("/api/v1/quotes", body).status()).isEqualTo(404);
    }

    @Test
    void aHighRiskCaregiversHouseholdGetsFourRespiteHoursFromGovernment() {
        Api community1 = Api.as(port, "community1");
        long elderId = elder(community1, "ORDINARY", true, false, null, "YELLOW");
        var cg = community1.post("/api/v1/elders/" + elderId + "/caregivers", Map.of("name", "王芳", "relation", "DAUGHTER", "phone",
                "139" + String.format("%08d", elderId % 100_000_000), "livesWithElder", true, "weeklyCareHours", 60, "startedOn", "2024-01-01"));
        assertThat(cg.status()).as(cg.body()).isEqualTo(201);
        Map<String, Object> answers = new HashMap<>();
        for (int i = 1; i <= 22; i++) {
            answers.put("q" + i, 2); // total 44 ≥ 40: high-risk
        }
        var zbi = community1.post("/api/v1/caregivers/" + cg.json().get("id").asLong() + "/zbi",
                Map.of("interviewedOn", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1).toString(), "answers", answers));
        assertThat(zbi.status()).as(zbi.body()).isEqualTo(201);

        String thisMonth = YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("elderId", String.valueOf(elderId)); // the id may also come as a string
        body.put("month", thisMonth);
        body.put("lines", List.of(line("RESPITE_CARE", 5)));
        var r = community1.post("/api/v1/quotes", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode respite = r.json().get("lines").get(0);
        assertThat(r.json().get("profile").get("highRiskCaregiver").asBoolean()).isTrue();
        assertThat(respite.get("respiteGovernment").asInt()).isEqualTo(4);
        long price = respite.get("unitPriceFen").asLong();
        assertThat(fen(respite, "GOVERNMENT")).isEqualTo(4 * price);
        assertThat(fen(respite, "SELF")).isEqualTo(price); // UPGRADE, not commercially insured
    }

    @Test
    void aFamilyMemberQuotesOnlyTheirOwnElder() {
        Api family1 = Api.as(port, "family1");
        long own = family1.get("/api/v1/elders").json().get("content").get(0).get("id").asLong();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("elderId", own);
        body.put("month", MONTH);
        body.put("lines", List.of(line("MEAL_LUNCH", 30)));
        var r = family1.post("/api/v1/quotes", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("lines").get(0).get("withinEntitlement").asInt()).isEqualTo(30);

        long other = elder(Api.as(port, "community1"), "ORDINARY", false, false, null, null);
        body.put("elderId", other);
        var denied = family1.post("/api/v1/quotes", body);
        assertThat(denied.status()).isEqualTo(404);
        assertThat(denied.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    }

    @Test
    void aUserWithoutCataloguePermissionIsRefused() {
        assertThat(Api.as(port, "caregiver1").get("/api/v1/catalogue/items").status()).isEqualTo(403);
        assertThat(Api.as(port, "caregiver1").post("/api/v1/quotes", profile("RED", "ORDINARY", false, false, null, false,
                List.of(line("MEAL_LUNCH", 1)))).status()).isEqualTo(403);
        assertThat(Api.anonymous(port).get("/api/v1/catalogue/items").status()).isEqualTo(401);
    }

    // ---------------------------------------------------------------- quotes: validation

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown item code        | {\"colour\":\"RED\",\"economicCategory\":\"ORDINARY\",\"month\":\"2030-06\",\"lines\":[{\"itemCode\":\"MEAL_LUNCH\",\"quantity\":1},{\"itemCode\":\"CAVIAR\",\"quantity\":1}]} | lines[1].itemCode | unknown",
            "missing item code        | {\"colour\":\"RED\",\"economicCategory\":\"ORDINARY\",\"month\":\"2030-06\",\"lines\":[{\"quantity\":1}]} | lines[0].itemCode | required",
            "negative quantity        | {\"colour\":\"RED\",\"economicCategory\":\"ORDINARY\",\"month\":\"2030-06\",\"lines\":[{\"itemCode\":\"MEAL_LUNCH\",\"quantity\":-1}]} | lines[0].quantity | min",
            "zero quantity            | {\"colour\":\"RED\",\"economicCategory\":\"ORDINARY\",\"month\":\"2030-06\",\"lines\":[{\"itemCode\":\"MEAL_LUNCH\",\"quantity\":0}]} | lines[0].quantity | min",
            "absurd quantity          | {\"colour\":\"RED\",\"economicCategory\":\"ORDINARY\",\"month\":\"2030-06\",\"lines\":[{\"itemCode\":\"MEAL_LUNCH\",\"quantity\":1},{\"itemCode\":\"MEAL_LUNCH\",\"quantity\":2},{\"itemCode\":\"RESPITE_CARE\",\"quantity\":745}]} | lines[2].quantity | max",
            "huge quantity            | {\"colour\":\"RED\",\"economicCategory\":\"ORDINARY\",\"month\":\"2030-06\",\"lines\":[{\"itemCode\":\"MEAL_LUNCH\",\"quantity\":100000000000000}]} | lines[0].quantity | max",
            "fractional quantity      | {\"colour\":\"RED\",\"economicCategory\":\"ORDINARY\",\"month\":\"2030-06\",\"lines\":[{\"itemCode\":\"MEAL_LUNCH\",\"quantity\":1.5}]} | lines[0].quantity | type",
            "text quantity            | {\"colour\":\"RED\",\"economicCategory\":\"ORDINARY\",\"month\":\"2030-06\",\"lines\":[{\"itemCode\":\"MEAL_LUNCH\",\"quantity\":\"three\"}]} | lines[0].quantity | type",
            "missing quantity         | {\"colour\":\"RED\",\"economicCategory\":\"ORDINARY\",\"month\":\"2030-06\",\"lines\":[{\"itemCode\":\"MEAL_LUNCH\"}]} | lines[0].quantity | required",
            "unknown line field       | {\"colour\":\"RED\",\"economicCategory\":\"ORDINARY\",\"month\":\"2030-06\",\"lines\":[{\"itemCode\":\"MEAL_LUNCH\",\"quantity\":1,\"price\":0}]} | lines[0].price | unknown",
            "malformed month          | {\"colour\":\"RED\",\"economicCategory\":\"ORDINARY\",\"month\":\"2030-13\",\"lines\":[{\"itemCode\":\"MEAL_LUNCH\",\"quantity\":1}]} | month | format",
            "month in another format  | {\"colour\":\"RED\",\"economicCategory\":\"ORDINARY\",\"month\":\"06/2030\",\"lines\":[{\"itemCode\":\"MEAL_LUNCH\",\"quantity\":1}]} | month | format",
            "month as a number        | {\"colour\":\"RED\",\"economicCategory\":\"ORDINARY\",\"month\":203006,\"lines\":[{\"itemCode\":\"MEAL_LUNCH\",\"quantity\":1}]} | month | format",
            "month out of range       | {\"colour\":\"RED\",\"economicCategory\":\"ORDINARY\",\"month\":\"1999-12\",\"lines\":[{\"itemCode\":\"MEAL_LUNCH\",\"quantity\":1}]} | month | range",
            "missing month            | {\"colour\":\"RED\",\"economicCategory\":\"ORDINARY\",\"lines\":[{\"itemCode\":\"MEAL_LUNCH\",\"quantity\":1}]} | month | required",
            "missing lines            | {\"colour\":\"RED\",\"economicCategory\":\"ORDINARY\",\"month\":\"2030-06\"} | lines | required",
            "empty lines              | {\"colour\":\"RED\",\"economicCategory\":\"ORDINARY\",\"month\":\"2030-06\",\"lines\":[]} | lines | required",
            "lines not an array       | {\"colour\":\"RED\",\"economicCategory\":\"ORDINARY\",\"month\":\"2030-06\",\"lines\":\"MEAL_LUNCH\"} | lines | type",
            "unknown colour           | {\"colour\":\"PURPLE\",\"economicCategory\":\"ORDINARY\",\"month\":\"2030-06\",\"lines\":[{\"itemCode\":\"MEAL_LUNCH\",\"quantity\":1}]} | colour | unknown",
            "missing colour           | {\"economicCategory\":\"ORDINARY\",\"month\":\"2030-06\",\"lines\":[{\"itemCode\":\"MEAL_LUNCH\",\"quantity\":1}]} | colour | required",
            "missing economic category| {\"colour\":\"RED\",\"month\":\"2030-06\",\"lines\":[{\"itemCode\":\"MEAL_LUNCH\",\"quantity\":1}]} | economicCategory | required",
            "insured not a boolean    | {\"colour\":\"RED\",\"economicCategory\":\"ORDINARY\",\"ltcInsured\":\"yes\",\"month\":\"2030-06\",\"lines\":[{\"itemCode\":\"MEAL_LUNCH\",\"quantity\":1}]} | ltcInsured | type",
            "hardship without category| {\"colour\":\"RED\",\"economicCategory\":\"SPECIAL_HARDSHIP\",\"month\":\"2030-06\",\"lines\":[{\"itemCode\":\"MEAL_LUNCH\",\"quantity\":1}]} | hardshipSelfCare | required",
            "category without hardship| {\"colour\":\"RED\",\"economicCategory\":\"ORDINARY\",\"hardshipSelfCare\":\"FULLY_LOST\",\"month\":\"2030-06\",\"lines\":[{\"itemCode\":\"MEAL_LUNCH\",\"quantity\":1}]} | hardshipSelfCare | category",
            "elder and profile        | {\"elderId\":1,\"colour\":\"RED\",\"month\":\"2030-06\",\"lines\":[{\"itemCode\":\"MEAL_LUNCH\",\"quantity\":1}]} | elderId | exclusive",
            "elder id not a number    | {\"elderId\":\"abc\",\"month\":\"2030-06\",\"lines\":[{\"itemCode\":\"MEAL_LUNCH\",\"quantity\":1}]} | elderId | format",
            "negative elder id        | {\"elderId\":-5,\"month\":\"2030-06\",\"lines\":[{\"itemCode\":\"MEAL_LUNCH\",\"quantity\":1}]} | elderId | format",
            "unknown field            | {\"colour\":\"RED\",\"economicCategory\":\"ORDINARY\",\"discount\":50,\"month\":\"2030-06\",\"lines\":[{\"itemCode\":\"MEAL_LUNCH\",\"quantity\":1}]} | discount | unknown" })
    void invalidQuotesAreProblemsNamingTheField(String what, String body, String field, String code) {
        var r = Api.as(port, "family1").post("/api/v1/quotes", body);
        assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("field").asText()).as(what).isEqualTo(field);
        boolean named = false;
        for (JsonNode e : p.get("errors")) {
            named |= e.get("field").asText().equals(field) && e.get("code").asText().equals(code);
        }
        assertThat(named).as(what + ": " + p).isTrue();
    }

    @Test
    void everyBadLineIsReportedAtOnce() {
        var r = Api.as(port, "family1").post("/api/v1/quotes", profile("RED", "ORDINARY", false, false, null, false,
                List.of(line("NOPE", 1), line("MEAL_LUNCH", -3), line("BATHING_HOME", 9999))));
        assertThat(r.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactly("lines[0].itemCode", "lines[1].quantity", "lines[2].quantity");
    }

    @Test
    void malformedJsonIsAProblem() {
        var r = Api.as(port, "family1").post("/api/v1/quotes", "{\"month\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    }

    // ---------------------------------------------------------------- administration

    @Test
    void onlyCatalogueAdministratorsChangeTheCatalogue() {
        Map<String, Object> item = new HashMap<>();
        item.put("code", "MEAL_DINNER_" + SEQ.incrementAndGet());
        item.put("nameZh", "助餐（晚餐）");
        item.put("nameEn", "Dinner delivery");
        item.put("category", "LIVING_CARE");
        item.put("servicePackage", "UPGRADE");
        item.put("unit", "MEAL");
        item.put("standardMinutes", 15);
        item.put("entitlementQuantity", 1);
        item.put("entitlementPer", "DAY");
        item.put("requiredQualification", "NONE");
        item.put("qualityStandard", "热食晚餐，能量不低于 500 千卡");
        item.put("checks", List.of(Map.of("name", "energy_kcal", "min", 500, "unit", "kcal")));
        item.put("unitPriceFen", 1200);
        assertThat(Api.as(port, "street1").post("/api/v1/catalogue/items", item).status()).isEqualTo(403);
        var created = Api.as(port, "admin").post("/api/v1/catalogue/items", item);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("unitPriceFen").asLong()).isEqualTo(1200);
        assertThat(created.json().get("monthlyEntitlement").asInt()).isGreaterThanOrEqualTo(28);
        assertThat(Api.as(port, "admin").post("/api/v1/catalogue/items", item).status()).isEqualTo(409);

        Map<String, Object> bad = new HashMap<>(item);
        bad.put("code", "bad code");
        bad.put("category", "NO_SUCH_CATEGORY");
        bad.put("entitlementPer", null);
        bad.put("minCaregiverLevel", "LEVEL_3");
        bad.remove("unitPriceFen");
        var r = Api.as(port, "admin").post("/api/v1/catalogue/items", bad);
        assertThat(r.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).contains("code", "category", "entitlementPer", "minCaregiverLevel", "unitPriceFen");

        Map<String, Object> edit = new HashMap<>(item);
        edit.remove("unitPriceFen");
        edit.put("nameEn", "Dinner (hot)");
        edit.put("entitlementQuantity", 2);
        var updated = Api.as(port, "admin").put("/api/v1/catalogue/items/" + item.get("code"), edit);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("nameEn").asText()).isEqualTo("Dinner (hot)");
        edit.put("unitPriceFen", 9);
        assertThat(Api.as(port, "admin").put("/api/v1/catalogue/items/" + item.get("code"), edit).json().get("field").asText())
                .isEqualTo("unitPriceFen");

        // a withdrawn item is no longer listed or quoted
        edit.remove("unitPriceFen");
        edit.put("active", false);
        assertThat(Api.as(port, "admin").put("/api/v1/catalogue/items/" + item.get("code"), edit).status()).isEqualTo(200);
        Api family1 = Api.as(port, "family1");
        assertThat(family1.get("/api/v1/catalogue/items").body()).doesNotContain((String) item.get("code"));
        assertThat(family1.get("/api/v1/catalogue/items?includeInactive=true").body()).contains((String) item.get("code"));
        var q = family1.post("/api/v1/quotes", profile("GREEN", "ORDINARY", false, false, null, false, List.of(line((String) item.get("code"), 1))));
        assertThat(q.status()).isEqualTo(400);
        assertThat(q.json().get("field").asText()).isEqualTo("lines[0].itemCode");
        assertThat(q.json().get("errors").get(0).get("code").asText()).isEqualTo("withdrawn");
    }
}
