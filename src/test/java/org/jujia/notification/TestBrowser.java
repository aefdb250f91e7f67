package org.jujia.notification;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two far ends of a Web Push, written independently of the production code from RFC 8291/8188/8292: the
 * browser (its subscription keys; decrypting what arrives) and the push service (checking the VAPID header).
 */
final class TestBrowser {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

    final KeyPair keys;
    final byte[] auth = new byte[16];

    TestBrowser() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            keys = g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        new SecureRandom().nextBytes(auth);
    }

    TestBrowser(KeyPair keys, byte[] auth) {
        this.keys = keys;
        System.arraycopy(auth, 0, this.auth, 0, 16);
    }

    String p256dh() {
        return B64.encodeToString(raw((ECPublicKey) keys.getPublic()));
    }

    String authSecret() {
        return B64.encodeToString(auth);
    }

    /** Decrypts an aes128gcm Web Push body (one record) with the subscription's private key and auth secret. */
    byte[] decrypt(byte[] body) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        b.get(salt);
        int rs = b.getInt();
        int idlen = Byte.toUnsignedInt(b.get());
        byte[] asPublic = new byte[idlen];
        b.get(asPublic);
        byte[] ciphertext = new byte[b.remaining()];
        b.get(ciphertext);
        if (rs < 18 || ciphertext.length > rs) {
            throw new IllegalArgumentException("bad record size " + rs);
        }
        KeyAgreement ka = KeyAgreement.getInstance("ECDH");
        ka.init(keys.getPrivate());
        ka.doPhase(publicKey(asPublic), true);
        byte[] ecdh = ka.generateSecret();
        byte[] uaPublic = raw((ECPublicKey) keys.getPublic());
        byte[] prkKey = hmac(auth, ecdh);
        byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), uaPublic, asPublic, new byte[] { 1 });
        byte[] ikm = hmac(prkKey, keyInfo);
        byte[] prk = hmac(salt, ikm);
        byte[] cek = Arrays.copyOf(hmac(prk, concat("Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), new byte[] { 1 })), 16);
        byte[] nonce = Arrays.copyOf(hmac(prk, concat("Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), new byte[] { 1 })), 12);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = c.doFinal(ciphertext);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new IllegalArgumentException("last record must end with the 0x02 delimiter");
        }
        return Arrays.copyOf(padded, end);
    }

    /** The push service's check of {@code Authorization: vapid t=…, k=…}: answers the JWT claims JSON, or throws. */
    static String verifyVapid(String authorization, String expectedAudience, long nowEpochSecond) throws Exception {
        Matcher m = Pattern.compile("vapid t=([^,\\s]+),\\s*k=(\\S+)").matcher(authorization == null ? "" : authorization);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a vapid authorization: " + authorization);
        }
        String[] jwt = m.group(1).split("\\.");
        String header = new String(UNB64.decode(jwt[0]), StandardCharsets.UTF_8);
        if (!header.contains("\"alg\":\"ES256\"")) {
            throw new IllegalArgumentException("alg must be ES256: " + header);
        }
        Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
        s.initVerify(publicKey(UNB64.decode(m.group(2))));
        s.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        if (!s.verify(UNB64.decode(jwt[2]))) {
            throw new SecurityException("VAPID signature does not verify");
        }
        String claims = new String(UNB64.decode(jwt[1]), StandardCharsets.UTF_8);
        if (!claims.contains("\"aud\":\"" + expectedAudience + "\"")) {
            throw new SecurityException("aud is not " + expectedAudience + ": " + claims);
        }
        Matcher exp = Pattern.compile("\"exp\":(\\d+)").matcher(claims);
        if (!exp.find() || Long.parseLong(exp.group(1)) <= nowEpochSecond || Long.parseLong(exp.group(1)) > nowEpochSecond + 24 * 3600) {
            throw new SecurityException("exp must lie within 24 h: " + claims);
        }
        return claims;
    }

    static ECPublicKey publicKey(byte[] raw) throws Exception {
        AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
        p.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = p.getParameterSpec(ECParameterSpec.class);
        ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(raw, 1, 33)), new BigInteger(1, Arrays.copyOfRange(raw, 33, 65)));
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, spec));
    }

    static byte[] raw(ECPublicKey k) {
        byte[] out = new byte[65];
        out[0] = 4;
        byte[] x = k.getW().getAffineX().toByteArray();
        byte[] y = k.getW().getAffineY().toByteArray();
        System.arraycopy(x, Math.max(0, x.length - 32), out, 1 + 32 - Math.min(32, x.length), Math.min(32, x.length));
        System.arraycopy(y, Math.max(0, y.length - 32), out, 33 + 32 - Math.min(32, y.length), Math.min(32, y.length));
        return out;
    }

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }
}
