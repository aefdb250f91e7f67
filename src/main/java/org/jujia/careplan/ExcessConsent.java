package org.jujia.careplan;

import java.time.Instant;

/**
 * The family's recorded consent to pay the part of a plan beyond the elder's entitlement (PLATFORM.md §7: quantity
 * beyond the month's entitlement is paid 100% SELF). It names the amount consented to; a changed plan needs a new one.
 */
public record ExcessConsent(String consentedBy, String relation, long excessFen, Instant recordedAt, String recordedBy) {
}
