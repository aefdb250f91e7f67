package org.jujia.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of Chinese yuan held exactly as an integer number of fen (1 yuan = 100 fen).
 *
 * <p>Amounts parsed by {@link #ofYuan(String)} are never negative; a negative amount only arises
 * as the result of {@link #minus(Money)} (or arithmetic on such a result), for example a balance
 * that is overdrawn. Arithmetic that overflows a {@code long} throws {@link ArithmeticException}
 * rather than wrapping around.
 *
 * @param fen the amount in fen
 */
public record Money(long fen) implements Comparable<Money> {

    /** Zero yuan. */
    public static final Money ZERO = new Money(0);

    private static final Pattern YUAN = Pattern.compile("(\\d+)(?:\\.(\\d{1,2}))?");
    private static final Pattern TOO_PRECISE = Pattern.compile("\\d+\\.\\d{3,}");

    /**
     * Parses a non-negative amount in yuan with at most two decimals, such as {@code "12"},
     * {@code "12.3"} or {@code "12.34"}. Surrounding whitespace is ignored. Nothing is ever
     * rounded: {@code "0.005"} and even {@code "1.230"} are refused.
     *
     * @throws InvalidValueException with code {@code "money.scale"} for more than two decimals,
     *     {@code "money.negative"} for a negative amount, {@code "money.range"} if the amount does
     *     not fit, {@code "money.format"} for anything else that is not a plain decimal number
     */
    public static Money ofYuan(String yuan) {
        if (yuan == null) {
            throw new InvalidValueException("money.format", "The amount is required");
        }
        String text = yuan.strip();
        var matcher = YUAN.matcher(text);
        if (!matcher.matches()) {
            if (TOO_PRECISE.matcher(text).matches()) {
                throw new InvalidValueException("money.scale",
                        "The amount " + text + " has more than two decimals");
            }
            if (text.startsWith("-") && YUAN.matcher(text.substring(1)).matches()) {
                throw new InvalidValueException("money.negative",
                        "The amount " + text + " must not be negative");
            }
            throw new InvalidValueException("money.format",
                    "The amount must be a decimal number such as 12.34 but was '" + text + "'");
        }
        String decimals = matcher.group(2) == null ? "" : matcher.group(2);
        try {
            long whole = Long.parseLong(matcher.group(1));
            long fraction = decimals.isEmpty() ? 0 : Long.parseLong(decimals) * (decimals.length() == 1 ? 10 : 1);
            return new Money(Math.addExact(Math.multiplyExact(whole, 100L), fraction));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidValueException("money.range", "The amount " + text + " is too large");
        }
    }

    /** This amount plus {@code other}. */
    public Money plus(Money other) {
        Objects.requireNonNull(other, "other");
        return new Money(Math.addExact(fen, other.fen));
    }

    /** This amount minus {@code other}; may be negative. */
    public Money minus(Money other) {
        Objects.requireNonNull(other, "other");
        return new Money(Math.subtractExact(fen, other.fen));
    }

    /** This amount multiplied by {@code factor}, e.g. a unit price times a quantity. */
    public Money times(int factor) {
        return new Money(Math.multiplyExact(fen, (long) factor));
    }

    /** Whether this amount is below zero. */
    public boolean isNegative() {
        return fen < 0;
    }

    /** The amount in yuan with exactly two decimals, e.g. {@code "12.34"}, {@code "-0.05"}. */
    public String toYuanString() {
        long whole = fen / 100;
        long cents = Math.abs(fen % 100);
        String sign = fen < 0 && whole == 0 ? "-" : "";
        return sign + whole + "." + (cents < 10 ? "0" : "") + cents;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }
}
