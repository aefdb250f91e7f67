package org.jujia.careplan;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jujia.catalogue.AppliedSubsidy;
import org.jujia.catalogue.FundingRule;
import org.jujia.catalogue.Payer;
import org.jujia.catalogue.PriceVersion;
import org.jujia.catalogue.Quote;
import org.jujia.catalogue.ServiceCatalogue;
import org.jujia.catalogue.ServiceItem;
import org.jujia.catalogue.ServiceUnit;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.ValidationException;
import org.springframework.stereotype.Component;

/**
 * Prices plan lines with the catalogue: item facts, the price in force for the plan's month (frozen into each line
 * when it is drafted; an existing line keeps its price version), and the monthly split per payer by the catalogue's
 * {@link FundingRule} for the elder's funding profile — never a split of our own.
 */
@Component
class PlanQuoter {

    /**
     * A line to quote: the schedule, and the frozen price (null for a new line: priced now).
     */
    record Draft(String itemCode, Frequency frequency, List<Integer> weekdays, LocalTime windowFrom, LocalTime windowTo, int durationMinutes,
            Long frozenPriceFen, Long frozenPriceVersionId) {

        static Draft of(PlanLine l, boolean keepPrice) {
            return new Draft(l.itemCode(), l.frequency(), l.weekdays(), l.windowFrom(), l.windowTo(), l.durationMinutes(),
                    keepPrice ? l.unitPriceFen() : null, keepPrice ? l.priceVersionId() : null);
        }
    }

    record Quoted(List<PlanLine> lines, List<Subsidy> subsidies) {
    }

    private final ServiceCatalogue catalogue;

    PlanQuoter(ServiceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    List<PlanItem> items(Jurisdiction j) {
        LocalDate on = catalogue.today();
        return catalogue.items(on).stream().filter(ServiceItem::active).map(PlanQuoter::item).toList();
    }

    Optional<PlanItem> item(String code, Jurisdiction j) {
        return catalogue.find(code, catalogue.today()).filter(ServiceItem::active).map(PlanQuoter::item);
    }

    /** The lines quoted together for the elder's month (entitlements are shared by lines of the same item, in order). */
    Quoted quote(long elderId, YearMonth month, List<Draft> drafts, Jurisdiction j) {
        if (drafts.isEmpty()) {
            return new Quoted(List.of(), List.of());
        }
        LocalDate priceDate = catalogue.priceDate(month);
        List<FundingRule.Priced> priced = new ArrayList<>();
        for (Draft d : drafts) {
            ServiceItem current = catalogue.find(d.itemCode(), priceDate).filter(ServiceItem::active)
                    .orElseThrow(() -> ValidationException.of("itemCode", "unknown", "service item " + d.itemCode() + " is not offered in " + month));
            ServiceItem item = d.frozenPriceFen() == null ? current : frozen(current, d);
            int quantity = item.unit() == ServiceUnit.HOUR ? d.frequency().monthlyHours(month, d.durationMinutes())
                    : d.frequency().monthlyQuantity(month);
            priced.add(new FundingRule.Priced(item, quantity));
        }
        Quote q = catalogue.fundingRule().quote(catalogue.fundingProfile(elderId, month, j), month, priceDate, priced);
        List<PlanLine> lines = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            Quote.Line l = q.lines().get(i);
            lines.add(new PlanLine(i + 1, l.itemCode(), l.nameZh(), l.servicePackage().name(), l.unit().name(), d.frequency(), d.weekdays(),
                    d.windowFrom(), d.windowTo(), d.durationMinutes(), l.unitPriceFen(), l.priceVersionId(), l.quantity(), l.withinEntitlement(),
                    l.beyondEntitlement(), l.amountFen(), new Payers(l.payers().get(Payer.GOVERNMENT), l.payers().get(Payer.LTC_INSURANCE),
                            l.payers().get(Payer.COMMERCIAL_INSURANCE), l.payers().get(Payer.SELF))));
        }
        List<Subsidy> subsidies = q.subsidies().stream().filter(s -> s.fen() > 0).map((AppliedSubsidy s) -> new Subsidy(s.kind().name(), s.fen()))
                .toList();
        return new Quoted(lines, subsidies);
    }

    /** The item as it was priced when the line was drafted (entitlement and package as today). */
    private ServiceItem frozen(ServiceItem i, Draft d) {
        PriceVersion v = d.frozenPriceVersionId() == null ? i.priceVersion()
                : catalogue.priceVersion(d.frozenPriceVersionId()).orElse(i.priceVersion());
        return new ServiceItem(i.code(), i.nameZh(), i.nameEn(), i.category(), i.servicePackage(), i.unit(), i.standardMinutes(),
                d.frozenPriceFen(), v, i.entitlement(), i.respiteCare(), i.requiredQualification(), i.minCaregiverLevel(), i.qualityStandard(),
                i.checks(), i.active());
    }

    private static PlanItem item(ServiceItem i) {
        return new PlanItem(i.code(), i.nameZh(), i.nameEn(), i.servicePackage().name(), i.unit().name(), i.category(), i.standardMinutes(),
                i.unitPriceFen(), i.priceVersion() == null ? 0 : i.priceVersion().id());
    }
}
