package org.jujia.catalogue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * What a month of services costs and who pays it (the answer of {@code POST /api/v1/quotes}).
 *
 * @param month                 the month quoted
 * @param priceDate             the day whose prices were used
 * @param profile               the funding facts applied
 * @param lines                 per line: quantity within and beyond entitlement, price, amount and payers
 * @param totals                per payer (all four keys), the sum of the lines
 * @param subsidies             monthly subsidies applied against the SELF total
 * @param selfAfterSubsidiesFen what the family pays after subsidies
 * @param unusedAllowanceFen    subsidy left over (not paid in cash)
 */
public record Quote(YearMonth month, LocalDate priceDate, FundingProfile profile, List<Line> lines, Map<Payer, Long> totals,
        List<AppliedSubsidy> subsidies, long selfAfterSubsidiesFen, long unusedAllowanceFen) {

    /** A quoted line: the split plus the item's names, unit and entitlement for display. */
    public record Line(String itemCode, String nameZh, String nameEn,
            @com.fasterxml.jackson.annotation.JsonProperty("package") ServicePackage servicePackage, ServiceUnit unit, int quantity,
            Integer monthlyEntitlement, int withinEntitlement, int beyondEntitlement, int respiteGovernment, long unitPriceFen,
            long priceVersionId, long amountFen, Map<Payer, Long> payers, FundingBasis basis) {

        static Line of(ServiceItem item, YearMonth month, LineSplit s) {
            return new Line(item.code(), item.nameZh(), item.nameEn(), item.servicePackage(), item.unit(), s.quantity(),
                    item.monthlyEntitlement(month), s.withinEntitlement(), s.beyondEntitlement(), s.respiteGovernment(),
                    s.unitPriceFen(), s.priceVersionId(), s.amountFen(), s.payers(), s.basis());
        }
    }

    public long totalFen() {
        return totals.values().stream().mapToLong(Long::longValue).sum();
    }
}
