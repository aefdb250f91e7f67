package org.jujia.workforce;

/** Whether a caregiver may be assigned a service, and if not, why (the first reason that applies, in this order). */
public enum Eligibility {
    ELIGIBLE, INACTIVE, BLACKLISTED, BLACKLIST_PENDING, LACKS_QUALIFICATION, LEVEL_TOO_LOW,
    /** the caregiver's provider has lost its operating qualification (PLATFORM.md §7) */
    PROVIDER_REVOKED;

    public boolean eligible() {
        return this == ELIGIBLE;
    }
}
