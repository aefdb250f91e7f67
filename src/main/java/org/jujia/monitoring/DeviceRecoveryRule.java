package org.jujia.monitoring;

import java.time.Instant;

/**
 * A device fault clears itself: an open DEVICE_OFFLINE alarm once the device's heartbeat is heard again after the
 * alarm's last trigger; an open LOW_BATTERY alarm once the device reports, after that trigger, a battery above the low
 * mark ({@code low-battery-pct}: a replaced or recharged battery). Other alarms are closed by an operator only.
 */
record DeviceRecoveryRule(int lowBatteryPct) {

    boolean recovered(AlarmType type, Instant lastTriggeredAt, Instant lastHeartbeatAt, Instant lastSeenAt, Integer batteryPct) {
        return switch (type) {
            case DEVICE_OFFLINE -> lastHeartbeatAt != null && lastHeartbeatAt.isAfter(lastTriggeredAt);
            case LOW_BATTERY -> lastSeenAt != null && lastSeenAt.isAfter(lastTriggeredAt) && batteryPct != null && batteryPct > lowBatteryPct;
            default -> false;
        };
    }

    /** What the device said that cleared the alarm (the timeline's and the alarm's note). */
    static String note(AlarmType type, Instant lastHeartbeatAt, Instant lastSeenAt, Integer batteryPct) {
        return type == AlarmType.LOW_BATTERY ? "battery " + batteryPct + "% reported at " + lastSeenAt : "heartbeat heard again at " + lastHeartbeatAt;
    }
}
