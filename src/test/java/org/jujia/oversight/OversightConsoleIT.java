package org.jujia.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.jujia.support.ConsoleLogin;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every oversight page renders for the roles that may see it (in both languages) and is refused to the others. */
@IntegrationTest
class OversightConsoleIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    String expand(String path) {
        int last = LocalDate.now().getYear() - 1;
        long provider = jdbc.sql("select organisation_id from access_user where username = 'provider1'").query(Long.class).single();
        long complaint = jdbc.sql("select min(id) from oversight_complaint where channel = 'HOTLINE' and provider_id = ?").param(provider)
                .query(Long.class).single();
        return path.replace("{year}", Integer.toString(last)).replace("{provider}", Long.toString(provider))
                .replace("{complaint}", Long.toString(complaint));
    }

    @ParameterizedTest
    @CsvSource({
            "admin, /oversight/complaints, 200", "admin, /oversight/complaints?overdue=true, 200", "admin, /oversight/complaints/{complaint}, 200",
            "admin, /oversight/complaints/new, 200", "admin, /oversight/follow-ups, 200", "admin, /oversight/evaluations, 200",
            "admin, /oversight/scores, 200", "admin, /oversight/scores/{year}/{provider}, 200", "admin, /oversight/scores/2001/{provider}, 200",
            "street1, /oversight/complaints, 200", "street1, /oversight/follow-ups, 200", "street1, /oversight/scores, 200",
            "provider1, /oversight/complaints, 200", "provider1, /oversight/complaints/{complaint}, 200", "provider1, /oversight/follow-ups, 200",
            "provider1, /oversight/scores/{year}/{provider}, 200", "provider1, /oversight/evaluations, 200", "provider1, /oversight/complaints/new, 403",
            "operator1, /oversight/complaints/new, 200", "operator1, /oversight/follow-ups, 200", "operator1, /oversight/scores, 403",
            "community1, /oversight/follow-ups, 200", "community1, /oversight/complaints, 200",
            "family1, /oversight/complaints, 200", "family1, /oversight/complaints/new, 200", "family1, /oversight/complaints/{complaint}, 404",
            "family1, /oversight/scores, 403", "family1, /oversight/follow-ups, 403",
            "caregiver1, /oversight/complaints, 403", "caregiver1, /oversight/scores, 403" })
    void pageRenders(String user, String path, int status) throws Exception {
        HttpClient client = ConsoleLogin.login(port, user);
        for (String lang : new String[] { "", "lang=en" }) {
            String url = expand(path) + (lang.isEmpty() ? "" : (path.contains("?") ? "&" : "?") + lang);
            var r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + url)).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(user + " " + url).isEqualTo(status);
            if (status == 200) {
                assertThat(r.body()).as(user + " " + url).contains("</html>").doesNotContain("Whitelabel").doesNotContain("??oversight");
            }
        }
    }
}
