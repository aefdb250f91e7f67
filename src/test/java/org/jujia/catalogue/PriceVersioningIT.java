package org.jujia.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Prices change by versions with an effective date; what was priced with a version keeps it. */
@IntegrationTest
class PriceVersioningIT {

    @LocalServerPort
    int port;

    @Autowired
    ServiceCatalogue catalogue;

    @Test
    void theSeededHistoryAnswersThePriceInForceOnADay() {
        assertThat(catalogue.item("MEAL_LUNCH", LocalDate.of(2025, 6, 1)).unitPriceFen()).isEqualTo(1400);
        assertThat(catalogue.item("MEAL_LUNCH", LocalDate.of(2025, 12, 31)).unitPriceFen()).isEqualTo(1400);
        assertThat(catalogue.item("MEAL_LUNCH", LocalDate.of(2026, 1, 1)).unitPriceFen()).isEqualTo(1500);
        long old = catalogue.item("MEAL_LUNCH", LocalDate.of(2025, 6, 1)).priceVersion().id();
        assertThat(catalogue.priceVersion(old).orElseThrow().unitPriceFen()).isEqualTo(1400);
        // before the first price there is none
        assertThat(catalogue.find("MEAL_LUNCH", LocalDate.of(2024, 12, 31))).isEmpty();
        assertThat(Api.as(port, "street1").get("/api/v1/catalogue/items/MEAL_LUNCH?on=2025-06-01").json().get("unitPriceFen").asLong())
                .isEqualTo(1400);
    }

    @Test
    void aScheduledPriceTakesEffectOnItsDayAndEarlierQuotesKeepTheirs() {
        Api admin = Api.as(port, "admin");
        String code = "PV_TEST_" + (System.nanoTime() % 1_000_000);
        Map<String, Object> item = new HashMap<>();
        item.put("code", code);
        item.put("nameZh", "测试项目");
        item.put("nameEn", "Test item");
        item.put("category", "LIVING_CARE");
        item.put("servicePackage", "PERSONAL");
        item.put("unit", "VISIT");
        item.put("standardMinutes", 30);
        item.put("requiredQualification", "NONE");
        item.put("qualityStandard", "测试");
        item.put("unitPriceFen", 1000);
        assertThat(admin.post("/api/v1/catalogue/items", item).status()).isEqualTo(201);

        LocalDate today = catalogue.today();
        YearMonth thisMonth = YearMonth.from(today);
        Map<String, Object> quote = new LinkedHashMap<>();
        quote.put("colour", "GREEN");
        quote.put("economicCategory", "ORDINARY");
        quote.put("month", thisMonth.toString());
        quote.put("lines", List.of(Map.of("itemCode", code, "quantity", 2)));
        JsonNode before = admin.post("/api/v1/quotes", quote).json().get("lines").get(0);
        assertThat(before.get("unitPriceFen").asLong()).isEqualTo(1000);
        long firstVersion = before.get("priceVersionId").asLong();

        // a price change cannot start today or in the past
        var todayChange = admin.post("/api/v1/catalogue/items/" + code + "/prices", Map.of("unitPriceFen", 1100, "effectiveFrom", today.toString()));
        assertThat(todayChange.status()).isEqualTo(400);
        assertThat(todayChange.json().get("field").asText()).isEqualTo("effectiveFrom");
        assertThat(admin.post("/api/v1/catalogue/items/" + code + "/prices", Map.of("unitPriceFen", 0, "effectiveFrom",
                today.plusDays(3).toString())).json().get("field").asText()).isEqualTo("unitPriceFen");
        assertThat(Api.as(port, "street1").post("/api/v1/catalogue/items/" + code + "/prices", Map.of("unitPriceFen", 1200, "effectiveFrom",
                today.plusDays(10).toString())).status()).isEqualTo(403);

        LocalDate from = today.plusDays(10);
        var scheduled = admin.post("/api/v1/catalogue/items/" + code + "/prices", Map.of("unitPriceFen", 1200, "effectiveFrom", from.toString(),
                "note", "调价"));
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        assertThat(admin.post("/api/v1/catalogue/items/" + code + "/prices", Map.of("unitPriceFen", 1300, "effectiveFrom", from.toString()))
                .status()).isEqualTo(409);

        assertThat(catalogue.item(code, from.minusDays(1)).unitPriceFen()).isEqualTo(1000);
        assertThat(catalogue.item(code, from).unitPriceFen()).isEqualTo(1200);
        assertThat(catalogue.item(code, from.plusYears(1)).unitPriceFen()).isEqualTo(1200);
        // the version the earlier quote was made with is unchanged
        assertThat(catalogue.priceVersion(firstVersion).orElseThrow().unitPriceFen()).isEqualTo(1000);
        JsonNode history = admin.get("/api/v1/catalogue/items/" + code + "/prices").json();
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).get("unitPriceFen").asLong()).isEqualTo(1200);

        // a month starting after the change is quoted at the new price
        quote.put("month", YearMonth.from(from).plusMonths(1).toString());
        JsonNode after = admin.post("/api/v1/quotes", quote).json().get("lines").get(0);
        assertThat(after.get("unitPriceFen").asLong()).isEqualTo(1200);
        assertThat(after.get("priceVersionId").asLong()).isNotEqualTo(firstVersion);

        // the price in force cannot be cancelled; the scheduled one can
        assertThat(admin.delete("/api/v1/catalogue/items/" + code + "/prices/" + firstVersion).status()).isEqualTo(409);
        assertThat(admin.delete("/api/v1/catalogue/items/" + code + "/prices/" + scheduled.json().get("id").asLong()).status()).isEqualTo(204);
        assertThat(catalogue.item(code, from).unitPriceFen()).isEqualTo(1000);
    }
}
