package org.jujia.catalogue;

import java.time.LocalDate;
import java.util.List;

/**
 * What an administrator gives to create or edit a service item. The price is only given on creation
 * ({@code unitPriceFen} from {@code priceEffectiveFrom}, default today); later prices are scheduled as new versions
 * ({@link ServiceCatalogue#schedulePrice}). {@code entitlementQuantity}/{@code entitlementPer} null = unlimited.
 */
public record ItemInput(String code, String nameZh, String nameEn, String category, ServicePackage servicePackage, ServiceUnit unit,
        Integer standardMinutes, Integer entitlementQuantity, Entitlement.Per entitlementPer, Boolean respiteCare,
        Qualification requiredQualification, CaregiverLevel minCaregiverLevel, String qualityStandard, List<QualityCheck> checks,
        Long unitPriceFen, LocalDate priceEffectiveFrom, Boolean active, Integer version) {

    public ItemInput {
        checks = checks == null ? List.of() : List.copyOf(checks);
    }
}
