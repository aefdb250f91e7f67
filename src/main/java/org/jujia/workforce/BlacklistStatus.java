package org.jujia.workforce;

/** Where a caregiver stands with the blacklist: the strongest of their entries that is not rejected. */
public enum BlacklistStatus {
    /** no entry, or every entry rejected */
    NONE,
    /** proposed (e.g. after a confirmed fraud), awaiting the joint decision of street, civil affairs and police */
    PROPOSED,
    /** confirmed: lifelong ban in the city */
    CONFIRMED
}
