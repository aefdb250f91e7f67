package org.jujia.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @CsvSource({
            "13812345678,        13812345678",
            "19912345678,        19912345678",
            "13012345678,        13012345678",
            "'138 1234 5678',    13812345678",
            "' 13812345678 ',    13812345678",
            "138-1234-5678,      13812345678",
            "+8613812345678,     13812345678",
            "'+86 138 1234 5678', 13812345678",
            "+86-138-1234-5678,  13812345678",
            "008613812345678,    13812345678",
            "'0086 13812345678', 13812345678",
    })
    void normalisesMobileNumbers(String input, String expected) {
        PhoneNumber phone = PhoneNumber.parse(input);
        assertThat(phone.value()).isEqualTo(expected);
        assertThat(phone.isMobile()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "1381234567",     // 10 digits
            "138123456789",   // 12 digits
            "12812345678",    // 12x is not a mobile prefix
            "11812345678",
            "10812345678",
            "23812345678",
            "+86 1381234567",
            "+86 138123456789",
            "+8612812345678",
            "8613812345678",  // country code without + or 00
            "+85213812345678",
            "1381234567a",
            "１３８１２３４５６７８", // full-width digits
            "138.1234.5678",
            "+86",
    })
    void rejectsInvalidMobileNumbers(String input) {
        assertThatThrownBy(() -> PhoneNumber.parse(input))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).code())
                .isEqualTo("phone.format");
        assertThat(PhoneNumber.isValid(input)).isFalse();
    }

    @Test
    void acceptsEveryPrefixFrom13To19() {
        for (int second = 3; second <= 9; second++) {
            assertThat(PhoneNumber.isValid("1" + second + "012345678")).isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource({
            "010-12345678,    010-12345678",
            "01012345678,     010-12345678",
            "'010 1234 5678', 010-12345678",
            "010-1234-5678,   010-12345678",
            "021-1234567,     021-1234567",
            "0211234567,      021-1234567",
            "029-88889999,    029-88889999",
            "0571-87654321,   0571-87654321",
            "057187654321,    0571-87654321",
            "0571-8765432,    0571-8765432",
            "05718765432,     0571-8765432",
            "0755-2345678,    0755-2345678",
            "'0931 8123456',  0931-8123456",
            // Separators are not significant: these are the digits of a Guangzhou number.
            "0201-2345678,    020-12345678",
    })
    void normalisesLandlineNumbers(String input, String expected) {
        PhoneNumber phone = PhoneNumber.parse(input);
        assertThat(phone.value()).isEqualTo(expected);
        assertThat(phone.isMobile()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "010-123456",      // 6-digit local number
            "010-123456789",   // 9-digit local number
            "0571-123456",
            "0571-123456789",
            "011-12345678",    // 011 is not an area code
            "0112345678",
            "0012345678",
            "00-12345678",
            "+86 10 12345678", // international prefix only for mobiles
            "008601012345678",
            "(010)12345678",
            "10-12345678",
    })
    void rejectsInvalidLandlineNumbers(String input) {
        assertThatThrownBy(() -> PhoneNumber.parse(input))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).code())
                .isEqualTo("phone.format");
    }

    @Test
    void rejectsMissingValue() {
        for (String input : new String[] {null, "", "  ", " - "}) {
            assertThatThrownBy(() -> new PhoneNumber(input))
                    .isInstanceOf(InvalidValueException.class)
                    .extracting(e -> ((InvalidValueException) e).code())
                    .isEqualTo("phone.required");
        }
    }

    @Test
    void masksNumbers() {
        assertThat(PhoneNumber.parse("13812345678").masked()).isEqualTo("138****5678");
        assertThat(PhoneNumber.parse("+86 199 0000 1234").masked()).isEqualTo("199****1234");
        assertThat(PhoneNumber.parse("010-12345678").masked()).isEqualTo("010****5678");
        assertThat(PhoneNumber.parse("0571-8765432").masked()).isEqualTo("0571****5432");
        assertThat(PhoneNumber.parse("13812345678").toString()).isEqualTo("138****5678");
    }

    @Test
    void equalityUsesTheNormalisedValue() {
        assertThat(PhoneNumber.parse("+86 138 1234 5678")).isEqualTo(PhoneNumber.parse("13812345678"));
        assertThat(PhoneNumber.parse("01012345678")).isEqualTo(PhoneNumber.parse("010-12345678"));
    }

    @Test
    void messageDoesNotLeakTheNumber() {
        assertThatThrownBy(() -> PhoneNumber.parse("12812345678")).hasMessageNotContaining("12812345678");
    }
}
