package org.jujia.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jujia.visit.VisitFixtures.north;
import static org.jujia.visit.VisitFixtures.photo;
import static org.jujia.visit.VisitFixtures.reading;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jujia.shared.GeoPoint;
import org.jujia.support.Api;
import org.jujia.support.ConsoleLogin;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The console's visit pages: the list, the review queue with flag counts, the visit page with photos, and a review decision. */
@IntegrationTest
class VisitConsoleIT {

    @LocalServerPort
    int port;

    @Autowired
    VisitFixtures fx;

    @Autowired
    JdbcClient jdbc;

    HttpResponse<String> get(HttpClient c, String path) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    void rendersInBothLanguages(HttpClient c, String path, String chinese, String english) throws Exception {
        for (String lang : new String[] { "zh", "en" }) {
            var r = get(c, path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path + " " + lang).contains("</html>").doesNotContain("??").contains(lang.equals("zh") ? chinese : english);
        }
    }

    @Test
    void a_reviewer_sees_the_queue_the_evidence_and_decides() throws Exception {
        long elder = fx.family1Elder();
        GeoPoint home = fx.home(elder);
        Instant in = Instant.now().minus(Duration.ofHours(26)).truncatedTo(ChronoUnit.SECONDS);
        long visit = fx.assign(elder, "BATHING_HOME", fx.userId("caregiver1"), in, 60, 13500)[1];
        Api cg = Api.as(port, "caregiver1");
        cg.post("/api/v1/visits/" + visit + "/check-in", reading(north(home, 450), 20, in, photo()));
        cg.post("/api/v1/visits/" + visit + "/check-out", reading(north(home, 450), 20, in.plus(Duration.ofMinutes(12)), photo()));

        HttpClient provider = ConsoleLogin.login(port, "provider1");
        rendersInBothLanguages(provider, "/visits/review", "待复核上门服务", "Visits awaiting review");
        assertThat(get(provider, "/visits/review?lang=zh").body()).contains("data-id=\"" + visit + "\"").contains("不在老人家附近").contains("时长不足")
                .contains("id=\"flag-counts-caregivers\"");
        rendersInBothLanguages(provider, "/visits/" + visit, "电子核验记录", "EVV record");
        String page = get(provider, "/visits/" + visit).body();
        assertThat(page).contains("id=\"review-form\"").contains("/visits/" + visit + "/photos/CHECK_IN").contains("uri.amap.com");
        String date = in.atZone(Visit.ZONE).toLocalDate().toString();
        rendersInBothLanguages(provider, "/visits?date=" + date, "上门服务", "Visits");
        assertThat(get(provider, "/visits?date=" + date).body()).contains("data-id=\"" + visit + "\"");

        var photo = provider.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/visits/" + visit + "/photos/CHECK_OUT")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(photo.statusCode()).isEqualTo(200);
        assertThat(photo.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/jpeg");

        String csrf = ConsoleLogin.csrf(provider, port);
        String form = "decision=CLEAR&note=" + URLEncoder.encode("老人住院，护理员在医院陪护", StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        var r = provider.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/visits/" + visit + "/review"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(fx.status(visit)).isEqualTo("VERIFIED");
        assertThat(get(provider, "/visits/" + visit).body()).contains("id=\"review-note\"").contains("医院陪护");

        // a caregiver has no console pages of visits
        assertThat(get(ConsoleLogin.login(port, "caregiver1"), "/visits").statusCode()).isEqualTo(403);
    }

    @Test
    void the_dashboard_counts_todays_visits_in_the_callers_view() throws Exception {
        long elder = fx.family1Elder();
        Instant start = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).atTime(23, 0).atZone(java.time.ZoneId.of("Asia/Shanghai"))
                .toInstant();
        fx.assign(elder, "HOME_VISIT", fx.userId("caregiver2"), start, 30, 3000);
        HttpClient provider = ConsoleLogin.login(port, "provider1");
        rendersInBothLanguages(provider, "/?console=1", "今日上门服务", "Awaiting review");
        String zh = get(provider, "/?console=1&lang=zh").body();
        int at = zh.indexOf("id=\"kpi-visits\"");
        assertThat(at).isPositive();
        String planned = zh.substring(at).replaceAll("(?s).*?<div class=\"v\">(\\d+)</div>.*", "$1");
        assertThat(Long.parseLong(planned)).isPositive();
        // a family member's home page has no such count
        assertThat(get(ConsoleLogin.login(port, "family1"), "/?console=1").body()).doesNotContain("kpi-visits");
    }
}
