package org.jujia.careplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jujia.support.ConsoleLogin;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The care-plan console pages of the demo's plans render in Chinese and English without a missing message, for the
 * street officer and the family, and are refused outside the jurisdiction or without the permission.
 */
@IntegrationTest
class CarePlanConsoleIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HttpClient login(String username) throws Exception {
        return ConsoleLogin.login(port, username);
    }

    String base() {
        return "http://localhost:" + port;
    }

    HttpResponse<String> get(HttpClient c, String path) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    void rendersInBothLanguages(HttpClient c, String path, String chinese, String english) throws Exception {
        for (String lang : new String[] { "zh", "en" }) {
            var r = get(c, path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path + " " + lang).contains("</html>").doesNotContain("??").contains(lang.equals("zh") ? chinese : english);
        }
    }

    @Test
    void theDemoPlansRenderForTheStreetOfficerAndTheFamily() throws Exception {
        long active = jdbc.sql("select min(id) from careplan where status = 'ACTIVE' and region_path like (select path from region_node where code = '320508001') || '%'")
                .query(Long.class).single();
        long elder = jdbc.sql("select elder_id from careplan where id = ?").param(active).query(Long.class).single();
        HttpClient street = login("street1");
        rendersInBothLanguages(street, "/care-plans", "服务方案", "Care plans");
        rendersInBothLanguages(street, "/care-plans?status=ACTIVE", "执行中", "Active");
        rendersInBothLanguages(street, "/elders/" + elder + "/care-plans", "版本历史", "Versions");
        rendersInBothLanguages(street, "/care-plans/" + active, "服务协议", "Service agreement");
        rendersInBothLanguages(street, "/care-plans/" + active + "/diff", "版本比较", "Compare versions");
        assertThat(get(street, "/elders/" + elder).body()).contains("id=\"care-plan-link\"");
        var pdf = street.send(HttpRequest.newBuilder(URI.create(base() + "/care-plans/" + active + "/agreement.pdf")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        long draft = jdbc.sql("select min(id) from careplan where status = 'DRAFT' and region_path like (select path from region_node where code = '320508001') || '%'")
                .query(Long.class).single();
        rendersInBothLanguages(street, "/care-plans/" + draft, "方案制定", "Plan builder");

        long awaiting = jdbc.sql("select p.id from careplan p join elder_contact c on c.elder_id = p.elder_id join access_user u on u.id = c.user_id "
                + "where u.username = 'family1' order by p.id limit 1").query(Long.class).single();
        HttpClient family = login("family1");
        rendersInBothLanguages(family, "/care-plans", "服务方案", "Care plans");
        rendersInBothLanguages(family, "/care-plans/" + awaiting, "服务协议", "Service agreement");
        if (jdbc.sql("select status from careplan where id = ?").param(awaiting).query(String.class).single().equals("AWAITING_SIGNATURE")) {
            rendersInBothLanguages(family, "/care-plans/" + awaiting + "/sign", "签署服务协议", "Sign the service agreement");
        }
        assertThat(get(family, "/care-plans/" + active).statusCode()).as("another elder's plan").isEqualTo(404);

        assertThat(get(login("street2"), "/care-plans/" + active).statusCode()).isEqualTo(404);
        var docs = street.send(HttpRequest.newBuilder(URI.create(base() + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/care-plans/{id}/sign", "/api/v1/elders/{elderId}/care-plans", "/api/v1/care-plans/{id}/agreement/verify");
        assertThat(get(login("assessor1"), "/care-plans").statusCode()).isEqualTo(403);
    }
}
