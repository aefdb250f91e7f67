package org.jujia.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void eightCharactersWithLettersAndDigitsIsTheMinimum() {
        assertThat(PasswordPolicy.problem("abcdef1", "u")).isPresent();
        assertThat(PasswordPolicy.problem("abcdef12", "u")).isEmpty();
    }

    @Test
    void needsBothLettersAndDigits() {
        assertThat(PasswordPolicy.problem("abcdefgh", "u")).isPresent();
        assertThat(PasswordPolicy.problem("12345678", "u")).isPresent();
    }

    @Test
    void refusesWellKnownPasswordsAndTheUsername() {
        assertThat(PasswordPolicy.problem("Password1", "u")).isPresent();
        assertThat(PasswordPolicy.problem("street1-2026x", "street1")).isPresent();
        assertThat(PasswordPolicy.isDefault("demo123")).isTrue();
    }
}
