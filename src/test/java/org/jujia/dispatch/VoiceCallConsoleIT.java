package org.jujia.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.jujia.support.Api;
import org.jujia.support.ConsoleLogin;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The day's call round through the API and the console page: scoped to the caller's area, staff only, both languages. */
@IntegrationTest
class VoiceCallConsoleIT {

    @LocalServerPort
    int port;

    @Autowired
    VoiceCallRound round;

    @Autowired
    JdbcClient jdbc;

    static Set<Long> elderIds(JsonNode day) {
        Set<Long> ids = new HashSet<>();
        day.get("calls").forEach(c -> ids.add(c.get("elderId").asLong()));
        return ids;
    }

    @Test
    void theRoundIsShownToStaffOfTheAreaOnly() throws Exception {
        LocalDate d = LocalDate.now().plusYears(400).plusDays(ThreadLocalRandom.current().nextInt(0, 50_000));
        round.run(d.atTime(LocalTime.of(9, 5)).atZone(VoiceCallRound.ZONE).toInstant());
        long all = jdbc.sql("select count(*) from voice_call_task where call_date = ?").param(Date.valueOf(d)).query(Long.class).single();
        assertThat(all).isPositive();

        var street1 = Api.as(port, "street1").get("/api/v1/voice-calls?date=" + d);
        var street2 = Api.as(port, "street2").get("/api/v1/voice-calls?date=" + d);
        assertThat(street1.status()).as(street1.body()).isEqualTo(200);
        assertThat(street2.status()).isEqualTo(200);
        Set<Long> one = elderIds(street1.json());
        Set<Long> two = elderIds(street2.json());
        assertThat(one).doesNotContainAnyElementsOf(two);
        assertThat(one.size() + two.size()).isLessThanOrEqualTo((int) all);
        JsonNode day = street1.json();
        assertThat(day.get("date").asString()).isEqualTo(d.toString());
        assertThat(day.get("totals").get("total").asInt()).isEqualTo(one.size());
        int byCommunity = 0;
        for (JsonNode c : day.get("communities")) {
            byCommunity += c.get("total").asInt();
            assertThat(c.get("answered").asInt() + c.get("unanswered").asInt() + c.get("pending").asInt() + c.get("failed").asInt())
                    .isEqualTo(c.get("total").asInt());
        }
        assertThat(byCommunity).isEqualTo(one.size());
        day.get("calls").forEach(c -> {
            assertThat(c.get("attempts").asInt()).isEqualTo(1);
            assertThat(c.get("lastDays")).hasSize(7);
            assertThat(c.get("lastDays").get(6).get("date").asString()).isEqualTo(d.toString());
        });

        assertThat(Api.as(port, "family1").get("/api/v1/voice-calls?date=" + d).status()).isEqualTo(403);
        assertThat(Api.as(port, "assessor1").get("/api/v1/voice-calls?date=" + d).status()).as("no ORDER_READ").isEqualTo(403);
        var bad = Api.as(port, "street1").get("/api/v1/voice-calls?date=30.11.2026");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field")).contains("date");

        HttpClient console = ConsoleLogin.login(port, "street1");
        for (String path : new String[] { "/voice-calls", "/voice-calls?date=" + d, "/voice-calls?date=" + d + "&lang=en" }) {
            HttpResponse<String> page = console.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("</html>").doesNotContain("??voice.").contains("id=\"voice-calls\"");
        }
        HttpResponse<String> en = console.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/voice-calls?date=" + d + "&lang=en"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(en.body()).contains("Daily voice calls");
        if (!one.isEmpty()) {
            String name = day.get("calls").get(0).get("elderName").asString();
            HttpResponse<String> zh = console.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/voice-calls?date=" + d + "&lang=zh_CN"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(zh.body()).contains(name).contains("每日语音问候");
        }
        HttpClient family = ConsoleLogin.login(port, "family1");
        assertThat(family.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/voice-calls")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    }
}
