package org.jujia.assessment.scoring;

import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;
import org.jujia.shared.ValidationException;

/**
 * The item-domain checks of ASSESSMENT.md §0, shared by the typed input records (Java callers) and the generic
 * reader {@link Answers} (JSON callers), so both reject exactly the same values with the same field names.
 */
final class Checks {

    static final String REQUIRED = "required";
    static final String NOT_INTEGER = "notInteger";
    static final String NOT_BOOLEAN = "notBoolean";
    static final String NOT_ALLOWED = "notAllowed";
    static final String NOT_OBJECT = "notObject";

    private Checks() {
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw ValidationException.of(field, REQUIRED, "is required");
        }
        return value;
    }

    static int range(String field, long value, int min, int max) {
        return range(field, value, min, max, value);
    }

    static int range(String field, long value, int min, int max, Object shown) {
        if (value < min || value > max) {
            throw ValidationException.of(field, NOT_ALLOWED,
                    (max == Integer.MAX_VALUE ? "must be an integer of at least " + min : "must be an integer from " + min + " to " + max)
                            + " (got " + shown + ")");
        }
        return (int) value;
    }

    static int oneOf(String field, long value, int[] allowed) {
        return oneOf(field, value, allowed, value);
    }

    static int oneOf(String field, long value, int[] allowed, Object shown) {
        for (int a : allowed) {
            if (a == value) {
                return a;
            }
        }
        throw ValidationException.of(field, NOT_ALLOWED, "must be one of "
                + Arrays.stream(allowed).mapToObj(String::valueOf).collect(Collectors.joining(", ")) + " (got " + shown + ")");
    }

    static <E extends Enum<E>> E allowed(String field, E value, Collection<E> allowed) {
        required(field, value);
        if (!allowed.contains(value)) {
            throw notAllowed(field, value, allowed);
        }
        return value;
    }

    static ValidationException notAllowed(String field, Object value, Collection<? extends Enum<?>> allowed) {
        return ValidationException.of(field, NOT_ALLOWED, "must be one of "
                + allowed.stream().map(Enum::name).collect(Collectors.joining(", ")) + " (got " + value + ")");
    }
}
