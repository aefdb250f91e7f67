package org.jujia.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Spring wiring of the key ring and the cipher, without the rest of the application. */
class PrivacyConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PrivacyConfiguration.class, FieldCipher.class);

    @TempDir
    Path dir;

    @Test
    void bindsPropertiesAndGeneratesADemoKeystore() {
        Path file = dir.resolve("keys/test.p12");
        runner.withPropertyValues("jujia.privacy.keystore-path=" + file, "jujia.privacy.keystore-password=test",
                "jujia.privacy.generate-if-missing=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    FieldCipher cipher = context.getBean(FieldCipher.class);
                    assertThat(cipher.activeKeyId()).isEqualTo("k1");
                    assertThat(cipher.open(cipher.seal("周八"))).isEqualTo("周八");
                    assertThat(file).exists();
                });
    }

    @Test
    void takesKeysFromEnvironmentStyleProperties() {
        String key = Base64.getEncoder().encodeToString(Sm4GcmTest.randomKey());
        String bidx = Base64.getEncoder().encodeToString(Sm4GcmTest.randomKey());
        runner.withPropertyValues("JUJIA_PRIVACY_KEYS_K3=" + key, "JUJIA_PRIVACY_KEYS_BIDX=" + bidx)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(FieldCipher.class).activeKeyId()).isEqualTo("k3");
                });
    }

    @Test
    void failsStartUpWithoutKeys() {
        runner.withPropertyValues("jujia.privacy.generate-if-missing=false")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("No privacy keys found");
                });
    }
}
