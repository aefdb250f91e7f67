package org.jujia.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The alarm centre in a real headless Chromium: the operator's board and a family member's phone page are open and
 * live; an SOS button registered to the family's elder publishes through the real HTTP ingest; the alarm appears on
 * both without a reload; the operator acknowledges and resolves it, and the family page follows each step.
 * Screenshots go to {@code target/screenshots/}. Skipped without Chromium unless {@code JUJIA_REQUIRE_BROWSER=1}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlarmCentreBrowserIT extends BrowserTestBase {


    private static void shot(Page p, String name) {
        p.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Test
    void anSosAppearsOnTheBoardAndTheFamilyPageAndIsAcknowledgedAndResolved() throws Exception {
        // the family's elder gets an SOS button (an installer's registration through the API)
        long elderId = Api.as(port, "family1").get("/api/v1/elders").json().get("content").get(0).get("id").asLong();
        String serial = "BR-SOS-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response reg = Api.as(port, "street1").post("/api/v1/devices", Map.of("serial", serial, "type", "SOS_BUTTON", "elderId", elderId,
                "room", "卧室", "installedOn", LocalDate.now().toString(), "firmware", "1.0.0"));
        assertThat(reg.status()).as(reg.body()).isEqualTo(201);
        String secret = reg.json().get("secret").asText();

        // the operator's board, live
        Page board = page;
        login(board, "operator1");
        board.navigate(base + "/alarm-centre");
        board.locator("#live-state[data-state=live]").waitFor();

        // the family's phone, live
        BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(375, 812).setIsMobile(true).setHasTouch(true)
                .setLocale("zh-CN").setTimezoneId("Asia/Shanghai"));
        phone.setDefaultTimeout(20_000);
        try {
            Page family = phone.newPage();
            login(family, "family1");
            assertThat(family.locator("nav.sidenav").innerText()).contains("家人报警");
            family.navigate(base + "/family/alarms");
            family.locator("#live-state[data-state=live]").waitFor();

            // the elder presses the button: one message through the real HTTP ingest
            String auth = Base64.getEncoder().encodeToString((serial + ":" + secret).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "/api/v1/ingest/devices/" + serial + "/messages")).header("Authorization", "Basic " + auth)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"msgId\":\"" + UUID.randomUUID() + "\",\"ts\":\"" + Instant.now() + "\",\"event\":\"SOS\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);

            // it appears on the board without a reload, critical, and on the family's page
            Locator row = board.locator("tr.alarm-row[data-type=SOS][data-elder='" + elderId + "']");
            row.waitFor();
            assertThat(row.getAttribute("data-severity")).isEqualTo("CRITICAL");
            assertThat(row.innerText()).contains("SOS 紧急呼叫", "危急");
            long alarmId = Long.parseLong(row.getAttribute("data-id"));
            shot(board, "alarm-01-board");

            Locator card = family.locator("#family-alarm-" + alarmId);
            card.waitFor();
            assertThat(card.innerText()).contains("SOS 紧急呼叫");
            shot(family, "alarm-02-family-raised");

            // the operator opens it: elder, timeline, notifications delivered (120, SMS, app, worker)
            row.locator("a.button").click();
            board.waitForURL(Pattern.compile(".*/alarm-centre/alarms/" + alarmId + "$"));
            assertThat(board.locator("#elder-card").innerText()).contains("联系人");
            board.locator("#notifications tr[data-channel=EMERGENCY_120][data-status=DELIVERED]").waitFor();
            board.locator("#timeline li[data-kind=NOTIFIED]").first().waitFor();
            assertThat(board.locator("#notifications").innerText()).contains("120 急救中心", "短信", "家属 App");
            shot(board, "alarm-03-detail");

            // acknowledge: the family page follows live
            board.click("#ack-button");
            board.locator("#alarm-panel[data-status=ACKNOWLEDGED]").waitFor();
            assertThat(board.locator("#timeline").innerText()).contains("接警确认", "operator1");
            family.locator("#family-alarm-" + alarmId + "[data-status=ACKNOWLEDGED] li[data-step=ACKNOWLEDGED].done").waitFor();

            // resolve with an outcome and a note
            board.selectOption("#resolve-form select[name=outcome]", "SAFE_AT_HOME");
            board.fill("#resolve-form textarea[name=note]", "已电话联系老人，误按后确认安全");
            board.click("#resolve-button");
            board.locator("#alarm-panel[data-status=RESOLVED]").waitFor();
            assertThat(board.locator("#alarm-status").innerText()).isEqualTo("已解除");
            family.locator("#family-alarm-" + alarmId + "[data-status=RESOLVED] li[data-step=RESOLVED].done").waitFor();
            assertThat(family.locator("#family-alarm-" + alarmId).innerText()).contains("已解除", "老人在家安全");
            shot(family, "alarm-04-family-resolved");

            // off the board
            board.navigate(base + "/alarm-centre");
            board.locator("#live-state[data-state=live]").waitFor();
            assertThat(board.locator("tr.alarm-row[data-id='" + alarmId + "']").count()).isZero();
            JsonNode api = Api.as(port, "operator1").get("/api/v1/alarms/" + alarmId).json();
            assertThat(api.get("alarm").get("status").asText()).isEqualTo("RESOLVED");
            assertThat(api.get("alarm").get("closedBy").asText()).isEqualTo("operator1");
        } finally {
            phone.close();
        }
    }

    @Test
    void statisticsAndThresholdsPagesRenderInBothLanguages() {
        login(page, "operator1");
        page.navigate(base + "/alarm-centre/statistics");
        assertThat(page.locator("h1").innerText()).isEqualTo("报警统计");
        page.locator("#response-times").waitFor();
        page.navigate(base + "/alarm-centre/statistics?lang=en");
        assertThat(page.locator("h1").innerText()).isEqualTo("Alarm statistics");
        page.navigate(base + "/alarm-centre?lang=en");
        assertThat(page.locator("h1").innerText()).isEqualTo("Alarm centre");
        page.navigate(base + "/alarm-centre?lang=zh_CN");
    }
}
