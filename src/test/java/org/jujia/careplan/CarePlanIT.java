package org.jujia.careplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jujia.access.UserAccounts;
import org.jujia.catalogue.Payer;
import org.jujia.catalogue.PriceVersion;
import org.jujia.catalogue.QuoteLine;
import org.jujia.catalogue.ServiceCatalogue;
import org.jujia.privacy.Sm3;
import org.jujia.shared.Jurisdiction;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Care plans over HTTP against the real database: the lifecycle (draft → consent → submit → sign → active → a new
 * version supersedes), one active plan per elder, jurisdiction and family access, validation problems, the 48-hour
 * remake task closed by signing, prices frozen against a catalogue price change, and the immutable agreement.
 */
@IntegrationTest
class CarePlanIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CarePlanEventProbe probe;

    @Autowired
    ServiceCatalogue catalogue;

    @Autowired
    UserAccounts users;

    static Map<String, Object> line(String item, int count, String period, List<Integer> weekdays, String from, String to, Integer minutes) {
        var m = new java.util.HashMap<String, Object>();
        m.put("itemCode", item);
        m.put("frequencyCount", count);
        m.put("frequencyPeriod", period);
        m.put("weekdays", weekdays);
        m.put("windowFrom", from);
        m.put("windowTo", to);
        m.put("durationMinutes", minutes);
        return m;
    }

    /** An elder of street 1 with no care plan and (if {@code unassessed}) no assessment yet. */
    long freshElderOfStreet1(boolean unassessed) {
        JsonNode page = Api.as(port, "street1").get("/api/v1/elders?size=200&sort=id").json();
        for (JsonNode e : page.get("content")) {
            long id = e.get("id").asLong();
            if (jdbc.sql("select count(*) from careplan where elder_id = ?").param(id).query(Long.class).single() == 0
                    && jdbc.sql("select count(*) from elder where id = ? and status = 'ACTIVE'").param(id).query(Long.class).single() == 1
                    && jdbc.sql("select count(*) from elder_contact where elder_id = ? and user_id is not null").param(id).query(Long.class).single() == 0
                    && (!unassessed || jdbc.sql("select count(*) from assessment where elder_id = ?").param(id).query(Long.class).single() == 0)) {
                return id;
            }
        }
        throw new AssertionError("no fresh elder left in street 1");
    }

    long providerFor(Api api, long elderId) {
        JsonNode providers = api.get("/api/v1/elders/" + elderId + "/care-plans/providers").json();
        assertThat(providers.size()).isPositive();
        return providers.get(0).get("id").asLong();
    }

    JsonNode draft(Api api, long elderId) {
        var r = api.post("/api/v1/elders/" + elderId + "/care-plans", Map.of("providerId", providerFor(api, elderId), "note", "IT"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    JsonNode ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static void assertProblem(Api.Response r, int status, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(r.json().get("errors").findValuesAsString("field")).as(r.body()).contains(field);
    }

    JsonNode signDrawn(Api api, long planId) {
        return ok(api.post("/api/v1/care-plans/" + planId + "/sign",
                Map.of("signerType", "GUARDIAN", "signerName", "李强", "method", "DRAWN", "signaturePng", Signatures.drawnDataUrl())));
    }

    // ------------------------------------------------------------------ lifecycle

    @Test
    void draftConsentSubmitSignThenANewVersionSupersedes() throws Exception {
        Api street = Api.as(port, "street1");
        long elderId = freshElderOfStreet1(false);
        JsonNode plan = draft(street, elderId);
        long id = plan.get("id").asLong();
        assertThat(plan.get("status").asText()).isEqualTo("DRAFT");
        assertThat(plan.get("version").asInt()).isEqualTo(1);
        YearMonth month = YearMonth.parse(plan.get("estimateMonth").asText());
        assertThat(month).isEqualTo(YearMonth.now(ZoneId.of("Asia/Shanghai")).plusMonths(1));

        // only one plan in preparation per elder
        assertProblem(street.post("/api/v1/elders/" + elderId + "/care-plans", Map.of("providerId", providerFor(street, elderId))), 409, "elderId");
        // an empty draft cannot be submitted
        assertProblem(street.post("/api/v1/care-plans/" + id + "/submit", Map.of()), 400, "lines");

        // cleaning twice a week where the package entitles once a week: the second visits are beyond the entitlement
        JsonNode withLines = ok(street.put("/api/v1/care-plans/" + id + "/lines", List.of(
                line("MEAL_LUNCH", 1, "DAY", List.of(), "11:00", "12:30", null),
                line("CLEANING_HOME", 2, "WEEK", List.of(2, 5), "09:00", "11:00", 90))));
        JsonNode meal = withLines.get("lines").get(0);
        JsonNode clean = withLines.get("lines").get(1);
        assertThat(meal.get("monthlyQuantity").asInt()).isEqualTo(month.lengthOfMonth());
        assertThat(meal.get("durationMinutes").asInt()).as("the item's standard duration").isEqualTo(15);
        assertThat(meal.get("beyondQuantity").asInt()).isZero();
        int mondays = (int) java.util.stream.IntStream.rangeClosed(1, month.lengthOfMonth())
                .filter(d -> month.atDay(d).getDayOfWeek() == java.time.DayOfWeek.MONDAY).count();
        assertThat(clean.get("monthlyQuantity").asInt()).isEqualTo(2 * mondays);
        assertThat(clean.get("beyondQuantity").asInt()).isEqualTo(mondays);
        assertThat(clean.get("payers").get("self").asLong()).as("beyond the entitlement is self-paid")
                .isGreaterThanOrEqualTo(mondays * clean.get("unitPriceFen").asLong());
        long excess = withLines.get("excessFen").asLong();
        assertThat(excess).isEqualTo(mondays * clean.get("unitPriceFen").asLong());
        assertThat(withLines.get("needsConsent").asBoolean()).isTrue();
        // the split is the catalogue's: the same answer as the quote API for the same month
        var quote = catalogue.quote(elderId, month, List.of(new QuoteLine("MEAL_LUNCH", month.lengthOfMonth()), new QuoteLine("CLEANING_HOME", 2 * mondays)),
                users.jurisdictionOf("street1").orElseThrow());
        assertThat(quote.totals().get(Payer.SELF)).isEqualTo(withLines.get("totals").get("self").asLong());
        assertThat(quote.totals().get(Payer.GOVERNMENT)).isEqualTo(withLines.get("totals").get("government").asLong());
        assertThat(quote.totals().get(Payer.LTC_INSURANCE)).isEqualTo(withLines.get("totals").get("ltcInsurance").asLong());
        assertThat(quote.selfAfterSubsidiesFen()).isEqualTo(withLines.get("selfAfterSubsidiesFen").asLong());
        // "how much will this cost us?" — the quote API answers the same
        JsonNode httpQuote = ok(street.post("/api/v1/quotes", Map.of("elderId", elderId, "month", month.toString(), "lines", List.of(
                Map.of("itemCode", "MEAL_LUNCH", "quantity", month.lengthOfMonth()), Map.of("itemCode", "CLEANING_HOME", "quantity", 2 * mondays)))));
        assertThat(httpQuote.get("totals").get("SELF").asLong()).isEqualTo(withLines.get("totals").get("self").asLong());
        assertThat(httpQuote.get("totals").get("GOVERNMENT").asLong()).isEqualTo(withLines.get("totals").get("government").asLong());
        assertThat(httpQuote.get("selfAfterSubsidiesFen").asLong()).isEqualTo(withLines.get("selfAfterSubsidiesFen").asLong());

        // without consent no submission; consent must name the plan's excess
        assertProblem(street.post("/api/v1/care-plans/" + id + "/submit", Map.of()), 400, "consent");
        assertProblem(street.post("/api/v1/care-plans/" + id + "/consent", Map.of("consentedBy", "李强", "relation", "儿子", "excessFen", excess - 1)), 409,
                "excessFen");
        assertProblem(street.post("/api/v1/care-plans/" + id + "/consent", Map.of("relation", "儿子", "excessFen", excess)), 400, "consentedBy");
        JsonNode consented = ok(street.post("/api/v1/care-plans/" + id + "/consent", Map.of("consentedBy", "李强", "relation", "儿子", "excessFen", excess)));
        assertThat(consented.get("consent").get("consentedBy").asText()).isEqualTo("李强");
        assertThat(consented.get("needsConsent").asBoolean()).isFalse();

        JsonNode submitted = ok(street.post("/api/v1/care-plans/" + id + "/submit", Map.of()));
        assertThat(submitted.get("status").asText()).isEqualTo("AWAITING_SIGNATURE");
        assertProblem(street.post("/api/v1/care-plans/" + id + "/lines", line("HAIRCUT", 1, "MONTH", List.of(), "14:00", "16:00", null)), 409, "status");

        // the preview is a watermarked PDF; there is no signed agreement yet
        HttpResponse<byte[]> preview = street.getBytes("/api/v1/care-plans/" + id + "/agreement-preview.pdf");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(text(preview.body())).contains("居家养老服务协议").contains("风险告知").contains("12349").contains("李强");
        assertThat(street.get("/api/v1/care-plans/" + id + "/agreement").status()).isEqualTo(404);

        // signing: the signature must be drawn, not blank
        assertProblem(street.post("/api/v1/care-plans/" + id + "/sign", Map.of("signerType", "GUARDIAN", "signerName", "李强", "method", "DRAWN",
                "signaturePng", Signatures.blankDataUrl())), 400, "signaturePng");
        assertProblem(street.post("/api/v1/care-plans/" + id + "/sign", Map.of("signerType", "GUARDIAN", "signerName", "李强", "method", "DRAWN",
                "signaturePng", "data:image/png;base64,bm90IGEgcG5n")), 400, "signaturePng");
        assertProblem(street.post("/api/v1/care-plans/" + id + "/sign", Map.of("signerType", "ELDER", "signerName", "王", "method", "FINGERPRINT")), 400,
                "witnessName");
        int activatedBefore = probe.activated().size();
        JsonNode active = signDrawn(street, id);
        assertThat(active.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(active.get("milestones").get("activatedAt").asText()).isNotBlank();
        assertProblem(street.post("/api/v1/care-plans/" + id + "/sign", Map.of("signerType", "GUARDIAN", "signerName", "李强", "method", "DRAWN",
                "signaturePng", Signatures.drawnDataUrl())), 409, "status");

        JsonNode agreement = ok(street.get("/api/v1/care-plans/" + id + "/agreement"));
        assertThat(agreement.get("sm3").asText()).matches("[0-9a-f]{64}");
        assertThat(agreement.get("method").asText()).isEqualTo("DRAWN");
        HttpResponse<byte[]> pdf = street.getBytes("/api/v1/care-plans/" + id + "/agreement.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(HexFormat.of().formatHex(Sm3.hash(pdf.body()))).isEqualTo(agreement.get("sm3").asText());
        assertThat(text(pdf.body())).contains("签署人：李强").doesNotContain("预览 未签署");

        // the event for dispatch
        CarePlanActivated event = probe.activated().stream().filter(e -> e.planId() == id).findFirst().orElseThrow();
        assertThat(probe.activated().size()).isGreaterThan(activatedBefore);
        assertThat(event.elderId()).isEqualTo(elderId);
        assertThat(event.version()).isEqualTo(1);
        assertThat(event.supersededPlanId()).isNull();
        assertThat(event.lines()).extracting(CarePlanActivated.Line::itemCode).containsExactly("MEAL_LUNCH", "CLEANING_HOME");
        assertThat(event.lines().get(1).weekdays()).containsExactly(2, 5);
        assertThat(event.lines().get(1).windowFrom()).hasToString("09:00");

        // version n+1: starts from the active lines; signing it supersedes version n
        JsonNode v2 = draft(street, elderId);
        long id2 = v2.get("id").asLong();
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        assertThat(v2.get("lines").size()).isEqualTo(2);
        ok(street.delete("/api/v1/care-plans/" + id2 + "/lines/2"));
        JsonNode v2lines = ok(street.post("/api/v1/care-plans/" + id2 + "/lines", line("BATHING_HOME", 2, "MONTH", List.of(), "14:00", "16:00", 60)));
        assertThat(v2lines.get("excessFen").asLong()).isZero();
        ok(street.post("/api/v1/care-plans/" + id2 + "/submit", Map.of()));
        JsonNode signed2 = ok(street.post("/api/v1/care-plans/" + id2 + "/sign",
                Map.of("signerType", "ELDER", "signerName", "老人本人", "method", "FINGERPRINT", "witnessName", "社工 王丽")));
        assertThat(signed2.get("status").asText()).isEqualTo("ACTIVE");
        JsonNode v1 = ok(street.get("/api/v1/care-plans/" + id));
        assertThat(v1.get("status").asText()).isEqualTo("SUPERSEDED");
        assertThat(v1.get("milestones").get("supersededBy").asLong()).isEqualTo(id2);
        assertThat(jdbc.sql("select count(*) from careplan where elder_id = ? and status = 'ACTIVE'").param(elderId).query(Long.class).single()).isOne();
        assertThat(ok(street.get("/api/v1/elders/" + elderId + "/care-plans/active")).get("id").asLong()).isEqualTo(id2);
        assertThat(probe.activated().stream().filter(e -> e.planId() == id2).findFirst().orElseThrow().supersededPlanId()).isEqualTo(id);

        JsonNode diff = ok(street.get("/api/v1/care-plans/" + id2 + "/diff"));
        assertThat(diff.get("beforeId").asLong()).isEqualTo(id);
        assertThat(diff.get("changes").findValuesAsString("kind")).containsExactly("UNCHANGED", "ADDED", "REMOVED");

        // the database itself refuses a second active plan for the elder
        assertThatThrownBy(() -> jdbc.sql("update careplan set status = 'ACTIVE' where id = ?").param(id).update())
                .hasMessageContaining("careplan_one_active");

        // ending
        assertProblem(street.post("/api/v1/care-plans/" + id2 + "/end", Map.of("note", "x")), 400, "reason");
        JsonNode ended = ok(street.post("/api/v1/care-plans/" + id2 + "/end", Map.of("reason", "MOVED", "note", "随子女迁往上海")));
        assertThat(ended.get("status").asText()).isEqualTo("ENDED");
        assertThat(probe.ended()).anyMatch(e -> e.planId() == id2 && e.reason() == EndReason.MOVED);
        assertThat(street.get("/api/v1/elders/" + elderId + "/care-plans/active").status()).isEqualTo(404);
        assertThat(ok(street.get("/api/v1/elders/" + elderId + "/care-plans")).size()).isEqualTo(2);
    }

    @Test
    void linesAreValidatedFieldByFieldAndNothingHalfCommits() {
        Api street = Api.as(port, "street1");
        long elderId = freshElderOfStreet1(false);
        long id = draft(street, elderId).get("id").asLong();
        var r = street.put("/api/v1/care-plans/" + id + "/lines", List.of(
                line("MEAL_LUNCH", 1, "DAY", List.of(), "11:00", "12:30", null),
                line("NO_SUCH_ITEM", 1, "DAY", List.of(), "11:00", "12:30", null),
                line("CLEANING_HOME", 1, "WEEK", List.of(8), "09:00", "11:00", 90),
                line("CLEANING_HOME", 1, "WEEK", List.of(3), "09:00", "10:00", 90),
                line("HAIRCUT", 0, "MONTH", List.of(), "09:00", "10:00", null),
                line("HAIRCUT", 1, "MONTH", List.of(), "10:00", "10:00", null),
                line("HAIRCUT", 2, "WEEK", List.of(1), "10:00", "11:00", null)));
        assertProblem(r, 400, "lines[1].itemCode");
        assertThat(r.json().get("errors").findValuesAsString("field")).contains("lines[2].weekdays", "lines[3].durationMinutes",
                "lines[4].frequencyCount", "lines[5].windowTo", "lines[6].weekdays");
        assertThat(ok(street.get("/api/v1/care-plans/" + id)).get("lines").size()).as("nothing saved").isZero();
        // exactly fitting the window is fine; a window across midnight too
        JsonNode fits = ok(street.put("/api/v1/care-plans/" + id + "/lines", List.of(
                line("CLEANING_HOME", 1, "WEEK", List.of(3), "09:00", "10:30", 90),
                line("NIGHT_WATCH", 1, "MONTH", List.of(), "22:00", "06:00", null))));
        assertThat(fits.get("lines").size()).isEqualTo(2);
        assertProblem(street.post("/api/v1/care-plans/" + id + "/lines", line("CLEANING_HOME", 1, "WEEK", List.of(3), "09:00", "10:29", 90)), 400,
                "durationMinutes");
        assertProblem(street.post("/api/v1/elders/" + elderId + "/care-plans", Map.of()), 400, "providerId");
        assertThat(street.post("/api/v1/care-plans/" + id + "/lines", "{\"itemCode\": \"MEAL_LUNCH\", \"frequencyCount\": \"lots\"}").status())
                .isEqualTo(400);
        ok(street.post("/api/v1/care-plans/" + id + "/end", Map.of("reason", "ABANDONED")));
    }

    // ------------------------------------------------------------------ jurisdiction and family

    @Test
    void plansAreScopedToTheJurisdictionAndFamiliesSeeAndSignOnlyTheirElders() {
        Api street1 = Api.as(port, "street1");
        long otherElder = freshElderOfStreet1(false);
        long otherPlan = draft(street1, otherElder).get("id").asLong();
        assertThat(Api.as(port, "street2").get("/api/v1/care-plans/" + otherPlan).status()).isEqualTo(404);
        assertThat(Api.as(port, "street2").get("/api/v1/elders/" + otherElder + "/care-plans").status()).isEqualTo(404);
        assertThat(Api.as(port, "street2").post("/api/v1/care-plans/" + otherPlan + "/submit", Map.of()).status()).isEqualTo(404);
        assertThat(Api.as(port, "street2").get("/api/v1/care-plans").json().findValuesAsString("elderId")).doesNotContain(String.valueOf(otherElder));
        assertThat(Api.as(port, "assessor1").get("/api/v1/care-plans").status()).as("no CAREPLAN_READ").isEqualTo(403);

        long familyElder = jdbc.sql("select c.elder_id from elder_contact c join access_user u on u.id = c.user_id where u.username = 'family1' limit 1")
                .query(Long.class).single();
        Api family = Api.as(port, "family1");
        assertThat(family.get("/api/v1/care-plans/" + otherPlan).status()).isEqualTo(404);
        assertThat(family.get("/api/v1/elders/" + familyElder + "/care-plans").status()).isEqualTo(200);
        assertThat(family.post("/api/v1/elders/" + familyElder + "/care-plans", Map.of("providerId", 1)).status()).isEqualTo(403);
        assertThat(family.get("/api/v1/care-plans").json().findValuesAsString("elderId")).allMatch(e -> e.equals(String.valueOf(familyElder)));

        // the family signs their elder's plan
        long planId = jdbc.sql("select id from careplan where elder_id = ? and status in ('DRAFT', 'AWAITING_SIGNATURE')").param(familyElder)
                .query(Long.class).optional().orElseGet(() -> draft(street1, familyElder).get("id").asLong());
        JsonNode p = ok(street1.get("/api/v1/care-plans/" + planId));
        if (p.get("status").asText().equals("DRAFT")) {
            if (p.get("lines").isEmpty()) {
                ok(street1.post("/api/v1/care-plans/" + planId + "/lines", line("HOME_VISIT", 1, "WEEK", List.of(4), "09:00", "11:00", null)));
                p = ok(street1.get("/api/v1/care-plans/" + planId));
            }
            if (p.get("needsConsent").asBoolean()) {
                ok(family.post("/api/v1/care-plans/" + planId + "/consent", Map.of("consentedBy", "李强", "relation", "儿子", "excessFen",
                        p.get("excessFen").asLong())));
            }
            ok(street1.post("/api/v1/care-plans/" + planId + "/submit", Map.of()));
        }
        assertThat(family.post("/api/v1/care-plans/" + planId + "/submit", Map.of()).status()).isEqualTo(403);
        JsonNode signed = signDrawn(family, planId);
        assertThat(signed.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(family.getBytes("/api/v1/care-plans/" + planId + "/agreement.pdf").statusCode()).isEqualTo(200);
        assertThat(family.get("/api/v1/care-plans/" + otherPlan + "/agreement").status()).isEqualTo(404);
        ok(street1.post("/api/v1/care-plans/" + otherPlan + "/end", Map.of("reason", "ABANDONED")));
    }

    // ------------------------------------------------------------------ the 48-hour remake task

    @Test
    void signingANewPlanVersionClosesTheElderOpenRemakeTask() {
        Api assessor = Api.as(port, "assessor1");
        Api street = Api.as(port, "street1");
        long elderId = freshElderOfStreet1(true);
        sitting(assessor, elderId, 10, 10);
        sitting(assessor, elderId, 5, 5); // Barthel 90 → 80: the 10-point rule
        JsonNode task = openRemake(street, elderId);
        assertThat(task).as("a remake task is open").isNotNull();
        assertThat(street.get("/api/v1/care-plans/" + 0).status()).isEqualTo(404);

        long id = draft(street, elderId).get("id").asLong();
        ok(street.post("/api/v1/care-plans/" + id + "/lines", line("HOME_VISIT", 1, "WEEK", List.of(2), "09:00", "10:00", null)));
        ok(street.post("/api/v1/care-plans/" + id + "/submit", Map.of()));
        assertThat(openRemake(street, elderId)).as("submitting alone does not close it").isNotNull();
        signDrawn(street, id);

        assertThat(openRemake(street, elderId)).isNull();
        JsonNode done = null;
        for (JsonNode t : street.get("/api/v1/assessment-tasks?kind=CARE_PLAN_REMAKE&status=DONE").json()) {
            if (t.get("id").asLong() == task.get("id").asLong()) {
                done = t;
            }
        }
        assertThat(done).isNotNull();
        assertThat(done.get("status").asText()).isEqualTo("DONE");
        assertThat(done.get("note").asText()).contains("care plan version").contains("#" + id);
        assertThat(done.get("dueAt").asText()).as("the deadline stays").isEqualTo(task.get("dueAt").asText());
    }

    void sitting(Api assessor, long elderId, int transfer, int mobility) {
        Map<String, Object> answers = answers(transfer, mobility);
        var d = assessor.post("/api/v1/elders/" + elderId + "/assessments", Map.of("place", "老人家中", "reason", "SCHEDULED", "answers", answers));
        assertThat(d.status()).as(d.body()).isEqualTo(201);
        ok(assessor.post("/api/v1/assessments/" + d.json().get("id").asLong() + "/sign", Map.of()));
    }

    /** A sitting whose Barthel total is 70 + transfer + mobility (as AssessmentIT builds them). */
    static Map<String, Object> answers(int transfer, int mobility) {
        Map<String, Object> a = new java.util.HashMap<>();
        a.put("mmse", Map.ofEntries(Map.entry("timeOrientation", 5), Map.entry("placeOrientation", 5), Map.entry("registration", 3),
                Map.entry("attentionCalculation", 4), Map.entry("recall", 3), Map.entry("naming", 2), Map.entry("repetition", 1),
                Map.entry("threeStepCommand", 3), Map.entry("reading", 1), Map.entry("writing", 1), Map.entry("copying", 1),
                Map.entry("education", "PRIMARY")));
        a.put("barthel", Map.of("feeding", 10, "bathing", 5, "grooming", 5, "dressing", 10, "bowels", 10, "bladder", 10,
                "toiletUse", 10, "transfer", transfer, "mobility", mobility, "stairs", 10));
        a.put("iadl", Map.of("telephone", "A", "shopping", "A", "foodPreparation", "A", "housekeeping", "A", "laundry", "A",
                "transportation", "A", "medication", "A", "finances", "A"));
        a.put("frail", Map.of("fatigue", false, "resistance", false, "ambulation", false, "illnessCount", 1, "weightLossOver5Percent", false));
        a.put("nrs2002", Map.of("initial", Map.of("lowBmi", false, "weightLoss3Months", false, "reducedIntakeLastWeek", false, "severelyIll", false)));
        return a;
    }

    static JsonNode openRemake(Api api, long elderId) {
        for (JsonNode t : api.get("/api/v1/assessment-tasks?kind=CARE_PLAN_REMAKE&status=OPEN").json()) {
            if (t.get("elderId").asLong() == elderId) {
                return t;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ price versions

    @Test
    void aPlanKeepsItsPriceWhenTheCataloguePriceChanges() {
        Api street = Api.as(port, "street1");
        long elderId = freshElderOfStreet1(false);
        long id = draft(street, elderId).get("id").asLong();
        JsonNode before = ok(street.post("/api/v1/care-plans/" + id + "/lines", line("FOOT_CARE", 1, "MONTH", List.of(), "14:00", "16:00", null)));
        long oldPrice = before.get("lines").get(0).get("unitPriceFen").asLong();
        long oldVersion = before.get("lines").get(0).get("priceVersionId").asLong();
        YearMonth month = YearMonth.parse(before.get("estimateMonth").asText());

        Jurisdiction admin = users.jurisdictionOf("admin").orElseThrow();
        PriceVersion raised = catalogue.schedulePrice("FOOT_CARE", oldPrice + 1234, month.atDay(1), "IT: price rise", admin);
        try {
            // the draft's line keeps its frozen price when the plan is re-quoted (another line added)
            JsonNode requoted = ok(street.post("/api/v1/care-plans/" + id + "/lines", line("HAIRCUT", 1, "MONTH", List.of(), "09:00", "10:00", null)));
            assertThat(requoted.get("lines").get(0).get("unitPriceFen").asLong()).isEqualTo(oldPrice);
            assertThat(requoted.get("lines").get(0).get("priceVersionId").asLong()).isEqualTo(oldVersion);
            ok(street.post("/api/v1/care-plans/" + id + "/submit", Map.of()));
            signDrawn(street, id);
            JsonNode active = ok(street.get("/api/v1/care-plans/" + id));
            assertThat(active.get("lines").get(0).get("unitPriceFen").asLong()).isEqualTo(oldPrice);
            assertThat(active.get("lines").get(0).get("amountFen").asLong()).isEqualTo(oldPrice);

            // a new version is priced anew
            JsonNode v2 = draft(street, elderId);
            JsonNode foot = v2.get("lines").get(0);
            assertThat(foot.get("itemCode").asText()).isEqualTo("FOOT_CARE");
            assertThat(foot.get("unitPriceFen").asLong()).isEqualTo(oldPrice + 1234);
            assertThat(foot.get("priceVersionId").asLong()).isEqualTo(raised.id());
            JsonNode diff = ok(street.get("/api/v1/care-plans/" + v2.get("id").asLong() + "/diff"));
            assertThat(diff.get("changes").get(0).get("kind").asText()).isEqualTo("CHANGED");
            assertThat(diff.get("changes").get(0).get("fields").toString()).contains("\"price\"");
            ok(street.post("/api/v1/care-plans/" + v2.get("id").asLong() + "/end", Map.of("reason", "ABANDONED")));
        } finally {
            catalogue.cancelPrice("FOOT_CARE", raised.id(), admin);
        }
    }

    // ------------------------------------------------------------------ the agreement is immutable

    @Test
    void theSignedAgreementCannotBeChangedOrDeletedAndItsHashVerifies() {
        Api street = Api.as(port, "street1");
        long elderId = freshElderOfStreet1(false);
        long id = draft(street, elderId).get("id").asLong();
        ok(street.post("/api/v1/care-plans/" + id + "/lines", line("VOICE_CALL", 1, "DAY", List.of(), "09:00", "10:00", null)));
        ok(street.post("/api/v1/care-plans/" + id + "/submit", Map.of()));
        signDrawn(street, id);

        assertThatThrownBy(() -> jdbc.sql("update careplan_agreement set sm3 = repeat('0', 64) where plan_id = ?").param(id).update())
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("update careplan_agreement set pdf = ? where plan_id = ?").params(new byte[] { 1 }, id).update())
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("delete from careplan_agreement where plan_id = ?").param(id).update()).hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("update careplan_line set amount_fen = 1 where plan_id = ?").param(id).update())
                .as("an active plan's lines are frozen").hasMessageContaining("frozen");

        JsonNode verified = ok(street.post("/api/v1/care-plans/" + id + "/agreement/verify", ""));
        assertThat(verified.get("intact").asBoolean()).isTrue();
        byte[] pdf = street.getBytes("/api/v1/care-plans/" + id + "/agreement.pdf").body();
        assertThat(verify(street, id, pdf).get("copyMatches").asBoolean()).isTrue();
        byte[] tampered = pdf.clone();
        tampered[tampered.length / 2] ^= 1;
        JsonNode bad = verify(street, id, tampered);
        assertThat(bad.get("copyMatches").asBoolean()).isFalse();
        assertThat(bad.get("intact").asBoolean()).isTrue();
    }

    JsonNode verify(Api api, long id, byte[] body) {
        try {
            var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/care-plans/" + id + "/agreement/verify"))
                    .header("Authorization", "Bearer " + api.token()).header("Content-Type", "application/pdf")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build();
            var r = java.net.http.HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return Api.json().readTree(r.body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(byte[] pdf) throws java.io.IOException {
        try (PdfReader reader = new PdfReader(pdf)) {
            var ex = new PdfTextExtractor(reader);
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i <= reader.getNumberOfPages(); i++) {
                sb.append(ex.getTextFromPage(i));
            }
            return sb.toString();
        }
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }
}
