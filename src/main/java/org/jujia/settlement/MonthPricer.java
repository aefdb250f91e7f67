package org.jujia.settlement;

import java.time.YearMonth;
import java.util.List;
import org.jujia.catalogue.AppliedSubsidy;
import org.jujia.catalogue.FundingProfile;
import org.jujia.catalogue.FundingRule;
import org.jujia.catalogue.LineSplit;
import org.jujia.catalogue.Payer;
import org.jujia.catalogue.ServiceItem;

/**
 * One elder's month in a settlement run, on the catalogue's {@link FundingRule} (the one implementation): visits are
 * added in visit order, so entitlements count per elder per month in that order; the month's subsidy is applied
 * against the SELF shares and the rest is unused allowance.
 *
 * <p>For an adjustment (late visits of a month already closed) the lines billed in closed runs are first
 * {@link #replay replayed}: they use up entitlement and SELF total as they did, without being billed again, and the
 * subsidy already applied in closed runs is subtracted, so a late visit gets the entitlement and subsidy left over.
 */
final class MonthPricer {

    private final FundingRule.Month month;
    private final long previouslyAppliedSubsidyFen;
    private long replayedSelfFen;

    MonthPricer(FundingRule rule, FundingProfile profile, YearMonth ym, long previouslyAppliedSubsidyFen) {
        this.month = rule.month(profile, ym);
        this.previouslyAppliedSubsidyFen = previouslyAppliedSubsidyFen;
    }

    YearMonth yearMonth() {
        return month.yearMonth();
    }

    /** A line already billed in a closed run: counts against entitlement and SELF total, not billed again. */
    void replay(ServiceItem item, int quantity) {
        replayedSelfFen += month.add(item, quantity).fen(Payer.SELF);
    }

    /** Prices one visit (its item priced on the visit date) after the ones before it. */
    LineSplit price(ServiceItem item, int quantity) {
        return month.add(item, quantity);
    }

    /**
     * The elder's month in this run: SELF of the lines priced here, the subsidy applied to them (what is left of the
     * grant after closed runs), unused allowance, and what the family owes.
     */
    ElderMonth finish() {
        List<AppliedSubsidy> subs = month.subsidies();
        long appliedTotal = subs.stream().mapToLong(AppliedSubsidy::fen).sum();
        long granted = subs.stream().mapToLong(AppliedSubsidy::grantedFen).sum();
        long unused = subs.stream().mapToLong(AppliedSubsidy::unusedFen).sum();
        long self = month.totals().get(Payer.SELF) - replayedSelfFen;
        long applied = Math.max(0, appliedTotal - previouslyAppliedSubsidyFen);
        String kind = subs.isEmpty() ? null : subs.get(0).kind().name();
        return new ElderMonth(month.yearMonth(), self, kind, granted, applied, unused, self - applied);
    }

    /**
     * @param selfFen       SELF shares of the lines priced in this run
     * @param subsidyKind   the subsidy granted (null: none)
     * @param grantedFen    the month's grant
     * @param appliedFen    applied against this run's SELF shares
     * @param unusedFen     left over for the month (kept as allowance, never cash)
     * @param familyOwesFen SELF after the subsidy
     */
    record ElderMonth(YearMonth month, long selfFen, String subsidyKind, long grantedFen, long appliedFen, long unusedFen, long familyOwesFen) {
    }
}
