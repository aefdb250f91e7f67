package org.jujia.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Settlement in a real headless Chromium: civil affairs starts the preview of the current month for the city and the
 * htmx progress bar follows the job until the preview is there; a provider statement opens; the public pool page
 * needs no login. Screenshots in {@code target/screenshots/}. Skipped without Chromium unless JUJIA_REQUIRE_BROWSER=1.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettlementBrowserIT extends BrowserTestBase {

    @Test
    void civilAffairsPreviewsTheMonthAndWatchesTheProgressBar() {
        login("admin");
        page.click("nav a[href='/settlement']");
        page.waitForURL(Pattern.compile(".*/settlement$"));
        assertThat(page.locator("#runs tbody tr[data-run]").count()).isPositive();
        // the current month for the city (the first region of the list)
        page.fill("#run-form input[name=month]", currentMonth());
        page.click("#run-form button[type=submit]");
        page.waitForURL(Pattern.compile(".*/settlement/runs/\\d+$"));
        // htmx polls the progress fragment until the job is done
        page.locator("#progress[data-status=PREVIEW]").waitFor(new Locator.WaitForOptions().setTimeout(60_000));
        assertThat(page.locator("#run-status").innerText()).isEqualTo("预结算");
        page.navigate(page.url());
        assertThat(page.locator("#provider-statements tbody tr[data-provider]").count()).isPositive();
        assertThat(page.locator("#close-form").count()).isZero(); // the current month is not over
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("settlement-run.png")).setFullPage(true));
        page.click("#provider-statements tbody tr[data-provider] a");
        page.waitForURL(Pattern.compile(".*/providers/\\d+$"));
        assertThat(page.locator("#visit-status").count()).isEqualTo(1);

        // the published usage page needs no login
        try (BrowserContext anon = browser.newContext()) {
            Page p = anon.newPage();
            p.navigate(base + "/public/pool");
            assertThat(p.locator("#pool-summary").count()).isEqualTo(1);
            assertThat(p.url()).endsWith("/public/pool");
        }
    }

    static String currentMonth() {
        return java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    }
}
