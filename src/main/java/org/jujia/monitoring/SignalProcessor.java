package org.jujia.monitoring;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Where the ingest hands each batch of accepted messages, inside the transaction that persisted them (so an alarm
 * and the message that raised it commit together, before the broker gets its acknowledgement). Runs the alarm
 * rules and raises or merges alarms.
 */
@Component
class SignalProcessor {

    /** Called by the ingest with the batch's new (not duplicate) signals, in arrival order, inside its transaction. */
    void process(List<DeviceSignal> signals) {
        // the alarm rules and alarm lifecycle are being built on branch 'alarm' (issue #5)
    }
}
