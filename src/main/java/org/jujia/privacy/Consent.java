package org.jujia.privacy;

import java.time.Instant;
import java.time.LocalDate;

/** One consent record of an elder. */
public record Consent(long id, long elderId, ConsentScope scope, LocalDate grantedOn, String signerType, String signerName,
        LocalDate revokedOn, String recordedBy, Instant recordedAt) {

    public boolean activeOn(LocalDate date) {
        return !grantedOn.isAfter(date) && (revokedOn == null || revokedOn.isAfter(date));
    }
}
