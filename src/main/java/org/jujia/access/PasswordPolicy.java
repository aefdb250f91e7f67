package org.jujia.access;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Passwords of at least 8 characters with letters and digits, not the username and not a well-known one. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    private static final Set<String> WELL_KNOWN = Set.of("demo123", "password", "password1", "12345678", "123456789",
            "qwerty123", "admin123", "abc12345", "11111111", "abcd1234", "a1234567", "jujia123", "changeme1");

    private PasswordPolicy() {
    }

    /** Why the password is unacceptable, or empty when it is fine. */
    static Optional<String> problem(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("password must have at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > 128) {
            return Optional.of("password must have at most 128 characters");
        }
        if (!password.chars().anyMatch(Character::isLetter) || !password.chars().anyMatch(Character::isDigit)) {
            return Optional.of("password must contain letters and digits");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (WELL_KNOWN.contains(lower) || (username != null && lower.contains(username.toLowerCase(Locale.ROOT)))) {
            return Optional.of("password is too easy to guess");
        }
        return Optional.empty();
    }

    static boolean isDefault(String password) {
        return password != null && WELL_KNOWN.contains(password.toLowerCase(Locale.ROOT));
    }
}
