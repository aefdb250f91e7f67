package org.jujia.assessment.scoring;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jujia.shared.ValidationException;

/**
 * Reads item-level answers from a generic map (a decoded JSON object) and validates them as ASSESSMENT.md §0
 * prescribes. Each read checks one item completely (present, right type, allowed value), so reading the items in
 * their documented order reports the first offending field. Nested objects are named by a dotted path
 * ({@code "final.age"}, {@code "barthel.feeding"}), the convention of the platform's problem documents.
 *
 * <p>Typing [D, ASSESSMENT.md §0]: integers are JSON numbers with an integral value ({@code 5} and {@code 5.0},
 * as JSON Schema's {@code integer}); strings such as {@code "5"} are not coerced. Yes/no items accept only JSON
 * booleans. Enumerated answers accept only the exact upper-case names. Keys not used by an instrument are
 * ignored, as usual for a forward-compatible JSON API.
 */
final class Answers {

    private final Map<String, ?> values;
    private final String prefix;

    private Answers(Map<String, ?> values, String prefix) {
        this.values = values == null ? Map.of() : values;
        this.prefix = prefix;
    }

    static Answers of(Map<String, ?> values) {
        return new Answers(values, "");
    }

    String path(String key) {
        return prefix + key;
    }

    /** Whether the key is present with a non-null value. */
    boolean has(String key) {
        return values.get(key) != null;
    }

    private Object require(String key) {
        return Checks.required(path(key), values.get(key));
    }

    int integer(String key, int min, int max) {
        Object raw = require(key);
        return Checks.range(path(key), integral(key, raw), min, max, raw);
    }

    int oneOf(String key, int[] allowed) {
        Object raw = require(key);
        return Checks.oneOf(path(key), integral(key, raw), allowed, raw);
    }

    boolean yesNo(String key) {
        Object raw = require(key);
        if (raw instanceof Boolean b) {
            return b;
        }
        throw ValidationException.of(path(key), Checks.NOT_BOOLEAN, "must be true or false (got " + raw + ")");
    }

    <E extends Enum<E>> E choice(String key, Class<E> type, Collection<E> allowed) {
        Object raw = require(key);
        E value = null;
        if (type.isInstance(raw)) {
            value = type.cast(raw);
        } else if (raw instanceof String s) {
            for (E e : allowed) {
                if (e.name().equals(s)) {
                    value = e;
                }
            }
        }
        if (value == null || !allowed.contains(value)) {
            throw Checks.notAllowed(path(key), raw instanceof String s ? "\"" + s + "\"" : raw, allowed);
        }
        return value;
    }

    <E extends Enum<E>> E choice(String key, Class<E> type) {
        return choice(key, type, List.of(type.getEnumConstants()));
    }

    /** A required nested object. */
    Answers object(String key) {
        Object raw = require(key);
        return nested(key, raw);
    }

    /** An optional nested object: absent or null means "not on file". */
    Optional<Answers> optionalObject(String key) {
        Object raw = values.get(key);
        return raw == null ? Optional.empty() : Optional.of(nested(key, raw));
    }

    @SuppressWarnings("unchecked")
    private Answers nested(String key, Object raw) {
        if (raw instanceof Map<?, ?> m) {
            return new Answers((Map<String, ?>) m, path(key) + ".");
        }
        throw ValidationException.of(path(key), Checks.NOT_OBJECT, "must be an object");
    }

    /** The value as a long (clamped: anything beyond long is out of every item's range anyway). */
    private long integral(String key, Object raw) {
        BigInteger b = toBigInteger(raw);
        if (b == null) {
            throw ValidationException.of(path(key), Checks.NOT_INTEGER, "must be an integer (got " + describe(raw) + ")");
        }
        if (b.bitLength() > 63) {
            return b.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return b.longValue();
    }

    private static BigInteger toBigInteger(Object raw) {
        return switch (raw) {
            case Integer i -> BigInteger.valueOf(i);
            case Long l -> BigInteger.valueOf(l);
            case Short s -> BigInteger.valueOf(s);
            case Byte b -> BigInteger.valueOf(b);
            case BigInteger b -> b;
            case BigDecimal d -> integralOrNull(d);
            case Double d -> Double.isFinite(d) ? integralOrNull(BigDecimal.valueOf(d)) : null;
            case Float f -> Float.isFinite(f) ? integralOrNull(new BigDecimal(f.toString())) : null;
            default -> null;
        };
    }

    private static BigInteger integralOrNull(BigDecimal d) {
        try {
            return d.toBigIntegerExact();
        } catch (ArithmeticException notIntegral) {
            return null;
        }
    }

    private static String describe(Object raw) {
        return raw instanceof String s ? "\"" + s + "\"" : raw instanceof Map ? "an object" : raw instanceof List ? "an array" : String.valueOf(raw);
    }
}
