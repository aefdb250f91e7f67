package org.jujia.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jujia.access.UserAccounts;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The API over the demo's settled month: who sees what (civil affairs everything, a provider operator only its own
 * statement, a family member only its elder's bill), the documents (Excel, PDF, CSV claim file with the EVV
 * columns), validation problems naming the field, and the public pool page without login.
 */
@IntegrationTest
class SettlementApiIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts users;
    @Autowired
    Settlement settlement;

    long closedRun() {
        return jdbc.sql("select id from settlement_run where status = 'CLOSED' and month = ? order by length(region_path) limit 1")
                .param(settlement.currentMonth().minusMonths(1).atDay(1)).query(Long.class).single();
    }

    @Test
    void civilAffairsSeesTheRunAndItsDocuments() {
        Api admin = Api.as(port, "admin");
        long run = closedRun();
        JsonNode r = admin.get("/api/v1/settlement/runs/" + run).json();
        assertThat(r.get("status").asText()).isEqualTo("CLOSED");
        assertThat(r.get("governmentFen").asLong() + r.get("ltcFen").asLong() + r.get("commercialFen").asLong() + r.get("selfFen").asLong())
                .isEqualTo(r.get("amountFen").asLong());
        JsonNode providers = admin.get("/api/v1/settlement/runs/" + run + "/providers").json();
        assertThat(providers.size()).isGreaterThanOrEqualTo(2);
        long provider = providers.get(0).get("providerId").asLong();
        assertThat(providers.toString()).contains("penaltyFen");

        HttpResponse<byte[]> xlsx = admin.getBytes("/api/v1/settlement/runs/" + run + "/providers/" + provider + "/statement.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        HttpResponse<byte[]> pdf = admin.getBytes("/api/v1/settlement/runs/" + run + "/providers/" + provider + "/statement.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        HttpResponse<byte[]> csv = admin.getBytes("/api/v1/settlement/runs/" + run + "/claims/LTC_INSURANCE.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("签到时间 check-in").contains("签退纬度 lat").contains("申报金额 claimed");
        assertThat(text.lines().count()).isGreaterThan(1);
        assertThat(admin.getBytes("/api/v1/settlement/runs/" + run + "/claims/COMMERCIAL_INSURANCE.xlsx").statusCode()).isEqualTo(200);
        assertThat(admin.get("/api/v1/settlement/runs/" + run + "/claims/SELF.csv").status()).isEqualTo(400);

        long elder = jdbc.sql("select elder_id from settlement_elder_month where run_id = ? order by elder_id limit 1").param(run).query(Long.class).single();
        JsonNode bill = admin.get("/api/v1/settlement/runs/" + run + "/elders/" + elder).json();
        assertThat(bill.get("lines").size()).isPositive();
        assertThat(admin.getBytes("/api/v1/settlement/runs/" + run + "/elders/" + elder + "/bill.pdf").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from privacy_audit_log where subject_id = ? and fields = 'settlement_bill'").param(String.valueOf(elder))
                .query(Long.class).single()).isPositive();

        JsonNode balances = admin.get("/api/v1/settlement/pool/balances").json();
        long sum = 0;
        for (var it = balances.properties().iterator(); it.hasNext();) {
            sum += it.next().getValue().asLong();
        }
        assertThat(sum).isZero();
        assertThat(admin.get("/api/v1/settlement/budgets").json().size()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void providerSeesOnlyItsOwnStatementAndFamilyOnlyItsElder() {
        long run = closedRun();
        long own = users.findByUsername("provider1").orElseThrow().organisationId();
        Api provider = Api.as(port, "provider1");
        JsonNode mine = provider.get("/api/v1/settlement/runs/" + run + "/providers").json();
        assertThat(mine.size()).isLessThanOrEqualTo(1);
        mine.forEach(s -> assertThat(s.get("providerId").asLong()).isEqualTo(own));
        long other = jdbc.sql("select provider_id from settlement_provider_statement where run_id = ? and provider_id <> ? limit 1").params(run, own)
                .query(Long.class).single();
        assertThat(provider.get("/api/v1/settlement/runs/" + run + "/providers/" + other).status()).isEqualTo(404);
        assertThat(provider.get("/api/v1/settlement/providers/" + other + "/visits?month=" + settlement.currentMonth().minusMonths(1)).status())
                .isEqualTo(404);
        assertThat(provider.get("/api/v1/settlement/pool/balances").status()).isEqualTo(403);
        assertThat(provider.post("/api/v1/settlement/runs", Map.of("month", "2026-01", "regionId", 1)).status()).isEqualTo(403);

        Api family = Api.as(port, "family1");
        long stranger = jdbc.sql("""
                select m.elder_id from settlement_elder_month m where m.run_id = ?
                   and not exists (select 1 from elder_contact c join access_user u on u.id = c.user_id where c.elder_id = m.elder_id and u.username = 'family1')
                 limit 1""").param(run).query(Long.class).single();
        assertThat(family.get("/api/v1/settlement/runs/" + run + "/elders/" + stranger).status()).isEqualTo(404);
        assertThat(family.get("/api/v1/settlement/runs/" + run + "/providers").status()).isEqualTo(403);
        assertThat(family.get("/api/v1/settlement/runs/" + run + "/claims/LTC_INSURANCE.csv").status()).isEqualTo(403);
    }

    @Test
    void badInputNamesTheField() {
        Api admin = Api.as(port, "admin");
        Api.Response future = admin.post("/api/v1/settlement/runs", Map.of("month", "2999-01", "regionId", 1));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body()).contains("month");
        Api.Response bad = admin.post("/api/v1/settlement/runs", Map.of("month", "oct", "regionId", 1));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("month");
        Api.Response contribution = admin.post("/api/v1/settlement/pool/contributions", Map.of("amountFen", -5, "postedOn", "2026-01-01"));
        assertThat(contribution.status()).isEqualTo(400);
        assertThat(contribution.body()).contains("amountFen");
        long provider = jdbc.sql("select id from region_organisation where type = 'SERVICE_PROVIDER' order by id limit 1").query(Long.class).single();
        Api.Response score = admin.put("/api/v1/settlement/budgets/" + provider + "/2020/score", Map.of("score", 100.5));
        assertThat(score.status()).isEqualTo(400);
        assertThat(score.body()).contains("score");
        long closed = closedRun();
        assertThat(admin.post("/api/v1/settlement/runs/" + closed + "/close", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void thePublicPoolPageNeedsNoLoginAndShowsNoNames() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var res = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/public/pool")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).contains("居家养老专项资金使用情况").contains("福彩公益金").doesNotContain("颐家");
        var en = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/public/pool?lang=en")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(en.body()).contains("Welfare lottery");
        // everything else of settlement still needs a login
        var console = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/settlement")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(console.statusCode()).isIn(302, 401, 403);
    }
}
