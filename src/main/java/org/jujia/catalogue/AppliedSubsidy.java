package org.jujia.catalogue;

/**
 * A monthly subsidy (PLATFORM.md §7), paid by government, applied against the month's SELF shares.
 *
 * @param kind       which subsidy
 * @param grantedFen the month's amount
 * @param fen        the part applied against SELF shares (≤ grantedFen)
 * @param unusedFen  the remainder, kept as unused allowance — never paid in cash
 */
public record AppliedSubsidy(Kind kind, long grantedFen, long fen, long unusedFen) {

    public enum Kind {
        /** 特困, self-care capable: 240 yuan */
        SPECIAL_HARDSHIP_SELF_CARE_CAPABLE,
        /** 特困, self-care partially lost: 685 yuan */
        SPECIAL_HARDSHIP_PARTIALLY_LOST,
        /** 特困, self-care fully lost: 1090 yuan */
        SPECIAL_HARDSHIP_FULLY_LOST,
        /** 低保 and red: 700 yuan */
        MINIMUM_LIVING_RED
    }
}
