package org.jujia.monitoring;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rule fired: what it found, on which device and elder, when the device says it happened and when the platform
 * got it. Becomes a new alarm, or is merged into the open alarm with the same {@link #dedupKey()}.
 */
record Trigger(AlarmType type, Long elderId, Long deviceId, String serial, DeviceType deviceType, String room, String summary,
        Map<String, Object> details, Instant occurredAt, Instant receivedAt) {

    Trigger {
        details = details == null ? Map.of() : new LinkedHashMap<>(details);
    }

    static Trigger of(AlarmType type, DeviceSignal s, String summary, Map<String, Object> details) {
        Map<String, Object> d = new LinkedHashMap<>();
        if (details != null) {
            d.putAll(details);
        }
        d.putIfAbsent("messageId", s.messageId());
        return new Trigger(type, s.elderId(), s.deviceId(), s.serial(), s.deviceType(), s.room(), summary, d, s.occurredAt(), s.receivedAt());
    }

    /** Repeated triggers of an open alarm merge on this key: per device for device faults, per elder otherwise. */
    String dedupKey() {
        if (type.perDevice() || elderId == null) {
            return type.name() + ":device:" + deviceId;
        }
        return type.name() + ":elder:" + elderId;
    }
}
