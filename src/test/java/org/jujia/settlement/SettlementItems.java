package org.jujia.settlement;

import java.time.LocalDate;
import java.util.List;
import org.jujia.catalogue.Entitlement;
import org.jujia.catalogue.PriceVersion;
import org.jujia.catalogue.Qualification;
import org.jujia.catalogue.ServiceItem;
import org.jujia.catalogue.ServicePackage;
import org.jujia.catalogue.ServiceUnit;

/** Service items built in memory for the settlement unit tests. */
final class SettlementItems {

    private SettlementItems() {
    }

    static ServiceItem item(String code, ServicePackage pkg, long priceFen, Entitlement e) {
        return new ServiceItem(code, code, code, "LIVING_CARE", pkg, ServiceUnit.VISIT, 60, priceFen,
                new PriceVersion(7, code, priceFen, LocalDate.of(2026, 1, 1), null, "test"), e, false, Qualification.NONE, null, "standard", List.of(),
                true);
    }

    static final ServiceItem BATHING = item("BATHING_HOME", ServicePackage.BASIC, 13_333, Entitlement.perMonth(2));
    static final ServiceItem ERRAND = item("ERRAND", ServicePackage.BASIC, 2_001, Entitlement.perMonth(4));
    static final ServiceItem NURSE_ROUND = item("NURSE_ROUND", ServicePackage.UPGRADE, 12_001, Entitlement.perWeek(2));
}
