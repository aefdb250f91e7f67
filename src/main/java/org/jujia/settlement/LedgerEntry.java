package org.jujia.settlement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One balanced movement of the special pool's double-entry ledger: signed postings (debit positive, credit negative)
 * that sum to zero, at least two accounts, no zero posting, each account at most once (postings to the same account
 * are merged). The constructor refuses anything else, so an unbalanced entry cannot be stored.
 */
record LedgerEntry(LocalDate postedOn, String kind, String memo, Long runId, Long providerId, List<Posting> postings) {

    /** A signed amount on one account: debit &gt; 0, credit &lt; 0. */
    record Posting(LedgerAccount account, long amountFen) {
    }

    LedgerEntry {
        if (postedOn == null || kind == null || memo == null) {
            throw new IllegalArgumentException("date, kind and memo are required");
        }
        Map<LedgerAccount, Long> merged = new LinkedHashMap<>();
        for (Posting p : postings) {
            merged.merge(p.account(), p.amountFen(), Math::addExact);
        }
        merged.values().removeIf(v -> v == 0);
        long sum = merged.values().stream().mapToLong(Long::longValue).reduce(0, Math::addExact);
        if (sum != 0) {
            throw new IllegalArgumentException("entry does not balance: " + sum + " fen");
        }
        List<Posting> out = new ArrayList<>();
        merged.forEach((a, v) -> out.add(new Posting(a, v)));
        if (out.size() < 2) {
            throw new IllegalArgumentException("an entry moves money between at least two accounts");
        }
        postings = List.copyOf(out);
    }

    /** A contribution to the pool, attributed to the three sources by {@link PoolSplit}. */
    static LedgerEntry contribution(LocalDate on, long fen, String memo) {
        PoolSplit s = PoolSplit.of(fen);
        return new LedgerEntry(on, "CONTRIBUTION", memo, null, null, List.of(new Posting(LedgerAccount.POOL_BANK, fen),
                new Posting(LedgerAccount.SOURCE_WELFARE_LOTTERY, -s.welfareLotteryFen()),
                new Posting(LedgerAccount.SOURCE_GENERAL_BUDGET, -s.generalBudgetFen()),
                new Posting(LedgerAccount.SOURCE_SOCIAL_CAPITAL, -s.socialCapitalFen())));
    }

    /**
     * A provider's monthly payment from the pool: the government share of its visits, less the fines for confirmed
     * fraud (kept by the pool as penalty income). A fine larger than the payment leaves the provider owing the pool.
     */
    static LedgerEntry providerPayment(LocalDate on, long runId, long providerId, long governmentFen, long penaltyFen, String memo) {
        if (governmentFen < 0 || penaltyFen < 0) {
            throw new IllegalArgumentException("amounts must not be negative");
        }
        return new LedgerEntry(on, "PROVIDER_PAYMENT", memo, runId, providerId, List.of(new Posting(LedgerAccount.SERVICE_PAYMENTS, governmentFen),
                new Posting(LedgerAccount.PENALTIES, -penaltyFen), new Posting(LedgerAccount.POOL_BANK, penaltyFen - governmentFen)));
    }

    /** The month's subsidies (特困 / 低保) applied against families' SELF shares, paid by the pool. */
    static LedgerEntry subsidies(LocalDate on, long runId, long fen, String memo) {
        return new LedgerEntry(on, "SUBSIDIES", memo, runId, null, List.of(new Posting(LedgerAccount.SUBSIDIES, fen),
                new Posting(LedgerAccount.POOL_BANK, -fen)));
    }
}
