package org.jujia.catalogue;

/** Who pays (part of) a service line (PLATFORM.md §7). */
public enum Payer {
    GOVERNMENT, LTC_INSURANCE, COMMERCIAL_INSURANCE, SELF
}
