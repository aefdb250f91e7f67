package org.jujia.monitoring;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded broker's fast path for device messages: a QoS-1 PUBLISH of a device to its events, telemetry or status
 * topic is handed straight to the {@link IngestPipeline} inside the broker, and the broker's PUBACK to the device is
 * held back (an asynchronous interceptor) until the ingest batch holding the message has committed; the broker then
 * drops the message instead of queueing it for the platform's subscription. So "persisted before acknowledged" now
 * holds all the way to the device, and the broker's persistent client queues (file-backed, the bulk of the broker's
 * CPU under load) are bypassed.
 *
 * <p>Everything else takes the ordinary path through the broker and the shared subscription: the platform's own
 * publishes, QoS 0, topics the device may not publish to (the authoriser refuses them), and — so that nothing is ever
 * refused for being busy — messages arriving while the ingest's queue is full or the ingest is stopped. When a batch
 * has not committed within {@code fast-path-timeout} (the database is away), the message is released to the ordinary
 * path too; de-duplication by (device, message id) keeps it processed once.
 */
final class IngestFastPath implements PublishInboundInterceptor {

    private static final Logger log = LoggerFactory.getLogger(IngestFastPath.class);

    private final BiPredicate<String, String> deviceMayPublish;
    private final IngestPipeline pipeline;
    private final Duration timeout;
    private final Clock clock;

    IngestFastPath(BiPredicate<String, String> deviceMayPublish, IngestPipeline pipeline, Duration timeout, Clock clock) {
        this.deviceMayPublish = deviceMayPublish;
        this.pipeline = pipeline;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
        var publish = input.getPublishPacket();
        if (publish.getQos() != Qos.AT_LEAST_ONCE) {
            return;
        }
        String topic = publish.getTopic();
        Optional<DeviceTopics.Address> address = DeviceTopics.parse(topic);
        if (address.isEmpty() || address.get().channel() == DeviceTopics.Channel.COMMANDS) {
            return;
        }
        String clientId = input.getClientInformation().getClientId();
        if (!deviceMayPublish.test(clientId, topic)) {
            return; // the platform's own client, or a refusal the authoriser reports
        }
        byte[] payload = publish.getPayload().map(IngestFastPath::bytes).orElse(new byte[0]);
        CompletableFuture<IngestPipeline.Outcome> done = new CompletableFuture<>();
        var in = new IngestPipeline.Incoming(address.get().serial(), address.get().channel().kind, payload, clock.instant(), "MQTT", topic, null, done);
        Async<PublishInboundOutput> async = output.async(timeout, TimeoutFallback.SUCCESS);
        if (!pipeline.offer(in)) {
            async.resume(); // busy or stopping: the ordinary, broker-queued path
            return;
        }
        done.whenComplete((outcome, failure) -> {
            try {
                if (failure == null) {
                    async.getOutput().preventPublishDelivery(); // committed: PUBACK success, no second copy via the broker
                }
            } catch (RuntimeException e) {
                log.debug("fast path for {} resolved after its timeout: {}", topic, e.toString());
            } finally {
                try {
                    async.resume();
                } catch (RuntimeException e) {
                    log.debug("fast path for {} already resumed: {}", topic, e.toString());
                }
            }
        });
    }

    private static byte[] bytes(ByteBuffer b) {
        ByteBuffer d = b.duplicate();
        byte[] out = new byte[d.remaining()];
        d.get(out);
        return out;
    }
}
