package org.jujia.access;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jujia.JujiaApplication;
import org.jujia.support.IntegrationTest;
import org.jujia.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Outside the demo profile the platform refuses to start while an account still has a default password: here
 * against the shared test database, whose demo accounts all have {@code demo123}.
 */
@IntegrationTest
class BootstrapIT {

    @Test
    void refusesToStartWithDemoPasswordsOutsideTheDemoProfile() {
        String url = TestDatabase.url();
        var app = new SpringApplicationBuilder(JujiaApplication.class).profiles("test")
                .properties("spring.datasource.url=" + url, "spring.datasource.username=postgres", "server.port=0",
                        "jujia.privacy.keystore-path=./target/test-keys/jujia-test-keys.p12", "jujia.privacy.keystore-password=test-keystore",
                        "jujia.bootstrap.admin-password=Strong-Admin-2026");
        assertThatThrownBy(app::run).hasMessageContaining("default password");
    }
}
