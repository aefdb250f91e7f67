package org.jujia.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/*
 * Check characters used below, computed by hand with the GB 11643-1999 weights
 * 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 and the map  sum % 11 -> "10X98765432"
 * (remainder 0 -> 1, 1 -> 0, 2 -> X, 3 -> 9, 4 -> 8, 5 -> 7, 6 -> 6, 7 -> 5, 8 -> 4, 9 -> 3, 10 -> 2):
 *
 * 11010519491231002 -> 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4   = 167, 167 % 11 = 2  -> X
 *     so 11010519491231002X is valid and 110105194912310029 is not.
 * 11010519900307123 -> 7+9+0+5+0+20+2+9+54+0+0+27+0+35+8+8+6    = 190, 190 % 11 = 3  -> 9
 * 51010819880101456 -> 35+9+0+5+0+32+2+9+48+24+0+9+0+5+32+20+12 = 242, 242 % 11 = 0  -> 1
 * 31010420000229123 -> 21+9+0+5+0+16+4+0+0+0+0+18+20+45+8+8+6   = 160, 160 % 11 = 6  -> 6
 * 44030520240229002 -> 28+36+0+15+0+20+4+0+12+12+0+18+20+45+0+0+4 = 214, 214 % 11 = 5 -> 7
 */
class ResidentIdNumberTest {

    private static final String BEIJING_1949 = "11010519491231002X";
    private static final String BEIJING_1990 = "110105199003071239";
    private static final String CHENGDU_1988 = "510108198801014561";
    private static final String SHANGHAI_LEAP_2000 = "310104200002291236";
    private static final String SHENZHEN_LEAP_2024 = "440305202402290027";

