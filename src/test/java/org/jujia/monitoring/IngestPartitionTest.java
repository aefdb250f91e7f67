package org.jujia.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestPartitionTest {

    @Test
    void aDeviceAlwaysGoesToTheSameWorkerSoItsMessagesKeepTheirOrder() {
        for (int workers = 1; workers <= 4; workers++) {
            for (int i = 0; i < 1000; i++) {
                String serial = "BBAND-" + i;
                int w = IngestPipeline.partition(serial, workers);
                assertThat(w).isBetween(0, workers - 1);
                assertThat(IngestPipeline.partition(serial, workers)).isEqualTo(w);
            }
        }
        assertThat(IngestPipeline.partition(null, 3)).isZero();
    }

    @Test
    void devicesSpreadOverTheWorkers() {
        Map<Integer, Integer> load = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            load.merge(IngestPipeline.partition("BSOS-a1b2c3-" + i, 2), 1, Integer::sum);
        }
        assertThat(load).hasSize(2);
        assertThat(load.values()).allSatisfy(n -> assertThat(n).isBetween(4_000, 6_000));
    }
}
