package org.jujia.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jujia.settlement.SettlementItems.BATHING;
import static org.jujia.settlement.SettlementItems.ERRAND;
import static org.jujia.settlement.SettlementItems.NURSE_ROUND;

import java.time.YearMonth;
import org.jujia.catalogue.FundingProfile;
import org.jujia.catalogue.FundingRule;
import org.jujia.catalogue.LineSplit;
import org.jujia.catalogue.Payer;
import org.jujia.elder.EconomicCategory;
import org.jujia.elder.HardshipSelfCare;
import org.jujia.shared.CareColour;
import org.junit.jupiter.api.Test;

class MonthPricerTest {

    private static final FundingRule RULE = FundingRule.standard();
    private static final FundingProfile LTC_YELLOW = new FundingProfile(CareColour.YELLOW, EconomicCategory.ORDINARY, true, true, null, false);
    private static final YearMonth OCT = YearMonth.of(2026, 10);
    private static final YearMonth NOV = YearMonth.of(2026, 11);

    @Test
    void fifteenPercentThatIsNotWholeFenIsFlooredAndTheInsurerPaysTheRest() {
        MonthPricer p = new MonthPricer(RULE, LTC_YELLOW, OCT, 0);
        LineSplit bath = p.price(BATHING, 1); // 13,333 × 15% = 1,999.95
        assertThat(bath.fen(Payer.SELF)).isEqualTo(1_999);
        assertThat(bath.fen(Payer.LTC_INSURANCE)).isEqualTo(11_334);
        LineSplit nurse = p.price(NURSE_ROUND, 1); // 12,001 × 15% = 1,800.15
        assertThat(nurse.fen(Payer.SELF)).isEqualTo(1_800);
        assertThat(nurse.fen(Payer.COMMERCIAL_INSURANCE)).isEqualTo(10_201);
        assertThat(bath.payers().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(13_333);
    }

    @Test
    void entitlementsCountInVisitOrderAndStartAgainInTheNextMonth() {
        MonthPricer oct = new MonthPricer(RULE, LTC_YELLOW, OCT, 0);
        assertThat(oct.price(BATHING, 1).beyondEntitlement()).isZero(); // Oct 2
        assertThat(oct.price(BATHING, 1).beyondEntitlement()).isZero(); // Oct 16
        LineSplit third = oct.price(BATHING, 1); // Oct 31: the third bath of October is beyond the 2 a month
        assertThat(third.beyondEntitlement()).isEqualTo(1);
        assertThat(third.fen(Payer.SELF)).isEqualTo(13_333);
        MonthPricer nov = new MonthPricer(RULE, LTC_YELLOW, NOV, 0);
        LineSplit first = nov.price(BATHING, 1); // Nov 1: a new month, within entitlement again
        assertThat(first.beyondEntitlement()).isZero();
        assertThat(first.fen(Payer.SELF)).isEqualTo(1_999);
    }

    @Test
    void subsidyExactlyEqualToSelf() {
        // 特困, self-care capable: 240 yuan; not insured, red → basic free... use green uninsured: 100% SELF
        FundingProfile hardship = new FundingProfile(CareColour.GREEN, EconomicCategory.SPECIAL_HARDSHIP, false, false,
                HardshipSelfCare.SELF_CARE_CAPABLE, false);
        MonthPricer p = new MonthPricer(RULE, hardship, OCT, 0);
        for (int i = 0; i < 4; i++) {
            p.price(SettlementItems.item("X" + i, org.jujia.catalogue.ServicePackage.PERSONAL, 6_000, null), 1);
        }
        MonthPricer.ElderMonth m = p.finish();
        assertThat(m.selfFen()).isEqualTo(24_000);
        assertThat(m.appliedFen()).isEqualTo(24_000);
        assertThat(m.unusedFen()).isZero();
        assertThat(m.familyOwesFen()).isZero();
    }

    @Test
    void subsidyLargerThanSelfLeavesUnusedAllowanceNotCash() {
        FundingProfile dibaoRed = new FundingProfile(CareColour.RED, EconomicCategory.MINIMUM_LIVING, false, false, null, false);
        MonthPricer p = new MonthPricer(RULE, dibaoRed, OCT, 0);
        p.price(ERRAND, 5); // basic is free for red within 4; the 5th errand is SELF: 2,001
        MonthPricer.ElderMonth m = p.finish();
        assertThat(m.selfFen()).isEqualTo(2_001);
        assertThat(m.grantedFen()).isEqualTo(70_000);
        assertThat(m.appliedFen()).isEqualTo(2_001);
        assertThat(m.unusedFen()).isEqualTo(67_999);
        assertThat(m.familyOwesFen()).isZero();
    }

    @Test
    void aLateVisitGetsWhatIsLeftOfTheClosedMonthsEntitlementAndSubsidy() {
        FundingProfile hardship = new FundingProfile(CareColour.GREEN, EconomicCategory.SPECIAL_HARDSHIP, true, false,
                HardshipSelfCare.SELF_CARE_CAPABLE, false);
        // October was closed with two baths (SELF 1,999 each, both covered by the 24,000 subsidy)
        MonthPricer adjustment = new MonthPricer(RULE, hardship, OCT, 3_998);
        adjustment.replay(BATHING, 1);
        adjustment.replay(BATHING, 1);
        LineSplit late = adjustment.price(BATHING, 1);
        assertThat(late.beyondEntitlement()).isEqualTo(1);
        assertThat(late.fen(Payer.SELF)).isEqualTo(13_333);
        MonthPricer.ElderMonth m = adjustment.finish();
        assertThat(m.selfFen()).isEqualTo(13_333);
        assertThat(m.appliedFen()).isEqualTo(13_333);
        assertThat(m.unusedFen()).isEqualTo(24_000 - 3_998 - 13_333);
        assertThat(m.familyOwesFen()).isZero();
    }
}
