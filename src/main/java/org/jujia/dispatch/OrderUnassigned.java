package org.jujia.dispatch;

import java.time.Instant;

/**
 * An order lost its caregiver without getting another (refused by a provider after assignment, moved to another provider
 * by the street): the scheduled visit of {@code caregiverUserId} is withdrawn.
 */
public record OrderUnassigned(long orderId, long elderId, long caregiverUserId, String reason, Instant at) {
}
