package org.jujia.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jujia.shared.ResidentIdNumber;
import org.jujia.shared.Sex;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The console pages: the respite list and an elder's caregivers page, adding a caregiver and recording a Zarit interview. */
@IntegrationTest
class FamilyCaregiverConsoleIT {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    String base() {
        return "http://localhost:" + port;
    }

    HttpClient login(String username) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String page = get(client, "/login").body();
        var r = post(client, "/login", csrf(page), Map.of("username", username, "password", "demo123"));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("csrf token on page").isTrue();
        return m.group(1);
    }

    HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(HttpClient client, String path, String csrf, Map<String, String> fields) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        String form = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    long newElder(String name) {
        int n = (int) (System.nanoTime() % 900) + 1;
        String idNumber = ResidentIdNumber.of("320583", LocalDate.of(1936, 1, 1).plusDays(n * 13L % 3000), Sex.MALE, n).value();
        var r = Api.as(port, "community1").post("/api/v1/elders", Map.of("name", name, "idNumber", idNumber, "communityCode", "320508001001",
                "livingSituation", "WITH_FAMILY", "economicCategory", "MINIMUM_LIVING"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static Map<String, String> zbiForm(long caregiverId, int total) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("caregiverId", String.valueOf(caregiverId));
        f.put("interviewedOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        int left = total;
        for (int n = 1; n <= 22; n++) {
            int v = Math.min(4, left);
            f.put("q" + n, String.valueOf(v));
            left -= v;
        }
        return f;
    }

    @Test
    void addACaregiverRecordAnInterviewAndSeeTheHouseholdOnTheRespiteList() throws Exception {
        long elderId = newElder("页面甲");
        HttpClient community1 = login("community1");

        var page = get(community1, "/elders/" + elderId + "/caregivers");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("页面甲", "登记家庭照顾者", "</html>").doesNotContain("??");

        var invalid = post(community1, "/elders/" + elderId + "/caregivers", csrf(page.body()), Map.of("name", "刘洋", "relation", "SON",
                "phone", "12345", "livesWithElder", "true", "weeklyCareHours", "35", "startedOn", "2024-02-01"));
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).contains("caregiver-errors", "联系电话: 请填写有效的手机号或带区号的固定电话").contains("value=\"刘洋\"");

        var added = post(community1, "/elders/" + elderId + "/caregivers", csrf(page.body()), Map.of("name", "刘洋", "relation", "SON",
                "phone", "13962100201", "idNumber", "", "livesWithElder", "true", "weeklyCareHours", "35", "startedOn", "2024-02-01"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        String location = added.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/elders/" + elderId + "/caregivers?saved=true&caregiver=");
        long caregiverId = Long.parseLong(location.substring(location.lastIndexOf('=') + 1));

        page = get(community1, "/elders/" + elderId + "/caregivers");
        assertThat(page.body()).contains("刘洋", "139****0201", "Zarit 照顾者负担量表", "您是否认为，您所照料的病人会向您提出过多的照顾要求？",
                "总的来说，您觉得照料病人给您带来的负担有多重？", "极重度");

        Map<String, String> incomplete = zbiForm(caregiverId, 44);
        incomplete.remove("q22");
        var refused = post(community1, "/elders/" + elderId + "/caregivers/zbi", csrf(page.body()), incomplete);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("zbi-errors", "第 22 题: 必填");

        var recorded = post(community1, "/elders/" + elderId + "/caregivers/zbi", csrf(page.body()), zbiForm(caregiverId, 44));
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(302);
        String result = recorded.headers().firstValue("Location").orElseThrow();
        assertThat(result).contains("interview=").endsWith("#zbi-result");
        var shown = get(community1, result.substring(result.indexOf("/elders/"), result.indexOf('#')));
        assertThat(shown.body()).contains("44 / 88", "中到重度负担", "已列入喘息服务名单");

        var list = get(community1, "/caregivers");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("喘息服务名单", "页面甲", "/elders/" + elderId, "4 小时/月", "政府全额支付");
        assertThat(get(community1, "/caregivers?lang=en").body()).contains("Respite list", "4 h/month");
        assertThat(get(community1, "/caregivers?history=true&communityCode=320508001001").statusCode()).isEqualTo(200);
        assertThat(get(community1, "/elders/" + elderId + "/caregivers?lang=en").body())
                .contains("Do you feel that your relative asks for more help than he/she needs?");
        assertThat(get(community1, "/elders/" + elderId).body()).contains("/elders/" + elderId + "/caregivers");
    }

    @Test
    void pagesAreScopedAndNeedThePermission() throws Exception {
        long elderId = newElder("页面乙");
        assertThat(get(login("street1"), "/elders/" + elderId + "/caregivers").statusCode()).isEqualTo(200);
        assertThat(get(login("assessor1"), "/elders/" + elderId + "/caregivers").statusCode()).isEqualTo(200);
        assertThat(get(login("street2"), "/elders/" + elderId + "/caregivers").statusCode()).isEqualTo(404);
        assertThat(get(login("street2"), "/caregivers").statusCode()).isEqualTo(200);
        assertThat(get(login("family1"), "/caregivers").statusCode()).isEqualTo(200);
        HttpClient caregiver1 = login("caregiver1");
        assertThat(get(caregiver1, "/caregivers").statusCode()).isEqualTo(403);
        assertThat(get(caregiver1, "/elders/" + elderId + "/caregivers").statusCode()).isEqualTo(403);
        HttpClient family1 = login("family1");
        var familyPage = get(family1, "/caregivers");
        assertThat(familyPage.body()).doesNotContain("页面乙");
    }

    @Test
    void theApiIsDocumentedWithExamples() throws Exception {
        var docs = login("assessor1").send(HttpRequest.newBuilder(URI.create(base() + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(docs.statusCode()).isEqualTo(200);
        var paths = Api.json().readTree(docs.body()).get("paths");
        assertThat(paths.has("/api/v1/elders/{elderId}/caregivers")).isTrue();
        assertThat(paths.has("/api/v1/caregivers/{id}")).isTrue();
        assertThat(paths.has("/api/v1/respite-list")).isTrue();
        var zbi = paths.get("/api/v1/caregivers/{id}/zbi").get("post");
        assertThat(zbi.get("tags").get(0).asText()).isEqualTo("Family caregivers");
        assertThat(zbi.get("requestBody").toString()).contains("interviewedOn", "q22");
        assertThat(zbi.get("description").asText()).contains("answers.q22");
    }
}
