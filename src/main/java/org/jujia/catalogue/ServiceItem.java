package org.jujia.catalogue;

import java.time.YearMonth;
import java.util.List;

/**
 * A service item of the catalogue as in force on a day (PLATFORM.md §4): its price is the {@link PriceVersion} in
 * force that day.
 *
 * @param code                  stable code, e.g. {@code MEAL_LUNCH}
 * @param category              category code (see {@link ServiceCatalogue#categories()}), e.g. {@code LIVING_CARE}
 * @param standardMinutes       standard duration of one unit in minutes (0 for items without a visit, e.g. a
 *                              monthly subscription)
 * @param unitPriceFen          price of one unit in fen, from {@code priceVersion}
 * @param entitlement           the package's monthly entitlement rule; null = unlimited
 * @param respiteCare           true for respite care (喘息服务): the first hours of a high-risk caregiver's household
 *                              are paid by government (FundingRule)
 * @param minCaregiverLevel     for CAREGIVER items, the lowest acceptable skill level (null = any)
 * @param checks                measurable checks of the quality standard
 * @param active                false when withdrawn from the catalogue (kept for history)
 */
public record ServiceItem(String code, String nameZh, String nameEn, String category, ServicePackage servicePackage, ServiceUnit unit,
        int standardMinutes, long unitPriceFen, PriceVersion priceVersion, Entitlement entitlement, boolean respiteCare,
        Qualification requiredQualification, CaregiverLevel minCaregiverLevel, String qualityStandard, List<QualityCheck> checks,
        boolean active) {

    public ServiceItem {
        checks = checks == null ? List.of() : List.copyOf(checks);
    }

    /** The quantity within entitlement in {@code month}; null when unlimited. */
    public Integer monthlyEntitlement(YearMonth month) {
        return entitlement == null ? null : entitlement.monthlyQuantity(month);
    }
}
