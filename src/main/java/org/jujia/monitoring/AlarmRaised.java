package org.jujia.monitoring;

import java.time.Instant;

/**
 * A new alarm (not a repeated trigger merged into an open one), with the device message that raised it ({@code deviceId}
 * and {@code messageId} null for the scheduled checks).
 */
public record AlarmRaised(long alarmId, AlarmType type, AlarmSeverity severity, Long elderId, String regionPath, Long deviceId,
        String messageId, Instant occurredAt, Instant receivedAt, Instant raisedAt) {
}
