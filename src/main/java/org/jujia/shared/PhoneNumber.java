package org.jujia.shared;

import java.util.regex.Pattern;

/**
 * Chinese mainland phone number: a mobile number or a landline number with area code.
 *
 * <p>Accepted input, after removing whitespace and hyphens (which are only separators):
 * <ul>
 *   <li>mobile: {@code 1[3-9]} followed by 9 digits, optionally prefixed by {@code +86} or
 *       {@code 0086}; stored as the 11 digits, e.g. {@code 13812345678};</li>
 *   <li>landline: area code followed by a 7- or 8-digit local number; stored as
 *       {@code area-local}, e.g. {@code 010-12345678} or {@code 0571-8765432}.</li>
 * </ul>
 *
 * <p>Since separators are not significant, the area code is recognised from the digits the way a
 * telephone exchange does it: the 3-digit area codes are {@code 010} and {@code 020}-{@code 029};
 * every other area code has 4 digits and starts with {@code 03}-{@code 09}. The international
 * prefix is only accepted for mobile numbers.
 *
 * <p>{@link #toString()} returns the {@link #masked() masked} form so that the full number does
 * not leak into logs; use {@link #value()} to get the full number.
 *
 * @param value the normalised number
 */
public record PhoneNumber(String value) {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern THREE_DIGIT_AREA = Pattern.compile("(010|02\\d)(\\d{7,8})");
    private static final Pattern FOUR_DIGIT_AREA = Pattern.compile("(0[3-9]\\d\\d)(\\d{7,8})");

    /**
     * Validates and normalises the number.
     *
     * @throws InvalidValueException with code {@code "phone.required"} if the value is null or
     *     blank, {@code "phone.format"} if it is not a mainland mobile or landline number
     */
    public PhoneNumber {
        value = normalise(value);
    }

    /**
     * Parses a number.
     *
     * @throws InvalidValueException if the number is not valid
     */
    public static PhoneNumber parse(String value) {
        return new PhoneNumber(value);
    }

    /** Whether {@code value} is a valid mainland mobile or landline number. */
    public static boolean isValid(String value) {
        try {
            new PhoneNumber(value);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    /** Whether this is a mobile number (rather than a landline number). */
    public boolean isMobile() {
        return value.charAt(0) == '1';
    }

    /**
     * Masked number: mobile as the first 3 digits, 4 asterisks and the last 4 digits
     * ({@code 138****5678}); landline as the area code, 4 asterisks and the last 4 digits
     * ({@code 010****5678}).
     */
    public String masked() {
        String head = isMobile() ? value.substring(0, 3) : value.substring(0, value.indexOf('-'));
        return head + "****" + value.substring(value.length() - 4);
    }

    /** The {@link #masked() masked} number, so that the full number does not end up in logs. */
    @Override
    public String toString() {
        return masked();
    }

    private static String normalise(String raw) {
        if (raw == null) {
            throw new InvalidValueException("phone.required", "The phone number is required");
        }
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '-' && !Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                sb.append(c);
            }
        }
        String compact = sb.toString();
        if (compact.isEmpty()) {
            throw new InvalidValueException("phone.required", "The phone number is required");
        }
        boolean international = false;
        if (compact.startsWith("+86")) {
            compact = compact.substring(3);
            international = true;
        } else if (compact.startsWith("0086")) {
            compact = compact.substring(4);
            international = true;
        }
        if (MOBILE.matcher(compact).matches()) {
            return compact;
        }
        if (!international) {
            var matcher = THREE_DIGIT_AREA.matcher(compact);
            if (!matcher.matches()) {
                matcher = FOUR_DIGIT_AREA.matcher(compact);
            }
            if (matcher.matches()) {
                return matcher.group(1) + "-" + matcher.group(2);
            }
        }
        throw new InvalidValueException("phone.format",
                "The phone number must be a mainland mobile number (11 digits starting with 13-19)"
                        + " or a landline number with area code");
    }
}
