package org.jujia.elder;

/** Status of an elder record; a deceased elder's record never becomes active again. */
public enum ElderStatus {
    ACTIVE, MOVED_AWAY, DECEASED;

    public boolean canChangeTo(ElderStatus next) {
        return this != next && this != DECEASED;
    }
}
