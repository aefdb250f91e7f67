package org.jujia.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The same ingest against a real external broker: the Mosquitto that CI machines run on 127.0.0.1:1883 (skipped
 * when none is reachable). Mosquitto does no device authentication here (that is the external broker's job), so the
 * ingest's own checks carry the load: unknown devices, duplicates, malformed payloads, and a persistent session
 * that receives what was published while the platform was away.
 */
@IntegrationTest
class MosquittoIngestIT {

    static final String HOST = "127.0.0.1";
    static final int PORT = 1883;

    @LocalServerPort
    int port;
    @Autowired
    MqttIngest ingest;
    @Autowired
    JdbcClient jdbc;

    Api street;

    static boolean mosquittoReachable() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, PORT), 500);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @BeforeEach
    void setUp() {
        assumeTrue(mosquittoReachable(), "no MQTT broker (Mosquitto) on 127.0.0.1:1883: external-broker ingest test skipped");
        street = Api.as(port, "street1");
    }

    long rows(long deviceId) {
        return jdbc.sql("select count(*) from monitoring_telemetry where device_id = ?").param(deviceId).query(Long.class).single();
    }

    long rejects(String serial, String reason) {
        return jdbc.sql("select count(*) from monitoring_rejected_message where serial = ? and reason = ?").params(serial, reason)
                .query(Long.class).single();
    }

    static Mqtt5BlockingClient device(String serial) {
        Mqtt5BlockingClient c = Mqtt5Client.builder().identifier(serial).serverHost(HOST).serverPort(PORT).buildBlocking();
        c.connect();
        return c;
    }

    static void publish(Mqtt5BlockingClient c, String serial, String channel, String json) {
        c.publishWith().topic(DeviceTopics.PREFIX + serial + "/" + channel).qos(MqttQos.AT_LEAST_ONCE)
                .payload(json.getBytes(StandardCharsets.UTF_8)).send();
    }

    @Test
    void messagesThroughMosquittoArePersistedOnceAndBadOnesRejected() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String clientId = "jujia-test-" + id;
        String group = "jujia-test-" + id;
        Mqtt5AsyncClient session = ingest.connect(URI.create("tcp://" + HOST + ":" + PORT), null, null, clientId, group);
        var sos = TestDevices.register(street, DeviceType.SOS_BUTTON, TestDevices.elder(street, 2), null);
        String unknown = "UNKNOWN-" + id;
        Mqtt5BlockingClient d = device(sos.serial());
        try {
            publish(d, sos.serial(), "events", "{\"msgId\":\"q-1\",\"event\":\"SOS\"}");
            publish(d, sos.serial(), "events", "{\"msgId\":\"q-1\",\"event\":\"SOS\"}");
            publish(d, sos.serial(), "telemetry", "{\"msgId\":\"q-2\",\"battery\":\"full\"}");
            publish(d, unknown, "events", "{\"msgId\":\"q-3\",\"event\":\"SOS\"}");
            DeviceIngestIT.await(() -> rows(sos.id()) == 1 && rejects(sos.serial(), "WRONG_TYPE") == 1 && rejects(unknown, "UNKNOWN_DEVICE") == 1,
                    "one row, one wrong type, one unknown device");

            // the platform goes away; its persistent session keeps what devices publish meanwhile
            session.disconnect().get(5, TimeUnit.SECONDS);
            publish(d, sos.serial(), "events", "{\"msgId\":\"q-4\",\"event\":\"SOS\"}");
            publish(d, sos.serial(), "status", "{\"msgId\":\"q-5\",\"battery\":55}");
            Thread.sleep(500);
            assertThat(rows(sos.id())).isEqualTo(1);
            session = ingest.connect(URI.create("tcp://" + HOST + ":" + PORT), null, null, clientId, group);
            DeviceIngestIT.await(() -> rows(sos.id()) == 3, "the messages queued while the platform was away");
        } finally {
            d.disconnect();
            // leave no session behind on the shared broker
            session.disconnectWith().sessionExpiryInterval(0).send().get(5, TimeUnit.SECONDS);
        }
        Thread.sleep(300);
        assertThat(rows(sos.id())).isEqualTo(3);
    }
}
