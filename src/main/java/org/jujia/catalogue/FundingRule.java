package org.jujia.catalogue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jujia.elder.EconomicCategory;
import org.jujia.shared.CareColour;

/**
 * The funding rule of PLATFORM.md §7, the one implementation for quotes, care plans and settlement: who pays a
 * service line, per line in fen.
 *
 * <table>
 * <tr><th>package</th><th>elder</th><th>split of the within-entitlement part</th></tr>
 * <tr><td>BASIC</td><td>red or orange</td><td>100% GOVERNMENT</td></tr>
 * <tr><td>BASIC</td><td>yellow/green (or not assessed), LTC-insured</td><td>SELF floor(amount × 15 / 100), LTC_INSURANCE the rest</td></tr>
 * <tr><td>BASIC</td><td>yellow/green (or not assessed), not insured</td><td>100% SELF</td></tr>
 * <tr><td>UPGRADE</td><td>commercially insured</td><td>SELF floor(amount × 15 / 100), COMMERCIAL_INSURANCE the rest</td></tr>
 * <tr><td>UPGRADE</td><td>not insured</td><td>100% SELF</td></tr>
 * <tr><td>PERSONAL</td><td>anyone</td><td>100% SELF</td></tr>
 * </table>
 *
 * <ul>
 * <li>Entitlements are counted per elder per month in the order lines (visits) are added to a {@link Month}: units
 * beyond the month's entitlement of the item are 100% SELF.</li>
 * <li>Respite care of a high-risk caregiver's household: the first {@link #RESPITE_GOVERNMENT_HOURS} hours of the month
 * are 100% GOVERNMENT (they count against the item's entitlement like any other hour); further hours follow the table.</li>
 * <li>Monthly subsidies (GOVERNMENT) are applied against the month's SELF total; what is left is unused allowance,
 * never cash: 特困 by self-care category 240 / 685 / 1090 yuan; 低保 and red 700 yuan.</li>
 * </ul>
 *
 * <p>Use: {@code Month m = rule.month(profile, yearMonth); LineSplit s = m.add(item, quantity); … m.subsidies()}. A
 * {@code Month} is not thread-safe; settlement replays a month's verified visits in visit order.
 */
public final class FundingRule {

    /** SELF pays floor(amount × 15 / 100) of an insured line (PLATFORM.md §7). */
    public static final int SELF_SHARE_PERCENT = 15;
    /** Respite hours per month paid by government for a high-risk caregiver's household (PLATFORM.md §3, §7). */
    public static final int RESPITE_GOVERNMENT_HOURS = 4;
    /** 特困, self-care capable: 240 yuan a month. */
    public static final long HARDSHIP_CAPABLE_FEN = 24_000;
    /** 特困, self-care partially lost: 685 yuan a month. */
    public static final long HARDSHIP_PARTIALLY_LOST_FEN = 68_500;
    /** 特困, self-care fully lost: 1090 yuan a month. */
    public static final long HARDSHIP_FULLY_LOST_FEN = 109_000;
    /** 低保 elders who are red: 700 yuan a month. */
    public static final long MINIMUM_LIVING_RED_FEN = 70_000;

    private static final FundingRule STANDARD = new FundingRule();

    private FundingRule() {
    }

    /** The rule as published. */
    public static FundingRule standard() {
        return STANDARD;
    }

