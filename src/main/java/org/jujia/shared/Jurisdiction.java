package org.jujia.shared;

import java.util.Set;

/**
 * Who is asking and what part of the region tree they may see: the caller's node path and everything below it.
 * Family members are further limited to the elders they are linked to. Every query of personal data takes one.
 *
 * @param userId      the caller's user id (0 for the system itself)
 * @param username    the caller's login name, used in the audit log
 * @param scopePath   the materialised path of the caller's home node, e.g. {@code /1/4/}
 * @param familyOnly  true when the caller sees only elders linked to them as family
 * @param permissions the caller's permissions (names of {@code access.Permission})
 */
public record Jurisdiction(long userId, String username, String scopePath, boolean familyOnly, Set<String> permissions) {

    public Jurisdiction {
        if (scopePath == null || !scopePath.startsWith("/") || !scopePath.endsWith("/")) {
            throw new IllegalArgumentException("scopePath must look like /1/4/: " + scopePath);
        }
        permissions = Set.copyOf(permissions);
    }

    /** The platform acting on its own (start-up, demo data, scheduled jobs) over the whole tree. */
    public static Jurisdiction system(String scopePath) {
        return new Jurisdiction(0, "system", scopePath, false, Set.of());
    }

    /** Does this jurisdiction cover the node with the given path? */
    public boolean covers(String path) {
        return path != null && path.startsWith(scopePath);
    }

    /** A SQL LIKE pattern matching the caller's node and every node below it. */
    public String likePattern() {
        return scopePath + "%";
    }

    public boolean can(String permission) {
        return permissions.contains(permission);
    }
}
