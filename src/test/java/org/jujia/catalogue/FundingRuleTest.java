package org.jujia.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jujia.catalogue.Payer.COMMERCIAL_INSURANCE;
import static org.jujia.catalogue.Payer.GOVERNMENT;
import static org.jujia.catalogue.Payer.LTC_INSURANCE;
import static org.jujia.catalogue.Payer.SELF;
import static org.jujia.catalogue.TestItems.BATHING;
import static org.jujia.catalogue.TestItems.CLEANING;
import static org.jujia.catalogue.TestItems.ERRAND;
import static org.jujia.catalogue.TestItems.MEAL;
import static org.jujia.catalogue.TestItems.NURSE_ROUND;
import static org.jujia.catalogue.TestItems.RESPITE;
import static org.jujia.catalogue.TestItems.SECOND_OPINION;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.jujia.elder.EconomicCategory;
import org.jujia.elder.HardshipSelfCare;
import org.jujia.shared.CareColour;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The funding rule of PLATFORM.md §7, row by row and at every edge. */
class FundingRuleTest {

    static final YearMonth DEC = YearMonth.of(2026, 12);
    final FundingRule rule = FundingRule.standard();

    static FundingProfile profile(CareColour colour, boolean ltc, boolean commercial) {
        return new FundingProfile(colour, EconomicCategory.ORDINARY, ltc, commercial, null, false);
    }

    LineSplit split(FundingProfile p, ServiceItem item, int quantity) {
        return rule.month(p, DEC).add(item, quantity);
    }

    static Map<Payer, Long> payers(long gov, long ltc, long commercial, long self) {
        return Map.of(GOVERNMENT, gov, LTC_INSURANCE, ltc, COMMERCIAL_INSURANCE, commercial, SELF, self);
    }

    @Nested
    class Table {

        @ParameterizedTest(name = "BASIC, {0}, insured in every way: 100% GOVERNMENT")
        @EnumSource(value = CareColour.class, names = { "RED", "ORANGE" })
        void basicRedOrangeIsFree(CareColour colour) {
            for (boolean ltc : new boolean[] { false, true }) {
                LineSplit s = split(profile(colour, ltc, true), BATHING, 2);
                assertThat(s.payers()).isEqualTo(payers(27000, 0, 0, 0));
                assertThat(s.basis()).isEqualTo(FundingBasis.BASIC_GOVERNMENT);
            }
        }

        @ParameterizedTest(name = "BASIC, {0}, LTC-insured: SELF 15% floored, LTC the rest")
        @EnumSource(value = CareColour.class, names = { "YELLOW", "GREEN" })
        void basicYellowGreenInsured(CareColour colour) {
            LineSplit s = split(profile(colour, true, false), BATHING, 2); // 27000 fen
            assertThat(s.payers()).isEqualTo(payers(0, 22950, 0, 4050));
            assertThat(s.basis()).isEqualTo(FundingBasis.BASIC_LTC_INSURANCE);
        }

        @ParameterizedTest(name = "BASIC, {0}, not LTC-insured: 100% SELF (commercial insurance does not cover BASIC)")
        @EnumSource(value = CareColour.class, names = { "YELLOW", "GREEN" })
        void basicYellowGreenNotInsured(CareColour colour) {
            LineSplit s = split(profile(colour, false, true), BATHING, 2);
            assertThat(s.payers()).isEqualTo(payers(0, 0, 0, 27000));
            assertThat(s.basis()).isEqualTo(FundingBasis.BASIC_SELF);
        }

        @Test
        void notYetAssessedIsTreatedLikeGreen() {
            assertThat(split(profile(null, true, false), BATHING, 1).payers()).isEqualTo(payers(0, 11475, 0, 2025));
            assertThat(split(profile(null, false, false), BATHING, 1).payers()).isEqualTo(payers(0, 0, 0, 13500));
        }

        @ParameterizedTest(name = "UPGRADE, {0}, commercially insured: SELF 15% floored, commercial the rest")
        @EnumSource(CareColour.class)
        void upgradeCommerciallyInsured(CareColour colour) {
            LineSplit s = split(profile(colour, true, true), NURSE_ROUND, 3); // 36000 fen
            assertThat(s.payers()).isEqualTo(payers(0, 0, 30600, 5400));
            assertThat(s.basis()).isEqualTo(FundingBasis.UPGRADE_COMMERCIAL_INSURANCE);
        }

