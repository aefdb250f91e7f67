package org.jujia.support;

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

/** Console (session) login over real HTTP for integration tests: the login form with its CSRF token, as a browser does. */
public final class ConsoleLogin {

    private static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern META_CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    private ConsoleLogin() {
    }

    /** A cookie-keeping client logged in as a demo user (password {@code demo123}); redirects are not followed. */
    public static HttpClient login(int port, String username) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String page = client.send(HttpRequest.newBuilder(URI.create(base(port) + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = FORM_CSRF.matcher(page);
        assertThat(csrf.find()).as("csrf token on the login page").isTrue();
        String form = "username=" + username + "&password=demo123&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        var r = client.send(HttpRequest.newBuilder(URI.create(base(port) + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).as("login of " + username).doesNotContain("error");
        return client;
    }

    /** The session's CSRF token, as the layout publishes it in a meta tag for htmx and scripts. */
    public static String csrf(HttpClient client, int port) throws Exception {
        String home = client.send(HttpRequest.newBuilder(URI.create(base(port) + "/")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher meta = META_CSRF.matcher(home);
        return meta.find() ? meta.group(1) : null;
    }

    /** A console page (HTML) with the client's session. */
    public static HttpResponse<String> get(HttpClient client, int port, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base(port) + path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a console form ({@code a=1&b=2}, values URL-encoded by the caller) with the session's CSRF token. */
    public static HttpResponse<String> postForm(HttpClient client, int port, String path, String form) throws Exception {
        String token = csrf(client, port);
        return client.send(HttpRequest.newBuilder(URI.create(base(port) + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String base(int port) {
        return "http://localhost:" + port;
    }
}
