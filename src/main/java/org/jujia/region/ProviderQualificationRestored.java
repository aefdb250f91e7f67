package org.jujia.region;

import java.time.Instant;

/** Civil affairs restored a provider's revoked operating qualification (a correction, with its reason). */
public record ProviderQualificationRestored(long providerId, String providerName, String reason, String actor, Instant restoredAt) {
}
