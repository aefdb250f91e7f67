package org.jujia.workforce;

/**
 * A blacklist case was decided: CONFIRMED by street, civil affairs and police (a lifelong ban in the city), or
 * CORRECTED / REJECTED by civil affairs. {@code userId} is the caregiver's account, null for a person without one.
 */
public record BlacklistDecided(long caseId, Long userId, Long staffId, String status) {
}
