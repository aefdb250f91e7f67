package org.jujia.elder;

/** Special categories: 80+ (高龄, derived from age), 失独 (lost their only child), special contribution. */
public enum SpecialCategory {
    OLDEST_OLD, LOST_ONLY_CHILD, SPECIAL_CONTRIBUTION;

    /** Age from which an elder is 高龄. */
    public static final int OLDEST_OLD_AGE = 80;
}
