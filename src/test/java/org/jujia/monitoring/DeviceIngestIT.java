package org.jujia.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Devices talk to the embedded HiveMQ broker as real MQTT 5 clients with their own credentials; messages are
 * persisted, de-duplicated and handed to the alarm rules; malformed ones are rejected without stopping the
 * consumer; topic authorisation holds.
 */
@IntegrationTest
class DeviceIngestIT {

    @LocalServerPort
    int port;
    @Autowired
    MqttBroker broker;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    DeviceCommands commands;
    @Autowired
    TransactionTemplate tx;

    Api street;
    long elderId;

    @BeforeEach
    void setUp() {
        street = Api.as(port, "street1");
        elderId = TestDevices.elder(street, 0);
    }

    int mqttPort() {
        return broker.deviceEndpoint().port();
    }

    long telemetryRows(long deviceId) {
        return jdbc.sql("select count(*) from monitoring_telemetry where device_id = ?").param(deviceId).query(Long.class).single();
    }

    double counter(String name, String tag, String value) {
        var c = meters.find(name).tag(tag, value).counter();
        return c == null ? 0 : c.count();
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    @Test
    void aDevicesMessagesArePersistedDeduplicatedAndHandedToTheRules() throws Exception {
        var sos = TestDevices.register(street, DeviceType.SOS_BUTTON, elderId, null);
        double signalsBefore = meters.find("jujia.ingest.signals").counter().count();
        double duplicatesBefore = counter("jujia.ingest.messages", "outcome", "duplicate");
        Mqtt5BlockingClient c = TestDevices.connect(mqttPort(), sos);
        try {
            TestDevices.publish(c, sos.serial(), "events", "{\"msgId\":\"m-1\",\"ts\":\"2026-11-29T02:00:00Z\",\"event\":\"SOS\"}");
            TestDevices.publish(c, sos.serial(), "events", "{\"msgId\":\"m-1\",\"ts\":\"2026-11-29T02:00:00Z\",\"event\":\"SOS\"}");
            TestDevices.publish(c, sos.serial(), "status", "{\"msgId\":\"m-2\",\"battery\":87,\"firmware\":\"1.0.4\"}");
            await(() -> telemetryRows(sos.id()) == 2 && counter("jujia.ingest.messages", "outcome", "duplicate") >= duplicatesBefore + 1,
                    "two rows and one duplicate");
        } finally {
            c.disconnect();
        }
        Thread.sleep(300);
        assertThat(telemetryRows(sos.id())).isEqualTo(2);
        var row = jdbc.sql("select kind, event, elder_id, occurred_at from monitoring_telemetry where device_id = ? and message_id = 'm-1'")
                .param(sos.id()).query().singleRow();
        assertThat(row.get("kind")).isEqualTo("EVENT");
        assertThat(row.get("event")).isEqualTo("SOS");
        assertThat(((Number) row.get("elder_id")).longValue()).isEqualTo(elderId);
        assertThat(((java.sql.Timestamp) row.get("occurred_at")).toInstant()).isEqualTo(Instant.parse("2026-11-29T02:00:00Z"));
        assertThat(meters.find("jujia.ingest.signals").counter().count()).isGreaterThanOrEqualTo(signalsBefore + 2);
        var device = street.get("/api/v1/devices/" + sos.id()).json();
        assertThat(device.get("batteryPct").asInt()).isEqualTo(87);
        assertThat(device.get("firmware").asString()).isEqualTo("1.0.4");
        assertThat(device.get("lastHeartbeatAt").isNull()).isFalse();
    }

    @Test
    void theEmbeddedBrokerAcknowledgesADevicesMessageOnlyOnceItIsCommittedAndDeliversNoSecondCopy() throws Exception {
        var band = TestDevices.register(street, DeviceType.WEARABLE, elderId, null);
        double duplicatesBefore = counter("jujia.ingest.messages", "outcome", "duplicate");
        Mqtt5BlockingClient c = TestDevices.connect(mqttPort(), band);
        try {
            for (int i = 0; i < 20; i++) {
                // the blocking publish returns with the broker's PUBACK: by then the row must be committed (fast path)
                TestDevices.publish(c, band.serial(), "telemetry", "{\"msgId\":\"fp-" + i + "\",\"heartRate\":" + (60 + i) + ",\"spo2\":97}");
                assertThat(jdbc.sql("select count(*) from monitoring_telemetry where device_id = ? and message_id = ?").params(band.id(), "fp-" + i)
                        .query(Long.class).single()).as("message fp-%d committed when acknowledged", i).isEqualTo(1);
            }
        } finally {
            c.disconnect();
        }
        Thread.sleep(500);
        // the broker dropped each message after the fast path took it: nothing came round again through the subscription
        assertThat(telemetryRows(band.id())).isEqualTo(20);
        assertThat(counter("jujia.ingest.messages", "outcome", "duplicate")).isEqualTo(duplicatesBefore);
    }

    @Test
    void malformedPayloadsAreRejectedCountedStoredAndTheConsumerGoesOn() throws Exception {
        var mattress = TestDevices.register(street, DeviceType.MATTRESS, elderId, null);
        double badJson = counter("jujia.ingest.rejected", "reason", "BAD_JSON");
        double wrongType = counter("jujia.ingest.rejected", "reason", "WRONG_TYPE");
        double missing = counter("jujia.ingest.rejected", "reason", "MISSING_FIELD");
        double unknownEvent = counter("jujia.ingest.rejected", "reason", "UNKNOWN_EVENT");
        Mqtt5BlockingClient c = TestDevices.connect(mqttPort(), mattress);
        try {
            TestDevices.publish(c, mattress.serial(), "telemetry", "{not json");
            TestDevices.publish(c, mattress.serial(), "telemetry", "{\"msgId\":\"x1\",\"heartRate\":\"seventy\"}");
            TestDevices.publish(c, mattress.serial(), "telemetry", "{\"heartRate\":70}");
            TestDevices.publish(c, mattress.serial(), "events", "{\"msgId\":\"x2\",\"event\":\"SMOKE\"}");
            TestDevices.publish(c, mattress.serial(), "telemetry", "{\"msgId\":\"ok-1\",\"heartRate\":64,\"breathingRate\":15,\"presence\":true}");
            await(() -> telemetryRows(mattress.id()) == 1, "the valid message after the bad ones");
        } finally {
            c.disconnect();
        }
        await(() -> counter("jujia.ingest.rejected", "reason", "BAD_JSON") >= badJson + 1
                && counter("jujia.ingest.rejected", "reason", "WRONG_TYPE") >= wrongType + 1
                && counter("jujia.ingest.rejected", "reason", "MISSING_FIELD") >= missing + 1
                && counter("jujia.ingest.rejected", "reason", "UNKNOWN_EVENT") >= unknownEvent + 1, "rejection counters");
        var reasons = jdbc.sql("select reason from monitoring_rejected_message where serial = ? order by id").param(mattress.serial())
                .query(String.class).list();
        assertThat(reasons).containsExactly("BAD_JSON", "WRONG_TYPE", "MISSING_FIELD", "UNKNOWN_EVENT");
        var detail = jdbc.sql("select detail from monitoring_rejected_message where serial = ? and reason = 'WRONG_TYPE'").param(mattress.serial())
                .query(String.class).single();
        assertThat(detail).startsWith("heartRate:");
    }

    @Test
    void unknownDevicesOnAnExternalBrokerPathAreRejectedToo() throws Exception {
        // the platform's own client may publish only commands; an unknown serial reaches the ingest only through a
        // broker without our extension, which the Mosquitto test covers; here: a retired device's messages
        var door = TestDevices.register(street, DeviceType.DOOR_CONTACT, elderId, null);
        Mqtt5BlockingClient c = TestDevices.connect(mqttPort(), door);
        c.disconnect();
        assertThat(street.post("/api/v1/devices/" + door.id() + "/retire", Map.of()).status()).isEqualTo(200);
        assertThatThrownBy(() -> TestDevices.connect(mqttPort(), door)).isInstanceOf(Mqtt5ConnAckException.class);
    }

    @Test
    void aDeviceMayNotPublishToAnotherDevicesTopicNorSubscribeToItsCommands() throws Exception {
        var mine = TestDevices.register(street, DeviceType.SOS_BUTTON, elderId, null);
        var other = TestDevices.register(street, DeviceType.SOS_BUTTON, TestDevices.elder(street, 1), null);
        // each refusal may end the connection (the broker's choice), so every attempt gets a fresh one
        withConnection(mine, c -> assertThatThrownBy(() -> TestDevices.publish(c, other.serial(), "events", "{\"msgId\":\"evil-1\",\"event\":\"SOS\"}"))
                .isInstanceOfSatisfying(Mqtt5PubAckException.class,
                        e -> assertThat(e.getMqttMessage().getReasonCode()).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED)));
        withConnection(mine, c -> assertThatThrownBy(() -> TestDevices.publish(c, mine.serial(), "commands", "{\"msgId\":\"evil-2\"}"))
                .isInstanceOf(Mqtt5PubAckException.class));
        withConnection(mine, c -> assertThatThrownBy(() -> c.subscribeWith().topicFilter(DeviceTopics.commands(other.serial())).qos(MqttQos.AT_LEAST_ONCE).send())
                .isInstanceOf(Mqtt5SubAckException.class));
        withConnection(mine, c -> assertThatThrownBy(() -> c.subscribeWith().topicFilter("jujia/v1/devices/#").qos(MqttQos.AT_LEAST_ONCE).send())
                .isInstanceOf(Mqtt5SubAckException.class));
        // its own command topic is fine
        withConnection(mine, c -> c.subscribeWith().topicFilter(DeviceTopics.commands(mine.serial())).qos(MqttQos.AT_LEAST_ONCE).send());
        Thread.sleep(300);
        assertThat(telemetryRows(other.id())).isZero();
    }

