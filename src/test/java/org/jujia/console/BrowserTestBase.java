package org.jujia.console;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.jujia.support.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The browser lifecycle of the console's browser tests: one headless Chromium per test class, a fresh profile per
 * test (desktop screen, a Chinese-speaking user in Asia/Shanghai), the page's console errors echoed to the test
 * output. Subclasses are {@code @IntegrationTest}s with a per-class test instance.
 */
abstract class BrowserTestBase {

    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    @LocalServerPort
    int port;

    Playwright playwright;
    Browser browser;
    BrowserContext context;
    Page page;
    String base;
    private String noBrowser;

    @BeforeAll
    void launchBrowser() throws Exception {
        noBrowser = Chromium.missing(getClass().getSimpleName());
        if (noBrowser != null) {
            return;
        }
        Files.createDirectories(SCREENSHOTS);
        base = "http://localhost:" + port;
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openDesktop() {
        Assumptions.assumeTrue(noBrowser == null, () -> noBrowser);
        open(new Browser.NewContextOptions().setViewportSize(1280, 900));
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    /** A fresh browser profile with these options (e.g. a phone-sized viewport). */
    void open(Browser.NewContextOptions options) {
        if (context != null) {
            context.close();
        }
        // Headless Chromium would otherwise send "Accept-Language: en-US", which the console (rightly) answers in English.
        context = browser.newContext(options.setLocale("zh-CN").setTimezoneId("Asia/Shanghai"));
        // The machine running the tests may be busy; be patient, but not forever.
        context.setDefaultTimeout(20_000);
        context.setDefaultNavigationTimeout(30_000);
        page = context.newPage();
        String name = getClass().getSimpleName();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error") || m.type().equals("warning")) {
                System.out.println("[" + name + "] console " + m.type() + ": " + m.text());
            }
        });
        page.onPageError(e -> System.out.println("[" + name + "] page error: " + e));
    }

    /** Signs a demo user (password {@code demo123}) in on the page through the login form and waits for the home page. */
    void login(Page p, String username) {
        p.navigate(base + "/login");
        p.fill("#username", username);
        p.fill("#password", "demo123");
        p.click("#login-submit");
        p.waitForURL(java.util.regex.Pattern.compile(".*/$"));
        org.assertj.core.api.Assertions.assertThat(p.locator("header .user").count()).as(username + " is signed in").isEqualTo(1);
    }

    /** {@link #login(Page, String)} on the test's page. */
    void login(String username) {
        login(page, username);
    }
}
