package org.jujia.console;

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
import org.jujia.support.Api;
import org.jujia.support.ConsoleLogin;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every console page renders for the roles that may see it, and is refused to the others. */
@IntegrationTest
class ConsolePagesIT {

    @LocalServerPort
    int port;

    HttpClient login(String username) throws Exception {
        return ConsoleLogin.login(port, username);
    }

    String base() {
        return "http://localhost:" + port;
    }

    @ParameterizedTest
    @CsvSource({
            "admin, /, 200", "admin, /elders, 200", "admin, /admin/regions, 200", "admin, /admin/users, 200", "admin, /audit, 200",
            "admin, /audit?verify=true, 200", "admin, /elders/imports, 200", "admin, /elders/new, 200", "admin, /elders?lang=en, 200",
            "admin, /account/password, 200", "admin, /elders/imports/template.xlsx, 200", "admin, /elders/export.xlsx, 200",
            "street1, /, 200", "street1, /elders?special=OLDEST_OLD, 200", "street1, /admin/users, 403", "street1, /audit, 403",
            "caregiver1, /elders, 200", "caregiver1, /elders/new, 403", "caregiver1, /elders/imports, 403",
            "family1, /, 200", "family1, /elders, 200", "auditor-less, /, 302" })
    void pageRenders(String user, String path, int status) throws Exception {
        HttpClient client = user.equals("auditor-less") ? HttpClient.newHttpClient() : login(user);
        var r = client.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(user + " " + path).isEqualTo(status);
        if (status == 200 && !path.endsWith(".xlsx")) {
            assertThat(r.body()).contains("</html>").doesNotContain("Whitelabel");
        }
    }

    @ParameterizedTest
    @CsvSource({ "/webjars/echarts/echarts.min.js", "/webjars/htmx.org/dist/htmx.min.js", "/css/jujia.css", "/js/jujia.js" })
    void everyAssetThePagesLoadIsServed(String path) throws Exception {
        var r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource({ "admin", "street1", "community1" })
    void detailAndEditPagesRenderForAnElderInScope(String user) throws Exception {
        long id = Api.as(port, user).get("/api/v1/elders?size=1").json().get("content").get(0).get("id").asLong();
        HttpClient client = login(user);
        for (String path : new String[] { "/elders/" + id, "/elders/" + id + "/edit" }) {
            var r = client.send(HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
        }
        long other = Api.as(port, "street2").get("/api/v1/elders?size=1").json().get("content").get(0).get("id").asLong();
        if (!user.equals("admin")) {
            var r = client.send(HttpRequest.newBuilder(URI.create(base() + "/elders/" + other)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(404);
        }
    }
}