    void withConnection(TestDevices.Registered d, java.util.function.Consumer<Mqtt5BlockingClient> action) {
        Mqtt5BlockingClient c = TestDevices.connect(mqttPort(), d);
        try {
            action.accept(c);
        } finally {
            if (c.getState().isConnected()) {
                try {
                    c.disconnect();
                } catch (RuntimeException ignored) {
                    // the broker closed it meanwhile
                }
            }
        }
    }

    @Test
    void wrongPasswordsAndForeignClientIdsAreRefused() {
        var d = TestDevices.register(street, DeviceType.SMOKE, elderId, null);
        assertThatThrownBy(() -> TestDevices.connect(mqttPort(), d.serial(), d.secret() + "x", d.serial()))
                .isInstanceOfSatisfying(Mqtt5ConnAckException.class,
                        e -> assertThat(e.getMqttMessage().getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD));
        assertThatThrownBy(() -> TestDevices.connect(mqttPort(), d.serial(), d.secret(), "someone-else"))
                .isInstanceOf(Mqtt5ConnAckException.class);
        assertThatThrownBy(() -> TestDevices.connect(mqttPort(), "no-such-device", "whatever", "no-such-device"))
                .isInstanceOf(Mqtt5ConnAckException.class);
        // a reset makes the old secret useless
        var reset = street.post("/api/v1/devices/" + d.id() + "/secret", Map.of()).json();
        assertThatThrownBy(() -> TestDevices.connect(mqttPort(), d)).isInstanceOf(Mqtt5ConnAckException.class);
        TestDevices.connect(mqttPort(), d.serial(), reset.get("secret").asString(), d.serial()).disconnect();
    }

