package org.jujia.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({
            "0,       0",
            "0.00,    0",
            "0.01,    1",
            "0.1,     10",
            "0.10,    10",
            "0.99,    99",
            "1,       100",
            "12.34,   1234",
            "12.3,    1230",
            "' 12.34 ', 1234",
            "007.50,  750",
            "92233720368547758.07, 9223372036854775807",
    })
    void parsesYuanExactly(String yuan, long fen) {
        assertThat(Money.ofYuan(yuan).fen()).isEqualTo(fen);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.001", "0.005", "12.345", "1.230", "0.000"})
    void refusesToRound(String yuan) {
        assertCode(yuan, "money.scale");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "-1", "-12.34"})
    void refusesNegativeAmounts(String yuan) {
        assertCode(yuan, "money.negative");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "12.", ".5", "+1.00", "1,000.00", "1e3", "12.3a", "¥12", "--1", "1 000"})
    void refusesMalformedAmounts(String yuan) {
        assertCode(yuan, "money.format");
    }

    @Test
    void refusesNull() {
        assertCode(null, "money.format");
    }

    @ParameterizedTest
    @ValueSource(strings = {"92233720368547758.08", "92233720368547759", "99999999999999999999999"})
    void refusesAmountsThatDoNotFit(String yuan) {
        assertCode(yuan, "money.range");
    }

    private static void assertCode(String yuan, String code) {
        assertThatThrownBy(() -> Money.ofYuan(yuan))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).code())
                .isEqualTo(code);
    }

    @Test
    void formatsWithTwoDecimals() {
        assertThat(Money.ZERO.toYuanString()).isEqualTo("0.00");
        assertThat(new Money(1).toYuanString()).isEqualTo("0.01");
        assertThat(new Money(10).toYuanString()).isEqualTo("0.10");
        assertThat(new Money(100).toYuanString()).isEqualTo("1.00");
        assertThat(new Money(1234).toYuanString()).isEqualTo("12.34");
        assertThat(new Money(-5).toYuanString()).isEqualTo("-0.05");
        assertThat(new Money(-1234).toYuanString()).isEqualTo("-12.34");
        assertThat(new Money(Long.MAX_VALUE).toYuanString()).isEqualTo("92233720368547758.07");
        assertThat(new Money(Long.MIN_VALUE).toYuanString()).isEqualTo("-92233720368547758.08");
    }

    @Test
    void roundTripsThroughYuanString() {
        for (String yuan : new String[] {"0.00", "0.01", "0.99", "1.00", "12.34", "100000.50"}) {
            assertThat(Money.ofYuan(yuan).toYuanString()).isEqualTo(yuan);
        }
    }

    @Test
    void addsSubtractsAndMultiplies() {
        Money price = Money.ofYuan("12.34");
        assertThat(price.plus(Money.ofYuan("0.66"))).isEqualTo(Money.ofYuan("13.00"));
        assertThat(price.minus(Money.ofYuan("0.34"))).isEqualTo(Money.ofYuan("12"));
        assertThat(price.times(3)).isEqualTo(Money.ofYuan("37.02"));
        assertThat(price.times(0)).isEqualTo(Money.ZERO);
        assertThat(Money.ofYuan("0.01").times(100)).isEqualTo(Money.ofYuan("1"));
    }

    @Test
    void minusMayGoNegative() {
        Money balance = Money.ofYuan("1.00").minus(Money.ofYuan("1.01"));
        assertThat(balance.fen()).isEqualTo(-1);
        assertThat(balance.isNegative()).isTrue();
        assertThat(balance.toYuanString()).isEqualTo("-0.01");
        assertThat(balance.plus(Money.ofYuan("0.01"))).isEqualTo(Money.ZERO);
        assertThat(Money.ZERO.isNegative()).isFalse();
    }

    @Test
    void overflowFailsInsteadOfWrapping() {
        Money max = new Money(Long.MAX_VALUE);
        assertThatThrownBy(() -> max.plus(new Money(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> new Money(Long.MIN_VALUE).minus(new Money(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> max.times(2)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void comparesByAmount() {
        Money small = Money.ofYuan("0.01");
        Money large = Money.ofYuan("1.00");
        assertThat(small).isLessThan(large);
        assertThat(large).isGreaterThan(small);
        assertThat(small.compareTo(Money.ofYuan("0.01"))).isZero();
        assertThat(Money.ZERO.minus(small)).isLessThan(Money.ZERO);
    }
}