        @ParameterizedTest(name = "UPGRADE, {0}, not commercially insured (LTC does not cover UPGRADE): 100% SELF")
        @EnumSource(CareColour.class)
        void upgradeNotInsured(CareColour colour) {
            LineSplit s = split(profile(colour, true, false), NURSE_ROUND, 3);
            assertThat(s.payers()).isEqualTo(payers(0, 0, 0, 36000));
            assertThat(s.basis()).isEqualTo(FundingBasis.UPGRADE_SELF);
        }

        @ParameterizedTest(name = "PERSONAL, {0}: 100% SELF whatever the insurance")
        @EnumSource(CareColour.class)
        void personalIsSelfPaid(CareColour colour) {
            for (var p : List.of(profile(colour, true, true), profile(colour, false, false),
                    new FundingProfile(colour, EconomicCategory.SPECIAL_HARDSHIP, true, true, HardshipSelfCare.FULLY_LOST, true))) {
                LineSplit s = split(p, SECOND_OPINION, 1);
                assertThat(s.payers()).isEqualTo(payers(0, 0, 0, 880000));
                assertThat(s.basis()).isEqualTo(FundingBasis.PERSONAL_SELF);
            }
        }

        @Test
        void everyLineHasAllFourPayers() {
            LineSplit s = split(profile(CareColour.RED, false, false), MEAL, 1);
            assertThat(s.payers()).containsOnlyKeys(Payer.values());
        }
    }

    @Nested
    class FifteenPercentFloor {

        @ParameterizedTest(name = "{0} fen: SELF {1}, insurer {2}")
        @CsvSource({ "1, 0, 1", "6, 0, 6", "7, 1, 6", "99, 14, 85", "100, 15, 85", "101, 15, 86", "1333, 199, 1134", "13333, 1999, 11334",
                "4001, 600, 3401" })
        void selfShareIsFlooredAndTheInsurerPaysTheRest(long amount, long self, long insurer) {
            assertThat(FundingRule.selfShare(amount)).isEqualTo(self);
            ServiceItem basic = TestItems.basic("X", amount, null);
            assertThat(split(profile(CareColour.YELLOW, true, false), basic, 1).payers()).isEqualTo(payers(0, insurer, 0, self));
            ServiceItem upgrade = TestItems.upgrade("Y", amount, null);
            assertThat(split(profile(CareColour.GREEN, false, true), upgrade, 1).payers()).isEqualTo(payers(0, 0, insurer, self));
        }

        @Test
        void theFloorAppliesToTheLineAmountNotToEachUnit() {
            // 3 × 333 fen = 999 fen: floor(149.85) = 149, whereas per unit it would be 3 × 49 = 147
            ServiceItem item = TestItems.basic("Z", 333, null);
            assertThat(split(profile(CareColour.YELLOW, true, false), item, 3).fen(SELF)).isEqualTo(149);
        }

