package org.jujia.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.jujia.monitoring.DeviceTopics.Channel;
import org.jujia.monitoring.DeviceTopics.Principal;
import org.junit.jupiter.api.Test;

class DeviceTopicsTest {

    final Principal sos = Principal.device("SOS-1", Set.of());
    final Principal gateway = Principal.device("GW-1", Set.of("RADAR-1", "GAS-1"));
    final Principal platform = Principal.platform("jujia-platform");

    @Test
    void topicsParseIntoSerialAndChannel() {
        assertThat(DeviceTopics.parse("jujia/v1/devices/SOS-1/events")).contains(new DeviceTopics.Address("SOS-1", Channel.EVENTS));
        assertThat(DeviceTopics.parse("jujia/v1/devices/SOS-1/commands")).contains(new DeviceTopics.Address("SOS-1", Channel.COMMANDS));
        assertThat(DeviceTopics.parse("jujia/v1/devices/SOS-1/events/extra")).isEmpty();
        assertThat(DeviceTopics.parse("jujia/v1/devices/SOS-1/other")).isEmpty();
        assertThat(DeviceTopics.parse("jujia/v1/devices/+/events")).isEmpty();
        assertThat(DeviceTopics.parse("jujia/v2/devices/SOS-1/events")).isEmpty();
        assertThat(DeviceTopics.parse(null)).isEmpty();
        assertThat(DeviceTopics.sharedIngestFilter("jujia")).isEqualTo("$share/jujia/jujia/v1/devices/+/+");
    }

    @Test
    void aDevicePublishesOnlyItsOwnUpstreamChannels() {
        assertThat(DeviceTopics.mayPublish(sos, "jujia/v1/devices/SOS-1/events")).isTrue();
        assertThat(DeviceTopics.mayPublish(sos, "jujia/v1/devices/SOS-1/telemetry")).isTrue();
        assertThat(DeviceTopics.mayPublish(sos, "jujia/v1/devices/SOS-1/status")).isTrue();
        assertThat(DeviceTopics.mayPublish(sos, "jujia/v1/devices/SOS-1/commands")).isFalse();
        assertThat(DeviceTopics.mayPublish(sos, "jujia/v1/devices/SOS-2/events")).isFalse();
        assertThat(DeviceTopics.mayPublish(sos, "jujia/v1/devices/SOS-1")).isFalse();
        assertThat(DeviceTopics.mayPublish(sos, "elsewhere/SOS-1/events")).isFalse();
    }

    @Test
    void aGatewayPublishesForItsSensorsAndReceivesTheirCommands() {
        assertThat(DeviceTopics.mayPublish(gateway, "jujia/v1/devices/RADAR-1/events")).isTrue();
        assertThat(DeviceTopics.mayPublish(gateway, "jujia/v1/devices/GW-1/status")).isTrue();
        assertThat(DeviceTopics.mayPublish(gateway, "jujia/v1/devices/RADAR-2/events")).isFalse();
        assertThat(DeviceTopics.maySubscribe(gateway, "jujia/v1/devices/GAS-1/commands")).isTrue();
        assertThat(DeviceTopics.maySubscribe(gateway, "jujia/v1/devices/GAS-2/commands")).isFalse();
    }

    @Test
    void aDeviceSubscribesOnlyToItsOwnCommandTopicWithoutWildcards() {
        assertThat(DeviceTopics.maySubscribe(sos, "jujia/v1/devices/SOS-1/commands")).isTrue();
        assertThat(DeviceTopics.maySubscribe(sos, "jujia/v1/devices/SOS-1/events")).isFalse();
        assertThat(DeviceTopics.maySubscribe(sos, "jujia/v1/devices/SOS-2/commands")).isFalse();
        assertThat(DeviceTopics.maySubscribe(sos, "jujia/v1/devices/+/commands")).isFalse();
        assertThat(DeviceTopics.maySubscribe(sos, "jujia/v1/devices/#")).isFalse();
        assertThat(DeviceTopics.maySubscribe(sos, "#")).isFalse();
        assertThat(DeviceTopics.maySubscribe(sos, "$share/x/jujia/v1/devices/SOS-1/commands")).isFalse();
    }

    @Test
    void thePlatformSubscribesToDeviceChannelsAndPublishesOnlyCommands() {
        assertThat(DeviceTopics.maySubscribe(platform, "$share/jujia/jujia/v1/devices/+/+")).isTrue();
        assertThat(DeviceTopics.maySubscribe(platform, "jujia/v1/devices/+/+")).isTrue();
        assertThat(DeviceTopics.maySubscribe(platform, "$share/a/b/jujia/v1/devices/+/+")).isFalse();
        assertThat(DeviceTopics.maySubscribe(platform, "#")).isFalse();
        assertThat(DeviceTopics.mayPublish(platform, "jujia/v1/devices/GAS-1/commands")).isTrue();
        assertThat(DeviceTopics.mayPublish(platform, "jujia/v1/devices/GAS-1/events")).isFalse();
    }

    @Test
    void serialsCannotCarryTopicSyntax() {
        assertThat(DeviceTopics.SERIAL.matcher("SOS-0001_a.b").matches()).isTrue();
        assertThat(DeviceTopics.SERIAL.matcher("a/b").matches()).isFalse();
        assertThat(DeviceTopics.SERIAL.matcher("a+b").matches()).isFalse();
        assertThat(DeviceTopics.SERIAL.matcher("ab").matches()).isFalse();
        assertThat(DeviceTopics.SERIAL.matcher("-abc").matches()).isFalse();
    }
}
