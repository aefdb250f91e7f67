package org.jujia.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** An alarm as the alarm centre, the API and the family see it. */
public record Alarm(long id, AlarmType type, AlarmSeverity severity, AlarmStatus status, Long elderId, String elderName, Long deviceId,
        String deviceSerial, String deviceType, String room, String regionPath, String summary, Map<String, Object> details,
        int triggerCount, Instant occurredAt, Instant receivedAt, Instant raisedAt, Instant lastTriggeredAt, Instant notifiedAt,
        Instant acknowledgedAt, String acknowledgedBy, Instant dispatchedAt, String dispatchedBy, Long responderId,
        String responderName, Double responderKm, Instant closedAt, String closedBy, AlarmOutcome outcome, String note,
        int escalationLevel, Instant nextEscalationAt, Instant updatedAt, int version) {

    public boolean open() {
        return status.open();
    }

    /** Time from raising to acknowledgement, if acknowledged. */
    public Duration responseTime() {
        return acknowledgedAt == null ? null : Duration.between(raisedAt, acknowledgedAt);
    }
}
