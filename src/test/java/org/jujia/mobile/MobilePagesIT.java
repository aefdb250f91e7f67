package org.jujia.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jujia.support.Api;
import org.jujia.support.ConsoleLogin;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The phone pages' server side: the page shells by role and language, the landing of a phone user on "/", and the
 * session-to-bearer-token bridge {@code POST /m/token} (CSRF-protected, usable on the API, revocable).
 */
@IntegrationTest
class MobilePagesIT {

    private static final String PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36";

    @LocalServerPort
    int port;

    private HttpResponse<String> get(HttpClient client, String path, String userAgent) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (userAgent != null) {
            b.header("User-Agent", userAgent);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postToken(HttpClient client, String csrf) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/m/token")).POST(HttpRequest.BodyPublishers.noBody())
                .header("Accept", "application/json");
        if (csrf != null) {
            b.header("X-CSRF-TOKEN", csrf);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSignedInUserGetsARevocableBearerTokenForTheApiOnlyWithTheCsrfToken() throws Exception {
        HttpClient caregiver = ConsoleLogin.login(port, "caregiver1");
        String csrf = ConsoleLogin.csrf(caregiver, port);
        assertThat(csrf).isNotBlank();

        assertThat(postToken(caregiver, null).statusCode()).as("no CSRF header").isEqualTo(403);

        HttpResponse<String> issued = postToken(caregiver, csrf);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        assertThat(issued.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        var body = Api.json().readTree(issued.body());
        String token = body.get("accessToken").asText();
        assertThat(body.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(body.get("username").asText()).isEqualTo("caregiver1");
        assertThat(body.get("expiresIn").asLong()).isBetween(60L, 12 * 3600L);
        assertThat(body.get("expiresAt").asText()).isNotBlank();

        var me = bearer(token, "GET", "/api/v1/auth/me");
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(Api.json().readTree(me.body()).get("username").asText()).isEqualTo("caregiver1");

        assertThat(bearer(token, "DELETE", "/api/v1/auth/token").statusCode()).isEqualTo(204);
        assertThat(bearer(token, "GET", "/api/v1/auth/me").statusCode()).as("revoked").isEqualTo(401);

        HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        assertThat(postToken(anonymous, csrf).statusCode()).as("no session").isIn(302, 401, 403);
    }

    private HttpResponse<String> bearer(String token, String method, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theShellsAreServedByRoleInChineseOrEnglish() throws Exception {
        HttpClient caregiver = ConsoleLogin.login(port, "caregiver1");
        var page = get(caregiver, "/m/caregiver", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("我的上门服务", "id=\"m-config\"", "data-messages=", "/js/mobile-caregiver.js", "name=\"_csrf\"")
                .doesNotContain("https://", "http://cdn");
        // the scripts' messages: JSON in an attribute, in the page's language
        assertThat(page.body()).contains("&quot;action.check-in&quot;:&quot;签到&quot;");
        assertThat(get(caregiver, "/m/caregiver?lang=en", null).body()).contains("My home visits", "&quot;action.check-in&quot;:&quot;Check in&quot;");
        assertThat(get(caregiver, "/m/family", null).statusCode()).isEqualTo(403);
        assertThat(get(caregiver, "/m", null).headers().firstValue("Location").orElse("")).endsWith("/m/caregiver");

        HttpClient family = ConsoleLogin.login(port, "family1");
        var familyPage = get(family, "/m/family", null);
        assertThat(familyPage.statusCode()).isEqualTo(200);
        assertThat(familyPage.body()).contains("家人服务", "/js/mobile-family.js", "&quot;alarmType.SOS&quot;", "&quot;payer.SELF&quot;");
        assertThat(get(family, "/m/caregiver", null).statusCode()).isEqualTo(403);
        assertThat(get(family, "/m", null).headers().firstValue("Location").orElse("")).endsWith("/m/family");

        HttpClient street = ConsoleLogin.login(port, "street1");
        assertThat(get(street, "/m/caregiver", null).statusCode()).isEqualTo(403);
        assertThat(get(street, "/m/family", null).statusCode()).isEqualTo(403);
    }

    @Test
    void onAPhoneACaregiverOrFamilyMemberLandsOnTheirPhonePagesAndOthersOnTheConsole() throws Exception {
        HttpClient caregiver = ConsoleLogin.login(port, "caregiver1");
        var home = get(caregiver, "/", PHONE);
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElse("")).endsWith("/m/caregiver");
        assertThat(get(caregiver, "/", null).statusCode()).as("a desktop browser keeps the console").isEqualTo(200);
        assertThat(get(caregiver, "/?console=1", PHONE).statusCode()).as("asked for the console").isEqualTo(200);

        HttpClient family = ConsoleLogin.login(port, "family1");
        assertThat(get(family, "/", PHONE).headers().firstValue("Location").orElse("")).endsWith("/m/family");

        HttpClient street = ConsoleLogin.login(port, "street1");
        assertThat(get(street, "/", PHONE).statusCode()).isEqualTo(200);
    }
}
