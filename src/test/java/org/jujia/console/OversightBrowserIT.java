package org.jujia.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The oversight console in a real browser: the demo's scores and a breakdown, a hotline complaint, a family complaint. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OversightBrowserIT extends BrowserTestBase {

    @Test
    void civil_affairs_reads_last_years_scores_and_a_breakdown_explaining_every_point() throws Exception {
        int year = LocalDate.now().getYear() - 1;
        login("admin");
        page.click("nav >> text=年度绩效评分");
        assertThat(page.locator("#scores tr.score").count()).isGreaterThanOrEqualTo(3);
        assertThat(page.locator("#scores tr.score .badge.overdue").count()).as("one provider below 80").isGreaterThanOrEqualTo(1);
        page.locator("#scores tr.score a").first().click();
        page.waitForURL(Pattern.compile(".*/oversight/scores/" + year + "/\\d+$"));
        assertThat(page.locator("#breakdown tbody tr").count()).isEqualTo(8);
        assertThat(page.locator("#breakdown tr[data-missing=true]").count()).as("workforce gives no evidence here").isGreaterThanOrEqualTo(2);
        assertThat(page.locator("#breakdown tr[data-criterion=STAFFING]").innerText()).contains("无证据");
        assertThat(page.locator("#formula").innerText()).contains(page.locator("#score").innerText());
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("oversight-breakdown.png")).setFullPage(true));
        page.navigate(page.url() + "?lang=en");
        assertThat(page.locator("#breakdown tr[data-criterion=VOLUME]").innerText()).contains("verified").contains("planned");
    }

    @Test
    void an_operator_files_a_hotline_complaint_and_the_family_complains_from_its_phone_page() {
        login("operator1");
        page.navigate(base + "/oversight/complaints");
        assertThat(page.locator("#complaints tr.complaint").count()).isGreaterThanOrEqualTo(1);
        assertThat(page.locator("#complaints .badge.overdue").count()).as("the demo's overdue complaint").isGreaterThanOrEqualTo(1);
        page.click("#new-complaint");
        page.selectOption("select[name=providerId]", page.locator("select[name=providerId] option").nth(1).getAttribute("value"));
        page.selectOption("select[name=category]", "ATTITUDE");
        page.fill("input[name=complainantName]", "陈先生");
        page.fill("input[name=complainantPhone]", "13962109999");
        page.fill("textarea[name=description]", "护理员说话很不耐烦。");
        page.click("#complaint-form button[type=submit]");
        page.waitForURL(Pattern.compile(".*/oversight/complaints/\\d+$"));
        assertThat(page.locator("#status").innerText()).isEqualTo("待受理");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("oversight-complaint.png")).setFullPage(true));
        assertThat(page.locator("#complaint").innerText()).contains("139").doesNotContain("13962109999");
        openDesktop();
        login("family1");
        page.navigate(base + "/m/family");
        page.click("#fm-complain a");
        page.waitForURL(Pattern.compile(".*/oversight/complaints/new$"));
        page.selectOption("select[name=category]", "MISSED_OR_LATE");
        page.fill("textarea[name=description]", "本周助浴没有按时上门。");
        page.click("#complaint-form button[type=submit]");
        page.waitForURL(Pattern.compile(".*/oversight/complaints/\\d+$"));
        assertThat(page.locator("#complaint").innerText()).contains("家属页面");
        page.click("nav >> text=我的投诉");
        assertThat(page.locator("#complaints tr.complaint").count()).isGreaterThanOrEqualTo(1);
    }
}
