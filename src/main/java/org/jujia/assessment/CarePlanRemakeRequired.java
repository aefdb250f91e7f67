package org.jujia.assessment;

import java.time.Instant;

/** The 10-point rule fired: the street's officer must remake the elder's care plan by the deadline. */
public record CarePlanRemakeRequired(long taskId, long elderId, long streetId, String reason, long assessmentId, Instant deadline) {
}
