package org.jujia.access;

import static org.jujia.access.Permission.*;

import java.util.EnumSet;
import java.util.Set;

/** The platform's roles (PLATFORM.md §1) and the permissions each grants. */
public enum Role {
    SYSTEM_ADMIN(EnumSet.of(ELDER_READ, USER_ADMIN, REGION_ADMIN, AUDIT_READ, KEY_ADMIN)),
    CIVIL_AFFAIRS(EnumSet.of(ELDER_READ, ELDER_WRITE, ELDER_IMPORT, ELDER_EXPORT, SENSITIVE_REVEAL, CONSENT_WRITE,
            USER_ADMIN, REGION_ADMIN, AUDIT_READ, ASSESSMENT_READ, ASSESSMENT_EVENTS, TASK_MANAGE)),
    STREET_OFFICER(EnumSet.of(ELDER_READ, ELDER_WRITE, ELDER_IMPORT, ELDER_EXPORT, SENSITIVE_REVEAL, CONSENT_WRITE,
            ASSESSMENT_READ, ASSESSMENT_EVENTS, TASK_MANAGE)),
    COMMUNITY_WORKER(EnumSet.of(ELDER_READ, ELDER_WRITE, ELDER_IMPORT, ELDER_EXPORT, SENSITIVE_REVEAL, CONSENT_WRITE,
            ASSESSMENT_READ, ASSESSMENT_EVENTS)),
    ASSESSOR(EnumSet.of(ELDER_READ, SENSITIVE_REVEAL, ASSESSMENT_READ, ASSESSMENT_PERFORM, ASSESSMENT_EVENTS)),
    PROVIDER_OPERATOR(EnumSet.of(ELDER_READ, ASSESSMENT_READ)),
    CAREGIVER(EnumSet.of(ELDER_READ)),
    ALARM_OPERATOR(EnumSet.of(ELDER_READ, SENSITIVE_REVEAL, ASSESSMENT_READ, ASSESSMENT_EVENTS)),
    FAMILY(EnumSet.of(ELDER_READ, ASSESSMENT_READ)),
    VOLUNTEER(EnumSet.noneOf(Permission.class)),
    AUDITOR(EnumSet.of(ELDER_READ, AUDIT_READ, ASSESSMENT_READ));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
