package org.jujia.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

class FieldCipherTest {

    private static final String PASSWORD = "test-only-password";

    private final byte[] k1 = Sm4GcmTest.randomKey();
    private final byte[] k2 = Sm4GcmTest.randomKey();
    private final byte[] bidx = Sm4GcmTest.randomKey();

    private FieldCipher cipher(Map<String, byte[]> dataKeys, String active, byte[] blindIndexKey) {
        return new FieldCipher(new KeyRing(dataKeys, active, blindIndexKey));
    }

    @Nested
    class Sealing {

        private final FieldCipher cipher = cipher(Map.of("k1", k1), null, bidx);

        @Test
        void roundTripsAsciiAndChineseText() {
            for (String value : new String[] {"110105194912310021", "张三丰", "北京市朝阳区建国路88号 3单元 502室",
                    "", " ", "emoji 👵🏻 and tab\t", "k1:looks-like-an-envelope"}) {
                assertThat(cipher.open(cipher.seal(value))).isEqualTo(value);
            }
        }

        @Test
        void envelopeIsKeyIdColonBase64OfIvCiphertextTag() {
            String envelope = cipher.seal("张三");

            assertThat(envelope).startsWith("k1:");
            byte[] sealed = Base64.getDecoder().decode(envelope.substring(3));
            assertThat(sealed).hasSize(12 + "张三".getBytes(StandardCharsets.UTF_8).length + 16);
            assertThat(envelope).doesNotContain("张三");
            assertThat(cipher.seal("张三")).isNotEqualTo(envelope);
        }

