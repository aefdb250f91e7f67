package org.jujia.oversight;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A provider's annual performance score (0–100, one decimal) was computed from the evidence of {@code year}; it replaces
 * any score entered by hand for that provider and year (settlement's budget rule reads it).
 */
public record PerformanceScoreComputed(long providerId, String providerName, int year, BigDecimal score, String actor, Instant computedAt) {
}
