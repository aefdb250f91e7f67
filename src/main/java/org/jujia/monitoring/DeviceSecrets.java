package org.jujia.monitoring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.jujia.privacy.Sm3;

/**
 * Device secrets: 192 random bits (URL-safe Base64, 32 characters), stored only as their SM3 hash. A slow password
 * hash is not needed for secrets of this entropy, and verification stays cheap when thousands of devices reconnect.
 */
final class DeviceSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DeviceSecrets() {
    }

    static String generate() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String hash(String secret) {
        return HexFormat.of().formatHex(Sm3.hash(("jujia-device:" + secret).getBytes(StandardCharsets.UTF_8)));
    }

    /** Constant-time comparison of a presented secret with a stored hash. */
    static boolean matches(String secret, String storedHash) {
        if (secret == null || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII), storedHash.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
