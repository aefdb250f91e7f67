package org.jujia.support;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright (browsers cannot be downloaded here). Where no Chromium is installed the
 * browser tests are skipped, unless {@code JUJIA_REQUIRE_BROWSER=1} (as in CI), when they fail.
 */
public final class Chromium {

    private static final String DEFAULT = "/usr/bin/chromium";

    private Chromium() {
    }

    /** Why the browser tests cannot run here, or null when they can. Fails the test class when a browser is required. */
    public static String missing(String testName) {
        Path chromium = executable();
        if (Files.isRegularFile(chromium) && Files.isExecutable(chromium)) {
            return null;
        }
        String why = "No Chromium executable at " + chromium + " (install Debian's chromium package or set JUJIA_CHROMIUM)";
        if ("1".equals(System.getenv("JUJIA_REQUIRE_BROWSER"))) {
            fail(why + "; JUJIA_REQUIRE_BROWSER=1, so the " + testName + " must run");
        }
        return why + "; skipping the " + testName;
    }

    public static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    /** Headless Chromium with the flags this closed network needs. */
    public static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable())
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage")));
    }

    private static Path executable() {
        String configured = System.getenv("JUJIA_CHROMIUM");
        return Paths.get(configured == null || configured.isBlank() ? DEFAULT : configured.trim());
    }
}
