package org.jujia.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Seals personal data for storage and computes blind indexes for searching it.
 * <p>
 * A sealed value is the envelope {@code <keyId>:<base64(iv || ciphertext || tag)>}: SM4-GCM under the named key
 * with a random 96-bit IV and a 128-bit tag, the key id bound as associated data so an envelope cannot be
 * relabelled. New values are sealed under the active key; values under older keys still open, so keys can be
 * rotated without downtime (see {@link KeyRotation}).
 * <p>
 * Thread-safe.
 */
@Component
public class FieldCipher {

    private static final char SEPARATOR = ':';
    private static final HexFormat HEX = HexFormat.of();

    private final KeyRing keyRing;
    private final Map<String, Sm4Gcm> ciphers;
    private final String activePrefix;

    FieldCipher(KeyRing keyRing) {
        this.keyRing = keyRing;
        Map<String, Sm4Gcm> byId = new LinkedHashMap<>();
        for (String id : keyRing.dataKeyIds()) {
            byId.put(id, new Sm4Gcm(keyRing.dataKey(id)));
        }
        this.ciphers = Map.copyOf(byId);
        this.activePrefix = keyRing.activeKeyId() + SEPARATOR;
    }

    /**
     * Encrypts {@code plaintext} under the active key.
     *
     * @return the envelope {@code <keyId>:<base64(iv||ct||tag)>}, or {@code null} for {@code null}
     */
    public String seal(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        String keyId = keyRing.activeKeyId();
        byte[] sealed = ciphers.get(keyId).encrypt(plaintext.getBytes(StandardCharsets.UTF_8), associatedData(keyId));
        return keyId + SEPARATOR + Base64.getEncoder().encodeToString(sealed);
    }

    /**
     * Decrypts an envelope made by {@link #seal(String)} under whichever key it names.
     *
     * @return the plaintext, or {@code null} for {@code null}
     * @throws IllegalArgumentException if {@code envelope} is not an envelope (the message never repeats the input)
     * @throws IllegalStateException if the named key is unknown, or the envelope was tampered with or sealed under
     *         a different key of the same id
     */
    public String open(String envelope) {
        if (envelope == null) {
            return null;
        }
        int separator = envelope.indexOf(SEPARATOR);
        String keyId = separator > 0 ? envelope.substring(0, separator) : null;
        if (!KeyRing.isValidKeyId(keyId)) {
            throw new IllegalArgumentException("Not a sealed value: expected <keyId>:<base64>");
        }
        Sm4Gcm cipher = ciphers.get(keyId);
        if (cipher == null) {
            throw new IllegalStateException("Cannot open sealed value: unknown privacy key id '" + keyId
                    + "' (loaded data keys: " + keyRing.dataKeyIds() + ")");
        }
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(envelope.substring(separator + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a sealed value: the part after '" + keyId + ":' is not base64");
        }
        byte[] plaintext;
        try {
            plaintext = cipher.decrypt(sealed, associatedData(keyId));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("Cannot open value sealed under key '" + keyId
                    + "': wrong key material or tampered data", e);
        }
        return new String(plaintext, StandardCharsets.UTF_8);
    }

    /**
     * Whether {@code envelope} names the active key (only the prefix is checked); {@code false} for {@code null},
     * which needs no re-encryption either.
     */
    public boolean isUnderActiveKey(String envelope) {
        return envelope != null && envelope.startsWith(activePrefix);
    }

    /** Id of the key {@link #seal(String)} uses. */
    public String activeKeyId() {
        return keyRing.activeKeyId();
    }

    /**
     * Deterministic HMAC-SM3 of the normalised value under the blind-index key, for equality search on sealed
     * columns: equal ID numbers or phone numbers give equal indexes regardless of surrounding or inner spaces and
     * letter case ({@code 11010519491231002x} equals {@code 11010519491231002X}).
     * <p>
     * Normalisation: trim, remove all whitespace (including the full-width space), upper-case. Changing it
     * invalidates every stored index.
     *
     * @return 64 lowercase hex characters, or {@code null} for {@code null}
     */
    public String blindIndex(String value) {
        if (value == null) {
            return null;
        }
        byte[] normalised = normaliseForIndex(value).getBytes(StandardCharsets.UTF_8);
        return HEX.formatHex(Sm3.hmac(keyRing.blindIndexKey(), normalised));
    }

    static String normaliseForIndex(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.strip().codePoints()
                .filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp))
                .forEach(out::appendCodePoint);
        return out.toString().toUpperCase(Locale.ROOT);
    }

    private static byte[] associatedData(String keyId) {
        return keyId.getBytes(StandardCharsets.US_ASCII);
    }
}
