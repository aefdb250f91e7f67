package org.jujia.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import org.jujia.privacy.Sm3;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The care-plan console in a real headless Chromium: street1 opens an elder, starts a plan, builds it in the builder
 * (the live estimate re-quotes on every change), adds a meal a day and cleaning twice a week (beyond the once-a-week
 * entitlement: the excess warning), records the family's consent and submits; on a phone the guardian draws the
 * signature with a finger (touch pointer events) — an empty pad is refused — and the plan becomes active with its
 * signed agreement, whose SM3 matches the downloaded PDF. Screenshots go to {@code target/screenshots/}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CarePlanBrowserIT extends BrowserTestBase {

    @Autowired
    JdbcClient jdbc;

    private long elderId;
    private long planId;

    @Test
    @Order(1)
    void street1BuildsAPlanWithTheLiveCostSplitConsentsAndSubmits() {
        elderId = freshElder();
        login("street1");
        page.navigate(base + "/elders/" + elderId);
        page.click("#care-plan-link");
        page.waitForURL(Pattern.compile(".*/elders/" + elderId + "/care-plans$"));
        page.click("#new-plan");
        page.waitForURL(Pattern.compile(".*/care-plans/\\d+$"));
        planId = Long.parseLong(page.url().replaceAll(".*/care-plans/", ""));
        assertThat(page.locator("#plan-status").getAttribute("data-status")).isEqualTo("DRAFT");

        // a meal a day: the live estimate appears before anything is saved
        page.selectOption("#item-select", "MEAL_LUNCH");
        page.selectOption("#frequency-period", "DAY");
        page.fill("#window-from", "11:00");
        page.fill("#window-to", "12:30");
        // one a day: a quantity of the estimate month's days
        String days = String.valueOf(YearMonth.now(ZoneId.of("Asia/Shanghai")).plusMonths(1).lengthOfMonth());
        waitForQuantity(days);
        assertThat(page.locator("#preview-line").getAttribute("data-item")).isEqualTo("MEAL_LUNCH");
        assertThat(page.locator("#preview-amount").textContent()).matches("\\d+\\.\\d{2}");
        assertThat(page.locator("#plan-lines tr.line").count()).as("not saved yet").isZero();
        // the estimate follows the form: 2 a day doubles the quantity
        page.fill("#frequency-count", "2");
        waitForQuantity(String.valueOf(2 * Integer.parseInt(days)));
        page.fill("#frequency-count", "1");
        waitForQuantity(days);
        shot("careplan-1-builder-preview");
        page.click("#add-line");
        page.locator("#plan-lines tr.line[data-item=MEAL_LUNCH]").waitFor();

        // cleaning twice a week where the entitlement is once a week: the excess is shown as self-paid
        page.selectOption("#item-select", "CLEANING_HOME");
        page.selectOption("#frequency-period", "WEEK");
        page.fill("#frequency-count", "2");
        page.check("#wd-2");
        page.check("#wd-5");
        page.fill("#window-from", "09:00");
        page.fill("#window-to", "11:00");
        page.locator("#preview-line[data-item=CLEANING_HOME]").waitFor();
        page.locator("#preview-excess").waitFor();
        // a duration that does not fit the window is refused live, naming the field
        page.fill("#duration", "150");
        page.locator("#preview-errors [data-field=durationMinutes]").waitFor();
        page.fill("#duration", "90");
        page.locator("#preview-line[data-item=CLEANING_HOME]").waitFor();
        page.click("#add-line");
        page.locator("#plan-lines tr.line[data-item=CLEANING_HOME].excess").waitFor();
        assertThat(page.locator("#excess-warning").isVisible()).isTrue();
        shot("careplan-2-excess");

        // submitting without consent is refused; with the family's consent it goes to signature
        page.click("#submit-plan");
        page.locator("#flash-errors [data-field=consent]").waitFor();
        page.fill("#consent-form input[name=consentedBy]", "李强");
        page.fill("#consent-form input[name=relation]", "儿子");
        page.click("#consent-submit");
        page.locator("#excess-consented").waitFor();
        page.click("#submit-plan");
        page.waitForSelector("#plan-status[data-status=AWAITING_SIGNATURE]");
        APIResponse preview = page.request().get(base + "/care-plans/" + planId + "/agreement-preview.pdf");
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.headers().get("content-type")).contains("application/pdf");
        assertThat(page.locator("#sign-link").isVisible()).isTrue();
    }

    @Test
    @Order(2)
    void theGuardianSignsOnAPhoneWithAFingerAndThePlanIsActive() {
        open(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2));
        login("street1");
        page.navigate(base + "/care-plans/" + planId + "/sign");
        page.fill("#signer-name", "李强");
        page.selectOption("#sign-method", "DRAWN");

        // an empty pad is refused in the page
        page.click("#sign-submit");
        assertThat(page.locator("#pad-error").isVisible()).isTrue();
        assertThat(page.url()).endsWith("/sign");

        // draw with a finger: touch pointer events across the pad
        Locator pad = page.locator("#sig-pad");
        BoundingBox box = pad.boundingBox();
        assertThat(box.width).as("the pad fills the phone's width").isGreaterThan(300);
        stroke(pad, box, "touch");
        shot("careplan-3-phone-signature");
        page.click("#sign-submit");
        page.waitForURL(Pattern.compile(".*/care-plans/" + planId + "$"));
        page.locator("#signed").waitFor();
        assertThat(page.locator("#plan-status").getAttribute("data-status")).isEqualTo("ACTIVE");
        String sm3 = page.locator("#agreement-sm3").textContent().trim();
        assertThat(sm3).matches("[0-9a-f]{64}");
        shot("careplan-4-active");

        APIResponse pdf = page.request().get(base + "/care-plans/" + planId + "/agreement.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(HexFormat.of().formatHex(Sm3.hash(pdf.body()))).isEqualTo(sm3);
        page.click("#verify");
        page.locator("#verify-result.ok").waitFor();

        JsonNode plan = Api.as(port, "street1").get("/api/v1/care-plans/" + planId).json();
        assertThat(plan.get("status").asText()).isEqualTo("ACTIVE");
        JsonNode agreement = Api.as(port, "street1").get("/api/v1/care-plans/" + planId + "/agreement").json();
        assertThat(agreement.get("method").asText()).isEqualTo("DRAWN");
        assertThat(jdbc.sql("select length(signature_png) from careplan_agreement where plan_id = ?").param(planId).query(Integer.class).single())
                .as("the drawn signature is kept").isPositive();
    }

    @Test
    @Order(3)
    void aNewVersionShowsTheDiffAgainstTheActiveOne() {
        login("street1");
        page.navigate(base + "/elders/" + elderId + "/care-plans");
        page.click("#new-plan");
        page.waitForURL(Pattern.compile(".*/care-plans/\\d+$"));
        page.locator("#plan-lines tr.line[data-item=CLEANING_HOME] .remove-line").click();
        page.locator("#saved").waitFor();
        assertThat(page.locator("#plan-lines tr.line[data-item=CLEANING_HOME]").count()).isZero();
        page.navigate(page.url() + "/diff");
        assertThat(page.locator("#diff-lines tr[data-item=CLEANING_HOME]").getAttribute("data-kind")).isEqualTo("REMOVED");
        assertThat(page.locator("#diff-lines tr[data-item=MEAL_LUNCH]").getAttribute("data-kind")).isEqualTo("UNCHANGED");
        assertThat(page.locator("#diff-delta-self").textContent()).startsWith("-");
        shot("careplan-5-diff");
    }

    private void waitForQuantity(String q) {
        page.waitForFunction("q => { const e = document.querySelector('#preview-quantity'); return e && e.textContent.trim() == q; }", q);
    }

    /** A wavy stroke across the pad as pointer events of the given type (touch on a phone). */
    private void stroke(Locator pad, BoundingBox box, String pointerType) {
        double y0 = box.y + box.height / 2;
        pad.dispatchEvent("pointerdown", Map.of("pointerId", 7, "pointerType", pointerType, "isPrimary", true, "clientX", box.x + 20, "clientY", y0,
                "bubbles", true, "cancelable", true));
        for (int i = 1; i <= 30; i++) {
            double x = box.x + 20 + i * (box.width - 40) / 30;
            double y = y0 + Math.sin(i / 3.0) * box.height / 4;
            pad.dispatchEvent("pointermove", Map.of("pointerId", 7, "pointerType", pointerType, "isPrimary", true, "clientX", x, "clientY", y,
                    "bubbles", true, "cancelable", true));
        }
        pad.dispatchEvent("pointerup", Map.of("pointerId", 7, "pointerType", pointerType, "isPrimary", true, "bubbles", true));
    }

    private long freshElder() {
        JsonNode list = Api.as(port, "street1").get("/api/v1/elders?size=200&sort=id,desc&status=ACTIVE").json();
        for (JsonNode e : list.get("content")) {
            long id = e.get("id").asLong();
            if (jdbc.sql("select count(*) from careplan where elder_id = ?").param(id).query(Long.class).single() == 0) {
                return id;
            }
        }
        throw new AssertionError("no elder without a care plan left in street 1");
    }


    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
