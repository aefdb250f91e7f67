package org.jujia.demo;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo homes' devices and the simulator that drives them.
 *
 * @param homes             how many elders' homes get devices (family1's parent first, then the first street's elders)
 * @param simulator         whether the simulator publishes MQTT messages (off in tests)
 * @param telemetryInterval how often each home's mattress and wearable report vital signs
 * @param heartbeatInterval how often every device reports its status (heartbeat, battery, firmware)
 * @param alarmInterval     on average how often one home somewhere raises an alarm (SOS, smoke, fall, water leak)
 * @param motionInterval    on average how often each home reports a motion or door event (daytime only for doors)
 */
@ConfigurationProperties("jujia.demo.devices")
record DemoDeviceProperties(Integer homes, Boolean simulator, Duration telemetryInterval, Duration heartbeatInterval, Duration alarmInterval,
        Duration motionInterval) {

    DemoDeviceProperties {
        homes = homes == null ? 200 : homes;
        simulator = simulator == null || simulator;
        telemetryInterval = telemetryInterval == null ? Duration.ofSeconds(10) : telemetryInterval;
        heartbeatInterval = heartbeatInterval == null ? Duration.ofMinutes(1) : heartbeatInterval;
        alarmInterval = alarmInterval == null ? Duration.ofMinutes(10) : alarmInterval;
        motionInterval = motionInterval == null ? Duration.ofMinutes(5) : motionInterval;
    }
}
