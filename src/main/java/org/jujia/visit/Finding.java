package org.jujia.visit;

/** One failed verification: the flag and what was measured, e.g. {@code 236 m from home (±12 m) > 200 m}. */
public record Finding(VisitFlag flag, String stage, String detail) {

    /** At check-in or at check-out. */
    public static final String CHECK_IN = "CHECK_IN";
    public static final String CHECK_OUT = "CHECK_OUT";
}
