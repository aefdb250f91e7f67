package org.jujia.settlement;

import java.math.BigDecimal;

/**
 * Provider budgets tied to performance (PLATFORM.md §7): an annual score below 80 cuts next year's budget by 20%
 * (floored to the fen); two consecutive years below 80 revoke the operating qualification. 80 itself passes.
 */
final class BudgetPolicy {

    static final BigDecimal THRESHOLD = new BigDecimal("80");
    static final int REDUCTION_PERCENT = 20;

    private BudgetPolicy() {
    }

    static boolean below(BigDecimal score) {
        return score != null && score.compareTo(THRESHOLD) < 0;
    }

    /** Next year's budget after a year with {@code score} (null: no score yet, unchanged). */
    static long nextYearBudget(long budgetFen, BigDecimal score) {
        if (budgetFen < 0) {
            throw new IllegalArgumentException("budget must not be negative");
        }
        return below(score) ? budgetFen - Math.multiplyExact(budgetFen, REDUCTION_PERCENT) / 100 : budgetFen;
    }

    /** Two consecutive years below the threshold. */
    static boolean revokes(BigDecimal previousYearScore, BigDecimal score) {
        return below(previousYearScore) && below(score);
    }

    /** A valid score: 0–100 with at most one decimal. */
    static boolean valid(BigDecimal score) {
        return score != null && score.signum() >= 0 && score.compareTo(new BigDecimal("100")) <= 0 && score.stripTrailingZeros().scale() <= 1;
    }
}
