package org.jujia.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class PoolSplitTest {

    @Test
    void wholeSharesWhenEvenlyDivisible() {
        assertThat(PoolSplit.of(10_000)).isEqualTo(new PoolSplit(5_500, 3_000, 1_500));
    }

    @Test
    void oneFenGoesToTheLargestRemainder() {
        // 0.55 / 0.30 / 0.15 of a fen: the lottery has the largest remainder
        assertThat(PoolSplit.of(1)).isEqualTo(new PoolSplit(1, 0, 0));
        // 3.85 / 2.10 / 1.05 → floors 3 / 2 / 1, 1 fen left → lottery (0.85)
        assertThat(PoolSplit.of(7)).isEqualTo(new PoolSplit(4, 2, 1));
    }

    @Test
    void fifteenPercentNotWholeFen() {
        // 33 fen: 18.15 / 9.90 / 4.95 → floors 18 / 9 / 4 = 31, 2 fen left → budget (0.90) then social capital (0.95 first)
        assertThat(PoolSplit.of(33)).isEqualTo(new PoolSplit(18, 10, 5));
        // 101 fen: 55.55 / 30.30 / 15.15 → 55 / 30 / 15, 1 fen left → lottery (0.55)
        assertThat(PoolSplit.of(101)).isEqualTo(new PoolSplit(56, 30, 15));
    }

    @Test
    void refusesNothing() {
        assertThatThrownBy(() -> PoolSplit.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PoolSplit.of(-5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void sharesAddUpAndStayWithinOneFen(@ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long fen) {
        PoolSplit s = PoolSplit.of(fen);
        assertThat(s.total()).isEqualTo(fen);
        assertThat(Math.abs(s.welfareLotteryFen() * 100 - fen * 55)).isLessThan(100);
        assertThat(Math.abs(s.generalBudgetFen() * 100 - fen * 30)).isLessThan(100);
        assertThat(Math.abs(s.socialCapitalFen() * 100 - fen * 15)).isLessThan(100);
    }
}
