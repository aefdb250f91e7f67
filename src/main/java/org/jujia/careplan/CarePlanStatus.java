package org.jujia.careplan;

/**
 * The life of a care plan version: built as a DRAFT, submitted for the family's signature (AWAITING_SIGNATURE),
 * ACTIVE once the agreement is signed, SUPERSEDED when the next version is signed, or ENDED (elder deceased, moved,
 * withdrew, or a draft abandoned).
 */
public enum CarePlanStatus {
    DRAFT, AWAITING_SIGNATURE, ACTIVE, SUPERSEDED, ENDED;

    /** Still being prepared (at most one such plan per elder). */
    public boolean open() {
        return this == DRAFT || this == AWAITING_SIGNATURE;
    }
}
