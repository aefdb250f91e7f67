package org.jujia.elder;

import org.jujia.shared.CareColour;

/**
 * The enrolment facts of an elder that decide who pays for services (PLATFORM.md §7): care colour, economic
 * category, long-term-care and commercial insurance enrolment (not the numbers), and the special-hardship self-care
 * category.
 */
public record ElderFunding(long elderId, CareColour colour, EconomicCategory economicCategory, boolean ltcInsured,
        boolean commercialInsured, HardshipSelfCare hardshipSelfCare) {
}
