package org.jujia.monitoring;

import java.time.Instant;

/**
 * An alarm closed by an operator: resolved with an outcome, or marked as a false alarm ({@code falseAlarm}, outcome
 * null). Carries the response times statistics need.
 */
public record AlarmResolved(long alarmId, AlarmType type, AlarmSeverity severity, Long elderId, String regionPath, boolean falseAlarm,
        AlarmOutcome outcome, Instant raisedAt, Instant acknowledgedAt, Instant dispatchedAt, Instant closedAt) {
}
