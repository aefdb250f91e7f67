package org.jujia.workforce;

/** Whether a caregiver may be assigned a service, and if not, why (the first reason that applies, in this order). */
public enum Eligibility {
    ELIGIBLE, INACTIVE, BLACKLISTED, BLACKLIST_PENDING, LACKS_QUALIFICATION, LEVEL_TOO_LOW,
    /** the caregiver's provider has lost its operating qualification (PLATFORM.md §7) */
    PROVIDER_REVOKED,
    /** no certificate for the service's qualification (of the minimum level for caregiver items) valid on the date */
    CERTIFICATE_INVALID,
    /** no PASSED background check dated on or before the date */
    BACKGROUND_CHECK_MISSING,
    /** pre-job training (160 h: 80 theory, 80 practice, every required topic) not complete by the date */
    TRAINING_INCOMPLETE;

    public boolean eligible() {
        return this == ELIGIBLE;
    }
}
