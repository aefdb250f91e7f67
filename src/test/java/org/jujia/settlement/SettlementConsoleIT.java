package org.jujia.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jujia.support.ConsoleLogin;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The settlement console pages in both languages, for civil affairs, a provider operator and a family member. */
@IntegrationTest
class SettlementConsoleIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Settlement settlement;

    HttpResponse<String> get(HttpClient c, String path) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    long closedRun() {
        return jdbc.sql("select id from settlement_run where status = 'CLOSED' and month = ? order by length(region_path) limit 1")
                .param(settlement.currentMonth().minusMonths(1).atDay(1)).query(Long.class).single();
    }

    @Test
    void civilAffairsPages() throws Exception {
        HttpClient admin = ConsoleLogin.login(port, "admin");
        long run = closedRun();
        HttpResponse<String> runs = get(admin, "/settlement");
        assertThat(runs.statusCode()).isEqualTo(200);
        assertThat(runs.body()).contains("资金结算").contains("id=\"runs\"").contains("预结算");
        HttpResponse<String> page = get(admin, "/settlement/runs/" + run);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("已关账").contains("provider-statements").contains("elder-bills").contains("LTC_INSURANCE.csv");
        long provider = jdbc.sql("select provider_id from settlement_provider_statement where run_id = ? order by provider_id limit 1").param(run)
                .query(Long.class).single();
        HttpResponse<String> statement = get(admin, "/settlement/runs/" + run + "/providers/" + provider);
        assertThat(statement.statusCode()).isEqualTo(200);
        assertThat(statement.body()).contains("visit-status").contains("已结算");
        long elder = jdbc.sql("select elder_id from settlement_elder_month where run_id = ? order by elder_id limit 1").param(run).query(Long.class).single();
        assertThat(get(admin, "/settlement/runs/" + run + "/elders/" + elder).body()).contains("bill-owes");
        assertThat(get(admin, "/settlement/runs/" + run + "/providers/" + provider + "/statement.pdf").statusCode()).isEqualTo(200);
        HttpResponse<String> pool = get(admin, "/settlement/pool");
        assertThat(pool.body()).contains("福彩公益金").contains("data-balanced=\"true\"").contains("contribution-form");
        HttpResponse<String> budgets = get(admin, "/settlement/budgets?year=" + (settlement.currentMonth().getYear() - 2));
        assertThat(budgets.body()).contains("88.5").contains("id=\"budgets\"");
        assertThat(get(admin, "/settlement/budgets?lang=en").body()).contains("Provider budgets");
        assertThat(get(admin, "/settlement/runs/" + run + "?lang=en").body()).contains("Closed").contains("Provider statements");

        // a contribution in yuan from the form
        String csrf = URLEncoder.encode(ConsoleLogin.csrf(admin, port), StandardCharsets.UTF_8);
        long before = jdbc.sql("select count(*) from settlement_ledger_entry where kind = 'CONTRIBUTION'").query(Long.class).single();
        HttpResponse<String> posted = admin.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/settlement/pool/contributions"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("amountYuan=1234.56&postedOn=" + java.time.LocalDate.now().minusDays(1) + "&memo=IT&_csrf=" + csrf))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isIn(200, 302);
        assertThat(jdbc.sql("select count(*) from settlement_ledger_entry where kind = 'CONTRIBUTION'").query(Long.class).single()).isEqualTo(before + 1);
        assertThat(jdbc.sql("select amount_fen from settlement_ledger_posting p join settlement_ledger_entry e on e.id = p.entry_id where e.memo = 'IT' and p.account_code = 'POOL_BANK'")
                .query(Long.class).single()).isEqualTo(123_456L);
    }

    @Test
    void providerAndFamilyPages() throws Exception {
        long run = closedRun();
        HttpClient provider = ConsoleLogin.login(port, "provider1");
        HttpResponse<String> page = get(provider, "/settlement/runs/" + run);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("provider-statements").doesNotContain("elder-bills").doesNotContain("LTC_INSURANCE.csv");
        assertThat(get(provider, "/settlement/pool").statusCode()).isEqualTo(403);

        HttpClient family = ConsoleLogin.login(port, "family1");
        HttpResponse<String> bills = get(family, "/settlement/bills");
        assertThat(bills.statusCode()).isEqualTo(200);
        assertThat(bills.body()).contains("my-bills");
    }
}
