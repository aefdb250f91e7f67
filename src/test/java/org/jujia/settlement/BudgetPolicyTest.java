package org.jujia.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BudgetPolicyTest {

    @Test
    void scoreBelowEightyCutsNextYearsBudgetByTwentyPercent() {
        assertThat(BudgetPolicy.nextYearBudget(1_000_000_00L, new BigDecimal("79.9"))).isEqualTo(800_000_00L);
        assertThat(BudgetPolicy.nextYearBudget(1_000_000_00L, new BigDecimal("80"))).isEqualTo(1_000_000_00L);
        assertThat(BudgetPolicy.nextYearBudget(1_000_000_00L, new BigDecimal("80.0"))).isEqualTo(1_000_000_00L);
        assertThat(BudgetPolicy.nextYearBudget(1_000_000_00L, null)).isEqualTo(1_000_000_00L);
    }

    @Test
    void cutIsFlooredToTheFen() {
        // 20% of 12,345 fen is 2,469 exactly; of 12,346 it is 2,469.2 → cut 2,469, budget 9,877
        assertThat(BudgetPolicy.nextYearBudget(12_345, new BigDecimal("50"))).isEqualTo(9_876);
        assertThat(BudgetPolicy.nextYearBudget(12_346, new BigDecimal("50"))).isEqualTo(9_877);
    }

    @Test
    void twoConsecutiveYearsBelowEightyRevoke() {
        assertThat(BudgetPolicy.revokes(new BigDecimal("79.9"), new BigDecimal("79.9"))).isTrue();
        assertThat(BudgetPolicy.revokes(new BigDecimal("79.9"), new BigDecimal("80"))).isFalse();
        assertThat(BudgetPolicy.revokes(new BigDecimal("80"), new BigDecimal("79.9"))).isFalse();
        assertThat(BudgetPolicy.revokes(null, new BigDecimal("10"))).isFalse();
    }

    @Test
    void validScores() {
        assertThat(BudgetPolicy.valid(new BigDecimal("0"))).isTrue();
        assertThat(BudgetPolicy.valid(new BigDecimal("100"))).isTrue();
        assertThat(BudgetPolicy.valid(new BigDecimal("79.9"))).isTrue();
        assertThat(BudgetPolicy.valid(new BigDecimal("79.95"))).isFalse();
        assertThat(BudgetPolicy.valid(new BigDecimal("100.1"))).isFalse();
        assertThat(BudgetPolicy.valid(new BigDecimal("-0.1"))).isFalse();
        assertThat(BudgetPolicy.valid(null)).isFalse();
    }
}
