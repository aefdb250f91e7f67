package org.jujia.careplan;

/** Why a plan ended. */
public enum EndReason {
    DECEASED, MOVED, WITHDRAWN, ABANDONED, OTHER
}
