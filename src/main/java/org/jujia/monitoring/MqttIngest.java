package org.jujia.monitoring;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The platform's MQTT 5 connection: a persistent session (clean start off, session expiry) subscribed QoS 1 to the
 * shared subscription {@code $share/<group>/jujia/v1/devices/+/+}, so that the nodes share the device traffic and
 * messages queued while a node was down are delivered when it returns. Messages are acknowledged manually, by the
 * {@link IngestPipeline} after their batch has committed. The same connection publishes commands to devices.
 */
@Component
class MqttIngest implements SmartLifecycle {

    static final int PHASE = IngestPipeline.PHASE + 100;

    private static final Logger log = LoggerFactory.getLogger(MqttIngest.class);

    private final MqttBroker broker;
    private final MqttProperties props;
    private final IngestPipeline pipeline;
    private final Clock clock;
    private volatile java.util.List<Mqtt5AsyncClient> clients = java.util.List.of();
    private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean running;

    MqttIngest(MqttBroker broker, MqttProperties props, IngestPipeline pipeline, Clock clock) {
        this.broker = broker;
        this.props = props;
        this.pipeline = pipeline;
        this.clock = clock;
    }

    @Override
    public void start() {
        running = true;
        var list = new java.util.ArrayList<Mqtt5AsyncClient>();
        for (int i = 0; i < props.connections(); i++) {
            // one stable client id per connection: each keeps its persistent session across restarts
            list.add(connect(broker.platformUri(), broker.platformUsername(), broker.platformPassword(), props.clientId() + "-" + i,
                    props.shareGroup()));
        }
        clients = java.util.List.copyOf(list);
    }

    /** Connects an ingest session (also used by tests against another broker) and subscribes it. */
    Mqtt5AsyncClient connect(URI uri, String username, String password, String clientId, String shareGroup) {
        Mqtt5ClientBuilder b = Mqtt5Client.builder().identifier(clientId).serverHost(uri.getHost())
                .serverPort(uri.getPort() > 0 ? uri.getPort() : 1883)
                .automaticReconnect().initialDelay(200, TimeUnit.MILLISECONDS).maxDelay(5, TimeUnit.SECONDS).applyAutomaticReconnect()
                .addConnectedListener(c -> log.info("MQTT ingest {} connected to {}", clientId, uri))
                .addDisconnectedListener(c -> {
                    if (running) {
                        log.warn("MQTT ingest {} disconnected: {}", clientId, c.getCause().toString());
                    }
                });
        if ("ssl".equals(uri.getScheme()) || "mqtts".equals(uri.getScheme())) {
            b = b.sslWithDefaultConfig();
        }
        if (username != null && !username.isBlank()) {
            b = b.simpleAuth().username(username).password(password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth();
        }
        Mqtt5AsyncClient c = b.buildAsync();
        // registered before connecting, so that messages queued in the session while we were away are not lost
        c.publishes(MqttGlobalPublishFilter.ALL, this::receive, true);
        c.connectWith().cleanStart(false).sessionExpiryInterval(props.sessionExpiry().toSeconds()).keepAlive(30)
                .restrictions().receiveMaximum(props.receiveMaximum()).applyRestrictions()
                .send().orTimeout(30, TimeUnit.SECONDS).join();
        var suback = c.subscribeWith().topicFilter(DeviceTopics.sharedIngestFilter(shareGroup)).qos(MqttQos.AT_LEAST_ONCE).send()
                .orTimeout(30, TimeUnit.SECONDS).join();
        if (suback.getReasonCodes().stream().anyMatch(rc -> rc.isError())) {
            throw new IllegalStateException("MQTT subscription refused: " + suback.getReasonCodes());
        }
        return c;
    }

    private void receive(Mqtt5Publish p) {
        String topic = p.getTopic().toString();
        Optional<DeviceTopics.Address> address = DeviceTopics.parse(topic);
        if (address.isPresent() && address.get().channel() == DeviceTopics.Channel.COMMANDS) {
            p.acknowledge(); // our own commands to devices come back through the wildcard subscription
            return;
        }
        String serial = address.map(DeviceTopics.Address::serial).orElse(null);
        DeviceSignal.Kind kind = address.map(a -> a.channel().kind).orElse(DeviceSignal.Kind.EVENT);
        byte[] payload = p.getPayloadAsBytes();
        if (address.isEmpty()) {
            pipeline.submit(new IngestPipeline.Incoming("?", kind, payload, clock.instant(), "MQTT", topic, p::acknowledge, null));
            return;
        }
        pipeline.submit(new IngestPipeline.Incoming(serial, kind, payload, clock.instant(), "MQTT", topic, p::acknowledge, null));
    }

    /** Publishes QoS 1 and completes when the broker has acknowledged it. */
    CompletableFuture<Void> publish(String topic, byte[] payload) {
        var all = clients;
        if (all.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException("MQTT is not connected"));
        }
        Mqtt5AsyncClient c = all.get(Math.floorMod(next.getAndIncrement(), all.size()));
        return c.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send().thenAccept(MqttIngest::requireAcknowledged);
    }

    private static void requireAcknowledged(Mqtt5PublishResult r) {
        if (r.getError().isPresent()) {
            throw new IllegalStateException("publish failed", r.getError().get());
        }
        if (r instanceof Mqtt5PublishResult.Mqtt5Qos1Result q && q.getPubAck().getReasonCode() != Mqtt5PubAckReasonCode.SUCCESS
                && q.getPubAck().getReasonCode() != Mqtt5PubAckReasonCode.NO_MATCHING_SUBSCRIBERS) {
            throw new IllegalStateException("publish refused: " + q.getPubAck().getReasonCode());
        }
    }

    boolean connected() {
        return clients.stream().anyMatch(c -> c.getState().isConnected());
    }

    @Override
    public void stop() {
        running = false;
        var all = clients;
        clients = java.util.List.of();
        for (Mqtt5AsyncClient c : all) {
            try {
                // the session stays on the broker (session expiry): unacknowledged messages are redelivered on return
                c.disconnect().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.debug("MQTT ingest disconnect: {}", e.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    static Duration sessionExpiry(MqttProperties p) {
        return p.sessionExpiry();
    }
}