        @Test
        void keyIdIsBoundAsAssociatedData() {
            String envelope = cipher.seal("13800138000");
            byte[] sealed = Base64.getDecoder().decode(envelope.substring(3));

            assertThat(new Sm4Gcm(k1).decrypt(sealed, "k1".getBytes(StandardCharsets.US_ASCII)))
                    .asString(StandardCharsets.UTF_8).isEqualTo("13800138000");
            assertThatThrownBy(() -> new Sm4Gcm(k1).decrypt(sealed)).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void nullStaysNull() {
            assertThat(cipher.seal(null)).isNull();
            assertThat(cipher.open(null)).isNull();
            assertThat(cipher.blindIndex(null)).isNull();
            assertThat(cipher.isUnderActiveKey(null)).isFalse();
        }

        @Test
        void detectsTamperingAndRelabelling() {
            String envelope = cipher.seal("110105194912310021");
            char[] chars = envelope.toCharArray();
            chars[10] = chars[10] == 'A' ? 'B' : 'A';
            String tampered = new String(chars);

            assertThatThrownBy(() -> cipher.open(tampered))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'k1'")
                    .hasMessageContaining("tampered");

            FieldCipher twoKeys = cipher(Map.of("k1", k1, "k2", k1), "k1", bidx);
            String relabelled = "k2" + twoKeys.seal("x").substring(2);
            assertThatThrownBy(() -> twoKeys.open(relabelled)).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void rejectsUnknownKeyIdsByName() {
            String envelope = cipher.seal("x");
            assertThatThrownBy(() -> cipher.open("k9" + envelope.substring(2)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'k9'");
        }

        @Test
        void rejectsNonEnvelopesWithoutEchoingThem() {
            for (String notSealed : new String[] {"张三", "", ":abc", "K1:abc", "住址: 北京", "k1:not base64!"}) {
                assertThatThrownBy(() -> cipher.open(notSealed))
                        .isInstanceOf(IllegalArgumentException.class)
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("张三", "北京", "not base64!"));
            }
            assertThatThrownBy(() -> cipher.open("k1:AAAA")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Rotation {

        @Test
        void opensOldKeyEnvelopesAfterTheActiveKeyChanges() {
            FieldCipher before = cipher(Map.of("k1", k1), null, bidx);
            String old = before.seal("王秀英");
            assertThat(before.activeKeyId()).isEqualTo("k1");
            assertThat(before.isUnderActiveKey(old)).isTrue();

            FieldCipher after = cipher(Map.of("k1", k1, "k2", k2), null, bidx);

            assertThat(after.activeKeyId()).isEqualTo("k2");
            assertThat(after.open(old)).isEqualTo("王秀英");
            assertThat(after.isUnderActiveKey(old)).isFalse();
            String resealed = after.seal(after.open(old));
            assertThat(resealed).startsWith("k2:");
            assertThat(after.isUnderActiveKey(resealed)).isTrue();
            assertThatThrownBy(() -> before.open(resealed))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'k2'");
        }

        @Test
        void activeKeyCanBeChosenAndDefaultsToTheNaturallyLastId() {
            assertThat(cipher(Map.of("k1", k1, "k2", k2), "k1", bidx).activeKeyId()).isEqualTo("k1");
            assertThat(cipher(Map.of("k9", k1, "k10", k2), null, bidx).activeKeyId()).isEqualTo("k10");
            assertThat(cipher(Map.of("2025-12", k1, "2026-01", k2), null, bidx).activeKeyId()).isEqualTo("2026-01");
            assertThatThrownBy(() -> new KeyRing(Map.of("k1", k1), "k2", bidx))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void keyRingValidatesIdsAndLengths() {
            assertThatThrownBy(() -> new KeyRing(Map.of(), null, bidx)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new KeyRing(Map.of("k:1", k1), null, bidx))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new KeyRing(Map.of("bidx", k1), null, bidx))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new KeyRing(Map.of("k1", new byte[15]), null, bidx))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new KeyRing(Map.of("k1", k1), null, new byte[32]))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(new KeyRing(Map.of("k1", k1), null, bidx).toString()).doesNotContain(
                    Base64.getEncoder().encodeToString(k1));
        }
    }

    @Nested
    class BlindIndex {

        private final FieldCipher cipher = cipher(Map.of("k1", k1), null, bidx);

        @Test
        void isLowercaseHexHmacSm3OfTheNormalisedValue() {
            String index = cipher.blindIndex(" 11010519491231002x ");

            assertThat(index).matches("[0-9a-f]{64}");
            assertThat(index).isEqualTo(HexFormat.of().formatHex(
                    Sm3.hmac(bidx, "11010519491231002X".getBytes(StandardCharsets.UTF_8))));
        }

        @Test
        void equalIdNumbersAndPhonesGiveEqualIndexes() {
            assertThat(cipher.blindIndex("11010519491231002x")).isEqualTo(cipher.blindIndex("11010519491231002X"))
                    .isEqualTo(cipher.blindIndex("  110105 1949 1231 002X\t"));
            assertThat(cipher.blindIndex("138 0013 8000")).isEqualTo(cipher.blindIndex("13800138000"))
                    .isEqualTo(cipher.blindIndex("138\u30000013\u00a08000"));
            assertThat(cipher.blindIndex("13800138000")).isNotEqualTo(cipher.blindIndex("13800138001"));
            assertThat(cipher.blindIndex("张三")).isEqualTo(cipher.blindIndex(" 张 三 "));
        }

        @Test
        void dependsOnTheBlindIndexKeyOnly() {
            String index = cipher.blindIndex("13800138000");

            assertThat(cipher(Map.of("k1", k1, "k2", k2), null, bidx).blindIndex("13800138000")).isEqualTo(index);
            assertThat(cipher(Map.of("k1", k1), null, Sm4GcmTest.randomKey()).blindIndex("13800138000"))
                    .isNotEqualTo(index);
            assertThat(index).isNotEqualTo(Sm3.hashHex("13800138000"));
        }
    }

    @Nested
    class Loading {

        @TempDir
        Path dir;

        @Test
        void generatesAMissingKeystoreAndLoadsItAgain() {
            Path file = dir.resolve("nested/keys/demo.p12");
            PrivacyProperties properties = new PrivacyProperties(file.toString(), PASSWORD, null, true);

            KeyRing generated = KeyRing.load(properties, new MockEnvironment());

            assertThat(file).exists();
            assertThat(generated.activeKeyId()).isEqualTo("k1");
            assertThat(generated.dataKeyIds()).containsExactly("k1");
            FieldCipher first = new FieldCipher(generated);
            String envelope = first.seal("李四");

            KeyRing reloaded = KeyRing.load(properties, new MockEnvironment());
            FieldCipher second = new FieldCipher(reloaded);
            assertThat(second.open(envelope)).isEqualTo("李四");
            assertThat(second.blindIndex("13800138000")).isEqualTo(first.blindIndex("13800138000"));
            assertThat(reloaded.dataKey("k1")).isNotEqualTo(reloaded.blindIndexKey());

            PrivacyProperties otherFile = new PrivacyProperties(dir.resolve("other.p12").toString(), PASSWORD, null,
                    true);
            assertThat(new FieldCipher(KeyRing.load(otherFile, new MockEnvironment())).blindIndex("13800138000"))
                    .isNotEqualTo(first.blindIndex("13800138000"));
        }

        @Test
        void loadsAKeytoolStyleKeystoreWithTheLastAliasActive() throws Exception {
            Path file = writeKeystore(Map.of("k1", k1, "k2", k2, "bidx", bidx));
            FieldCipher oldCipher = cipher(Map.of("k1", k1), null, bidx);
            String old = oldCipher.seal("赵六");

            KeyRing ring = KeyRing.load(new PrivacyProperties(file.toString(), PASSWORD, "", false),
                    new MockEnvironment());

            assertThat(ring.dataKeyIds()).containsExactly("k1", "k2");
            assertThat(ring.activeKeyId()).isEqualTo("k2");
            FieldCipher cipher = new FieldCipher(ring);
            assertThat(cipher.open(old)).isEqualTo("赵六");
            assertThat(cipher.blindIndex("x")).isEqualTo(oldCipher.blindIndex("x"));
            assertThat(KeyRing.load(new PrivacyProperties(file.toString(), PASSWORD, "K1", false),
                    new MockEnvironment()).activeKeyId()).isEqualTo("k1");
        }

        @Test
        void failsClearlyOnKeystoreProblems() throws Exception {
            Path file = writeKeystore(Map.of("k1", k1, "bidx", bidx));
            MockEnvironment env = new MockEnvironment();

            assertThatThrownBy(() -> KeyRing.load(new PrivacyProperties(file.toString(), "wrong", null, false), env))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("keystore-password");
            assertThatThrownBy(() -> KeyRing.load(new PrivacyProperties(file.toString(), "", null, false), env))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("keystore-password");
            assertThatThrownBy(() -> KeyRing.load(new PrivacyProperties(file.toString(), PASSWORD, "k7", false), env))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'k7'");
            Path missing = dir.resolve("missing.p12");
            assertThatThrownBy(() -> KeyRing.load(new PrivacyProperties(missing.toString(), PASSWORD, null, false),
                    env))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("does not exist")
                    .hasMessageContaining("JUJIA_PRIVACY_KEYS_");
            assertThat(missing).doesNotExist();

            Path noBidx = writeKeystore(Map.of("k1", k1));
            assertThatThrownBy(() -> KeyRing.load(new PrivacyProperties(noBidx.toString(), PASSWORD, null, false),
                    env))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("blind-index key 'bidx'");
        }

        @Test
        void failsStartUpWithInstructionsWhenThereAreNoKeys() {
            assertThatThrownBy(() -> KeyRing.load(new PrivacyProperties(null, null, null, false),
                    new MockEnvironment()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("No privacy keys found")
                    .hasMessageContaining("jujia.privacy.keystore-path")
                    .hasMessageContaining("keytool -genseckey")
                    .hasMessageContaining("JUJIA_PRIVACY_KEYS_<ID>");
            assertThatThrownBy(() -> KeyRing.load(new PrivacyProperties("  ", "", "", true), new MockEnvironment()))
                    .hasMessageContaining("No privacy keys found");
        }

        @Test
        void loadsEnvironmentStyleKeys() {
            MockEnvironment env = new MockEnvironment()
                    .withProperty("JUJIA_PRIVACY_KEYS_K1", base64(k1))
                    .withProperty("JUJIA_PRIVACY_KEYS_K2", " " + base64(k2) + "\n")
                    .withProperty("JUJIA_PRIVACY_KEYS_BIDX", base64(bidx))
                    .withProperty("JUJIA_PRIVACY_OTHER", "ignored");
            String old = cipher(Map.of("k1", k1), null, bidx).seal("孙七");

            KeyRing ring = KeyRing.load(new PrivacyProperties(null, null, null, false), env);

            assertThat(ring.dataKeyIds()).containsExactly("k1", "k2");
            assertThat(ring.activeKeyId()).isEqualTo("k2");
            assertThat(new FieldCipher(ring).open(old)).isEqualTo("孙七");
            assertThat(KeyRing.load(new PrivacyProperties(null, null, "k1", false), env).activeKeyId())
                    .isEqualTo("k1");
        }

        @Test
        void readsRealEnvironmentVariableSources() {
            StandardEnvironment env = new StandardEnvironment();
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("JUJIA_PRIVACY_KEYS_K2026_01", base64(k1));
            variables.put("JUJIA_PRIVACY_KEYS_BIDX", base64(bidx));
            env.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-env", variables));

            KeyRing ring = KeyRing.load(new PrivacyProperties("", "", null, true), env);

            assertThat(ring.activeKeyId()).isEqualTo("k2026_01");
        }

        @Test
        void combinesKeystoreAndEnvironmentKeys() throws Exception {
            Path file = writeKeystore(Map.of("k1", k1, "bidx", bidx));
            MockEnvironment env = new MockEnvironment().withProperty("JUJIA_PRIVACY_KEYS_K2", base64(k2));

            KeyRing ring = KeyRing.load(new PrivacyProperties(file.toString(), PASSWORD, null, false), env);

            assertThat(ring.dataKeyIds()).containsExactly("k1", "k2");
            assertThat(ring.activeKeyId()).isEqualTo("k2");

            MockEnvironment conflicting = new MockEnvironment().withProperty("JUJIA_PRIVACY_KEYS_K1", base64(k2));
            assertThatThrownBy(() -> KeyRing.load(new PrivacyProperties(file.toString(), PASSWORD, null, false),
                    conflicting))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("different values");
        }

        @Test
        void doesNotGenerateAKeystoreWhenTheEnvironmentSuppliesKeys() {
            Path file = dir.resolve("demo.p12");
            MockEnvironment env = new MockEnvironment()
                    .withProperty("JUJIA_PRIVACY_KEYS_K5", base64(k1))
                    .withProperty("JUJIA_PRIVACY_KEYS_BIDX", base64(bidx));

            KeyRing ring = KeyRing.load(new PrivacyProperties(file.toString(), PASSWORD, null, true), env);

            assertThat(ring.activeKeyId()).isEqualTo("k5");
            assertThat(file).doesNotExist();
        }

        @Test
        void rejectsMalformedEnvironmentKeysWithoutEchoingThem() {
            MockEnvironment notBase64 = new MockEnvironment()
                    .withProperty("JUJIA_PRIVACY_KEYS_K1", "not*base64")
                    .withProperty("JUJIA_PRIVACY_KEYS_BIDX", base64(bidx));
            assertThatThrownBy(() -> KeyRing.load(new PrivacyProperties(null, null, null, false), notBase64))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("JUJIA_PRIVACY_KEYS_K1")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not*base64"));

            String tooLong = base64(new byte[32]);
            MockEnvironment wrongLength = new MockEnvironment().withProperty("JUJIA_PRIVACY_KEYS_K1", tooLong);
            assertThatThrownBy(() -> KeyRing.load(new PrivacyProperties(null, null, null, false), wrongLength))
                    .hasMessageContaining("32 bytes")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(tooLong));

            MockEnvironment onlyData = new MockEnvironment().withProperty("JUJIA_PRIVACY_KEYS_K1", base64(k1));
            assertThatThrownBy(() -> KeyRing.load(new PrivacyProperties(null, null, null, false), onlyData))
                    .hasMessageContaining("JUJIA_PRIVACY_KEYS_BIDX");
            MockEnvironment onlyBidx = new MockEnvironment().withProperty("JUJIA_PRIVACY_KEYS_BIDX", base64(bidx));
            assertThatThrownBy(() -> KeyRing.load(new PrivacyProperties(null, null, null, false), onlyBidx))
                    .hasMessageContaining("No privacy data-encryption key");
        }

        /** The same format {@code keytool -genseckey -keyalg AES -keysize 128 -storetype PKCS12} writes. */
        private Path writeKeystore(Map<String, byte[]> keys) throws Exception {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (var entry : keys.entrySet()) {
                store.setEntry(entry.getKey(), new KeyStore.SecretKeyEntry(new SecretKeySpec(entry.getValue(), "AES")),
                        new KeyStore.PasswordProtection(PASSWORD.toCharArray()));
            }
            Path file = Files.createTempFile(dir, "keys", ".p12");
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, PASSWORD.toCharArray());
            }
            return file;
        }
    }

    private static String base64(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }
}
