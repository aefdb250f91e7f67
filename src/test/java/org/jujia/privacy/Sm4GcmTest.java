package org.jujia.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

class Sm4GcmTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void sm4MatchesTheGbT32907SingleBlockExample() {
        byte[] key = HEX.parseHex("0123456789abcdeffedcba9876543210");
        byte[] plaintext = HEX.parseHex("0123456789abcdeffedcba9876543210");
        SM4Engine engine = new SM4Engine();
        engine.init(true, new KeyParameter(key));
        byte[] block = new byte[16];

        engine.processBlock(plaintext, 0, block, 0);

        assertThat(HEX.formatHex(block)).isEqualTo("681edf34d206965e86b3e94f536e4246");
        engine.init(false, new KeyParameter(key));
        byte[] back = new byte[16];
        engine.processBlock(block, 0, back, 0);
        assertThat(back).isEqualTo(plaintext);
    }

    @Test
    void sm4MatchesTheGbT32907MillionIterationsExample() {
        byte[] key = HEX.parseHex("0123456789abcdeffedcba9876543210");
        SM4Engine engine = new SM4Engine();
        engine.init(true, new KeyParameter(key));
        byte[] block = HEX.parseHex("0123456789abcdeffedcba9876543210");
        for (int i = 0; i < 1_000_000; i++) {
            engine.processBlock(block, 0, block, 0);
        }
        assertThat(HEX.formatHex(block)).isEqualTo("595298c7c6fd271f0402f804c33d3f66");
    }

    @Test
    void decryptsTheRfc8998Sm4GcmExample() {
        byte[] key = HEX.parseHex("0123456789abcdeffedcba9876543210");
        byte[] iv = HEX.parseHex("00001234567800000000abcd");
        byte[] aad = HEX.parseHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        byte[] ciphertext = HEX.parseHex("17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735"
                + "d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d");
        byte[] tag = HEX.parseHex("83de3541e4c2b58177e065a9bf7b62ec");
        byte[] expected = HEX.parseHex("aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbccccccccccccccccdddddddddddddddd"
                + "eeeeeeeeeeeeeeeeffffffffffffffffeeeeeeeeeeeeeeeeaaaaaaaaaaaaaaaa");

        byte[] sealed = concat(iv, ciphertext, tag);

        assertThat(new Sm4Gcm(key).decrypt(sealed, aad)).isEqualTo(expected);
    }

    @Test
    void roundTripsWithAndWithoutAssociatedData() {
        Sm4Gcm gcm = new Sm4Gcm(randomKey());
        byte[] plaintext = "张三 110105194912310021 北京市朝阳区".getBytes(StandardCharsets.UTF_8);
        byte[] aad = "k1".getBytes(StandardCharsets.US_ASCII);

        byte[] sealed = gcm.encrypt(plaintext, aad);

        assertThat(sealed).hasSize(Sm4Gcm.IV_LENGTH + plaintext.length + Sm4Gcm.TAG_LENGTH);
        assertThat(gcm.decrypt(sealed, aad)).isEqualTo(plaintext);
        assertThat(gcm.decrypt(gcm.encrypt(plaintext))).isEqualTo(plaintext);
        assertThat(gcm.decrypt(gcm.encrypt(new byte[0]))).isEmpty();
        byte[] large = new byte[100_003];
        RANDOM.nextBytes(large);
        assertThat(gcm.decrypt(gcm.encrypt(large, aad), aad)).isEqualTo(large);
    }

    @Test
    void detectsTamperingInIvCiphertextTagAndAssociatedData() {
        Sm4Gcm gcm = new Sm4Gcm(randomKey());
        byte[] aad = "k1".getBytes(StandardCharsets.US_ASCII);
        byte[] sealed = gcm.encrypt("13800138000".getBytes(StandardCharsets.UTF_8), aad);

        for (int position : new int[] {0, Sm4Gcm.IV_LENGTH - 1, Sm4Gcm.IV_LENGTH, sealed.length - 17,
                sealed.length - 16, sealed.length - 1}) {
            byte[] tampered = sealed.clone();
            tampered[position] ^= 0x01;
            assertThatThrownBy(() -> gcm.decrypt(tampered, aad))
                    .as("bit flipped at %d", position)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("wrong key or tampered");
        }
        assertThatThrownBy(() -> gcm.decrypt(Arrays.copyOf(sealed, sealed.length - 1), aad))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> gcm.decrypt(sealed, "k2".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> gcm.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsTheWrongKey() {
        byte[] sealed = new Sm4Gcm(randomKey()).encrypt("secret".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> new Sm4Gcm(randomKey()).decrypt(sealed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wrong key or tampered");
    }

    @Test
    void usesAFreshIvForEveryEncryption() {
        Sm4Gcm gcm = new Sm4Gcm(randomKey());
        byte[] plaintext = "same value".getBytes(StandardCharsets.UTF_8);
        Set<String> ivs = new HashSet<>();
        Set<String> outputs = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            byte[] sealed = gcm.encrypt(plaintext);
            ivs.add(HEX.formatHex(sealed, 0, Sm4Gcm.IV_LENGTH));
            outputs.add(HEX.formatHex(sealed));
        }
        assertThat(ivs).hasSize(1000);
        assertThat(outputs).hasSize(1000);
    }

    @Test
    void rejectsBadKeysAndTruncatedInput() {
        assertThatThrownBy(() -> new Sm4Gcm(new byte[15])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Sm4Gcm(new byte[32])).isInstanceOf(IllegalArgumentException.class);
        Sm4Gcm gcm = new Sm4Gcm(randomKey());
        assertThatThrownBy(() -> gcm.decrypt(new byte[Sm4Gcm.IV_LENGTH + Sm4Gcm.TAG_LENGTH - 1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too short");
    }

    static byte[] randomKey() {
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        return key;
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, offset, part.length);
            offset += part.length;
        }
        return out;
    }
}