    /** Builds a number with a correct check character, so that only the other rules can fail. */
    private static String withCheck(String first17) {
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** Independent check-character oracle: weight of position i is 2^(17-i) mod 11. */
    private static char oracleCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int weight = java.math.BigInteger.TWO.pow(17 - i).mod(java.math.BigInteger.valueOf(11)).intValue();
            sum += (first17.charAt(i) - '0') * weight;
        }
        int check = (12 - sum % 11) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    private static void assertRejected(String value, String code) {
        var thrown = assertThatThrownBy(() -> new ResidentIdNumber(value))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).code()).isEqualTo(code));
        if (value != null && value.length() == 18) {
            // Messages must not leak the full identity number into logs.
            thrown.hasMessageNotContaining(value);
        }
    }

    @Test
    void acceptsKnownValidNumbers() {
        for (String value : List.of(BEIJING_1949, BEIJING_1990, CHENGDU_1988, SHANGHAI_LEAP_2000, SHENZHEN_LEAP_2024)) {
            assertThat(new ResidentIdNumber(value).value()).isEqualTo(value);
            assertThat(ResidentIdNumber.isValid(value)).isTrue();
        }
    }

    @Test
    void computesCheckCharacters() {
        assertThat(ResidentIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(ResidentIdNumber.checkCharacter("11010519900307123")).isEqualTo('9');
        assertThat(ResidentIdNumber.checkCharacter("51010819880101456")).isEqualTo('1');
        assertThat(ResidentIdNumber.checkCharacter("31010420000229123")).isEqualTo('6');
        assertThat(ResidentIdNumber.checkCharacter("44030520240229002")).isEqualTo('7');
    }

    @Test
    void checkCharacterRequiresSeventeenDigits() {
        for (String bad : new String[] {null, "1101051949123100", "110105194912310021", "1101051949123100A"}) {
            assertThatThrownBy(() -> ResidentIdNumber.checkCharacter(bad))
                    .isInstanceOf(InvalidValueException.class)
                    .extracting(e -> ((InvalidValueException) e).code())
                    .isEqualTo("idNumber.format");
        }
    }

    @Test
    void readsBirthDateSexAndRegion() {
        ResidentIdNumber number = ResidentIdNumber.parse(BEIJING_1949);
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(number.sex()).isEqualTo(Sex.FEMALE);
        assertThat(number.regionCode()).isEqualTo("110105");

        ResidentIdNumber chengdu = ResidentIdNumber.parse(CHENGDU_1988);
        assertThat(chengdu.birthDate()).isEqualTo(LocalDate.of(1988, 1, 1));
        assertThat(chengdu.sex()).isEqualTo(Sex.FEMALE);
        assertThat(chengdu.regionCode()).isEqualTo("510108");

        assertThat(ResidentIdNumber.parse(BEIJING_1990).sex()).isEqualTo(Sex.MALE);
    }

    @Test
    void sexFollowsParityOfSeventeenthDigit() {
        for (int digit = 0; digit <= 9; digit++) {
            ResidentIdNumber number = ResidentIdNumber.parse(withCheck("1101051990030712" + digit));
            assertThat(number.sex()).isEqualTo(digit % 2 == 1 ? Sex.MALE : Sex.FEMALE);
        }
    }

    @Test
    void rejectsWrongCheckCharacter() {
        assertRejected("110105194912310029", "idNumber.checksum");
        assertRejected("110105199003071238", "idNumber.checksum");
        assertRejected("11010519900307123X", "idNumber.checksum");
        // Two adjacent digits of the order code swapped.
        assertRejected("110105199003071329", "idNumber.checksum");
        assertThatThrownBy(() -> new ResidentIdNumber("110105194912310029"))
                .hasMessageContaining("check character 9")
                .hasMessageContaining("X was expected");
    }

    @Test
    void acceptsLowercaseXAndSurroundingSpaces() {
        assertThat(new ResidentIdNumber("11010519491231002x").value()).isEqualTo(BEIJING_1949);
        assertThat(new ResidentIdNumber("  11010519491231002x ").value()).isEqualTo(BEIJING_1949);
        assertThat(new ResidentIdNumber("110105 19491231 002X").value()).isEqualTo(BEIJING_1949);
        assertThat(new ResidentIdNumber("\t110105194912310 02x\n")).isEqualTo(new ResidentIdNumber(BEIJING_1949));
    }

    @Test
    void acceptsXOnlyAsCheckCharacter() {
        assertRejected("1101051949123100X2", "idNumber.format");
        assertRejected("X1010519491231002X", "idNumber.format");
        assertRejected("11010519491231002Y", "idNumber.format");
        assertRejected("１１０１０５１９４９１２３１００２X", "idNumber.format"); // full-width digits
    }

    @Test
    void rejectsWrongLength() {
        assertRejected("11010519491231002", "idNumber.length");
        assertRejected("11010519491231002X0", "idNumber.length");
        // The old 15-digit format is not accepted.
        assertRejected("110105491231002", "idNumber.length");
    }

    @Test
    void rejectsMissingValue() {
        assertRejected(null, "idNumber.required");
        assertRejected("", "idNumber.required");
        assertRejected("   ", "idNumber.required");
    }

    @Test
    void rejectsInvalidCalendarDates() {
        assertRejected(withCheck("11010520230230001"), "idNumber.birthDate"); // 30 February
        assertRejected(withCheck("11010520230229001"), "idNumber.birthDate"); // 2023 is not a leap year
        assertRejected(withCheck("11010519001301001"), "idNumber.birthDate"); // month 13
        assertRejected(withCheck("11010519000100001"), "idNumber.birthDate"); // day 0
        assertRejected(withCheck("11010519000431001"), "idNumber.birthDate"); // 31 April
        assertRejected(withCheck("11010519000229001"), "idNumber.birthDate"); // 1900 is not a leap year
        assertThatThrownBy(() -> new ResidentIdNumber(withCheck("11010520230230001")))
                .hasMessageContaining("20230230");
    }

    @Test
    void acceptsLeapDays() {
        assertThat(ResidentIdNumber.parse(SHENZHEN_LEAP_2024).birthDate()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(ResidentIdNumber.parse(SHANGHAI_LEAP_2000).birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
    }

    @Test
    void rejectsBirthDatesBefore1890() {
        assertRejected(withCheck("11010518891231001"), "idNumber.birthDate");
        assertRejected(withCheck("11010500010101001"), "idNumber.birthDate");
        assertThat(ResidentIdNumber.parse(withCheck("11010518900101001")).birthDate())
                .isEqualTo(LocalDate.of(1890, 1, 1));
    }

    @Test
    void rejectsBirthDatesInTheFuture() {
        assertRejected(withCheck("11010520990101001"), "idNumber.birthDate");

        LocalDate today = LocalDate.of(2025, 6, 15);
        String bornToday = withCheck("11010520250615001");
        String bornTomorrow = withCheck("11010520250616001");
        assertThat(ResidentIdNumber.parse(bornToday, today).birthDate()).isEqualTo(today);
        assertThatThrownBy(() -> ResidentIdNumber.parse(bornTomorrow, today))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).code())
                .isEqualTo("idNumber.birthDate");

        // 2025-06-15T16:30Z is already 2025-06-16 in Beijing: the clock's zone decides "today".
        Instant instant = Instant.parse("2025-06-15T16:30:00Z");
        assertThat(ResidentIdNumber.parse(bornTomorrow, Clock.fixed(instant, ZoneId.of("Asia/Shanghai"))))
                .isNotNull();
        assertThatThrownBy(() -> ResidentIdNumber.parse(bornTomorrow, Clock.fixed(instant, ZoneId.of("UTC"))))
                .isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "10", "16", "20", "24", "30", "38", "40", "47", "49", "55", "60", "66", "70", "72",
            "80", "83", "90", "99"})
    void rejectsUnknownProvinceCodes(String province) {
        assertRejected(withCheck(province + "010519900307123"), "idNumber.region");
    }

    @ParameterizedTest
    @ValueSource(strings = {"11", "15", "21", "23", "31", "37", "41", "46", "50", "54", "61", "65", "71", "81", "82"})
    void acceptsEveryProvinceCodeBoundary(String province) {
        assertThat(ResidentIdNumber.parse(withCheck(province + "010519900307123")).regionCode())
                .isEqualTo(province + "0105");
    }

    @Test
    void masksTheMiddle() {
        assertThat(ResidentIdNumber.parse(BEIJING_1949).masked()).isEqualTo("110105********002X");
        assertThat(ResidentIdNumber.parse(BEIJING_1990).masked()).isEqualTo("110105********1239");
        assertThat(ResidentIdNumber.parse(BEIJING_1990).toString()).isEqualTo("110105********1239");
    }

    @Test
    void computesAgeAroundBirthdays() {
        ResidentIdNumber number = ResidentIdNumber.parse(BEIJING_1990); // born 1990-03-07
        assertThat(number.ageOn(LocalDate.of(1990, 3, 7))).isZero();
        assertThat(number.ageOn(LocalDate.of(1991, 3, 6))).isZero();
        assertThat(number.ageOn(LocalDate.of(1991, 3, 7))).isEqualTo(1);
        assertThat(number.ageOn(LocalDate.of(2025, 3, 6))).isEqualTo(34);
        assertThat(number.ageOn(LocalDate.of(2025, 3, 7))).isEqualTo(35);
        assertThat(number.ageOn(LocalDate.of(2025, 3, 8))).isEqualTo(35);

        ResidentIdNumber elder = ResidentIdNumber.parse(BEIJING_1949); // born 1949-12-31
        assertThat(elder.ageOn(LocalDate.of(2024, 12, 30))).isEqualTo(74);
        assertThat(elder.ageOn(LocalDate.of(2024, 12, 31))).isEqualTo(75);
        assertThat(elder.ageOn(LocalDate.of(2025, 1, 1))).isEqualTo(75);

        assertThatThrownBy(() -> number.ageOn(LocalDate.of(1990, 3, 6)))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).code())
                .isEqualTo("idNumber.ageDate");
    }

    @Test
    void leapDayBabiesAgeOnFirstMarchInCommonYears() {
        ResidentIdNumber number = ResidentIdNumber.parse(SHENZHEN_LEAP_2024);
        assertThat(number.ageOn(LocalDate.of(2025, 2, 28))).isZero();
        assertThat(number.ageOn(LocalDate.of(2025, 3, 1))).isEqualTo(1);
        assertThat(number.ageOn(LocalDate.of(2028, 2, 28))).isEqualTo(3);
        assertThat(number.ageOn(LocalDate.of(2028, 2, 29))).isEqualTo(4);
    }

    @Test
    void buildsNumbersFromParts() {
        ResidentIdNumber man = ResidentIdNumber.of("110105", LocalDate.of(1990, 3, 7), Sex.MALE, 123);
        assertThat(man.value()).isEqualTo(BEIJING_1990);

        // 2 is even, so it stays 002 for a woman ...
        assertThat(ResidentIdNumber.of("110105", LocalDate.of(1949, 12, 31), Sex.FEMALE, 2).value())
                .isEqualTo(BEIJING_1949);
        // ... and becomes 003 for a man.
        assertThat(ResidentIdNumber.of("110105", LocalDate.of(1949, 12, 31), Sex.MALE, 2).value())
                .startsWith("11010519491231003");
        // The extremes stay within 000-999.
        assertThat(ResidentIdNumber.of("110105", LocalDate.of(1949, 12, 31), Sex.MALE, 0).value())
                .startsWith("11010519491231001");
        assertThat(ResidentIdNumber.of("110105", LocalDate.of(1949, 12, 31), Sex.FEMALE, 0).value())
                .startsWith("11010519491231000");
        assertThat(ResidentIdNumber.of("110105", LocalDate.of(1949, 12, 31), Sex.FEMALE, 999).value())
                .startsWith("11010519491231998");
        assertThat(ResidentIdNumber.of("110105", LocalDate.of(1949, 12, 31), Sex.MALE, 999).value())
                .startsWith("11010519491231999");
    }

    @Test
    void refusesToBuildFromInvalidParts() {
        LocalDate date = LocalDate.of(1990, 3, 7);
        assertThatThrownBy(() -> ResidentIdNumber.of("110105", date, Sex.MALE, -1))
                .extracting(e -> ((InvalidValueException) e).code()).isEqualTo("idNumber.sequence");
        assertThatThrownBy(() -> ResidentIdNumber.of("110105", date, Sex.MALE, 1000))
                .extracting(e -> ((InvalidValueException) e).code()).isEqualTo("idNumber.sequence");
        assertThatThrownBy(() -> ResidentIdNumber.of("11010", date, Sex.MALE, 1))
                .extracting(e -> ((InvalidValueException) e).code()).isEqualTo("idNumber.region");
        assertThatThrownBy(() -> ResidentIdNumber.of("990105", date, Sex.MALE, 1))
                .extracting(e -> ((InvalidValueException) e).code()).isEqualTo("idNumber.region");
        assertThatThrownBy(() -> ResidentIdNumber.of("110105", LocalDate.of(1889, 12, 31), Sex.MALE, 1))
                .extracting(e -> ((InvalidValueException) e).code()).isEqualTo("idNumber.birthDate");
        assertThatThrownBy(() -> ResidentIdNumber.of("110105", LocalDate.of(12025, 1, 1), Sex.MALE, 1))
                .extracting(e -> ((InvalidValueException) e).code()).isEqualTo("idNumber.birthDate");
        assertThatThrownBy(() -> ResidentIdNumber.of("110105", LocalDate.now().plusYears(1), Sex.MALE, 1))
                .extracting(e -> ((InvalidValueException) e).code()).isEqualTo("idNumber.birthDate");
    }

    @Test
    void generatedNumbersAreAlwaysValid() {
        List<String> provinces = List.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35",
                "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
                "65", "71", "81", "82");
        long first = ResidentIdNumber.EARLIEST_BIRTH_DATE.toEpochDay();
        long last = LocalDate.of(2025, 12, 31).toEpochDay();
        Random random = new Random(20240229L);
        for (int i = 0; i < 20_000; i++) {
            String region = provinces.get(random.nextInt(provinces.size())) + String.format("%04d", random.nextInt(10_000));
            LocalDate birthDate = LocalDate.ofEpochDay(first + random.nextLong(last - first + 1));
            Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
            int sequence = random.nextInt(1000);

            ResidentIdNumber number = ResidentIdNumber.of(region, birthDate, sex, sequence);

            String value = number.value();
            assertThat(value).hasSize(18);
            assertThat(value.charAt(17)).isEqualTo(oracleCheck(value.substring(0, 17)));
            assertThat(ResidentIdNumber.parse(value)).isEqualTo(number);
            assertThat(ResidentIdNumber.parse(value.toLowerCase())).isEqualTo(number);
            assertThat(number.regionCode()).isEqualTo(region);
            assertThat(number.birthDate()).isEqualTo(birthDate);
            assertThat(number.sex()).isEqualTo(sex);
            int order = Integer.parseInt(value.substring(14, 17));
            assertThat(Math.abs(order - sequence)).isLessThanOrEqualTo(1);
            number.requireAgrees(birthDate, sex);
        }
    }

    @Test
    void oracleAgreesWithImplementation() {
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            String first17 = String.format("%09d%08d", random.nextInt(1_000_000_000), random.nextInt(100_000_000));
            assertThat(ResidentIdNumber.checkCharacter(first17)).isEqualTo(oracleCheck(first17));
        }
    }

    @Test
    void requiresAgreementWithBirthDateAndSex() {
        ResidentIdNumber number = ResidentIdNumber.parse(BEIJING_1949);
        number.requireAgrees(LocalDate.of(1949, 12, 31), Sex.FEMALE);

        assertThatThrownBy(() -> number.requireAgrees(LocalDate.of(1949, 12, 30), Sex.FEMALE))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).code())
                .isEqualTo("birthDate.mismatch");
        assertThatThrownBy(() -> number.requireAgrees(LocalDate.of(1949, 12, 31), Sex.MALE))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).code())
                .isEqualTo("sex.mismatch");
        // Birth date is reported first when both disagree.
        assertThatThrownBy(() -> number.requireAgrees(LocalDate.of(1950, 1, 1), Sex.MALE))
                .extracting(e -> ((InvalidValueException) e).code())
                .isEqualTo("birthDate.mismatch");
    }

    @Test
    void exceptionIsAnIllegalArgumentException() {
        assertThatThrownBy(() -> new ResidentIdNumber("123"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("18 characters");
    }
}
