package org.jujia.privacy;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SM4 (GB/T 32907-2016) in GCM mode under one 128-bit key: a fresh random 96-bit IV per encryption, 128-bit
 * authentication tag, optional associated data. Sealed form: {@code iv || ciphertext || tag}.
 * <p>
 * Thread-safe: a new GCM instance is made for every call. With random 96-bit IVs a key should seal well under
 * 2^32 values (NIST SP 800-38D); key rotation keeps us far below that.
 */
final class Sm4Gcm {

    static final int KEY_LENGTH = 16;
    static final int IV_LENGTH = 12;
    static final int TAG_LENGTH = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyParameter key;

    Sm4Gcm(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("SM4 key must be " + KEY_LENGTH + " bytes, got " + key.length);
        }
        this.key = new KeyParameter(key);
    }

    byte[] encrypt(byte[] plaintext) {
        return encrypt(plaintext, null);
    }

    /** Encrypts {@code plaintext}, authenticating {@code associatedData} too (may be null); returns iv||ct||tag. */
    byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] iv = new byte[IV_LENGTH];
        RANDOM.nextBytes(iv);
        GCMModeCipher gcm = gcm(true, iv, associatedData);
        byte[] out = new byte[IV_LENGTH + gcm.getOutputSize(plaintext.length)];
        System.arraycopy(iv, 0, out, 0, IV_LENGTH);
        int written = gcm.processBytes(plaintext, 0, plaintext.length, out, IV_LENGTH);
        try {
            written += gcm.doFinal(out, IV_LENGTH + written);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM4-GCM encryption failed", e); // cannot happen when encrypting
        }
        return written + IV_LENGTH == out.length ? out : Arrays.copyOf(out, IV_LENGTH + written);
    }

    byte[] decrypt(byte[] sealed) {
        return decrypt(sealed, null);
    }

    /**
     * Decrypts and verifies iv||ct||tag made by {@link #encrypt(byte[], byte[])} with the same associated data.
     *
     * @throws IllegalArgumentException if {@code sealed} is too short to hold an IV and a tag
     * @throws IllegalStateException if authentication fails: wrong key, wrong associated data or tampered data
     */
    byte[] decrypt(byte[] sealed, byte[] associatedData) {
        Objects.requireNonNull(sealed, "sealed");
        if (sealed.length < IV_LENGTH + TAG_LENGTH) {
            throw new IllegalArgumentException("SM4-GCM input too short: " + sealed.length + " bytes, need at least "
                    + (IV_LENGTH + TAG_LENGTH));
        }
        byte[] iv = Arrays.copyOf(sealed, IV_LENGTH);
        GCMModeCipher gcm = gcm(false, iv, associatedData);
        int inputLength = sealed.length - IV_LENGTH;
        byte[] out = new byte[gcm.getOutputSize(inputLength)];
        int written = gcm.processBytes(sealed, IV_LENGTH, inputLength, out, 0);
        try {
            written += gcm.doFinal(out, written);
        } catch (InvalidCipherTextException e) {
            Arrays.fill(out, (byte) 0); // never hand out unauthenticated plaintext
            throw new IllegalStateException(
                    "SM4-GCM authentication failed: wrong key or tampered ciphertext/associated data", e);
        }
        return written == out.length ? out : Arrays.copyOf(out, written);
    }

    private GCMModeCipher gcm(boolean forEncryption, byte[] iv, byte[] associatedData) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(forEncryption, new AEADParameters(key, TAG_LENGTH * 8, iv, associatedData));
        return gcm;
    }
}
