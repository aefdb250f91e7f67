package org.jujia.monitoring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tuning of the ingest and the telemetry store.
 *
 * @param batchSize          at most this many messages per transaction
 * @param batchWindow        how long the ingest waits at most to fill a batch after its first message
 * @param batchIdle          a batch is closed early when no message arrives for this long (brokers hold back further
 *                           messages until the batch is acknowledged, so waiting longer gains nothing)
 * @param queueCapacity      messages waiting for the ingest, all workers together (the MQTT client blocks beyond)
 * @param fastPath           the embedded broker hands device messages straight to the ingest and acknowledges them to
 *                           the device after commit ({@link IngestFastPath}); off: everything goes through the subscription
 * @param fastPathTimeout    a fast-path message not committed within this goes the ordinary way through the broker
 * @param workers            ingest threads, each with its own transactions; a device's messages always go to the same one
 * @param telemetryRetention raw telemetry older than this is dropped (whole daily partitions)
 * @param partitionsAhead    how many daily partitions are created ahead
 * @param dedupWindow        how long message ids are remembered for de-duplication
 * @param maintenanceCron    when partitions are created/dropped and old message ids forgotten (Asia/Shanghai)
 */
@ConfigurationProperties("jujia.monitoring.ingest")
record IngestProperties(Integer batchSize, Duration batchWindow, Duration batchIdle, Integer queueCapacity, Integer workers, Boolean fastPath, Duration fastPathTimeout, Duration telemetryRetention, Integer partitionsAhead,
        Duration dedupWindow, String maintenanceCron) {

    IngestProperties {
        batchSize = batchSize == null ? 500 : batchSize;
        batchWindow = batchWindow == null ? Duration.ofMillis(20) : batchWindow;
        batchIdle = batchIdle == null ? Duration.ofMillis(2) : batchIdle;
        queueCapacity = queueCapacity == null ? 20_000 : queueCapacity;
        workers = workers == null || workers < 1 ? 2 : workers;
        fastPath = fastPath == null || fastPath;
        fastPathTimeout = fastPathTimeout == null ? Duration.ofSeconds(10) : fastPathTimeout;
        telemetryRetention = telemetryRetention == null ? Duration.ofDays(180) : telemetryRetention;
        partitionsAhead = partitionsAhead == null ? 7 : partitionsAhead;
        dedupWindow = dedupWindow == null ? Duration.ofDays(7) : dedupWindow;
        maintenanceCron = maintenanceCron == null ? "0 17 3 * * *" : maintenanceCron;
    }
}
