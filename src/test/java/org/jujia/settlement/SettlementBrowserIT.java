package org.jujia.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.jujia.support.Chromium;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Settlement in a real headless Chromium: civil affairs starts the preview of the current month for the city and the
 * htmx progress bar follows the job until the preview is there; a provider statement opens; the public pool page
 * needs no login. Screenshots in {@code target/screenshots/}. Skipped without Chromium unless JUJIA_REQUIRE_BROWSER=1.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettlementBrowserIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    Playwright playwright;
    Browser browser;
    String noBrowser;

    @BeforeAll
    void launch() throws Exception {
        noBrowser = Chromium.missing(getClass().getSimpleName());
        if (noBrowser == null) {
            Files.createDirectories(SCREENSHOTS);
            playwright = Chromium.playwright();
            browser = Chromium.launch(playwright);
        }
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    Page page(BrowserContext c) {
        c.setDefaultTimeout(30_000);
        c.setDefaultNavigationTimeout(30_000);
        Page p = c.newPage();
        p.onPageError(e -> System.out.println("[SettlementBrowserIT] page error: " + e));
        return p;
    }

    @Test
    void civilAffairsPreviewsTheMonthAndWatchesTheProgressBar() {
        Assumptions.assumeTrue(noBrowser == null, () -> noBrowser);
        String base = "http://localhost:" + port;
        try (BrowserContext c = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setTimezoneId("Asia/Shanghai")
                .setViewportSize(1280, 900))) {
            Page p = page(c);
            p.navigate(base + "/login");
            p.fill("#username", "admin");
            p.fill("#password", "demo123");
            p.click("#login-submit");
            p.waitForURL(Pattern.compile(".*/$"));
            p.click("nav a[href='/settlement']");
            p.waitForURL(Pattern.compile(".*/settlement$"));
            assertThat(p.locator("#runs tbody tr[data-run]").count()).isPositive();
            // the current month for the city (the first region of the list)
            p.fill("#run-form input[name=month]", currentMonth());
            p.click("#run-form button[type=submit]");
            p.waitForURL(Pattern.compile(".*/settlement/runs/\\d+$"));
            // htmx polls the progress fragment until the job is done
            p.locator("#progress[data-status=PREVIEW]").waitFor();
            assertThat(p.locator("#run-status").innerText()).isEqualTo("预结算");
            p.navigate(p.url());
            assertThat(p.locator("#provider-statements tbody tr[data-provider]").count()).isPositive();
            assertThat(p.locator("#close-form").count()).isZero(); // the current month is not over
            p.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("settlement-run.png")).setFullPage(true));
            p.click("#provider-statements tbody tr[data-provider] a");
            p.waitForURL(Pattern.compile(".*/providers/\\d+$"));
            assertThat(p.locator("#visit-status").count()).isEqualTo(1);
        }
        try (BrowserContext anon = browser.newContext()) {
            Page p = page(anon);
            p.navigate(base + "/public/pool");
            assertThat(p.locator("#pool-summary").count()).isEqualTo(1);
            assertThat(p.url()).endsWith("/public/pool");
        }
    }

    static String currentMonth() {
        return java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    }
}