    /** SELF's share of an insured amount: floor(amount × 15 / 100) fen. */
    public static long selfShare(long amountFen) {
        if (amountFen < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        return Math.multiplyExact(amountFen, SELF_SHARE_PERCENT) / 100;
    }

    /** The row of the table that pays the within-entitlement part of a line of {@code pkg} for this profile. */
    public FundingBasis basis(ServicePackage pkg, FundingProfile p) {
        return switch (pkg) {
            case BASIC -> p.basicFree() ? FundingBasis.BASIC_GOVERNMENT : p.ltcInsured() ? FundingBasis.BASIC_LTC_INSURANCE : FundingBasis.BASIC_SELF;
            case UPGRADE -> p.commercialInsured() ? FundingBasis.UPGRADE_COMMERCIAL_INSURANCE : FundingBasis.UPGRADE_SELF;
            case PERSONAL -> FundingBasis.PERSONAL_SELF;
        };
    }

    /** The monthly subsidy the profile is granted, if any (at most one: the economic categories exclude each other). */
    public Optional<Grant> subsidy(FundingProfile p) {
        if (p.economicCategory() == EconomicCategory.SPECIAL_HARDSHIP && p.hardshipSelfCare() != null) {
            return Optional.of(switch (p.hardshipSelfCare()) {
                case SELF_CARE_CAPABLE -> new Grant(AppliedSubsidy.Kind.SPECIAL_HARDSHIP_SELF_CARE_CAPABLE, HARDSHIP_CAPABLE_FEN);
                case PARTIALLY_LOST -> new Grant(AppliedSubsidy.Kind.SPECIAL_HARDSHIP_PARTIALLY_LOST, HARDSHIP_PARTIALLY_LOST_FEN);
                case FULLY_LOST -> new Grant(AppliedSubsidy.Kind.SPECIAL_HARDSHIP_FULLY_LOST, HARDSHIP_FULLY_LOST_FEN);
            });
        }
        if (p.economicCategory() == EconomicCategory.MINIMUM_LIVING && p.colour() == CareColour.RED) {
            return Optional.of(new Grant(AppliedSubsidy.Kind.MINIMUM_LIVING_RED, MINIMUM_LIVING_RED_FEN));
        }
        return Optional.empty();
    }

    /** A monthly subsidy before it is applied. */
    public record Grant(AppliedSubsidy.Kind kind, long fen) {
    }

    /** Subsidies applied against a month's SELF total. */
    public List<AppliedSubsidy> applySubsidies(FundingProfile p, long selfTotalFen) {
        return subsidy(p).map(g -> {
            long applied = Math.min(g.fen(), Math.max(0, selfTotalFen));
            return List.of(new AppliedSubsidy(g.kind(), g.fen(), applied, g.fen() - applied));
        }).orElse(List.of());
    }

    /** A fresh accumulator for one elder's month: nothing used yet. */
    public Month month(FundingProfile profile, YearMonth month) {
        if (profile == null || month == null) {
            throw new IllegalArgumentException("profile and month are required");
        }
        return new Month(profile, month);
    }

    /** An item with a quantity, for {@link #quote}. */
    public record Priced(ServiceItem item, int quantity) {
    }

    /** The whole-month convenience: adds the lines in order to a fresh month and applies the subsidies. */
    public Quote quote(FundingProfile profile, YearMonth month, LocalDate priceDate, List<Priced> lines) {
        Month m = month(profile, month);
        List<Quote.Line> out = new ArrayList<>();
        for (Priced line : lines) {
            out.add(Quote.Line.of(line.item(), month, m.add(line.item(), line.quantity())));
        }
        return new Quote(month, priceDate, profile, List.copyOf(out), m.totals(), m.subsidies(), m.selfAfterSubsidiesFen(),
                m.unusedAllowanceFen());
    }

    /** One elder's month: entitlement used so far per item, respite hours paid by government, totals per payer. */
    public final class Month {

        private final FundingProfile profile;
        private final YearMonth month;
        private final Map<String, Integer> used = new HashMap<>();
        private final EnumMap<Payer, Long> totals = new EnumMap<>(Payer.class);
        private int respiteGovernmentUsed;

        private Month(FundingProfile profile, YearMonth month) {
            this.profile = profile;
            this.month = month;
            for (Payer p : Payer.values()) {
                totals.put(p, 0L);
            }
        }

        public YearMonth yearMonth() {
            return month;
        }

        public FundingProfile profile() {
            return profile;
        }

        /** Units of the item already added this month. */
        public int used(String itemCode) {
            return used.getOrDefault(itemCode, 0);
        }

        /** Units of the item still within entitlement this month; null when unlimited. */
        public Integer remaining(ServiceItem item) {
            Integer ent = item.monthlyEntitlement(month);
            return ent == null ? null : Math.max(0, ent - used(item.code()));
        }

        /** Respite hours still paid by government this month (0 unless the household is on the respite list). */
        public int respiteGovernmentRemaining() {
            return profile.highRiskCaregiver() ? Math.max(0, RESPITE_GOVERNMENT_HOURS - respiteGovernmentUsed) : 0;
        }

        /**
         * Adds a line (e.g. a verified visit, or a month's planned quantity) and answers who pays it. Units count against
         * the item's entitlement in the order they are added.
         */
        public LineSplit add(ServiceItem item, int quantity) {
            if (item == null) {
                throw new IllegalArgumentException("item is required");
            }
            if (quantity < 0) {
                throw new IllegalArgumentException("quantity must not be negative");
            }
            long price = item.unitPriceFen();
            int gov = item.respiteCare() ? Math.min(quantity, respiteGovernmentRemaining()) : 0;
            int rest = quantity - gov;
            Integer ent = item.monthlyEntitlement(month);
            int usedBefore = used(item.code()) + gov;
            int within = ent == null ? rest : Math.max(0, Math.min(rest, ent - usedBefore));
            int beyond = rest - within;

            FundingBasis basis = basis(item.servicePackage(), profile);
            long withinFen = Math.multiplyExact(within, price);
            EnumMap<Payer, Long> payers = new EnumMap<>(Payer.class);
            for (Payer p : Payer.values()) {
                payers.put(p, 0L);
            }
            payers.merge(Payer.GOVERNMENT, Math.multiplyExact(gov, price), Math::addExact);
            switch (basis) {
                case BASIC_GOVERNMENT -> payers.merge(Payer.GOVERNMENT, withinFen, Math::addExact);
                case BASIC_LTC_INSURANCE -> {
                    long self = selfShare(withinFen);
                    payers.merge(Payer.SELF, self, Math::addExact);
                    payers.merge(Payer.LTC_INSURANCE, withinFen - self, Math::addExact);
                }
                case UPGRADE_COMMERCIAL_INSURANCE -> {
                    long self = selfShare(withinFen);
                    payers.merge(Payer.SELF, self, Math::addExact);
                    payers.merge(Payer.COMMERCIAL_INSURANCE, withinFen - self, Math::addExact);
                }
                case BASIC_SELF, UPGRADE_SELF, PERSONAL_SELF -> payers.merge(Payer.SELF, withinFen, Math::addExact);
            }
            payers.merge(Payer.SELF, Math.multiplyExact(beyond, price), Math::addExact);

            used.merge(item.code(), quantity, Integer::sum);
            respiteGovernmentUsed += gov;
            payers.forEach((p, fen) -> totals.merge(p, fen, Math::addExact));
            long priceVersionId = item.priceVersion() == null ? 0 : item.priceVersion().id();
            return new LineSplit(item.code(), quantity, gov + within, beyond, gov, price, priceVersionId,
                    Math.multiplyExact(quantity, price), payers, basis);
        }

        /** Totals per payer of the lines added so far (all four keys). */
        public Map<Payer, Long> totals() {
            return Collections.unmodifiableMap(new EnumMap<>(totals));
        }

        /** The month's subsidies applied against the SELF total so far. */
        public List<AppliedSubsidy> subsidies() {
            return applySubsidies(profile, totals.get(Payer.SELF));
        }

        /** SELF total minus the subsidies applied. */
        public long selfAfterSubsidiesFen() {
            return totals.get(Payer.SELF) - subsidies().stream().mapToLong(AppliedSubsidy::fen).sum();
        }

        /** Subsidy left over after the SELF total (kept as allowance, not paid in cash). */
        public long unusedAllowanceFen() {
            return subsidies().stream().mapToLong(AppliedSubsidy::unusedFen).sum();
        }
    }
}
