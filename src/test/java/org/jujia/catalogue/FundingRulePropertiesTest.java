package org.jujia.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jujia.elder.EconomicCategory;
import org.jujia.elder.HardshipSelfCare;
import org.jujia.shared.CareColour;

/** Properties of the funding rule over random profiles, items and months of visits. */
class FundingRulePropertiesTest {

    record Visit(ServiceItem item, int quantity) {
    }

    @Provide
    Arbitrary<FundingProfile> profiles() {
        return Combinators.combine(Arbitraries.of(CareColour.class).injectNull(0.1), Arbitraries.of(EconomicCategory.class),
                Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(HardshipSelfCare.class).injectNull(0.3),
                Arbitraries.of(true, false)).as(FundingProfile::new);
    }

    @Provide
    Arbitrary<Visit> visits() {
        Arbitrary<Entitlement> ent = Combinators.combine(Arbitraries.integers().between(0, 10), Arbitraries.of(Entitlement.Per.class))
                .as(Entitlement::new).injectNull(0.2);
        Arbitrary<ServiceItem> items = Combinators.combine(Arbitraries.of("A", "B", "C", "R"), Arbitraries.of(ServicePackage.class),
                Arbitraries.longs().between(1, 1_000_000), ent, Arbitraries.of(true, false))
                .as((code, pkg, price, e, respite) -> TestItems.item(code, pkg, ServiceUnit.HOUR, price, e, respite));
        return Combinators.combine(items, Arbitraries.integers().between(0, 744)).as(Visit::new);
    }

    @Provide
    Arbitrary<List<Visit>> visitLists() {
        return visits().list().ofMinSize(1).ofMaxSize(12);
    }

    @Provide
    Arbitrary<YearMonth> months() {
        return Arbitraries.integers().between(0, 12 * 30).map(n -> YearMonth.of(2020, 1).plusMonths(n));
    }

    @Property(tries = 500)
    void payersAlwaysSumToTheLineAmountAndNeverGoNegative(@ForAll("profiles") FundingProfile p, @ForAll("months") YearMonth month,
            @ForAll("visitLists") List<Visit> visits) {
        FundingRule.Month m = FundingRule.standard().month(p, month);
        long total = 0;
        for (Visit v : visits) {
            LineSplit s = m.add(v.item(), v.quantity());
            assertThat(s.payers().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(s.amountFen());
            assertThat(s.amountFen()).isEqualTo(v.quantity() * v.item().unitPriceFen());
            assertThat(s.payers().values()).allMatch(f -> f >= 0);
            assertThat(s.withinEntitlement() + s.beyondEntitlement()).isEqualTo(s.quantity());
            total += s.amountFen();
        }
        assertThat(m.totals().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
        assertThat(m.selfAfterSubsidiesFen()).isBetween(0L, m.totals().get(Payer.SELF));
        long granted = m.subsidies().stream().mapToLong(AppliedSubsidy::grantedFen).sum();
        assertThat(m.totals().get(Payer.SELF) - m.selfAfterSubsidiesFen() + m.unusedAllowanceFen()).isEqualTo(granted);
    }

    @Property(tries = 500)
    void selfNeverPaysMoreThanFifteenPercentOfTheCoveredPart(@ForAll("profiles") FundingProfile p, @ForAll("months") YearMonth month,
            @ForAll("visitLists") List<Visit> visits) {
        FundingRule.Month m = FundingRule.standard().month(p, month);
        for (Visit v : visits) {
            LineSplit s = m.add(v.item(), v.quantity());
            long beyondFen = s.beyondEntitlement() * s.unitPriceFen();
            long coveredFen = (s.withinEntitlement() - s.respiteGovernment()) * s.unitPriceFen();
            long selfOnCovered = s.fen(Payer.SELF) - beyondFen;
            if (s.basis() == FundingBasis.BASIC_LTC_INSURANCE || s.basis() == FundingBasis.UPGRADE_COMMERCIAL_INSURANCE) {
                assertThat(selfOnCovered * 100).isLessThanOrEqualTo(coveredFen * 15);
                assertThat(selfOnCovered).isEqualTo(FundingRule.selfShare(coveredFen));
            } else if (s.basis() == FundingBasis.BASIC_GOVERNMENT) {
                assertThat(selfOnCovered).isZero();
            } else {
                assertThat(selfOnCovered).isEqualTo(coveredFen);
            }
        }
    }
}
