package org.jujia.access;

/** What a user may do; granted through roles. Checked as authorities {@code PERM_<name>}. */
public enum Permission {
    ELDER_READ, ELDER_WRITE, ELDER_IMPORT, ELDER_EXPORT, SENSITIVE_REVEAL, CONSENT_WRITE,
    USER_ADMIN, REGION_ADMIN, AUDIT_READ, KEY_ADMIN;

    public String authority() {
        return "PERM_" + name();
    }
}
