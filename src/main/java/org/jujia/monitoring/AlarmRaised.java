package org.jujia.monitoring;

import java.time.Instant;

/** A new alarm (not a repeated trigger merged into an open one). */
public record AlarmRaised(long alarmId, AlarmType type, AlarmSeverity severity, Long elderId, String regionPath, Instant occurredAt,
        Instant raisedAt) {
}
