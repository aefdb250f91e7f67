package org.jujia.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class LedgerPropertiesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 10, 31);

    /** Random pool operations: contributions, provider payments with fines (possibly larger than the payment), subsidies. */
    @Provide
    Arbitrary<List<LedgerEntry>> operations() {
        Arbitrary<LedgerEntry> contribution = Arbitraries.longs().between(1, 10_000_000_000L).map(f -> LedgerEntry.contribution(DAY, f, "c"));
        Arbitrary<LedgerEntry> payment = Combinators.combine(Arbitraries.longs().between(0, 500_000_000L), Arbitraries.longs().between(0, 50_000_000L))
                .filter((g, p) -> g + p > 0).as((g, p) -> LedgerEntry.providerPayment(DAY, 1, 2, g, p, "p"));
        Arbitrary<LedgerEntry> subsidy = Arbitraries.longs().between(1, 100_000_000L).map(f -> LedgerEntry.subsidies(DAY, 1, f, "s"));
        return Arbitraries.oneOf(contribution, payment, subsidy).list().ofMaxSize(200);
    }

    @Property
    void everyEntryAndTheWholeLedgerBalance(@ForAll("operations") List<LedgerEntry> entries) {
        EnumMap<LedgerAccount, Long> balances = new EnumMap<>(LedgerAccount.class);
        long contributed = 0;
        for (LedgerEntry e : entries) {
            assertThat(e.postings().stream().mapToLong(LedgerEntry.Posting::amountFen).sum()).isZero();
            assertThat(e.postings()).hasSizeGreaterThanOrEqualTo(2);
            e.postings().forEach(p -> balances.merge(p.account(), p.amountFen(), Long::sum));
            if (e.kind().equals("CONTRIBUTION")) {
                contributed += e.postings().stream().filter(p -> p.account() == LedgerAccount.POOL_BANK).mapToLong(LedgerEntry.Posting::amountFen).sum();
            }
        }
        assertThat(balances.values().stream().mapToLong(Long::longValue).sum()).isZero();
        long sources = balances.getOrDefault(LedgerAccount.SOURCE_WELFARE_LOTTERY, 0L) + balances.getOrDefault(LedgerAccount.SOURCE_GENERAL_BUDGET, 0L)
                + balances.getOrDefault(LedgerAccount.SOURCE_SOCIAL_CAPITAL, 0L);
        assertThat(-sources).isEqualTo(contributed);
        // pool = contributions - payments - subsidies + penalties
        long pool = balances.getOrDefault(LedgerAccount.POOL_BANK, 0L);
        assertThat(pool).isEqualTo(contributed - balances.getOrDefault(LedgerAccount.SERVICE_PAYMENTS, 0L)
                - balances.getOrDefault(LedgerAccount.SUBSIDIES, 0L) - balances.getOrDefault(LedgerAccount.PENALTIES, 0L));
    }

    @Test
    void anUnbalancedEntryCannotBeMade() {
        assertThatThrownBy(() -> new LedgerEntry(DAY, "X", "m", null, null,
                List.of(new LedgerEntry.Posting(LedgerAccount.POOL_BANK, 100), new LedgerEntry.Posting(LedgerAccount.SUBSIDIES, -99))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not balance");
        assertThatThrownBy(() -> new LedgerEntry(DAY, "X", "m", null, null,
                List.of(new LedgerEntry.Posting(LedgerAccount.POOL_BANK, 100), new LedgerEntry.Posting(LedgerAccount.POOL_BANK, -100))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two accounts");
    }

    @Test
    void fineLargerThanThePaymentLeavesTheProviderOwingThePool() {
        LedgerEntry e = LedgerEntry.providerPayment(DAY, 1, 2, 1_000, 3_000, "p");
        assertThat(e.postings()).containsExactlyInAnyOrder(new LedgerEntry.Posting(LedgerAccount.SERVICE_PAYMENTS, 1_000),
                new LedgerEntry.Posting(LedgerAccount.PENALTIES, -3_000), new LedgerEntry.Posting(LedgerAccount.POOL_BANK, 2_000));
    }
}
