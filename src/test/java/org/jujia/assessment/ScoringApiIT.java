package org.jujia.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jujia.assessment.scoring.ScoringFixtures.barthelAnswers;
import static org.jujia.assessment.scoring.ScoringFixtures.careColourAnswers;
import static org.jujia.assessment.scoring.ScoringFixtures.frailAnswers;
import static org.jujia.assessment.scoring.ScoringFixtures.gbt42195Answers;
import static org.jujia.assessment.scoring.ScoringFixtures.hardshipAnswers;
import static org.jujia.assessment.scoring.ScoringFixtures.iadlAnswers;
import static org.jujia.assessment.scoring.ScoringFixtures.map;
import static org.jujia.assessment.scoring.ScoringFixtures.mmseAnswers;
import static org.jujia.assessment.scoring.ScoringFixtures.nrs2002Answers;
import static org.jujia.assessment.scoring.ScoringFixtures.nrs2002NegativeAnswers;
import static org.jujia.assessment.scoring.ScoringFixtures.with;
import static org.jujia.assessment.scoring.ScoringFixtures.without;
import static org.jujia.assessment.scoring.ScoringFixtures.zbiAnswers;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jujia.assessment.scoring.ScoringEngine;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/scoring/{instrument}} over real HTTP (ASSESSMENT.md §0.1). */
@IntegrationTest
class ScoringApiIT {

    @LocalServerPort
    int port;

    Api assessor;

    @BeforeEach
    void logIn() {
        if (assessor == null) {
            assessor = Api.as(port, "assessor1");
        }
    }

    JsonNode ok(String instrument, Object body) {
        var r = assessor.post("/api/v1/scoring/" + instrument, body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(r.headers().firstValue("X-Scorer-Version")).contains(ScoringEngine.SCORER_VERSION);
        return r.json();
    }

    static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.values().forEach(n -> names.add(n.asText()));
        return names;
    }

