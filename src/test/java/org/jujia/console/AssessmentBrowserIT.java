package org.jujia.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jujia.support.Api;
import org.jujia.support.Chromium;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The assessment console in a real headless Chromium (same launch as {@link ConsoleBrowserIT}): an assessor opens an
 * unassessed elder of street 1, fills in the five instruments and watches the care colour change live (RED with
 * Barthel at zero, GREEN at full marks), signs; the elder page shows the colour badge, the next reassessment date
 * and the history chart; the PDF report opens. A second sitting on a phone, 15 Barthel points lower, puts a care-plan
 * remake task with a live 48-hour countdown on street1's task page. Screenshots go to {@code target/screenshots/}.
 *
 * <p>Skipped without Chromium unless {@code JUJIA_REQUIRE_BROWSER=1}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AssessmentBrowserIT extends BrowserTestBase {

    private static final String PASSWORD = "demo123";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");


    /** The elder assessed by this test, and the first (signed) assessment. */
    private long elderId;
    private long firstAssessmentId;

    /** Waits for the care card's history chart to be drawn (ECharts is loaded on demand by assessment.js). */
    private void waitForChart() {
        try {
            page.locator("#care-chart[data-ready] canvas").first().waitFor();
        } catch (RuntimeException e) {
            System.out.println("[AssessmentBrowserIT] chart not drawn: " + page.evaluate("() => JSON.stringify({"
                    + "chart: (document.querySelector('#care-chart') || {outerHTML: 'none'}).outerHTML.slice(0, 400),"
                    + "echarts: !!window.echarts, assessmentJs: !!window.jujiaAssessment,"
                    + "scripts: Array.from(document.scripts).map(s => s.src)})"));
            throw e;
        }
    }

    private Page phone() {
        open(new Browser.NewContextOptions().setViewportSize(375, 812).setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2));
        return page;
    }

    // ------------------------------------------------------------------ 1. first assessment

    @Test
    @Order(1)
    void anAssessorSeesTheColourChangeLiveSignsAndTheElderPageShowsTheCareLevel() throws Exception {
        elderId = unassessedElderOfStreet1();
        JsonNode elder = Api.as(port, "street1").get("/api/v1/elders/" + elderId).json();
        String name = elder.get("name").asText();
        int age = LocalDate.parse(elder.get("birthDate").asText()).until(LocalDate.now(ZONE)).getYears();

        login("assessor1");
        page.navigate(base + "/elders/" + elderId);
        Locator badge = page.locator("#care-card #care-badge");
        badge.waitFor();
        assertThat(badge.getAttribute("data-colour")).isEqualTo("NONE");
        assertThat(badge.innerText()).isEqualTo("尚未评估");
        assertThat(page.locator("nav.sidenav").innerText()).contains("评估任务", "复评提醒");
        shot("assess-01-elder-unassessed");

        page.click("#new-assessment");
        page.waitForURL(Pattern.compile(".*/elders/" + elderId + "/assessments/new$"));
        assertThat(page.locator("h1").innerText()).contains("老年人能力综合评估", name);
        assertThat(page.locator("#care-colour").getAttribute("data-colour")).isEqualTo("PENDING");
        assertThat(page.locator("#f-nrs2002-final-age").inputValue()).as("age prefilled from the elder").isEqualTo(String.valueOf(age));
        assertThat(page.locator("#nrs-final").isVisible()).as("NRS final screening hidden until an initial answer is yes").isFalse();

        page.fill("#place", "老人家中（浏览器测试）");
        answerAllButBarthel();
        page.check("#f-nrs2002-initial-lowBmi-true");
        page.locator("#nrs-final").waitFor();
        assertThat(page.locator("#nrs-final").isVisible()).as("a yes shows the final screening").isTrue();
        page.check("#f-nrs2002-initial-lowBmi-false");
        page.waitForCondition(() -> !page.locator("#nrs-final").isVisible());
        assertThat(page.locator("#result-barthel").getAttribute("data-complete")).isEqualTo("false");
        assertThat(page.locator("#result-barthel .missing").innerText()).contains("进食");

        barthel(Map.of("feeding", 0, "bathing", 0, "grooming", 0, "dressing", 0, "bowels", 0, "bladder", 0, "toiletUse", 0, "transfer", 0,
                "mobility", 0, "stairs", 0));
        waitForColour("RED");
        assertThat(page.locator("#result-barthel").innerText()).contains("0 / 100", "重度依赖");
        assertThat(page.locator("#care-colour").innerText()).contains("红");
        shot("assess-02-form-red");

        barthel(Map.of("feeding", 10, "bathing", 5, "grooming", 5, "dressing", 10, "bowels", 10, "bladder", 10, "toiletUse", 10, "transfer", 15,
                "mobility", 15, "stairs", 10));
        waitForColour("GREEN");
        assertThat(page.locator("#result-barthel").innerText()).contains("100 / 100", "无需依赖");
        assertThat(page.locator("#result-mmse").innerText()).contains("30 / 30");
        assertThat(page.locator("#care-colour").innerText()).contains("绿色 · 生活自理");
        shot("assess-03-form-green");

        page.onceDialog(dialog -> {
            assertThat(dialog.message()).contains("签署后评估不可再修改");
            dialog.accept();
        });
        page.click("#sign");
        page.waitForURL(Pattern.compile(".*/assessments/\\d+$"));
        firstAssessmentId = Long.parseLong(page.url().replaceAll(".*/assessments/(\\d+)$", "$1"));
        assertThat(page.locator("#assessment-status").getAttribute("data-status")).isEqualTo("SIGNED");
        assertThat(page.locator("#signed-now").innerText()).contains("已签署");
        assertThat(page.locator("#signature").innerText().trim()).matches("[0-9a-f]{64}");
        assertThat(page.locator("#care-badge").getAttribute("data-colour")).isEqualTo("GREEN");
        shot("assess-04-signed");

        APIResponse pdf = page.request().get(base + "/assessments/" + firstAssessmentId + "/report.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).startsWith("application/pdf");
        PdfReader reader = new PdfReader(pdf.body());
        assertThat(reader.getNumberOfPages()).isEqualTo(1);
        String text = new PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s+", "");
        reader.close();
        assertThat(text).contains("老年人能力综合评估报告", name, "绿色·生活自理", page.locator("#signature").innerText().trim());
        Files.write(SCREENSHOTS.resolve("assess-report-" + firstAssessmentId + ".pdf"), pdf.body());

        page.navigate(base + "/elders/" + elderId);
        badge.waitFor();
        assertThat(badge.getAttribute("data-colour")).isEqualTo("GREEN");
        assertThat(badge.innerText()).isEqualTo("绿");
        LocalDate today = LocalDate.now(ZONE);
        assertThat(page.locator("#next-due").getAttribute("data-date")).as("green: reassess in 24 months").isEqualTo(today.plusMonths(24).toString());
        assertThat(page.locator("#care-assessed-on").innerText()).isEqualTo(today.toString());
        waitForChart();
        assertThat(page.locator("#assessment-history a.assessment-link").count()).isEqualTo(1);
        shot("assess-05-elder-green");
    }

    // ------------------------------------------------------------------ 2. second assessment on a phone, remake task

    @Test
    @Order(2)
    void aTenPointDropOnAPhonePutsARemakeTaskWithA48HourCountdownOnTheStreetsTaskPage() {
        Assumptions.assumeTrue(firstAssessmentId > 0, "the first assessment was signed");
        phone();
        login("assessor1");
        page.navigate(base + "/elders/" + elderId + "/assessments/new");
        page.fill("#place", "老人家中（手机）");
        page.selectOption("#reason", "SCHEDULED");
        answerAllButBarthel();
        barthel(Map.of("feeding", 5, "bathing", 0, "grooming", 5, "dressing", 10, "bowels", 10, "bladder", 10, "toiletUse", 10, "transfer", 15,
                "mobility", 15, "stairs", 10));
        waitForColour("YELLOW");
        assertThat(page.locator("#result-barthel").innerText()).contains("90 / 100", "轻度依赖");
        assertThat((Number) page.evaluate("() => document.documentElement.scrollWidth")).as("no sideways scrolling on a 375px phone")
                .matches(w -> w.intValue() <= 375);
        assertThat(page.locator("#results").isVisible()).as("the results panel stays in view while answering").isTrue();
        var panel = page.locator("#results").boundingBox();
        assertThat(panel.y + panel.height).as("the panel sticks to the bottom of the phone screen").isLessThanOrEqualTo(812 + 1);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("assess-06-mobile-form.png")));

        page.onceDialog(dialog -> dialog.accept());
        page.click("#sign");
        page.waitForURL(Pattern.compile(".*/assessments/\\d+$"));
        assertThat(page.locator("#care-badge").getAttribute("data-colour")).isEqualTo("YELLOW");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("assess-07-mobile-signed.png")));

        open(new Browser.NewContextOptions().setViewportSize(1280, 900));
        login("street1");
        page.navigate(base + "/elders/" + elderId);
        page.locator("#care-card #care-badge[data-colour=YELLOW]").waitFor();
        assertThat(page.locator("#assessment-history a.assessment-link").count()).isEqualTo(2);
        waitForChart();
        shot("assess-08-elder-history-chart");

        page.click("nav.sidenav a[href$='/assessment-tasks']");
        page.waitForURL(Pattern.compile(".*/assessment-tasks$"));
        Locator row = page.locator("#remake-tasks tr[data-kind=CARE_PLAN_REMAKE][data-elder='" + elderId + "']");
        row.waitFor();
        Locator countdown = row.locator(".countdown");
        long first = seconds(countdown.innerText());
        assertThat(first).as("countdown " + countdown.innerText() + " is close to 47:59")
                .isBetween(47L * 3600 + 55 * 60, 48L * 3600);
        String shown = countdown.innerText();
        page.waitForCondition(() -> !countdown.innerText().equals(shown), new Page.WaitForConditionOptions().setTimeout(5_000));
        assertThat(seconds(countdown.innerText())).as("the countdown runs").isLessThan(first);
        assertThat(row.getAttribute("data-overdue")).isEqualTo("false");
        assertThat(row.innerText()).contains("照护等级变化");
        shot("assess-09-street-tasks");

        row.locator("input.note").fill("已与家属重新制定照护计划（浏览器测试）");
        row.locator("button.done").click();
        page.locator("#task-" + row.getAttribute("id").replace("task-", "") + "[data-status=DONE]").waitFor();
        shot("assess-10-task-done");
    }

    // ------------------------------------------------------------------ helpers

    /** MMSE at full marks (primary school), IADL all A, no frailty, NRS 2002 initial screen all no. */
    private void answerAllButBarthel() {
        Map<String, Integer> mmse = Map.ofEntries(Map.entry("timeOrientation", 5), Map.entry("placeOrientation", 5), Map.entry("registration", 3),
                Map.entry("attentionCalculation", 5), Map.entry("recall", 3), Map.entry("naming", 2), Map.entry("repetition", 1),
                Map.entry("threeStepCommand", 3), Map.entry("reading", 1), Map.entry("writing", 1), Map.entry("copying", 1));
        mmse.forEach((k, v) -> page.check("#f-mmse-" + k + "-" + v));
        page.check("#f-mmse-education-PRIMARY");
        for (String k : List.of("telephone", "shopping", "foodPreparation", "housekeeping", "laundry", "transportation", "medication", "finances")) {
            page.check("#f-iadl-" + k + "-A");
        }
        for (String k : List.of("fatigue", "resistance", "ambulation", "weightLossOver5Percent")) {
            page.check("#f-frail-" + k + "-false");
        }
        page.selectOption("#f-frail-illnessCount", "1");
        for (String k : List.of("lowBmi", "weightLoss3Months", "reducedIntakeLastWeek", "severelyIll")) {
            page.check("#f-nrs2002-initial-" + k + "-false");
        }
    }

    private void barthel(Map<String, Integer> items) {
        items.forEach((k, v) -> page.check("#f-barthel-" + k + "-" + v));
    }

    /** Waits until the live results panel (re-rendered by htmx after every answer) shows the colour. */
    private void waitForColour(String colour) {
        page.locator("#care-colour[data-colour=" + colour + "]").waitFor();
        // and no preview request is still on its way that could change it again
        page.waitForCondition(() -> page.locator("#assessment-form.htmx-request").count() == 0);
        page.locator("#care-colour[data-colour=" + colour + "]").waitFor();
    }

    private static long seconds(String countdown) {
        Matcher m = Pattern.compile("^(-?)(\\d+):(\\d{2}):(\\d{2})$").matcher(countdown.trim());
        assertThat(m.matches()).as("countdown format H:MM:SS, got " + countdown).isTrue();
        long s = Long.parseLong(m.group(2)) * 3600 + Long.parseLong(m.group(3)) * 60 + Long.parseLong(m.group(4));
        return m.group(1).isEmpty() ? s : -s;
    }

    private long unassessedElderOfStreet1() {
        Api street = Api.as(port, "street1");
        Api assessor = Api.as(port, "assessor1");
        JsonNode list = street.get("/api/v1/elders?size=100&sort=id,desc&status=ACTIVE").json();
        for (JsonNode e : list.get("content")) {
            if (e.get("careColour").isNull() && assessor.get("/api/v1/elders/" + e.get("id").asLong() + "/assessments").json().isEmpty()) {
                return e.get("id").asLong();
            }
        }
        throw new AssertionError("no unassessed elder left in street 1");
    }


    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
