package org.jujia.shared;

import java.util.Objects;

/**
 * Thrown when a value type rejects its input.
 *
 * <p>Besides the English message meant for developers and logs, every instance carries a stable,
 * machine-readable {@link #code() code} (for example {@code "idNumber.checksum"} or
 * {@code "phone.format"}) that callers can map to a field error or a localised message.
 *
 * <p>Messages never contain the complete rejected value, because several value types in this
 * package hold personal data (identity numbers, phone numbers).
 */
public final class InvalidValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String code;

    /**
     * @param code stable machine-readable error code, such as {@code "idNumber.length"}
     * @param message English description of the problem
     */
    public InvalidValueException(String code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Stable machine-readable error code, such as {@code "idNumber.length"}. */
    public String code() {
        return code;
    }
}