    /** Asserts a 400 validation problem naming {@code field}; returns the problem. */
    JsonNode invalid(String instrument, Object body, String field) {
        var r = assessor.post("/api/v1/scoring/" + instrument, body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("error").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(p.get("field").asText()).isEqualTo(field);
        assertThat(p.get("status").asInt()).isEqualTo(400);
        assertThat(p.get("detail").asText()).startsWith(field + ": ");
        return p;
    }

    // ---- happy paths, one per instrument -------------------------------------------------------------------

    @Test
    void mmse() {
        JsonNode r = ok("mmse", with(with(mmseAnswers(), "recall", 0), "education", "MIDDLE_OR_ABOVE"));
        assertThat(r.get("total").asInt()).isEqualTo(27);
        assertThat(r.get("cutoff").asInt()).isEqualTo(24);
        assertThat(r.get("cognitiveImpairment").asBoolean()).isFalse();
        assertThat(r.get("severityBand").asText()).isEqualTo("NORMAL");
    }

    @Test
    void barthel() {
        JsonNode r = ok("barthel", with(with(barthelAnswers(), "stairs", 0), "bathing", 0));
        assertThat(r.get("total").asInt()).isEqualTo(85);
        assertThat(r.get("band").asText()).isEqualTo("MILD");
    }

    @Test
    void barthelBand() {
        JsonNode r = ok("barthel-band", map("total", 61));
        assertThat(r.get("total").asInt()).isEqualTo(61);
        assertThat(r.get("band").asText()).isEqualTo("MILD");
        assertThat(ok("barthel-band", map("total", 41)).get("band").asText()).isEqualTo("MODERATE");
    }

    @Test
    void lawtonIadl() {
        JsonNode r = ok("lawton-iadl", with(iadlAnswers(), "housekeeping", "E"));
        assertThat(r.get("total").asInt()).isEqualTo(7);
        assertThat(r.get("independent").asBoolean()).isFalse();
    }

    @Test
    void frail() {
        JsonNode r = ok("frail", with(with(with(frailAnswers(), "fatigue", true), "illnessCount", 5), "ambulation", true));
        assertThat(r.get("total").asInt()).isEqualTo(3);
        assertThat(r.get("band").asText()).isEqualTo("FRAIL");
    }

    @Test
    void nrs2002() {
        JsonNode r = ok("nrs2002", nrs2002Answers());
        assertThat(r.get("finalScreeningRequired").asBoolean()).isTrue();
        assertThat(r.get("total").asInt()).isEqualTo(3);
        assertThat(r.get("agePoint").asInt()).isEqualTo(1);
        assertThat(r.get("atRisk").asBoolean()).isTrue();
        assertThat(r.get("action").asText()).isEqualTo("NUTRITIONAL_CARE_PLAN");

        JsonNode negative = ok("nrs2002", nrs2002NegativeAnswers());
        assertThat(negative.get("finalScreeningRequired").asBoolean()).isFalse();
        assertThat(negative.has("total")).isTrue();
        assertThat(negative.get("total").isNull()).isTrue();
        assertThat(negative.get("atRisk").asBoolean()).isFalse();
        assertThat(negative.get("action").asText()).isEqualTo("RESCREEN_WEEKLY");
    }

    @Test
    void zbi() {
        JsonNode r = ok("zbi", with(with(zbiAnswers(2), "q1", 0), "q2", 0));
        assertThat(r.get("total").asInt()).isEqualTo(40);
        assertThat(r.get("band").asText()).isEqualTo("MILD_TO_MODERATE");
        assertThat(r.get("highRiskCaregiver").asBoolean()).isTrue();
    }

    @Test
    void gbt42195() {
        JsonNode r = ok("gbt42195", with(with(gbt42195Answers(), "B1.1", 0), "dementiaOrMentalDisorder", true));
        assertThat(r.get("total").asInt()).isEqualTo(86);
        JsonNode d = r.get("dimensions");
        assertThat(d.get("selfCare").asInt()).isEqualTo(28);
        assertThat(d.get("basicMotor").asInt()).isEqualTo(15);
        assertThat(d.get("mentalState").asInt()).isEqualTo(28);
        assertThat(d.get("perceptionSocial").asInt()).isEqualTo(15);
        assertThat(r.get("initialLevel").asText()).isEqualTo("MILD");
        assertThat(r.get("finalLevel").asText()).isEqualTo("MODERATE");
        assertThat(names(r.get("adjustmentReasons"))).containsExactly("DEMENTIA_OR_MENTAL_DISORDER");
    }

    @Test
    void gbt42195Level() {
        JsonNode r = ok("gbt42195-level", map("total", 66));
        assertThat(r.get("total").asInt()).isEqualTo(66);
        assertThat(r.get("level").asText()).isEqualTo("MILD");
    }

    @Test
    void hardshipSelfCare() {
        JsonNode r = ok("hardship-self-care", with(with(with(with(hardshipAnswers(), "eating", false), "dressing", false),
                "toileting", false), "bathing", false));
        assertThat(r.get("unableCount").asInt()).isEqualTo(4);
        assertThat(r.get("category").asText()).isEqualTo("FULLY_LOST");
    }

    @Test
    void careColour() {
        var answers = with(with(with(careColourAnswers(), "barthel.stairs", 5), "mmse.recall", 0), "mmse.education", "PRIMARY");
        answers = with(answers, "frail", with(frailAnswers(), "fatigue", true));
        answers = with(answers, "nrs2002", nrs2002Answers());
        JsonNode r = ok("care-colour", answers);
        assertThat(r.get("baseFromBarthel").asText()).isEqualTo("YELLOW");
        assertThat(r.get("colour").asText()).isEqualTo("YELLOW");
        assertThat(names(r.get("flags"))).containsExactly("PRE_FRAIL", "NUTRITIONAL_RISK");

        var withFloors = with(with(careColourAnswers(), "gbt42195", with(gbt42195Answers(), "coma", true)), "hardship", hardshipAnswers());
        JsonNode red = ok("care-colour", withFloors);
        assertThat(red.get("colour").asText()).isEqualTo("RED");
        assertThat(red.get("baseFromBarthel").asText()).isEqualTo("GREEN");
        assertThat(names(red.get("flags"))).isEmpty();
    }

    // ---- validation problems -------------------------------------------------------------------------------

    @Test
    void valueOutsideTheAllowedSet() {
        invalid("barthel", with(barthelAnswers(), "feeding", 7), "feeding");
        invalid("gbt42195", with(gbt42195Answers(), "B2.4", 4), "B2.4");
        invalid("lawton-iadl", with(iadlAnswers(), "laundry", "D"), "laundry");
        invalid("barthel-band", map("total", 101), "total");
        invalid("gbt42195-level", map("total", -1), "total");
    }

    @Test
    void missingOrNullRequiredItem() {
        invalid("zbi", without(zbiAnswers(1), "q22"), "q22");
        invalid("mmse", with(mmseAnswers(), "education", null), "education");
        invalid("nrs2002", with(nrs2002NegativeAnswers(), "initial.weightLoss3Months", true), "final");
        invalid("barthel", "", "feeding");
        invalid("barthel", "{}", "feeding");
    }

    @Test
    void wrongTypes() {
        JsonNode p = invalid("frail", with(frailAnswers(), "illnessCount", 4.5), "illnessCount");
        assertThat(p.get("errors").get(0).get("code").asText()).isEqualTo("notInteger");
        invalid("frail", "{\"fatigue\":\"yes\",\"resistance\":false,\"ambulation\":false,\"illnessCount\":0,\"weightLossOver5Percent\":false}",
                "fatigue");
        invalid("hardship-self-care", with(hardshipAnswers(), "bathing", 1), "bathing");
        invalid("zbi", with(zbiAnswers(1), "q3", "2"), "q3");
        invalid("barthel", "[10, 5]", "$");
        invalid("barthel", "{\"feeding\": 10,", "$");
        invalid("barthel", "{feeding: 10}", "$");
    }

    @Test
    void firstOffendingFieldInDocumentedOrder() {
        invalid("zbi", with(without(zbiAnswers(1), "q22"), "q9", 5), "q9");
        invalid("nrs2002", with(nrs2002Answers(), "final.age", 131), "final.age");
        invalid("care-colour", with(with(careColourAnswers(), "mmse.recall", 4), "barthel.feeding", 7), "barthel.feeding");
        invalid("care-colour", without(careColourAnswers(), "nrs2002"), "nrs2002");
        invalid("care-colour", with(careColourAnswers(), "gbt42195", with(gbt42195Answers(), "B3.9", 3)), "gbt42195.B3.9");
    }

    // ---- documentation -------------------------------------------------------------------------------------

    @Test
    void openApiDocumentsTheEndpointWithAnExamplePerInstrument() throws Exception {
        var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        String loginPage = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as("CSRF token on the login page").isTrue();
        String form = "username=assessor1&password=demo123&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        var docs = http.send(HttpRequest.newBuilder(URI.create(base + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode operation = Api.json().readTree(docs.body()).get("paths").get("/api/v1/scoring/{instrument}").get("post");
        assertThat(names(operation.get("tags"))).containsExactly("Scoring");
        String description = operation.get("description").asText();
        for (String instrument : new ScoringEngine().instruments()) {
            assertThat(description).contains("* `" + instrument + "`");
        }
        assertThat(description).contains("\"B2.4\"", "\"q22\"", "\"final\"", "\"education\"");
    }

    // ---- security and unknown instruments ------------------------------------------------------------------

    @Test
    void requiresABearerToken() {
        var r = Api.anonymous(port).post("/api/v1/scoring/barthel", barthelAnswers());
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void unknownInstrumentIsNotFound() {
        for (String name : List.of("adl", "MMSE", "barthel_band")) {
            var r = assessor.post("/api/v1/scoring/" + name, barthelAnswers());
            assertThat(r.status()).as(name).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(r.json().get("status").asInt()).isEqualTo(404);
        }
    }
}
