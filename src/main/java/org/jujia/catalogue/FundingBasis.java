package org.jujia.catalogue;

/** Which row of the funding table (PLATFORM.md §7) paid (the within-entitlement part of) a line. */
public enum FundingBasis {
    /** BASIC, red or orange: 100% government */
    BASIC_GOVERNMENT,
    /** BASIC, yellow or green, long-term-care insured: 15% self (floored), the rest LTC insurance */
    BASIC_LTC_INSURANCE,
    /** BASIC, yellow or green, not insured: 100% self */
    BASIC_SELF,
    /** UPGRADE, commercially insured: 15% self (floored), the rest commercial insurance */
    UPGRADE_COMMERCIAL_INSURANCE,
    /** UPGRADE, not insured: 100% self */
    UPGRADE_SELF,
    /** PERSONAL: 100% self */
    PERSONAL_SELF
}
