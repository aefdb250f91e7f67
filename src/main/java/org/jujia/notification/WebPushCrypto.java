package org.jujia.notification;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Message encryption for Web Push (RFC 8291) with the {@code aes128gcm} content coding (RFC 8188), on JDK crypto
 * only: an ephemeral P-256 key agreement with the subscription's {@code p256dh} key, HKDF-SHA-256 with its
 * {@code auth} secret, one AES-128-GCM record. Also the P-256 key helpers that VAPID (RFC 8292) shares.
 */
final class WebPushCrypto {

    /** Record size announced in the header (one record: push messages are at most 4 KB). */
    static final int RECORD_SIZE = 4096;
    /** Most plaintext octets a push message may carry (4096 minus header, tag and delimiter). */
    static final int MAX_PLAINTEXT = 3993;
    private static final byte[] KEY_INFO = "WebPush: info\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CEK_INFO = "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NONCE_INFO = "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ECParameterSpec P256 = p256();

    private WebPushCrypto() {
    }

    /** Encrypts with a fresh ephemeral key pair and salt. */
    static byte[] encrypt(byte[] plaintext, byte[] uaPublic, byte[] authSecret) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return encrypt(plaintext, uaPublic, authSecret, generateKeyPair(), salt);
    }

    /**
     * The {@code aes128gcm} body: {@code salt(16) | rs(4) | idlen(1)=65 | as_public(65) | AES-GCM(plaintext | 0x02)}.
     *
     * @param uaPublic   the subscription's {@code p256dh} key (65 octets, uncompressed point)
     * @param authSecret the subscription's {@code auth} secret (16 octets)
     * @param sender     the application server's ephemeral key pair
     */
    static byte[] encrypt(byte[] plaintext, byte[] uaPublic, byte[] authSecret, KeyPair sender, byte[] salt) {
        if (plaintext.length > MAX_PLAINTEXT) {
            throw new IllegalArgumentException("push payload of " + plaintext.length + " bytes exceeds " + MAX_PLAINTEXT);
        }
        if (salt.length != 16 || authSecret.length != 16) {
            throw new IllegalArgumentException("salt and auth secret must be 16 bytes");
        }
        try {
            byte[] asPublic = rawPublic((ECPublicKey) sender.getPublic());
            byte[] ecdh = agree((ECPrivateKey) sender.getPrivate(), publicKey(uaPublic));
            byte[][] keys = contentKeys(ecdh, authSecret, uaPublic, asPublic, salt);
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys[0], "AES"), new GCMParameterSpec(128, keys[1]));
            byte[] record = Arrays.copyOf(plaintext, plaintext.length + 1);
            record[plaintext.length] = 0x02; // last (and only) record, no padding
            byte[] sealed = gcm.doFinal(record);
            ByteBuffer out = ByteBuffer.allocate(16 + 4 + 1 + asPublic.length + sealed.length);
            out.put(salt).putInt(RECORD_SIZE).put((byte) asPublic.length).put(asPublic).put(sealed);
            return out.array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("web push encryption failed", e);
        }
    }

    /** CEK (16 octets) and nonce (12 octets) of RFC 8291 §3.4 / RFC 8188 §2.2. */
    static byte[][] contentKeys(byte[] ecdhSecret, byte[] authSecret, byte[] uaPublic, byte[] asPublic, byte[] salt) throws GeneralSecurityException {
        byte[] prkKey = hmac(authSecret, ecdhSecret);
        ByteArrayOutputStream keyInfo = new ByteArrayOutputStream();
        keyInfo.writeBytes(KEY_INFO);
        keyInfo.writeBytes(uaPublic);
        keyInfo.writeBytes(asPublic);
        byte[] ikm = expand(prkKey, keyInfo.toByteArray(), 32);
        byte[] prk = hmac(salt, ikm);
        return new byte[][] { expand(prk, CEK_INFO, 16), expand(prk, NONCE_INFO, 12) };
    }

    /** HKDF-Expand for at most one block (all Web Push needs). */
    private static byte[] expand(byte[] prk, byte[] info, int length) throws GeneralSecurityException {
        byte[] input = Arrays.copyOf(info, info.length + 1);
        input[info.length] = 0x01;
        return Arrays.copyOf(hmac(prk, input), length);
    }

    static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    static byte[] agree(ECPrivateKey own, ECPublicKey other) throws GeneralSecurityException {
        KeyAgreement ka = KeyAgreement.getInstance("ECDH");
        ka.init(own);
        ka.doPhase(other, true);
        return ka.generateSecret();
    }

    // ------------------------------------------------------------------ P-256 keys

    static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A public key from its uncompressed point (65 octets, {@code 0x04 | X | Y}); rejects points not on the curve. */
    static ECPublicKey publicKey(byte[] raw) {
        if (!onCurve(raw)) {
            throw new IllegalArgumentException("not an uncompressed point on P-256");
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(raw, 1, 33));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(raw, 33, 65));
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), P256));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a point on P-256", e);
        }
    }

    /** A private key from its 32-octet scalar. */
    static ECPrivateKey privateKey(byte[] raw) {
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(new BigInteger(1, raw), P256));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a P-256 private key", e);
        }
    }

    static byte[] rawPublic(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 0x04;
        fixed(key.getW().getAffineX(), out, 1);
        fixed(key.getW().getAffineY(), out, 33);
        return out;
    }

    static byte[] rawPrivate(ECPrivateKey key) {
        byte[] out = new byte[32];
        fixed(key.getS(), out, 0);
        return out;
    }

    private static void fixed(BigInteger v, byte[] out, int at) {
        byte[] b = v.toByteArray();
        int len = Math.min(b.length, 32);
        System.arraycopy(b, b.length - len, out, at + 32 - len, len);
    }

    /** Does the point lie on P-256? (y² = x³ + ax + b mod p; the JDK's key factory does not check it.) */
    static boolean onCurve(byte[] raw) {
        if (raw == null || raw.length != 65 || raw[0] != 0x04) {
            return false;
        }
        BigInteger p = ((java.security.spec.ECFieldFp) P256.getCurve().getField()).getP();
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(raw, 1, 33));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(raw, 33, 65));
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger left = y.modPow(BigInteger.TWO, p);
        BigInteger right = x.pow(3).add(P256.getCurve().getA().multiply(x)).add(P256.getCurve().getB()).mod(p);
        return left.equals(right);
    }

    static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Decodes base64url with or without padding (browsers hand out unpadded keys; some libraries pad). */
    static byte[] unb64(String s) {
        return Base64.getUrlDecoder().decode(s.strip().replace("=", ""));
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec("secp256r1"));
            return params.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
