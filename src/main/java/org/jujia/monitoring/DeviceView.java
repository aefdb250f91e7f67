package org.jujia.monitoring;

import java.time.Instant;
import java.time.LocalDate;

/** A registered home device as the registry shows it (never its secret). */
public record DeviceView(long id, String serial, DeviceType type, Long elderId, String elderName, String regionPath, String room,
        LocalDate installedOn, String firmware, Long gatewayId, String gatewaySerial, DeviceStatus status, Instant lastHeartbeatAt,
        Instant lastSeenAt, Integer batteryPct, Instant createdAt) {
}
