package org.jujia.privacy;

/** What an audited event did. */
public enum AuditAction {
    /** a record with sensitive data was displayed (values masked) */
    VIEW,
    /** sensitive values were revealed in the clear, with a stated purpose */
    REVEAL,
    /** a search over personal records */
    SEARCH,
    CREATE, UPDATE, STATUS_CHANGE, DELETE,
    IMPORT, EXPORT,
    CONSENT,
    KEY_ROTATION
}
