package org.jujia.access;

import java.time.Instant;
import java.util.Set;

/** A user as other modules and the admin pages see it (never the password hash). */
public record UserAccount(long id, String username, String displayName, Set<Role> roles, long homeNodeId,
        String homePath, Long organisationId, boolean enabled, Instant lockedUntil, Instant createdAt) {

    public boolean locked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
