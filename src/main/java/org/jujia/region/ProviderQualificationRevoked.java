package org.jujia.region;

import java.time.Instant;

/** A service provider's operating qualification was revoked: it gets no new orders, its open orders go back to the street. */
public record ProviderQualificationRevoked(long providerId, String providerName, String reason, String actor, Instant revokedAt) {
}
