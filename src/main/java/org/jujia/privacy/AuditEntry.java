package org.jujia.privacy;

import java.time.Instant;

/** One link of the audit chain as stored. */
public record AuditEntry(long id, Instant occurredAt, Long actorId, String actorName, String action, String subjectType,
        String subjectId, String fields, String purpose, String detail, String prevHash, String hash) {

    /** The exact text that is hashed into the chain; any change to a stored row changes it. */
    String canonical() {
        return String.join("|", String.valueOf(id), occurredAt.toString(), String.valueOf(actorId), actorName, action,
                subjectType, nz(subjectId), nz(fields), nz(purpose), nz(detail));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
