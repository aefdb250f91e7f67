package org.jujia.workforce;

/** Whether a caregiver may be assigned a service, and if not, why (the first reason that applies, in this order). */
public enum Eligibility {
    ELIGIBLE, INACTIVE, BLACKLISTED, BLACKLIST_PENDING, LACKS_QUALIFICATION, LEVEL_TOO_LOW;

    public boolean eligible() {
        return this == ELIGIBLE;
    }
}
