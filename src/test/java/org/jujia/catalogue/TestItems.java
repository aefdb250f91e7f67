package org.jujia.catalogue;

import java.time.LocalDate;
import java.util.List;

/** Service items built in memory for the funding-rule tests (no database). */
final class TestItems {

    private TestItems() {
    }

    static ServiceItem item(String code, ServicePackage pkg, ServiceUnit unit, long priceFen, Entitlement entitlement, boolean respite) {
        return new ServiceItem(code, code, code, "LIVING_CARE", pkg, unit, 60, priceFen,
                new PriceVersion(1, code, priceFen, LocalDate.of(2026, 1, 1), null, "test"), entitlement, respite, Qualification.NONE,
                null, "standard", List.of(), true);
    }

    static ServiceItem basic(String code, long priceFen, Entitlement e) {
        return item(code, ServicePackage.BASIC, ServiceUnit.VISIT, priceFen, e, false);
    }

    static ServiceItem upgrade(String code, long priceFen, Entitlement e) {
        return item(code, ServicePackage.UPGRADE, ServiceUnit.VISIT, priceFen, e, false);
    }

    static ServiceItem personal(String code, long priceFen) {
        return item(code, ServicePackage.PERSONAL, ServiceUnit.TIME, priceFen, null, false);
    }

    static final ServiceItem MEAL = item("MEAL_LUNCH", ServicePackage.BASIC, ServiceUnit.MEAL, 1500, Entitlement.perDay(1), false);
    static final ServiceItem CLEANING = basic("CLEANING_HOME", 8000, Entitlement.perWeek(1));
    static final ServiceItem BATHING = basic("BATHING_HOME", 13500, Entitlement.perMonth(2));
    static final ServiceItem ERRAND = basic("ERRAND", 2000, Entitlement.perMonth(4));
    static final ServiceItem NURSE_ROUND = upgrade("NURSE_ROUND", 12000, Entitlement.perWeek(2));
    static final ServiceItem RESPITE = item("RESPITE_CARE", ServicePackage.UPGRADE, ServiceUnit.HOUR, 4000, Entitlement.perMonth(8), true);
    static final ServiceItem SECOND_OPINION = personal("REMOTE_SECOND_OPINION", 880000);
}
