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
import org.jujia.support.ConsoleLogin;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The notification pages render for the roles that may see them and are refused to the others; the settings form works. */
@IntegrationTest
class NotificationConsoleIT {

    @LocalServerPort
    int port;

    HttpClient login(String username) throws Exception {
        return ConsoleLogin.login(port, username);
    }

    String base() {
        return "http://localhost:" + port;
    }

    @ParameterizedTest
    @CsvSource({ "operator1, /notifications, 200", "operator1, /notifications?lang=en, 200", "street1, /notifications?channel=SMS&status=DELIVERED, 200",
            "operator1, /notifications/simulators, 200", "operator1, /notifications/simulators?lang=en, 200",
            "operator1, /notifications/simulators/received, 200", "family1, /notifications/inbox, 200", "family1, /notifications/inbox?lang=en, 200",
            "caregiver1, /notifications/inbox, 200", "family1, /notifications, 403", "family1, /notifications/simulators, 403",
            "caregiver1, /notifications, 403", "operator1, /notifications?channel=PIGEON, 400" })
    void pageRenders(String user, String path, int status) throws Exception {
        var r = login(user).send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(user + " " + path).isEqualTo(status);
        if (status == 200) {
            assertThat(r.body()).doesNotContain("Whitelabel").doesNotContain("??notify");
        }
    }

    @Test
    void theNavigationLinksFollowTheRole() throws Exception {
        String operator = login("operator1").send(HttpRequest.newBuilder(URI.create(base() + "/")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(operator).contains("href=\"/notifications\"").contains("href=\"/notifications/inbox\"").contains("href=\"/notifications/simulators\"");
        String family = login("family1").send(HttpRequest.newBuilder(URI.create(base() + "/")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(family).contains("href=\"/notifications/inbox\"").doesNotContain("href=\"/notifications\"");
    }

    @Test
    void theSimulatorSettingsAreChangedFromTheDesk() throws Exception {
        HttpClient client = login("operator1");
        String page = client.send(HttpRequest.newBuilder(URI.create(base() + "/notifications/simulators")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        String token = URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        var bad = client.send(HttpRequest.newBuilder(URI.create(base() + "/notifications/simulators/settings"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("gateway=SMS&latencyMs=5&failurePercent=101&failNext=0&_csrf=" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        var ok = client.send(HttpRequest.newBuilder(URI.create(base() + "/notifications/simulators/settings"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("gateway=SMS&latencyMs=7&failurePercent=0&failNext=0&_csrf=" + token)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(302);
        String after = client.send(HttpRequest.newBuilder(URI.create(base() + "/notifications/simulators")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(after).containsPattern("id=\"sim-SMS\"[\\s\\S]*?name=\"latencyMs\"[^>]*value=\"7\"");
    }
}
