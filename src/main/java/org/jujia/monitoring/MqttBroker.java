package org.jujia.monitoring;

import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The MQTT broker of this node. Without {@code jujia.mqtt.url} it runs an embedded HiveMQ CE broker (anonymous usage
 * statistics off, file persistence under {@code jujia.mqtt.embedded.data-folder}) whose extension authenticates
 * devices against the registry and authorises their topics ({@link BrokerSecurity}); the platform's own client gets
 * credentials generated at start. With a url it starts nothing and describes the external broker.
 */
@Component
class MqttBroker implements SmartLifecycle {

    /** Starts before the ingest client, stops after it. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 2048;

    private static final Logger log = LoggerFactory.getLogger(MqttBroker.class);

    private final MqttProperties props;
    private final DeviceDirectory directory;
    private final String platformUsername;
    private final String platformPassword;
    private volatile EmbeddedHiveMQ hivemq;
    private volatile int port;
    private volatile boolean running;

    private final org.springframework.beans.factory.ObjectProvider<IngestPipeline> pipeline;
    private final IngestProperties ingest;
    private final java.time.Clock clock;

    MqttBroker(MqttProperties props, DeviceDirectory directory, org.springframework.beans.factory.ObjectProvider<IngestPipeline> pipeline,
            IngestProperties ingest, java.time.Clock clock) {
        this.props = props;
        this.directory = directory;
        this.pipeline = pipeline;
        this.ingest = ingest;
        this.clock = clock;
        if (props.external()) {
            this.platformUsername = props.username();
            this.platformPassword = props.password();
        } else {
            this.platformUsername = props.embedded().ingestUsername();
            String configured = props.embedded().ingestPassword();
            this.platformPassword = configured == null || configured.isBlank() ? DeviceSecrets.generate() : configured;
        }
    }

    boolean embedded() {
        return !props.external() && props.embedded().enabled();
    }

    /** The URI the platform's client connects to. */
    URI platformUri() {
        if (props.external()) {
            return URI.create(props.url().trim());
        }
        return URI.create("tcp://127.0.0.1:" + port);
    }

    String platformUsername() {
        return platformUsername;
    }

    String platformPassword() {
        return platformPassword;
    }

    MqttEndpoint deviceEndpoint() {
        URI u = platformUri();
        boolean tls = "ssl".equals(u.getScheme()) || "tls".equals(u.getScheme()) || "mqtts".equals(u.getScheme());
        return new MqttEndpoint(u.getHost(), u.getPort() > 0 ? u.getPort() : (tls ? 8883 : 1883), tls);
    }

    @Override
    public void start() {
        if (!embedded()) {
            running = true;
            if (props.external()) {
                log.info("Using the external MQTT broker {} (device authentication and topic authorisation are its job)", props.url());
            }
            return;
        }
        var cfg = props.embedded();
        try {
            Path data = Path.of(cfg.dataFolder()).toAbsolutePath().normalize();
            Path conf = data.resolve("conf");
            Path extensions = data.resolve("extensions");
            Files.createDirectories(conf);
            Files.createDirectories(extensions);
            Files.createDirectories(data.resolve("store"));
            port = cfg.port() > 0 ? cfg.port() : freePort();
            Files.writeString(conf.resolve("config.xml"), config(port, cfg), StandardCharsets.UTF_8);
            // HiveMQ CE sends at most min(client Receive Maximum, MAX_INFLIGHT_WINDOW_SIZE_MESSAGES) unacknowledged
            // messages per connection; the latter is a static field (default 50) with no config.xml element or system
            // property, read on every poll. It is JVM-wide: it also applies to devices (bounded by their own Receive Maximum).
            InternalConfigurations.MAX_INFLIGHT_WINDOW_SIZE_MESSAGES = cfg.maxInflightWindow();
            BrokerSecurity security = new BrokerSecurity(directory, platformUsername, platformPassword);
            if (ingest.fastPath()) {
                // the pipeline is looked up lazily: it depends (through the alarm rules and valve commands) on this broker
                security.fastPath(new IngestFastPath(security::deviceMayPublish, pipeline.getObject(), ingest.fastPathTimeout(), clock));
            }
            EmbeddedExtension extension = EmbeddedExtension.builder()
                    .withId("jujia-device-security").withName("Jujia device security").withVersion("1")
                    .withPriority(1000).withStartPriority(1000).withAuthor("jujia")
                    .withExtensionMain(security)
                    .build();
            hivemq = EmbeddedHiveMQ.builder().withConfigurationFolder(conf).withDataFolder(data.resolve("store"))
                    .withExtensionsFolder(extensions).withEmbeddedExtension(extension).withoutLoggingBootstrap().build();
            hivemq.start().get(60, TimeUnit.SECONDS);
            running = true;
            log.info("Embedded MQTT broker (HiveMQ CE) listening on {}:{}, data in {}", cfg.bindAddress(), port, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("the embedded MQTT broker did not start on port " + port, e);
        }
    }

    static String config(int port, MqttProperties.Embedded cfg) {
        return """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener><port>%d</port><bind-address>%s</bind-address></tcp-listener>
                    </listeners>
                    <mqtt>
                        <queued-messages><max-queue-size>%d</max-queue-size><strategy>discard</strategy></queued-messages>
                        <receive-maximum><server-receive-maximum>200</server-receive-maximum></receive-maximum>
                    </mqtt>
                    <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                    <persistence><mode>file</mode></persistence>
                </hivemq>
                """.formatted(port, cfg.bindAddress(), cfg.maxQueuedMessages());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    @Override
    public void stop() {
        running = false;
        EmbeddedHiveMQ h = hivemq;
        hivemq = null;
        if (h != null) {
            try {
                h.stop().get(30, TimeUnit.SECONDS);
                h.close();
            } catch (Exception e) {
                log.warn("The embedded MQTT broker did not stop cleanly", e);
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
}
