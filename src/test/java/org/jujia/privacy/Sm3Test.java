package org.jujia.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Sm3Test {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void hashesTheGbT32905Example1() {
        assertThat(Sm3.hashHex("abc"))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void hashesTheGbT32905Example2() {
        String input = "abcd".repeat(16);
        assertThat(input).hasSize(64);
        assertThat(Sm3.hashHex(input))
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
        assertThat(HEX.formatHex(Sm3.hash(input.getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    @Test
    void hashHexIsLowercaseAnd64CharactersAlsoForChineseText() {
        assertThat(Sm3.hashHex("居家养老")).matches("[0-9a-f]{64}");
        assertThat(Sm3.hashHex("")).matches("[0-9a-f]{64}");
        assertThat(Sm3.hash("居家养老".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(HEX.parseHex(Sm3.hashHex("居家养老")));
    }

    @Test
    void hmacIsDeterministicAndDependsOnKeyAndData() {
        byte[] key = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        byte[] otherKey = "0123456789abcdeF".getBytes(StandardCharsets.US_ASCII);
        byte[] data = "110105194912310021".getBytes(StandardCharsets.US_ASCII);

        byte[] mac = Sm3.hmac(key, data);

        assertThat(mac).hasSize(32);
        assertThat(Sm3.hmac(key.clone(), data.clone())).isEqualTo(mac);
        assertThat(Sm3.hmac(otherKey, data)).isNotEqualTo(mac);
        assertThat(Sm3.hmac(key, "110105194912310022".getBytes(StandardCharsets.US_ASCII))).isNotEqualTo(mac);
        assertThat(mac).isNotEqualTo(Sm3.hash(data));
    }

    @Test
    void hmacFollowsRfc2104OverSm3() {
        byte[] key = "a 16 byte secret".getBytes(StandardCharsets.US_ASCII);
        byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);

        // H((K ^ opad) || H((K ^ ipad) || m)) with the 64-byte SM3 block size
        byte[] ipad = new byte[64];
        byte[] opad = new byte[64];
        for (int i = 0; i < 64; i++) {
            byte k = i < key.length ? key[i] : 0;
            ipad[i] = (byte) (k ^ 0x36);
            opad[i] = (byte) (k ^ 0x5c);
        }
        byte[] inner = Sm3.hash(concat(ipad, data));
        byte[] expected = Sm3.hash(concat(opad, inner));

        assertThat(Sm3.hmac(key, data)).isEqualTo(expected);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
