package org.jujia.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jujia.access.UserAccounts;
import org.jujia.dispatch.DispatchManagement;
import org.jujia.dispatch.PlanningJob;
import org.jujia.dispatch.RoutePlanning;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The route planning console in a real headless Chromium: provider1 plans a day (the form behind "plan tomorrow",
 * for a day of its own so that other tests keep tomorrow's assignments), watches the score improve over the live
 * stream (SSE) and the progress chart, sees the routes, timelines, comparison and unassigned visits when it is done,
 * accepts the plan and finds the planned caregivers on the order board. Screenshots go to {@code target/screenshots/}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanBrowserIT extends BrowserTestBase {

    @Autowired
    RoutePlanning planning;

    @Autowired
    DispatchManagement dispatch;

    @Autowired
    UserAccounts users;

    @Test
    void provider1PlansADayWatchesItSolveAcceptsAndSeesTheAssignmentsOnTheBoard() throws InterruptedException {
        var op = users.jurisdictionOf("provider1").orElseThrow();
        // a day no other test uses (tomorrow's and today's assignments belong to the visit and phone tests)
        var day = dispatch.today().plusDays(9);
        for (PlanningJob j : planning.list(day, op)) {
            while (planning.get(j.id(), op).status().active()) {
                Thread.sleep(200);
            }
        }
        // one home visit of the day waits for a caregiver
        long elder = dispatch.list(new org.jujia.dispatch.OrderQuery(dispatch.today(), dispatch.today().plusDays(13), null, null, null, null, null), op)
                .getFirst().elderId();
        var booked = dispatch.book(new DispatchManagement.BookingInput(elder, "HOME_VISIT", day, java.time.LocalTime.of(15, 0),
                java.time.LocalTime.of(17, 0), 1, "browser test"), op);
        dispatch.accept(booked.id(), op);
        login("provider1");
        page.navigate(base + "/plan?lang=en");
        assertThat(page.locator("h1").textContent()).isEqualTo("Route planning");
        page.navigate(base + "/plan?lang=zh_CN");
        assertThat(page.locator("h1").textContent()).isEqualTo("智能排班");
        assertThat(page.locator("nav a[href='/plan']").count()).as("the nav links the planning page").isEqualTo(1);
        assertThat(page.locator("#plan-jobs tbody tr[data-job]").count()).as("the demo's finished plan is listed").isPositive();
        assertThat(page.locator("#plan-tomorrow-submit").isVisible()).isTrue();
        assertThat(page.locator("#replan-today-submit").isVisible()).isTrue();
        page.fill("#plan-day-date", day.toString());
        page.selectOption("#plan-day-budget", "10");
        page.click("#plan-day-submit");
        page.waitForURL(Pattern.compile(".*/plan/jobs/\\d+$"));
        long id = Long.parseLong(page.url().replaceAll(".*/plan/jobs/", ""));

        // the score streams in while it solves; the progress chart is drawn
        page.waitForSelector("#job-score[data-updates]");
        assertThat(page.locator("#job-status").getAttribute("data-status")).isIn("SOLVING", "DONE");
        page.waitForSelector("#progress-chart canvas");
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "plan-solving.png")).setFullPage(true));

        // when it ends the page shows the plan
        page.waitForSelector("#job-status[data-status='DONE']", new Page.WaitForSelectorOptions().setTimeout(90_000));
        assertThat(page.locator("#job-score").textContent()).startsWith("0 /");
        page.waitForLoadState();
        page.waitForSelector("#route-chart canvas");
        page.waitForSelector("#timeline-chart canvas");
        assertThat(page.locator("#comparison tr[data-metric='travelMinutes'] td.proposed").textContent()).matches("\\d+");
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "plan-done.png")).setFullPage(true));
        Map<Long, Long> planned = new HashMap<>();
        Locator rows = page.locator("#routes tbody tr[data-order]");
        for (int i = 0; i < rows.count(); i++) {
            planned.put(Long.parseLong(rows.nth(i).getAttribute("data-order")), Long.parseLong(rows.nth(i).getAttribute("data-caregiver")));
        }
        assertThat(planned).isNotEmpty();
        Locator left = page.locator("#unassigned tbody tr[data-order]");
        for (int i = 0; i < left.count(); i++) {
            assertThat(left.nth(i).locator("td").nth(4).textContent()).as("each unassigned visit says why").isNotBlank();
        }

        // accept: the board of the day shows every planned order assigned to its planned caregiver
        page.click("#plan-apply");
        page.waitForLoadState();
        assertThat(page.url()).as(page.locator("#flash-error").count() > 0 ? page.locator("#flash-error").textContent() : "accepted")
                .contains("/orders?from=");
        assertThat(page.locator("#flash-ok").count()).isEqualTo(1);
        for (var e : planned.entrySet()) {
            Locator row = page.locator("#orders tr[data-order='" + e.getKey() + "']");
            assertThat(row.getAttribute("data-status")).as("order " + e.getKey()).isEqualTo("ASSIGNED");
            assertThat(dispatch.get(e.getKey(), op).caregiverUserId()).isEqualTo(e.getValue());
        }
        assertThat(planning.get(id, op).status()).isEqualTo(PlanningJob.Status.APPLIED);
        page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "screenshots", "plan-applied-board.png")).setFullPage(true));
    }
}
