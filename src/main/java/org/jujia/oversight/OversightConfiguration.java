package org.jujia.oversight;

import org.jujia.privacy.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The complainant's phone is sealed: declared so that key rotation re-encrypts it. */
@Configuration(proxyBeanMethods = false)
class OversightConfiguration {

    @Bean
    SealedColumn complainantPhone() {
        return new SealedColumn("oversight_complaint", "id", "complainant_phone_enc");
    }
}
