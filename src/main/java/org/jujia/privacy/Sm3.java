package org.jujia.privacy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SM3 cryptographic hash (GB/T 32905-2016) and HMAC-SM3, 256-bit output.
 */
public final class Sm3 {

    /** Output length in bytes. */
    public static final int DIGEST_LENGTH = 32;

    private static final HexFormat HEX = HexFormat.of();

    private Sm3() {
    }

    /** SM3 digest of {@code data} (32 bytes). */
    public static byte[] hash(byte[] data) {
        Objects.requireNonNull(data, "data");
        SM3Digest digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[DIGEST_LENGTH];
        digest.doFinal(out, 0);
        return out;
    }

    /** SM3 digest of the UTF-8 bytes of {@code utf8}, as 64 lowercase hex characters. */
    public static String hashHex(String utf8) {
        Objects.requireNonNull(utf8, "utf8");
        return HEX.formatHex(hash(utf8.getBytes(StandardCharsets.UTF_8)));
    }

    /** HMAC-SM3 (RFC 2104 construction over SM3) of {@code data} under {@code key} (32 bytes). */
    public static byte[] hmac(byte[] key, byte[] data) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(data, "data");
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[DIGEST_LENGTH];
        mac.doFinal(out, 0);
        return out;
    }
}
