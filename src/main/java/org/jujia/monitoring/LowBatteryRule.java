package org.jujia.monitoring;

import java.util.Map;
import java.util.Optional;

/** LOW_BATTERY (low): any message reporting {@code battery} at or below {@code low-battery-pct} (15 %). */
final class LowBatteryRule {

    private final int pct;

    LowBatteryRule(int pct) {
        this.pct = pct;
    }

    Optional<Trigger> evaluate(DeviceSignal s) {
        Double b = s.number("battery");
        if (b == null || b > pct) {
            return Optional.empty();
        }
        return Optional.of(Trigger.of(AlarmType.LOW_BATTERY, s, "battery " + Rules.num(b) + "% (≤" + pct + "%)", Map.of("battery", b)));
    }
}
