package org.jujia.monitoring;

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
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The device console pages render for those who may see them, register a device (secret shown once) and are scoped. */
@IntegrationTest
class DeviceConsoleIT {

    @LocalServerPort
    int port;

    HttpClient login(String username) throws Exception {
        return ConsoleLogin.login(port, username);
    }

    String base() {
        return "http://localhost:" + port;
    }

    HttpResponse<String> get(HttpClient c, String path) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pagesRenderInBothLanguagesAndWritesNeedDeviceAdmin() throws Exception {
        Api api = Api.as(port, "street1");
        var d = TestDevices.register(api, DeviceType.MATTRESS, TestDevices.elder(api, 8), null);
        HttpClient street = login("street1");
        assertThat(get(street, "/devices?q=" + d.serial()).body()).contains(d.serial()).contains("智能床垫");
        for (String path : new String[] { "/devices", "/devices?type=MATTRESS&q=" + d.serial(), "/devices/" + d.id(), "/devices/new",
                "/devices/import", "/elders/" + d.elderId() + "/devices", "/devices?lang=en" }) {
            var r = get(street, path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).contains("</html>").doesNotContain("??device.");
        }
        // (the language chosen with ?lang=en stays with the session)
        assertThat(get(street, "/devices/" + d.id() + "?lang=en").body()).contains("Smart mattress");
        HttpClient operator = login("operator1");
        assertThat(get(operator, "/devices/" + d.id()).statusCode()).isEqualTo(200);
        assertThat(get(operator, "/devices/new").statusCode()).isEqualTo(403);
        assertThat(get(login("street2"), "/devices/" + d.id()).statusCode()).isEqualTo(404);
    }

    @Test
    void theRegisterFormShowsTheSecretOnceOrNamesTheBadFields() throws Exception {
        Api api = Api.as(port, "street1");
        long elder = TestDevices.elder(api, 9);
        HttpClient street = login("street1");
        String page = get(street, "/devices/new").body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        String token = URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        String serial = TestDevices.serial("CSOS");
        var bad = street.send(HttpRequest.newBuilder(URI.create(base() + "/devices/new")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("serial=a%2Fb&type=SOS_BUTTON&elderId=" + elder + "&_csrf=" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("data-field=\"serial\"");
        var ok = street.send(HttpRequest.newBuilder(URI.create(base() + "/devices/new")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("serial=" + serial + "&type=SOS_BUTTON&elderId=" + elder + "&room=%E5%8D%A7%E5%AE%A4&_csrf=" + token))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        Matcher secret = Pattern.compile("<code class=\"secret\">([A-Za-z0-9_-]{32})</code>").matcher(ok.body());
        assertThat(secret.find()).isTrue();
        long id = api.get("/api/v1/devices?q=" + serial).json().get("content").get(0).get("id").asLong();
        assertThat(get(street, "/devices/" + id).body()).doesNotContain(secret.group(1));
    }
}
