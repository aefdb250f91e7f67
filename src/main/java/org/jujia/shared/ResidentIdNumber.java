package org.jujia.shared;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * Chinese resident identity number (公民身份号码) as defined by GB 11643-1999.
 *
 * <p>Layout of the 18 characters:
 * <pre>
 *   positions 1-6    administrative division code of the place of registration
 *   positions 7-14   birth date, yyyyMMdd
 *   positions 15-17  order code; the 17th digit is odd for men and even for women
 *   position  18     check character, 0-9 or X (ISO 7064 MOD 11-2)
 * </pre>
 *
 * <p>The value is normalised on construction: all whitespace is removed and a lowercase
 * {@code x} check character becomes {@code X}. Construction fails with an
 * {@link InvalidValueException} when the number is malformed, the province code does not exist,
 * the birth date is not a real calendar date, lies before {@link #EARLIEST_BIRTH_DATE} or in the
 * future, or the check character does not match.
 *
 * <p>The canonical constructor and {@link #parse(String)} judge "the future" against today's date
 * in China ({@code Asia/Shanghai}). Use {@link #parse(String, Clock)} or
 * {@link #parse(String, LocalDate)} to judge it against another reference date; such a reference
 * date can only make the check stricter, never accept a birth date after today's real date.
 *
 * <p>{@link #toString()} returns the {@link #masked() masked} form so that the full number does
 * not leak into logs; use {@link #value()} to get the full number.
 *
 * @param value the normalised 18-character number
 */
public record ResidentIdNumber(String value) {

    /** Length of an identity number. */
    public static final int LENGTH = 18;

    /** Earliest birth date accepted. */
    public static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1890, 1, 1);

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    /**
     * Validates and normalises the number.
     *
     * @throws InvalidValueException if the number is not a valid resident identity number
     */
    public ResidentIdNumber {
        value = normalise(value);
        validate(value, LocalDate.now(CHINA));
    }

    /**
     * Parses a number, judging "the future" against today's date in China.
     *
     * @throws InvalidValueException if the number is not valid
     */
    public static ResidentIdNumber parse(String value) {
        return new ResidentIdNumber(value);
    }

    /**
     * Parses a number, additionally rejecting birth dates after today's date of {@code clock}.
     *
     * @throws InvalidValueException if the number is not valid
     */
    public static ResidentIdNumber parse(String value, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return parse(value, LocalDate.now(clock));
    }

    /**
     * Parses a number, additionally rejecting birth dates after {@code today}.
     *
     * @throws InvalidValueException if the number is not valid
     */
    public static ResidentIdNumber parse(String value, LocalDate today) {
        Objects.requireNonNull(today, "today");
        ResidentIdNumber number = new ResidentIdNumber(value);
        requireNotAfter(number.birthDate(), today);
        return number;
    }

    /** Whether {@code value} is a valid number (judging "the future" against today in China). */
    public static boolean isValid(String value) {
        try {
            new ResidentIdNumber(value);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    /**
     * Computes the check character (18th character) for the first 17 digits.
     *
     * @param first17 exactly 17 ASCII digits
     * @return {@code '0'}-{@code '9'} or {@code 'X'}
     * @throws InvalidValueException with code {@code "idNumber.format"} if {@code first17} is not
     *     17 digits
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1 || !allDigits(first17, 0, LENGTH - 1)) {
            throw new InvalidValueException("idNumber.format",
                    "The check character is computed from exactly 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /**
     * Builds a valid number, for demo data and tests.
     *
     * @param regionCode6 6-digit administrative division code with a valid province prefix
     * @param birthDate birth date, between {@link #EARLIEST_BIRTH_DATE} and today
     * @param sex sex encoded by the parity of the 17th digit
     * @param sequence 0-999, selects the 3-digit order code; when its parity does not match
     *     {@code sex}, the lowest bit is flipped (so 0 becomes 001 for a man, 999 becomes 998 for a
     *     woman)
     * @throws InvalidValueException if an argument is out of range
     */
    public static ResidentIdNumber of(String regionCode6, LocalDate birthDate, Sex sex, int sequence) {
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
        if (regionCode6 == null || regionCode6.length() != 6 || !allDigits(regionCode6, 0, 6)) {
            throw new InvalidValueException("idNumber.region", "The region code must be exactly 6 digits");
        }
        if (sequence < 0 || sequence > 999) {
            throw new InvalidValueException("idNumber.sequence",
                    "The sequence must be between 0 and 999 but was " + sequence);
        }
        if (birthDate.isBefore(EARLIEST_BIRTH_DATE) || birthDate.getYear() > 9999) {
            throw new InvalidValueException("idNumber.birthDate",
                    "The birth date " + birthDate + " cannot be encoded in an identity number");
        }
        boolean odd = (sequence & 1) == 1;
        int order = odd == (sex == Sex.MALE) ? sequence : sequence ^ 1;
        String first17 = regionCode6
                + String.format(Locale.ROOT, "%04d%02d%02d", birthDate.getYear(), birthDate.getMonthValue(),
                        birthDate.getDayOfMonth())
                + String.format(Locale.ROOT, "%03d", order);
        return new ResidentIdNumber(first17 + checkCharacter(first17));
    }

    /** Birth date encoded in positions 7-14. */
    public LocalDate birthDate() {
        return parseBirthDate(value);
    }

    /** Sex encoded by the parity of the 17th digit: odd is male, even is female. */
    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** The 6-digit administrative division code (positions 1-6). */
    public String regionCode() {
        return value.substring(0, 6);
    }

    /**
     * Age in completed years on {@code date}. A person born on 29 February becomes a year older
     * on 1 March in common years.
     *
     * @throws InvalidValueException with code {@code "idNumber.ageDate"} if {@code date} is
     *     before the birth date
     */
    public int ageOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        LocalDate birthDate = birthDate();
        if (date.isBefore(birthDate)) {
            throw new InvalidValueException("idNumber.ageDate",
                    "Cannot compute an age on a date before the birth date");
        }
        return Period.between(birthDate, date).getYears();
    }

    /** First 6 characters, 8 asterisks, last 4 characters, e.g. {@code 110105********002X}. */
    public String masked() {
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    /**
     * Checks that this number agrees with a separately recorded birth date and sex.
     *
     * @throws InvalidValueException with code {@code "birthDate.mismatch"} or
     *     {@code "sex.mismatch"} if they disagree (the birth date is checked first)
     */
    public void requireAgrees(LocalDate birthDate, Sex sex) {
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
        if (!birthDate.equals(birthDate())) {
            throw new InvalidValueException("birthDate.mismatch",
                    "The birth date " + birthDate + " does not match the identity number");
        }
        if (sex != sex()) {
            throw new InvalidValueException("sex.mismatch",
                    "The sex " + sex + " does not match the identity number");
        }
    }

    /** The {@link #masked() masked} number, so that the full number does not end up in logs. */
    @Override
    public String toString() {
        return masked();
    }

    private static String normalise(String raw) {
        if (raw == null) {
            throw new InvalidValueException("idNumber.required", "The identity number is required");
        }
        StringBuilder normalised = new StringBuilder(LENGTH);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                normalised.append(c == 'x' ? 'X' : c);
            }
        }
        if (normalised.isEmpty()) {
            throw new InvalidValueException("idNumber.required", "The identity number is required");
        }
        return normalised.toString();
    }

    private static void validate(String value, LocalDate today) {
        if (value.length() != LENGTH) {
            throw new InvalidValueException("idNumber.length",
                    "The identity number must have 18 characters but has " + value.length());
        }
        char last = value.charAt(LENGTH - 1);
        if (!allDigits(value, 0, LENGTH - 1) || !(isDigit(last) || last == 'X')) {
            throw new InvalidValueException("idNumber.format",
                    "The identity number must be 17 digits followed by a digit or X");
        }
        if (!isProvinceCode(value.substring(0, 2))) {
            throw new InvalidValueException("idNumber.region",
                    "The identity number starts with unknown province code " + value.substring(0, 2));
        }
        requireNotAfter(parseBirthDate(value), today);
        char expected = checkCharacter(value.substring(0, LENGTH - 1));
        if (last != expected) {
            throw new InvalidValueException("idNumber.checksum",
                    "The identity number has check character " + last + " but " + expected + " was expected");
        }
    }

    private static LocalDate parseBirthDate(String value) {
        int year = Integer.parseInt(value, 6, 10, 10);
        int month = Integer.parseInt(value, 10, 12, 10);
        int day = Integer.parseInt(value, 12, 14, 10);
        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new InvalidValueException("idNumber.birthDate",
                    "The identity number contains birth date " + value.substring(6, 14)
                            + ", which is not a real calendar date");
        }
        if (birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
            throw new InvalidValueException("idNumber.birthDate",
                    "The identity number contains birth date " + birthDate + ", before " + EARLIEST_BIRTH_DATE);
        }
        return birthDate;
    }

    private static void requireNotAfter(LocalDate birthDate, LocalDate today) {
        if (birthDate.isAfter(today)) {
            throw new InvalidValueException("idNumber.birthDate",
                    "The identity number contains birth date " + birthDate + ", which is after " + today);
        }
    }

    private static boolean isProvinceCode(String code) {
        int c = Integer.parseInt(code);
        return (c >= 11 && c <= 15)
                || (c >= 21 && c <= 23)
                || (c >= 31 && c <= 37)
                || (c >= 41 && c <= 46)
                || (c >= 50 && c <= 54)
                || (c >= 61 && c <= 65)
                || c == 71 || c == 81 || c == 82;
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
