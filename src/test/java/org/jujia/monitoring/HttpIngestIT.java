package org.jujia.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Devices without MQTT post the same payloads over HTTP with their own credentials, through the same pipeline. */
@IntegrationTest
class HttpIngestIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Api street;

    @BeforeEach
    void setUp() {
        street = Api.as(port, "street1");
    }

    record Answer(int status, JsonNode body) {
    }

    Answer post(String serial, String user, String secret, String json, String query) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ingest/devices/" + serial + "/messages" + query))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()));
    }

    long rows(long deviceId) {
        return jdbc.sql("select count(*) from monitoring_telemetry where device_id = ?").param(deviceId).query(Long.class).single();
    }

    @Test
    void aDevicePostsItsMessagesWithItsOwnCredentials() throws Exception {
        var wearable = TestDevices.register(street, DeviceType.WEARABLE, TestDevices.elder(street, 3), null);
        Answer ok = post(wearable.serial(), wearable.serial(), wearable.secret(),
                "{\"msgId\":\"h-1\",\"ts\":\"2026-11-29T01:00:00Z\",\"heartRate\":71,\"spo2\":97,\"systolic\":128,\"diastolic\":82,\"steps\":3021}", "");
        assertThat(ok.status()).isEqualTo(202);
        assertThat(ok.body().get("status").asString()).isEqualTo("ACCEPTED");
        Answer again = post(wearable.serial(), wearable.serial(), wearable.secret(),
                "{\"msgId\":\"h-1\",\"ts\":\"2026-11-29T01:00:00Z\",\"heartRate\":71}", "");
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body().get("status").asString()).isEqualTo("DUPLICATE");
        Answer sos = post(wearable.serial(), wearable.serial(), wearable.secret(), "{\"msgId\":\"h-2\",\"event\":\"SOS\",\"lat\":31.3,\"lon\":120.6}", "");
        assertThat(sos.status()).isEqualTo(202);
        Answer status = post(wearable.serial(), wearable.serial(), wearable.secret(), "{\"msgId\":\"h-3\",\"battery\":40}", "?channel=status");
        assertThat(status.status()).isEqualTo(202);
        assertThat(rows(wearable.id())).isEqualTo(3);
        assertThat(jdbc.sql("select kind from monitoring_telemetry where device_id = ? and message_id = 'h-3'").param(wearable.id())
                .query(String.class).single()).isEqualTo("STATUS");
        assertThat(street.get("/api/v1/devices/" + wearable.id() + "/messages").json().size()).isEqualTo(3);
    }

    @Test
    void malformedMessagesAnswer400NamingTheFieldAndAreKept() throws Exception {
        var mattress = TestDevices.register(street, DeviceType.MATTRESS, TestDevices.elder(street, 3), null);
        Answer bad = post(mattress.serial(), mattress.serial(), mattress.secret(), "{\"msgId\":\"b-1\",\"breathingRate\":500}", "");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("field").asString()).isEqualTo("breathingRate");
        assertThat(bad.body().get("errors").get(0).get("code").asString()).isEqualTo("OUT_OF_RANGE");
        Answer notJson = post(mattress.serial(), mattress.serial(), mattress.secret(), "]]", "");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from monitoring_rejected_message where serial = ? and source = 'HTTP'").param(mattress.serial())
                .query(Long.class).single()).isEqualTo(2);
        assertThat(rows(mattress.id())).isZero();
    }

    @Test
    void wrongCredentialsAndOtherDevicesAreRefused() throws Exception {
        var a = TestDevices.register(street, DeviceType.SOS_BUTTON, TestDevices.elder(street, 4), null);
        var b = TestDevices.register(street, DeviceType.SOS_BUTTON, TestDevices.elder(street, 4), null);
        String msg = "{\"msgId\":\"w-1\",\"event\":\"SOS\"}";
        assertThat(post(a.serial(), null, null, msg, "").status()).isEqualTo(401);
        assertThat(post(a.serial(), a.serial(), a.secret() + "x", msg, "").status()).isEqualTo(401);
        assertThat(post(b.serial(), a.serial(), a.secret(), msg, "").status()).isEqualTo(403);
        // a person's bearer token is no device credential either
        var r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ingest/devices/" + a.serial() + "/messages"))
                .header("Authorization", "Bearer " + street.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(msg)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(rows(a.id()) + rows(b.id())).isZero();
        // a gateway posts for its own sensor
        var gw = TestDevices.register(street, DeviceType.GATEWAY, TestDevices.elder(street, 4), null);
        var smoke = TestDevices.register(street, DeviceType.SMOKE, TestDevices.elder(street, 4), gw.serial());
        assertThat(post(smoke.serial(), gw.serial(), gw.secret(), "{\"msgId\":\"s-1\",\"event\":\"SMOKE\"}", "").status()).isEqualTo(202);
        assertThat(rows(smoke.id())).isEqualTo(1);
    }
}
