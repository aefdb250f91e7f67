package org.jujia.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.Geolocation;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jujia.dispatch.OrderAssigned;
import org.jujia.dispatch.OrderPriority;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The phone pages in a real headless Chromium on a 375 px phone: a caregiver checks in with an emulated position and a
 * photo from the file chooser, records the service, checks out and has the elder sign; a check-in made offline is
 * queued on the phone and sent with its original capture time when the network returns; a family member sees the
 * visit PIN, confirms and rates a completed visit and books an extra service after seeing its cost. Visits come from
 * {@link OrderAssigned} events, as dispatch publishes them. Skipped without Chromium unless
 * {@code JUJIA_REQUIRE_BROWSER=1}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MobileBrowserIT extends BrowserTestBase {

    private static final String PHONE_UA = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final AtomicLong ORDERS = new AtomicLong(7_000_000_000L + (System.nanoTime() % 1_000_000) * 1000);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    record Home(long elderId, String regionPath, double latitude, double longitude) {
    }

    // ------------------------------------------------------------------ fixtures

    private long userId(String username) {
        return jdbc.sql("select id from access_user where username = ?").param(username).query(Long.class).single();
    }

    private long providerOf(long caregiver) {
        return jdbc.sql("select provider_id from workforce_caregiver where user_id = ?").param(caregiver).query(Long.class).single();
    }

    /** An elder with a home position, not family1's, from the end of the list (other tests take theirs from the start). */
    private Home otherHome(int offset) {
        return jdbc.sql("""
                select e.id, e.region_path, e.latitude, e.longitude from elder e where e.status = 'ACTIVE' and e.latitude is not null
                   and not exists (select 1 from elder_contact c join access_user u on u.id = c.user_id where c.elder_id = e.id and u.username = 'family1')
                 order by e.id desc offset ? limit 1""").param(offset)
                .query((rs, n) -> new Home(rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4))).single();
    }

    private Home family1Home() {
        return jdbc.sql("""
                select e.id, e.region_path, e.latitude, e.longitude from elder e
                  join elder_contact c on c.elder_id = e.id join access_user u on u.id = c.user_id
                 where u.username = 'family1' order by e.id limit 1""")
                .query((rs, n) -> new Home(rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4))).single();
    }

    /** A visit of the caregiver at the home, as dispatch's assignment creates it; answers the visit id. */
    private long visit(Home home, String item, String caregiver, Instant start, int minutes, OrderPriority priority) {
        return visit(ORDERS.incrementAndGet(), home, item, caregiver, start, minutes, priority);
    }

    private long visit(long order, Home home, String item, String caregiver, Instant start, int minutes, OrderPriority priority) {
        long caregiverId = userId(caregiver);
        var e = new OrderAssigned(order, home.elderId(), home.regionPath(), item, providerOf(caregiverId), caregiverId, null, priority, start,
                start.plus(Duration.ofMinutes(60)), minutes, 12000, 1, null, Instant.now());
        tx.executeWithoutResult(s -> events.publishEvent(e));
        return await(() -> jdbc.sql("select id from visit where order_id = ?").param(order).query(Long.class).optional());
    }

    /** Now plus an offset, kept within today (Asia/Shanghai) so that the visit is on today's list. */
    private static Instant today(Duration offset) {
        Instant now = Instant.now();
        Instant at = now.plus(offset);
        return LocalDate.ofInstant(at, ZONE).equals(LocalDate.ofInstant(now, ZONE)) ? at : now;
    }

    private static long await(Supplier<Optional<Long>> probe) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            var v = probe.get();
            if (v.isPresent()) {
                return v.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException ex) {
                throw new IllegalStateException(ex);
            }
        }
        throw new AssertionError("timed out waiting for the visit");
    }

    /** A camera photo: a large JPEG, so that the page has to downscale it. */
    private static FilePayload cameraPhoto() throws Exception {
        BufferedImage img = new BufferedImage(2400, 1800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        for (int y = 0; y < 1800; y += 6) {
            g.setColor(new Color((y * 7) % 255, (y * 3) % 255, (y * 11) % 255));
            g.fillRect(0, y, 2400, 6);
        }
        g.setColor(new Color(240, 205, 170));
        g.fillOval(800, 300, 800, 1100);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return new FilePayload("face.jpg", "image/jpeg", out.toByteArray());
    }

    /** A small JPEG face, base64, for check-ins through the API. */
    private static String smallPhoto() throws Exception {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(240, 205, 170));
        g.fillOval(12, 8, 40, 50);
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return java.util.Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /** A fresh phone profile (375 × 812, touch, a phone's user agent) at a position, signed in through the login form. */
    private void phone(String username, String landing, double latitude, double longitude) {
        open(new Browser.NewContextOptions().setViewportSize(375, 812).setIsMobile(true).setHasTouch(true).setUserAgent(PHONE_UA)
                .setGeolocation(new Geolocation(latitude, longitude).setAccuracy(8)).setPermissions(List.of("geolocation")));
        page.onResponse(r -> {
            if (r.status() >= 400) {
                System.out.println("[MobileBrowserIT] " + r.status() + " " + r.request().method() + " " + r.url());
            }
        });
        page.navigate(base + "/login");
        page.fill("#username", username);
        page.fill("#password", "demo123");
        page.click("#login-submit");
        page.waitForURL(Pattern.compile(".*" + Pattern.quote(landing) + "$"));
    }

    private static void shot(Page p, String name) {
        p.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    private JsonNode serverVisit(String user, long id) {
        Api.Response r = Api.as(port, user).get("/api/v1/visits/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    // ------------------------------------------------------------------ tests

    @Test
    void aCaregiverChecksInWithPositionAndPhotoRecordsTheServiceChecksOutAndTheElderSigns() throws Exception {
        Home home = otherHome(3);
        long id = visit(home, "BATHING_HOME", "caregiver1", today(Duration.ofMinutes(-10)), 60, OrderPriority.RED);

        phone("caregiver1", "/m/caregiver", home.latitude(), home.longitude());
        Locator card = page.locator(".m-visit[data-id='" + id + "']");
        card.waitFor();
        assertThat(card.getAttribute("data-status")).isEqualTo("SCHEDULED");
        assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).as("fits 375 px").isEqualTo(true);
        shot(page, "mobile-caregiver-list");
        card.locator("a").click();

        page.locator("#cg-visit[data-id='" + id + "'] #visit-status[data-status=SCHEDULED]").waitFor();
        assertThat(page.locator("#map-link").getAttribute("href"))
                .startsWith("https://uri.amap.com/marker?position=" + home.longitude() + "," + home.latitude());
        page.setInputFiles("#photo-in", cameraPhoto());
        page.locator("#photo-in + .m-photo-preview:not([hidden])").waitFor();
        page.click("#check-in");
        page.locator("#visit-status[data-status=IN_PROGRESS]").waitFor();

        JsonNode started = serverVisit("caregiver1", id);
        assertThat(started.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(started.get("checkIn").get("latitude").asDouble()).isCloseTo(home.latitude(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(started.get("checkIn").get("accuracyMeters").asDouble()).isEqualTo(8.0);
        assertThat(started.get("checkIn").get("photo").asBoolean()).as("the photo reached the server").isTrue();
        assertThat(started.get("flags").toString()).doesNotContain("OUTSIDE_GEOFENCE", "FACE");

        // the service record from the item's checks: bath water, heart rate, SpO2
        page.locator("#check-water_temperature_c").waitFor();
        page.fill("#check-water_temperature_c", "38");
        page.fill("#check-heart_rate_bpm", "130");
        assertThat(page.locator("#check-heart_rate_bpm").getAttribute("class")).as("out of range is shown").contains("m-out-of-range");
        page.fill("#check-heart_rate_bpm", "82");
        page.fill("#check-spo2_percent", "97");
        page.fill("#record-notes", "洗浴顺利，皮肤无破损");
        page.setInputFiles("#photo-out", cameraPhoto());
        page.locator("#photo-out + .m-photo-preview:not([hidden])").waitFor();
        shot(page, "mobile-caregiver-record");
        page.click("#check-out");
        page.locator("#visit-status[data-status=VERIFIED], #visit-status[data-status=FLAGGED]").waitFor();

        JsonNode done = serverVisit("caregiver1", id);
        assertThat(done.get("status").asText()).isIn("VERIFIED", "FLAGGED");
        assertThat(done.get("record").get("measurements").get("water_temperature_c").decimalValue()).isEqualByComparingTo("38");
        assertThat(done.get("record").get("measurements").get("heart_rate_bpm").decimalValue()).isEqualByComparingTo("82");
        assertThat(done.get("record").get("notes").asText()).isEqualTo("洗浴顺利，皮肤无破损");

        // confirmation at the door: the elder signs on the caregiver's phone
        page.click("#confirm-box .m-tab[data-method=SIGNATURE]");
        page.locator("#sig-pad").scrollIntoViewIfNeeded();
        var box = page.locator("#sig-pad").boundingBox();
        page.mouse().move(box.x + 20, box.y + 40);
        page.mouse().down();
        for (int i = 1; i <= 12; i++) {
            page.mouse().move(box.x + 20 + i * 20, box.y + 40 + (i % 2) * 50);
        }
        page.mouse().up();
        page.click("#confirm-signature-submit");
        page.locator("#visit-confirmation").waitFor();
        shot(page, "mobile-caregiver-confirmed");
        JsonNode confirmed = serverVisit("caregiver1", id);
        assertThat(confirmed.get("confirmation").get("method").asText()).isEqualTo("SIGNATURE");
        assertThat(confirmed.get("confirmation").get("signature").asBoolean()).isTrue();

        // the same page in English: the shell and the scripts' texts
        page.navigate(base + "/m/caregiver?lang=en#visit/" + id);
        page.locator("#visit-confirmation").waitFor();
        assertThat(page.locator("#visit-confirmation").innerText()).contains("Confirmed", "signature");
        assertThat(page.locator(".m-back").innerText()).contains("Back to the list");
        assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).as("fits 375 px").isEqualTo(true);
    }

    @Test
    void aCheckInMadeOfflineIsQueuedAndSentWithItsOriginalCaptureTimeWhenTheNetworkReturns() throws Exception {
        Home home = otherHome(5);
        long id = visit(home, "HOME_VISIT", "caregiver1", Instant.now().minus(Duration.ofMinutes(5)), 30, OrderPriority.YELLOW);

        phone("caregiver1", "/m/caregiver", home.latitude(), home.longitude());
        page.navigate(base + "/m/caregiver#visit/" + id);
        page.locator("#cg-visit[data-id='" + id + "'] #visit-status[data-status=SCHEDULED]").waitFor();
        page.setInputFiles("#photo-in", cameraPhoto());
        page.locator("#photo-in + .m-photo-preview:not([hidden])").waitFor();

        context.setOffline(true);
        page.click("#check-in");
        Locator queued = page.locator("#visit-queued");
        queued.waitFor();
        assertThat(page.locator("#m-net").getAttribute("data-online")).isEqualTo("false");
        assertThat(page.locator("#m-queue-count").innerText()).isEqualTo("1");
        Instant capturedAt = Instant.parse(queued.getAttribute("data-captured-at"));
        shot(page, "mobile-caregiver-queued");
        assertThat(serverVisit("caregiver1", id).get("status").asText()).as("nothing reached the server").isEqualTo("SCHEDULED");

        Thread.sleep(1500);
        context.setOffline(false);
        page.locator("#visit-status[data-status=IN_PROGRESS]").waitFor();
        page.locator("#m-queue[hidden]").waitFor(new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        assertThat(page.locator("#visit-queued").count()).isZero();

        JsonNode checkIn = serverVisit("caregiver1", id).get("checkIn");
        assertThat(Instant.parse(checkIn.get("capturedAt").asText())).as("the original capture time").isEqualTo(capturedAt);
        assertThat(Instant.parse(checkIn.get("receivedAt").asText())).isAfter(capturedAt.plusMillis(1000));
        assertThat(checkIn.get("delayedSync").asBoolean()).as("sent within 2 minutes").isFalse();
        assertThat(checkIn.get("latitude").asDouble()).isCloseTo(home.latitude(), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aQueuedCheckInTheServerRefusesIsShownAndKeptInTheFailedList() throws Exception {
        Home home = otherHome(7);
        long order = ORDERS.incrementAndGet();
        long id = visit(order, home, "HOME_VISIT", "caregiver1", Instant.now().minus(Duration.ofMinutes(5)), 30, OrderPriority.GREEN);

        phone("caregiver1", "/m/caregiver", home.latitude(), home.longitude());
        page.navigate(base + "/m/caregiver#visit/" + id);
        page.locator("#cg-visit[data-id='" + id + "'] #visit-status[data-status=SCHEDULED]").waitFor();
        page.setInputFiles("#photo-in", cameraPhoto());
        page.locator("#photo-in + .m-photo-preview:not([hidden])").waitFor();
        context.setOffline(true);
        page.click("#check-in");
        page.locator("#visit-queued").waitFor();

        // meanwhile the order is cancelled: the server will refuse the check-in (409)
        var cancelled = new org.jujia.dispatch.OrderCancelled(order, home.elderId(), userId("caregiver1"), "老人住院", Instant.now());
        tx.executeWithoutResult(s -> events.publishEvent(cancelled));
        await(() -> jdbc.sql("select 1::bigint from visit where id = ? and status = 'CANCELLED'").param(id).query(Long.class).optional());

        context.setOffline(false);
        page.locator("#m-failed-toggle:not([hidden])").waitFor();
        assertThat(page.locator("#m-failed-count").innerText()).isEqualTo("1");
        page.locator("#visit-status[data-status=CANCELLED]").waitFor();
        assertThat(page.locator("#m-queue").isHidden()).as("no longer queued").isTrue();
        page.click("#m-failed-toggle");
        Locator failed = page.locator("#m-failed-list .m-failed-item[data-kind=check-in]");
        assertThat(failed.innerText()).contains("409");
        shot(page, "mobile-caregiver-failed");

        // it stays in the failed list across a reload, until the caregiver removes it
        page.reload();
        page.locator("#m-failed-toggle:not([hidden])").waitFor();
        page.click("#m-failed-toggle");
        page.onDialog(com.microsoft.playwright.Dialog::accept);
        page.click("#m-failed-list .m-failed-item button");
        page.locator("#m-failed-toggle[hidden]").waitFor(new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
    }

    @Test
    void theListOpensWithoutNetworkFromThePhonesCopies() throws Exception {
        Home home = otherHome(9);
        long id = visit(home, "HOME_VISIT", "caregiver3", today(Duration.ofMinutes(90)), 30, OrderPriority.GREEN);
        phone("caregiver3", "/m/caregiver", home.latitude(), home.longitude());
        page.locator(".m-visit[data-id='" + id + "']").waitFor();
        // the service worker takes over the page; a second load online puts the page shell in its cache
        page.evaluate("() => navigator.serviceWorker.ready.then(() => true)");
        page.reload();
        page.locator(".m-visit[data-id='" + id + "']").waitFor();
        assertThat(page.evaluate("() => navigator.serviceWorker.controller !== null")).isEqualTo(true);
        // the list keeps the open visits in full on the phone (home position, checks)
        page.waitForFunction("id => { const k = Object.keys(localStorage).find(k => k.endsWith('.visit.' + id));"
                + " return k && JSON.parse(localStorage.getItem(k)).detailKept; }", String.valueOf(id));

        context.setOffline(true);
        page.reload();
        page.locator(".m-visit[data-id='" + id + "']").waitFor();
        assertThat(page.locator("#cg-list-note").innerText()).contains("离线");
        assertThat(page.locator("#m-net").getAttribute("data-online")).isEqualTo("false");
        page.locator(".m-visit[data-id='" + id + "'] a").click();
        page.locator("#cg-visit[data-id='" + id + "'] #visit-status[data-status=SCHEDULED]").waitFor();
        assertThat(page.locator("#map-link").getAttribute("href")).contains("position=" + home.longitude() + "," + home.latitude());
        shot(page, "mobile-caregiver-offline");
        context.setOffline(false);
    }

    @Test
    void aFamilyMemberSeesThePinConfirmsAndRatesACompletedVisitAndBooksAService() throws Exception {
        Home home = family1Home();
        // a completed visit (checked in and out through the API at the home) and a coming one
        long done = visit(home, "CLEANING_HOME", "caregiver2", Instant.now().minus(Duration.ofMinutes(110)), 90, OrderPriority.GREEN);
        Api caregiver = Api.as(port, "caregiver2");
        String photo = smallPhoto();
        Api.Response in = caregiver.post("/api/v1/visits/" + done + "/check-in", reading(home, Instant.now().minus(Duration.ofMinutes(100)), photo));
        assertThat(in.status()).as(in.body()).isEqualTo(200);
        Api.Response out = caregiver.post("/api/v1/visits/" + done + "/check-out", reading(home, Instant.now().minus(Duration.ofMinutes(5)), photo));
        assertThat(out.status()).as(out.body()).isEqualTo(200);
        long coming = visit(home, "MEAL_LUNCH", "caregiver2", LocalDate.now(ZONE).plusDays(1).atTime(11, 0).atZone(ZONE).toInstant(), 30,
                OrderPriority.GREEN);
        String pin = serverVisit("family1", coming).get("confirmationPin").asText();
        assertThat(pin).isNotBlank();

        phone("family1", "/m/family", home.latitude(), home.longitude());
        Locator comingCard = page.locator("#fm-schedule-list .m-visit[data-id='" + coming + "']");
        comingCard.waitFor();
        assertThat(comingCard.locator(".m-pin-code").innerText()).isEqualTo(pin);
        shot(page, "mobile-family-schedule");

        page.click(".m-tab[data-tab=history]");
        Locator card = page.locator("#fm-history-list .m-visit[data-id='" + done + "']");
        card.locator(".m-confirm").click();
        page.locator("#fm-history-list .m-visit[data-id='" + done + "'] .m-confirmation[data-outcome=CONFIRMED]").waitFor();
        card = page.locator("#fm-history-list .m-visit[data-id='" + done + "']");
        card.locator(".m-star[data-stars='4']").click();
        card.locator(".m-comment").fill("打扫得很干净");
        card.locator(".m-rate").click();
        page.locator("#fm-history-list .m-visit[data-id='" + done + "'] .m-rated[data-stars='4']").waitFor();
        shot(page, "mobile-family-history");
        assertThat(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).as("fits 375 px").isEqualTo(true);

        JsonNode v = serverVisit("family1", done);
        assertThat(v.get("confirmation").get("method").asText()).isEqualTo("APP");
        assertThat(v.get("status").asText()).isIn("CONFIRMED", "FLAGGED");
        assertThat(v.get("rating").get("stars").asInt()).isEqualTo(4);
        assertThat(v.get("rating").get("comment").asText()).isEqualTo("打扫得很干净");

        // book an extra service: the cost first, then the booking
        page.click(".m-tab[data-tab=book]");
        page.locator("#bk-item option[value=HAIRCUT]").waitFor(new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        page.selectOption("#bk-item", "HAIRCUT");
        String date = LocalDate.now(ZONE).plusDays(3).toString();
        page.fill("#bk-date", date);
        page.fill("#bk-from", "14:00");
        page.fill("#bk-to", "16:00");
        page.fill("#bk-note", "请带电推剪");
        page.click("#bk-quote");
        page.locator("#bk-quote-box .m-self").waitFor();
        shot(page, "mobile-family-quote");
        page.click("#bk-confirm");
        Locator order = page.locator("#fm-orders .m-order.m-new");
        order.waitFor();
        assertThat(order.innerText()).contains(date, "14:00");
        JsonNode orders = Api.as(port, "family1").get("/api/v1/orders?elderId=" + home.elderId() + "&from=" + date + "&to=" + date).json();
        boolean booked = false;
        for (JsonNode o : orders) {
            booked |= o.get("itemCode").asText().equals("HAIRCUT") && "BOOKING".equals(o.get("source").asText()) && "请带电推剪".equals(o.get("note").asText());
        }
        assertThat(booked).as(orders.toString()).isTrue();
    }

    private static Map<String, Object> reading(Home home, Instant capturedAt, String photo) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("latitude", home.latitude());
        m.put("longitude", home.longitude());
        m.put("accuracyMeters", 10);
        m.put("capturedAt", capturedAt.toString());
        m.put("photo", photo);
        return m;
    }
}
