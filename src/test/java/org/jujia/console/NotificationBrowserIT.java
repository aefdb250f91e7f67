package org.jujia.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jujia.notification.Channel;
import org.jujia.notification.NotificationRequest;
import org.jujia.notification.Notifications;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notifications in a real headless Chromium: a family member's open inbox receives an urgent notification live (SSE)
 * and marks it read; the alarm-centre operator's simulated 120 desk shows the case the platform sent over HTTP, and the
 * notification log lists it as delivered. Screenshots go to {@code target/screenshots/}.
 *
 * <p>Skipped without Chromium unless {@code JUJIA_REQUIRE_BROWSER=1}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationBrowserIT extends BrowserTestBase {

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theFamilysOpenInboxGetsTheNotificationLive() {
        login("family1");
        page.navigate(base + "/notifications/inbox");
        page.waitForSelector("#live-status[data-state=live]");
        String unreadBefore = page.locator("#unread-count").getAttribute("data-unread");
        long family = jdbc.sql("select id from access_user where username = 'family1'").query(Long.class).single();
        String title = "母亲跌倒报警 " + UUID.randomUUID().toString().substring(0, 6);
        tx.executeWithoutResult(s -> notifications.enqueue(new NotificationRequest(Channel.FAMILY_APP, Long.toString(family), title,
                "跌倒雷达报警，社区工作人员已出发。", Map.of("link", "/notifications/inbox"), "browser:" + UUID.randomUUID(), true)));
        var entry = page.locator("#inbox li.inbox-entry.urgent.unread", new Page.LocatorOptions().setHasText(title));
        entry.waitFor();
        assertThat(page.locator("#inbox li.inbox-entry").first().textContent()).contains(title);
        assertThat(Integer.parseInt(page.locator("#unread-count").getAttribute("data-unread"))).isEqualTo(Integer.parseInt(unreadBefore) + 1);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("notification-inbox-live.png")));
        entry.locator("button.mark-read").click();
        page.locator("#inbox li.inbox-entry.read", new Page.LocatorOptions().setHasText(title)).waitFor();
        assertThat(page.locator("#unread-count").getAttribute("data-unread")).isEqualTo(unreadBefore);
        // still read after a reload: it was stored, not only shown
        page.reload();
        assertThat(page.locator("#inbox li.inbox-entry.read", new Page.LocatorOptions().setHasText(title)).count()).isEqualTo(1);
    }

    @Test
    void theOperatorSeesTheCaseOnTheSimulated120DeskAndInTheLog() {
        login("operator1");
        page.navigate(base + "/notifications/simulators");
        String reference = "browser:" + UUID.randomUUID();
        String operatorPath = jdbc.sql("select r.path from access_user u join region_node r on r.id = u.home_node_id where u.username = 'operator1'")
                .query(String.class).single();
        Map<String, Object> elder = Map.of("name", "浏览器测试老人", "age", 86, "address", "平江路 88 号", "phone", "13800138000");
        tx.executeWithoutResult(s -> notifications.enqueue(new NotificationRequest(Channel.EMERGENCY_120, "120", "SOS 报警", "老人按下紧急按钮",
                Map.of("type", "SOS", "severity", "CRITICAL", "occurredAt", Instant.now(), "elder", elder, "regionPath", operatorPath), reference,
                true)));
        var row = page.locator("#sim-cases tr[data-case-ref='" + reference + "']");
        row.waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE)); // htmx refresh every 2 s
        assertThat(row.textContent()).contains("浏览器测试老人").contains("平江路 88 号").contains("138****8000").contains("120-");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("notification-120-desk.png")).setFullPage(true));

        page.navigate(base + "/notifications?reference=" + reference);
        var logged = page.locator("#notification-table tr.notification");
        assertThat(logged.count()).isEqualTo(1);
        assertThat(logged.first().getAttribute("data-status")).isEqualTo("DELIVERED");
        assertThat(page.locator("#channel-summary").textContent()).contains("120");
    }

}
