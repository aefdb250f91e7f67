package org.jujia.monitoring;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jujia.support.Api;
import tools.jackson.databind.JsonNode;

/** Registers devices over the REST API and connects them to a broker as real MQTT 5 clients. */
final class TestDevices {

    record Registered(long id, String serial, String secret, long elderId) {
    }

    private TestDevices() {
    }

    static String serial(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** Some elder ids in street1's area. */
    static long elder(Api street, int index) {
        JsonNode page = street.get("/api/v1/elders?size=20&sort=id").json();
        return page.get("content").get(index).get("id").asLong();
    }

    static Registered register(Api admin, DeviceType type, long elderId, String gatewaySerial) {
        Map<String, Object> body = new HashMap<>();
        body.put("serial", serial(type.name().replace("_", "")));
        body.put("type", type.name());
        body.put("elderId", elderId);
        body.put("room", "卧室");
        body.put("firmware", "1.0.0");
        if (gatewaySerial != null) {
            body.put("gatewaySerial", gatewaySerial);
        }
        Api.Response r = admin.post("/api/v1/devices", body);
        if (r.status() != 201) {
            throw new IllegalStateException("registration failed: " + r.status() + " " + r.body());
        }
        JsonNode j = r.json();
        return new Registered(j.get("device").get("id").asLong(), j.get("device").get("serial").asString(), j.get("secret").asString(), elderId);
    }

    static Mqtt5BlockingClient connect(int port, String username, String secret, String clientId) {
        Mqtt5BlockingClient c = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1").serverPort(port)
                .simpleAuth().username(username).password(secret.getBytes(StandardCharsets.UTF_8)).applySimpleAuth().buildBlocking();
        c.connect();
        return c;
    }

    static Mqtt5BlockingClient connect(int port, Registered d) {
        return connect(port, d.serial(), d.secret(), d.serial());
    }

    static void publish(Mqtt5BlockingClient c, String serial, String channel, String json) {
        c.publishWith().topic(DeviceTopics.PREFIX + serial + "/" + channel).qos(MqttQos.AT_LEAST_ONCE)
                .payload(json.getBytes(StandardCharsets.UTF_8)).send();
    }
}