    @Test
    void aGatewayRelaysForItsOwnSensorsOnly() throws Exception {
        var gateway = TestDevices.register(street, DeviceType.GATEWAY, elderId, null);
        var radar = TestDevices.register(street, DeviceType.FALL_RADAR, elderId, gateway.serial());
        var stranger = TestDevices.register(street, DeviceType.FALL_RADAR, elderId, null);
        withConnection(gateway, c -> {
            TestDevices.publish(c, radar.serial(), "events", "{\"msgId\":\"r-1\",\"event\":\"FALL\"}");
            TestDevices.publish(c, gateway.serial(), "status", "{\"msgId\":\"g-1\",\"rssi\":-60}");
        });
        withConnection(gateway, c -> assertThatThrownBy(() -> TestDevices.publish(c, stranger.serial(), "events", "{\"msgId\":\"r-2\",\"event\":\"FALL\"}"))
                .isInstanceOf(Mqtt5PubAckException.class));
        await(() -> telemetryRows(radar.id()) == 1 && telemetryRows(gateway.id()) == 1, "relayed and own message");
        assertThat(telemetryRows(stranger.id())).isZero();
    }

    @Test
    void commandsArePersistedAndDeliveredQos1ToTheDevicesCommandTopic() throws Exception {
        var gas = TestDevices.register(street, DeviceType.GAS, elderId, null);
        Mqtt5BlockingClient c = TestDevices.connect(mqttPort(), gas);
        try (var publishes = c.publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.SUBSCRIBED)) {
            c.subscribeWith().topicFilter(DeviceTopics.commands(gas.serial())).qos(MqttQos.AT_LEAST_ONCE).send();
            tx.executeWithoutResult(s -> commands.send(gas.serial(), "CLOSE_VALVE", Map.of("reason", "GAS")));
            Optional<Mqtt5Publish> received = publishes.receive(10, TimeUnit.SECONDS);
            assertThat(received).isPresent();
            String payload = new String(received.get().getPayloadAsBytes(), StandardCharsets.UTF_8);
            assertThat(payload).contains("\"command\":\"CLOSE_VALVE\"").contains("\"reason\":\"GAS\"");
        } finally {
            c.disconnect();
        }
        await(() -> "SENT".equals(jdbc.sql("select status from monitoring_command where device_id = ?").param(gas.id()).query(String.class).single()),
                "the command marked sent");
    }

    static Duration timeout() {
        return Duration.ofSeconds(15);
    }
}
