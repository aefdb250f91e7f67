package org.jujia.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jujia.shared.Jurisdiction;
import org.jujia.support.Api;
import org.jujia.support.ConsoleLogin;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The alarm centre's console pages over real HTTP with session login: who may see which page, the operator's forms
 * (acknowledge, resolve with its localised errors), the thresholds form, and the live stream's first event.
 */
@IntegrationTest
class AlarmConsoleIT {

    @LocalServerPort
    int port;
    @Autowired
    SignalProcessor processor;
    @Autowired
    AlarmCentre centre;
    @Autowired
    TransactionTemplate tx;

    record Session(HttpClient client, String csrf) {
    }

    Session login(String username) throws Exception {
        HttpClient client = ConsoleLogin.login(port, username);
        return new Session(client, ConsoleLogin.csrf(client, port));
    }

    String base() {
        return "http://localhost:" + port;
    }

    HttpResponse<String> get(Session s, String path) throws Exception {
        return s.client().send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(Session s, String path, Map<String, String> fields) throws Exception {
        StringBuilder form = new StringBuilder("_csrf=" + URLEncoder.encode(s.csrf(), StandardCharsets.UTF_8));
        fields.forEach((k, v) -> form.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return s.client().send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private long raise(String officer, int n, AlarmType type, String event) {
        long elderId = Api.as(port, officer).get("/api/v1/elders?size=50&sort=id,desc&status=ACTIVE").json().get("content").get(n).get("id").asLong();
        DeviceSignal s = new DeviceSignal(800_000 + n, "CONSOLE-" + n, DeviceType.SMOKE, elderId, "厨房", DeviceSignal.Kind.EVENT, event, Map.of(),
                Instant.now(), Instant.now(), UUID.randomUUID().toString());
        tx.executeWithoutResult(t -> processor.process(List.of(s)));
        return centre.search(elderId, null, type, null, 0, 5, new Jurisdiction(0, "system", "/", false, java.util.Set.of("ALARM_READ")))
                .get(0).id();
    }

    @ParameterizedTest
    @CsvSource({ "operator1, /alarm-centre, 200", "operator1, /alarm-centre/statistics, 200", "operator1, /alarm-centre/statistics?days=7, 200",
            "operator1, /alarm-centre/board, 200", "street1, /alarm-centre, 200", "admin, /alarm-centre?lang=en, 200",
            "family1, /family/alarms, 200", "family1, /family/alarms/list, 200", "family1, /alarm-centre, 302",
            "caregiver1, /alarm-centre, 403", "caregiver1, /family/alarms, 403", "provider1, /alarm-centre, 403" })
    void pagesRenderForTheRolesThatMaySeeThem(String user, String path, int status) throws Exception {
        var r = get(login(user), path);
        assertThat(r.statusCode()).as(user + " " + path).isEqualTo(status);
        if (status == 200) {
            assertThat(r.body()).doesNotContain("Whitelabel").doesNotContain("??monitoring");
        }
    }

    @ParameterizedTest
    @CsvSource({ "/css/alarm.css", "/js/alarm.js" })
    void theAssetsAreServed(String path) throws Exception {
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);
    }

    @Test
    void theOperatorAcknowledgesAndResolvesThroughTheConsoleAndMistakesAreExplained() throws Exception {
        long id = raise("street1", 7, AlarmType.SMOKE, "SMOKE");
        Session op = login("operator1");
        var page = get(op, "/alarm-centre/alarms/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("烟雾报警", "确认接警", "时间线", "通知送达");
        assertThat(get(op, "/alarm-centre").body()).contains("alarm-" + id);

        assertThat(post(op, "/alarm-centre/alarms/" + id + "/acknowledge", Map.of()).statusCode()).isEqualTo(302);
        assertThat(get(op, "/alarm-centre/alarms/" + id).body()).contains("已接警", "派遣救助");

        var noOutcome = post(op, "/alarm-centre/alarms/" + id + "/resolve", Map.of("note", "已处理"));
        assertThat(noOutcome.statusCode()).isEqualTo(302);
        assertThat(get(op, "/alarm-centre/alarms/" + id).body()).contains("请选择处置结果");

        post(op, "/alarm-centre/alarms/" + id + "/resolve", Map.of("outcome", "HAZARD_CLEARED", "note", "厨房油烟，已开窗通风"));
        assertThat(get(op, "/alarm-centre/alarms/" + id).body()).contains("已解除", "险情已排除", "厨房油烟");

        // a street officer may look but not act; another street's officer cannot even look
        Session street1 = login("street1");
        assertThat(get(street1, "/alarm-centre/alarms/" + id).statusCode()).isEqualTo(200);
        assertThat(post(street1, "/alarm-centre/alarms/" + id + "/acknowledge", Map.of()).statusCode()).isEqualTo(403);
        assertThat(get(login("street2"), "/alarm-centre/alarms/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void theThresholdsFormSavesAndExplainsBadValues() throws Exception {
        long elderId = Api.as(port, "street1").get("/api/v1/elders?size=50&sort=id,desc&status=ACTIVE").json().get("content").get(8).get("id").asLong();
        Session s = login("street1");
        assertThat(get(s, "/elders/" + elderId + "/vital-thresholds").body()).contains("生命体征阈值", "默认阈值");
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("heartRateMin", "50", "heartRateMax", "40", "breathingRateMin", "8",
                "breathingRateMax", "28", "spo2Min", "92", "systolicMin", "90", "systolicMax", "170", "diastolicMin", "50", "diastolicMax", "100"));
        var bad = post(s, "/elders/" + elderId + "/vital-thresholds", form);
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("error-text");
        form.put("heartRateMax", "100");
        assertThat(post(s, "/elders/" + elderId + "/vital-thresholds", form).statusCode()).isEqualTo(302);
        assertThat(Api.as(port, "street1").get("/api/v1/elders/" + elderId + "/vital-thresholds").json().get("thresholds").get("spo2Min").asInt())
                .isEqualTo(92);
        assertThat(post(login("operator1"), "/elders/" + elderId + "/vital-thresholds", form).statusCode()).isEqualTo(403);
    }

    @Test
    void theLiveStreamGreetsAndPushesChanges() throws Exception {
        Session op = login("operator1");
        HttpResponse<InputStream> r = op.client().send(HttpRequest.newBuilder(URI.create(base() + "/alarm-centre/stream"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String line;
            boolean hello = false;
            while ((line = in.readLine()) != null) {
                if (line.equals("event:hello")) {
                    hello = true;
                    break;
                }
            }
            assertThat(hello).isTrue();
            long id = raise("street2", 3, AlarmType.SMOKE, "SMOKE");
            String pushed = null;
            long deadline = System.currentTimeMillis() + 15_000;
            while (System.currentTimeMillis() < deadline && (line = in.readLine()) != null) {
                if (line.startsWith("data:") && line.contains("\"id\":" + id + ",")) {
                    pushed = line;
                    break;
                }
            }
            assertThat(pushed).as("the new alarm is pushed").isNotNull().contains("\"severity\":\"CRITICAL\"");
            Api.as(port, "operator1").post("/api/v1/alarms/" + id + "/false-alarm", Map.of("note", "测试"));
        }
    }
}
