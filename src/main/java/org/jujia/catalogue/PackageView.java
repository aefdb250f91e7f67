package org.jujia.catalogue;

import java.time.YearMonth;
import java.util.List;

/**
 * A package with its items and their entitlements in a month (PLATFORM.md §4).
 *
 * @param freeFor the care colours for which the package is free (BASIC: RED, ORANGE), else empty
 */
public record PackageView(ServicePackage servicePackage, YearMonth month, List<String> freeFor, List<Entry> items) {

    /** An item of the package with its entitlement rule and the quantity it gives in the month (null = unlimited). */
    public record Entry(String code, String nameZh, String nameEn, String category, ServiceUnit unit, long unitPriceFen, Entitlement entitlement,
            Integer monthlyEntitlement) {
    }
}
