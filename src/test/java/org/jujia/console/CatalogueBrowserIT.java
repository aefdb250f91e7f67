package org.jujia.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The catalogue console in a real headless Chromium: a family member asks the cost calculator what a month of services
 * for their parent costs and sees the same split as the API; an administrator schedules a price change on an item page.
 * Screenshots go to {@code target/screenshots/}. Skipped without Chromium unless {@code JUJIA_REQUIRE_BROWSER=1}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueBrowserIT extends BrowserTestBase {


    @Test
    void aFamilyMemberAsksWhatAMonthOfServicesCosts() {
        login("family1");
        page.click("nav.sidenav a[href='/quotes']");
        page.waitForURL(Pattern.compile(".*/quotes$"));
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).plusMonths(1).toString();
        assertThat(page.locator("input[name=mode][value=elder]").isChecked()).isTrue();
        String elderId = page.locator("select[name=elderId]").inputValue();
        page.fill("input[name=qty_MEAL_LUNCH]", "20");
        page.fill("input[name=qty_BATHING_HOME]", "3");
        page.fill("input[name=qty_NURSE_ROUND]", "2");
        page.click("#quote-submit");
        page.locator("#quote-result").waitFor();
        page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("catalogue-quote.png")).setFullPage(true));

        JsonNode api = Api.as(port, "family1").post("/api/v1/quotes", "{\"elderId\":" + elderId + ",\"month\":\"" + month
                + "\",\"lines\":[{\"itemCode\":\"MEAL_LUNCH\",\"quantity\":20},{\"itemCode\":\"BATHING_HOME\",\"quantity\":3},"
                + "{\"itemCode\":\"NURSE_ROUND\",\"quantity\":2}]}").json();
        long self = api.get("selfAfterSubsidiesFen").asLong();
        assertThat(page.locator("#self-after").innerText()).contains(String.format("¥%d.%02d", self / 100, self % 100));
        long bathSelf = api.get("lines").get(1).get("payers").get("SELF").asLong();
        assertThat(page.locator("#quote-lines tr[data-code=BATHING_HOME] td[data-payer=SELF]").innerText())
                .isEqualTo(String.format("¥%d.%02d", bathSelf / 100, bathSelf % 100));
        assertThat(page.locator("#quote-lines tbody tr").count()).isEqualTo(3);
    }

    @Test
    void anAdministratorBrowsesTheCatalogueAndSchedulesAPriceChange() {
        login("admin");
        page.navigate(base + "/catalogue?package=BASIC");
        assertThat(page.locator("#catalogue-items tbody tr[data-package=UPGRADE]").count()).isZero();
        page.click("#catalogue-items a[href='/catalogue/items/FOOT_CARE']");
        page.waitForURL(Pattern.compile(".*/catalogue/items/FOOT_CARE$"));
        String from = java.time.LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(20).toString();
        page.fill("#schedule-price input[name=yuan]", "45");
        page.fill("#schedule-price input[name=effectiveFrom]", from);
        page.click("#schedule-price button[type=submit]");
        page.locator("#price-history tr[data-from='" + from + "']").waitFor();
        assertThat(page.locator("#price-history tr[data-from='" + from + "']").innerText()).contains("¥45.00");
        page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("catalogue-item.png")).setFullPage(true));
        // cancel it again from the page
        page.click("#price-history tr[data-from='" + from + "'] button[type=submit]");
        page.waitForURL(Pattern.compile(".*/catalogue/items/FOOT_CARE$"));
        assertThat(page.locator("#price-history tr[data-from='" + from + "']").count()).isZero();
    }
}
