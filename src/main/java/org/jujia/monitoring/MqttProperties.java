package org.jujia.monitoring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The MQTT broker the platform speaks to. With no {@code url} an embedded HiveMQ CE broker is started (devices
 * authenticate against the registry through its extension); with a {@code url} (e.g. {@code tcp://broker:1883}) the
 * platform connects to that external broker (EMQX, HiveMQ, Mosquitto) with {@code username}/{@code password}, and
 * device authentication and topic authorisation are the external broker's job.
 *
 * @param url            external broker, {@code tcp://host:port} (or {@code ssl://host:port}); blank for the embedded one
 * @param username       the platform's user on the external broker
 * @param password       its password
 * @param clientId       the platform's client id prefix (a persistent session: keep it stable per node)
 * @param shareGroup     the shared-subscription group all nodes join
 * @param sessionExpiry  how long the broker keeps the platform's session (and queues messages) while it is away
 * @param receiveMaximum how many unacknowledged QoS-1 messages the broker may have in flight to the platform
 * @param connections    ingest connections per node, all in the shared subscription (brokers cap the messages in flight
 *                       per connection — HiveMQ CE at 50, Mosquitto at 20 by default — so one connection caps throughput)
 * @param embedded       the embedded broker
 */
@ConfigurationProperties("jujia.mqtt")
record MqttProperties(String url, String username, String password, String clientId, String shareGroup, Duration sessionExpiry,
        Integer receiveMaximum, Integer connections, Embedded embedded) {

    MqttProperties {
        clientId = clientId == null || clientId.isBlank() ? "jujia-ingest" : clientId;
        shareGroup = shareGroup == null || shareGroup.isBlank() ? "jujia" : shareGroup;
        sessionExpiry = sessionExpiry == null ? Duration.ofDays(1) : sessionExpiry;
        receiveMaximum = receiveMaximum == null ? 4000 : receiveMaximum;
        connections = connections == null || connections < 1 ? 4 : connections;
        embedded = embedded == null ? new Embedded(null, null, null, null, null, null, null, null) : embedded;
    }

    boolean external() {
        return url != null && !url.isBlank();
    }

    /**
     * @param enabled        start the embedded broker when no external url is set (default true)
     * @param port           its port (default 1884; 0 picks a free port, as the tests do)
     * @param bindAddress    where it listens (default 0.0.0.0)
     * @param dataFolder     its persistence (default ./data/mqtt)
     * @param ingestUsername the platform's own user on it
     * @param ingestPassword its password (generated at start when blank)
     * @param maxQueuedMessages how many messages it queues per offline persistent session
     * @param maxInflightWindow unacknowledged QoS 1/2 messages it sends one connection at a time (further bounded by the
     *                          client's Receive Maximum). HiveMQ CE hard-codes 50 ({@code InternalConfigurations
     *                          .MAX_INFLIGHT_WINDOW_SIZE_MESSAGES}, no config.xml element or system property), which caps
     *                          each ingest connection at 50 messages per batch round trip; default 1000
     */
    record Embedded(Boolean enabled, Integer port, String bindAddress, String dataFolder, String ingestUsername, String ingestPassword,
            Long maxQueuedMessages, Integer maxInflightWindow) {
        Embedded {
            enabled = enabled == null || enabled;
            port = port == null ? 1884 : port;
            bindAddress = bindAddress == null || bindAddress.isBlank() ? "0.0.0.0" : bindAddress;
            dataFolder = dataFolder == null || dataFolder.isBlank() ? "./data/mqtt" : dataFolder;
            ingestUsername = ingestUsername == null || ingestUsername.isBlank() ? "jujia-platform" : ingestUsername;
            maxQueuedMessages = maxQueuedMessages == null ? 1_000_000L : maxQueuedMessages;
            maxInflightWindow = maxInflightWindow == null || maxInflightWindow < 1 ? 1000 : Math.min(maxInflightWindow, 65_535);
        }
    }
}
