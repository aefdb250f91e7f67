package org.jujia.privacy;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Loads the {@link KeyRing} at start-up; the application fails to start when no usable keys are found. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
class PrivacyConfiguration {

    @Bean
    KeyRing privacyKeyRing(PrivacyProperties properties, Environment environment) {
        return KeyRing.load(properties, environment);
    }
}