        @Test
        void negativeAmountsAreRefused() {
            assertThatThrownBy(() -> FundingRule.selfShare(-1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> rule.month(profile(CareColour.RED, false, false), DEC).add(BATHING, -1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Entitlements {

        final FundingProfile red = profile(CareColour.RED, false, false);

        @Test
        void exactlyAtTheEntitlementEverythingIsCovered() {
            LineSplit s = split(red, BATHING, 2);
            assertThat(s.withinEntitlement()).isEqualTo(2);
            assertThat(s.beyondEntitlement()).isZero();
            assertThat(s.payers()).isEqualTo(payers(27000, 0, 0, 0));
        }

        @Test
        void oneBeyondTheEntitlementIsPaidBySelfEvenForRed() {
            LineSplit s = split(red, BATHING, 3);
            assertThat(s.withinEntitlement()).isEqualTo(2);
            assertThat(s.beyondEntitlement()).isEqualTo(1);
            assertThat(s.payers()).isEqualTo(payers(27000, 0, 0, 13500));
        }

        @Test
        void beyondTheEntitlementOfAnInsuredLineSelfPaysTheShareAndTheExcess() {
            LineSplit s = split(profile(CareColour.YELLOW, true, false), ERRAND, 5); // 4 within × 2000, 1 beyond
            assertThat(s.payers()).isEqualTo(payers(0, 6800, 0, 1200 + 2000));
        }

        @Test
        void theAccumulatorCountsVisitsInOrder() {
            FundingRule.Month m = rule.month(red, DEC);
            assertThat(m.add(BATHING, 1).beyondEntitlement()).isZero();
            assertThat(m.remaining(BATHING)).isEqualTo(1);
            assertThat(m.add(BATHING, 1).beyondEntitlement()).isZero();
            assertThat(m.remaining(BATHING)).isZero();
            LineSplit third = m.add(BATHING, 1);
            assertThat(third.withinEntitlement()).isZero();
            assertThat(third.payers()).isEqualTo(payers(0, 0, 0, 13500));
            // another item is counted on its own
            assertThat(m.add(ERRAND, 4).beyondEntitlement()).isZero();
            assertThat(m.totals()).isEqualTo(payers(27000 + 8000, 0, 0, 13500));
            assertThat(m.used("BATHING_HOME")).isEqualTo(3);
        }

        @Test
        void aNewMonthStartsWithTheFullEntitlement() {
            FundingRule.Month nov = rule.month(red, YearMonth.of(2026, 11));
            nov.add(BATHING, 2);
            assertThat(nov.add(BATHING, 1).beyondEntitlement()).isEqualTo(1);
            FundingRule.Month dec = rule.month(red, DEC);
            assertThat(dec.remaining(BATHING)).isEqualTo(2);
            assertThat(dec.add(BATHING, 1).beyondEntitlement()).isZero();
        }

        @Test
        void oneMealADayIsTheNumberOfDaysInTheMonth() {
            assertThat(MEAL.monthlyEntitlement(YearMonth.of(2026, 2))).isEqualTo(28);
            assertThat(MEAL.monthlyEntitlement(YearMonth.of(2028, 2))).isEqualTo(29);
            assertThat(MEAL.monthlyEntitlement(DEC)).isEqualTo(31);
            FundingRule.Month feb = rule.month(red, YearMonth.of(2026, 2));
            assertThat(feb.add(MEAL, 28).beyondEntitlement()).isZero();
            assertThat(feb.add(MEAL, 1).beyondEntitlement()).isEqualTo(1);
        }

        @Test
        void oneAWeekCountsTheMondaysOfTheMonth() {
            assertThat(CLEANING.monthlyEntitlement(DEC)).isEqualTo(4); // Mondays 7, 14, 21, 28
            assertThat(CLEANING.monthlyEntitlement(YearMonth.of(2026, 6))).isEqualTo(5); // Mondays 1, 8, 15, 22, 29
            assertThat(NURSE_ROUND.monthlyEntitlement(YearMonth.of(2026, 6))).isEqualTo(10);
            LineSplit s = split(red, CLEANING, 5);
            assertThat(s.withinEntitlement()).isEqualTo(4);
            assertThat(s.beyondEntitlement()).isEqualTo(1);
        }

        @Test
        void anUnlimitedItemIsAlwaysWithin() {
            ServiceItem unlimited = TestItems.basic("REMINDER", 50, null);
            LineSplit s = split(profile(CareColour.ORANGE, false, false), unlimited, 744);
            assertThat(s.beyondEntitlement()).isZero();
            assertThat(s.payers()).isEqualTo(payers(744 * 50, 0, 0, 0));
        }
    }

    @Nested
    class Respite {

        final FundingProfile highRisk = new FundingProfile(CareColour.YELLOW, EconomicCategory.ORDINARY, true, false, null, true);
        final FundingProfile highRiskInsured = new FundingProfile(CareColour.YELLOW, EconomicCategory.ORDINARY, true, true, null, true);

        @Test
        void theFirstFourHoursArePaidByGovernment() {
            LineSplit s = split(highRisk, RESPITE, 4);
            assertThat(s.respiteGovernment()).isEqualTo(4);
            assertThat(s.payers()).isEqualTo(payers(16000, 0, 0, 0));
        }

        @Test
        void theFifthHourFollowsTheTable() {
            assertThat(split(highRisk, RESPITE, 5).payers()).isEqualTo(payers(16000, 0, 0, 4000));
            assertThat(split(highRiskInsured, RESPITE, 5).payers()).isEqualTo(payers(16000, 0, 3400, 600));
        }

        @Test
        void theFourHoursAreCountedAcrossVisitsAndAgainstTheEntitlement() {
            FundingRule.Month m = rule.month(highRiskInsured, DEC);
            assertThat(m.add(RESPITE, 3).payers()).isEqualTo(payers(12000, 0, 0, 0));
            assertThat(m.respiteGovernmentRemaining()).isEqualTo(1);
            LineSplit second = m.add(RESPITE, 2);
            assertThat(second.respiteGovernment()).isEqualTo(1);
            assertThat(second.payers()).isEqualTo(payers(4000, 0, 3400, 600));
            // entitlement 8 h: hours 6..8 within, the 9th and 10th beyond
            LineSplit third = m.add(RESPITE, 5);
            assertThat(third.withinEntitlement()).isEqualTo(3);
            assertThat(third.beyondEntitlement()).isEqualTo(2);
            assertThat(third.payers()).isEqualTo(payers(0, 0, 10200, 1800 + 8000));
        }

        @Test
        void noGovernmentHoursWithoutAHighRiskCaregiver() {
            FundingProfile ordinary = new FundingProfile(CareColour.YELLOW, EconomicCategory.ORDINARY, true, false, null, false);
            assertThat(split(ordinary, RESPITE, 4).payers()).isEqualTo(payers(0, 0, 0, 16000));
        }

        @Test
        void onlyRespiteItemsUseTheFourHours() {
            ServiceItem care = TestItems.item("PERSONAL_CARE", ServicePackage.UPGRADE, ServiceUnit.HOUR, 4500, null, false);
            FundingRule.Month m = rule.month(highRisk, DEC);
            assertThat(m.add(care, 4).fen(GOVERNMENT)).isZero();
            assertThat(m.respiteGovernmentRemaining()).isEqualTo(4);
        }

        @Test
        void theGovernmentHoursReachBeyondASmallEntitlement() {
            ServiceItem small = TestItems.item("RESPITE_SMALL", ServicePackage.UPGRADE, ServiceUnit.HOUR, 4000, Entitlement.perMonth(2), true);
            LineSplit s = split(highRiskInsured, small, 5);
            assertThat(s.respiteGovernment()).isEqualTo(4);
            assertThat(s.beyondEntitlement()).isEqualTo(1);
            assertThat(s.payers()).isEqualTo(payers(16000, 0, 0, 4000));
        }
    }

    @Nested
    class Subsidies {

        static FundingProfile hardship(HardshipSelfCare c) {
            return new FundingProfile(CareColour.GREEN, EconomicCategory.SPECIAL_HARDSHIP, false, false, c, false);
        }

        @ParameterizedTest(name = "特困 {0}: {1} fen")
        @CsvSource({ "SELF_CARE_CAPABLE, 24000, SPECIAL_HARDSHIP_SELF_CARE_CAPABLE", "PARTIALLY_LOST, 68500, SPECIAL_HARDSHIP_PARTIALLY_LOST",
                "FULLY_LOST, 109000, SPECIAL_HARDSHIP_FULLY_LOST" })
        void specialHardshipBySelfCareCategory(HardshipSelfCare c, long fen, AppliedSubsidy.Kind kind) {
            FundingRule.Month m = rule.month(hardship(c), DEC);
            m.add(SECOND_OPINION, 1); // 880000 SELF, far more than any subsidy
            assertThat(m.subsidies()).containsExactly(new AppliedSubsidy(kind, fen, fen, 0));
            assertThat(m.selfAfterSubsidiesFen()).isEqualTo(880000 - fen);
            assertThat(m.unusedAllowanceFen()).isZero();
        }

        @Test
        void specialHardshipWithoutACategoryGetsNoSubsidy() {
            assertThat(rule.subsidy(hardship(null))).isEmpty();
        }

        @Test
        void minimumLivingAndRed() {
            FundingProfile red = new FundingProfile(CareColour.RED, EconomicCategory.MINIMUM_LIVING, false, false, null, false);
            FundingRule.Month m = rule.month(red, DEC);
            m.add(SECOND_OPINION, 1);
            assertThat(m.subsidies()).containsExactly(new AppliedSubsidy(AppliedSubsidy.Kind.MINIMUM_LIVING_RED, 70000, 70000, 0));
            assertThat(m.selfAfterSubsidiesFen()).isEqualTo(810000);
        }

        @ParameterizedTest(name = "低保 and {0}: no subsidy")
        @EnumSource(value = CareColour.class, names = { "ORANGE", "YELLOW", "GREEN" })
        void minimumLivingNotRedGetsNoSubsidy(CareColour colour) {
            assertThat(rule.subsidy(new FundingProfile(colour, EconomicCategory.MINIMUM_LIVING, false, false, null, false))).isEmpty();
        }

        @ParameterizedTest(name = "{0}, red: no subsidy")
        @EnumSource(value = EconomicCategory.class, names = { "LOW_INCOME", "ORDINARY" })
        void otherCategoriesGetNoSubsidy(EconomicCategory e) {
            assertThat(rule.subsidy(new FundingProfile(CareColour.RED, e, false, false, null, false))).isEmpty();
        }

        @Test
        void subsidyEqualToTheSelfTotalLeavesNothingToPayAndNothingUnused() {
            ServiceItem exactly = TestItems.personal("EXACT", 24000);
            FundingRule.Month m = rule.month(hardship(HardshipSelfCare.SELF_CARE_CAPABLE), DEC);
            m.add(exactly, 1);
            assertThat(m.subsidies()).containsExactly(new AppliedSubsidy(AppliedSubsidy.Kind.SPECIAL_HARDSHIP_SELF_CARE_CAPABLE, 24000, 24000, 0));
            assertThat(m.selfAfterSubsidiesFen()).isZero();
            assertThat(m.unusedAllowanceFen()).isZero();
        }

        @Test
        void subsidyLargerThanTheSelfTotalKeepsTheRemainderAsUnusedAllowance() {
            FundingRule.Month m = rule.month(hardship(HardshipSelfCare.FULLY_LOST), DEC);
            m.add(ERRAND, 5); // green, not insured: 10000 SELF
            assertThat(m.subsidies()).containsExactly(new AppliedSubsidy(AppliedSubsidy.Kind.SPECIAL_HARDSHIP_FULLY_LOST, 109000, 10000, 99000));
            assertThat(m.selfAfterSubsidiesFen()).isZero();
            assertThat(m.unusedAllowanceFen()).isEqualTo(99000);
            // the totals per payer are the lines only: the subsidy is not paid out
            assertThat(m.totals()).isEqualTo(payers(0, 0, 0, 10000));
        }

        @Test
        void aMonthWithoutSelfSharesLeavesTheWholeSubsidyUnused() {
            FundingProfile redHardship = new FundingProfile(CareColour.RED, EconomicCategory.SPECIAL_HARDSHIP, false, false,
                    HardshipSelfCare.PARTIALLY_LOST, false);
            FundingRule.Month m = rule.month(redHardship, DEC);
            m.add(BATHING, 2);
            assertThat(m.subsidies()).containsExactly(new AppliedSubsidy(AppliedSubsidy.Kind.SPECIAL_HARDSHIP_PARTIALLY_LOST, 68500, 0, 68500));
            assertThat(m.unusedAllowanceFen()).isEqualTo(68500);
        }
    }

    @Test
    void aWholeQuoteAddsTheLinesInOrder() {
        FundingProfile p = new FundingProfile(CareColour.ORANGE, EconomicCategory.MINIMUM_LIVING, false, true, null, false);
        Quote q = rule.quote(p, DEC, LocalDate.of(2026, 12, 1), List.of(new FundingRule.Priced(BATHING, 2), new FundingRule.Priced(BATHING, 1),
                new FundingRule.Priced(NURSE_ROUND, 8), new FundingRule.Priced(MEAL, 31)));
        assertThat(q.lines()).hasSize(4);
        assertThat(q.lines().get(1).beyondEntitlement()).isEqualTo(1);
        assertThat(q.totals()).isEqualTo(payers(27000 + 46500, 0, 81600, 13500 + 14400));
        assertThat(q.subsidies()).isEmpty();
        assertThat(q.selfAfterSubsidiesFen()).isEqualTo(27900);
        assertThat(q.totalFen()).isEqualTo(q.lines().stream().mapToLong(Quote.Line::amountFen).sum());
    }
}
