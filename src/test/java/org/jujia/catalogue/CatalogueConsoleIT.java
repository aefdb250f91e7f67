package org.jujia.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jujia.support.Api;
import org.jujia.support.ConsoleLogin;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The catalogue console pages render for those who may see them, and the calculator gives the API's answer. */
@IntegrationTest
class CatalogueConsoleIT {

    @LocalServerPort
    int port;

    record Session(HttpClient client, String csrf) {
    }

    Session login(String username) throws Exception {
        HttpClient client = ConsoleLogin.login(port, username);
        return new Session(client, ConsoleLogin.csrf(client, port));
    }

    String base() {
        return "http://localhost:" + port;
    }

    HttpResponse<String> get(Session s, String path) throws Exception {
        return s.client().send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(Session s, String path, String form) throws Exception {
        return s.client().send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + URLEncoder.encode(s.csrf(), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @CsvSource({ "admin, /catalogue, 200", "admin, /catalogue?package=BASIC&category=LIVING_CARE, 200", "admin, /catalogue/items/MEAL_LUNCH, 200",
            "admin, /catalogue/items/MEAL_LUNCH/edit, 200", "admin, /catalogue/items/new, 200", "admin, /catalogue/packages, 200",
            "admin, /catalogue/packages?month=2030-06&lang=en, 200", "admin, /quotes, 200", "admin, /catalogue?lang=en, 200",
            "street1, /catalogue, 200", "street1, /catalogue/items/new, 403", "street1, /catalogue/items/MEAL_LUNCH/edit, 403",
            "family1, /quotes, 200", "family1, /catalogue/packages, 200", "caregiver1, /catalogue, 403", "caregiver1, /quotes, 403" })
    void pageRenders(String user, String path, int status) throws Exception {
        var r = get(login(user), path);
        assertThat(r.statusCode()).as(user + " " + path).isEqualTo(status);
        if (status == 200) {
            assertThat(r.body()).contains("</html>").doesNotContain("??");
        }
    }

    @Test
    void theApiIsDocumented() throws Exception {
        String docs = login("street1").client().send(HttpRequest.newBuilder(URI.create(base() + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(docs).contains("\"/api/v1/quotes\"").contains("\"/api/v1/catalogue/items\"").contains("\"/api/v1/catalogue/packages\"")
                .contains("\"/api/v1/catalogue/items/{code}/prices\"");
    }

    @Test
    void theCataloguePageListsItemsAndTheNavLinksThem() throws Exception {
        String body = get(login("street1"), "/catalogue").body();
        assertThat(body).contains("MEAL_LUNCH").contains("助餐").contains("href=\"/catalogue/packages\"").contains("href=\"/quotes\"");
        assertThat(get(login("street1"), "/catalogue?lang=en").body()).contains("Meal assistance").contains("Service catalogue");
    }

    @Test
    void theCalculatorGivesTheSameAnswerAsTheApi() throws Exception {
        Session family = login("family1");
        long own = Api.as(port, "family1").get("/api/v1/elders").json().get("content").get(0).get("id").asLong();
        var r = post(family, "/quotes", "mode=elder&elderId=" + own + "&month=2030-06&qty_MEAL_LUNCH=30&qty_BATHING_HOME=3");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("id=\"quote-result\"");
        var api = Api.as(port, "family1").post("/api/v1/quotes", "{\"elderId\":" + own
                + ",\"month\":\"2030-06\",\"lines\":[{\"itemCode\":\"MEAL_LUNCH\",\"quantity\":30},{\"itemCode\":\"BATHING_HOME\",\"quantity\":3}]}");
        long self = api.json().get("selfAfterSubsidiesFen").asLong();
        assertThat(r.body()).contains(String.format("¥%d.%02d", self / 100, self % 100));

        var bad = post(family, "/quotes", "mode=profile&colour=RED&economicCategory=ORDINARY&month=2030-06&qty_BATHING_HOME=-2");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("id=\"form-errors\"").contains("BATHING_HOME.quantity");
    }

    @Test
    void anAdministratorSchedulesAPriceChangeFromTheItemPage() throws Exception {
        Session admin = login("admin");
        String from = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(40).toString();
        var r = post(admin, "/catalogue/items/HAIRCUT/prices", "yuan=22.50&effectiveFrom=" + from + "&note=test");
        assertThat(r.statusCode()).isEqualTo(302);
        String page = get(admin, "/catalogue/items/HAIRCUT").body();
        assertThat(page).contains(from).contains("¥22.50");
        var bad = post(admin, "/catalogue/items/HAIRCUT/prices", "yuan=1.234&effectiveFrom=" + from);
        assertThat(bad.statusCode()).isEqualTo(302);
        assertThat(get(admin, "/catalogue/items/HAIRCUT").body()).contains("unitPriceFen");
        // clean up: cancel the scheduled version
        long id = Api.as(port, "admin").get("/api/v1/catalogue/items/HAIRCUT/prices").json().get(0).get("id").asLong();
        assertThat(Api.as(port, "admin").delete("/api/v1/catalogue/items/HAIRCUT/prices/" + id).status()).isEqualTo(204);
    }
}
