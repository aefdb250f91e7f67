package org.jujia.catalogue;

import org.jujia.elder.EconomicCategory;
import org.jujia.elder.HardshipSelfCare;
import org.jujia.shared.CareColour;

/**
 * The facts about an elder that the funding rule needs (PLATFORM.md §7), read from the elder record and the
 * respite list ({@link ServiceCatalogue#fundingProfile}) or given explicitly for a prospective client.
 *
 * @param colour            care colour; null when not yet assessed (treated like GREEN: no government payment for
 *                          BASIC) [D]
 * @param economicCategory  特困 / 低保 / 低收入 / ordinary
 * @param ltcInsured        enrolled in long-term-care insurance
 * @param commercialInsured enrolled in commercial supplementary insurance
 * @param hardshipSelfCare  self-care category of a special-hardship elder (basis of the hardship subsidy); null
 *                          otherwise or when not yet determined (then no hardship subsidy)
 * @param highRiskCaregiver the household is on the respite list of a high-risk family caregiver (ZBI ≥ 40)
 */
public record FundingProfile(CareColour colour, EconomicCategory economicCategory, boolean ltcInsured, boolean commercialInsured,
        HardshipSelfCare hardshipSelfCare, boolean highRiskCaregiver) {

    public FundingProfile {
        if (economicCategory == null) {
            throw new IllegalArgumentException("economicCategory is required");
        }
    }

    /** Red or orange: the basic package is free (paid by government). */
    public boolean basicFree() {
        return colour == CareColour.RED || colour == CareColour.ORANGE;
    }
}
