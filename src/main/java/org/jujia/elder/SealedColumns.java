package org.jujia.elder;

import org.jujia.privacy.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The encrypted columns of this module, declared so that key rotation re-encrypts them. */
@Configuration(proxyBeanMethods = false)
class SealedColumns {

    @Bean
    SealedColumn elderIdNumber() {
        return new SealedColumn("elder", "id", "id_number_enc");
    }

    @Bean
    SealedColumn elderPhone() {
        return new SealedColumn("elder", "id", "phone_enc");
    }

    @Bean
    SealedColumn elderAddress() {
        return new SealedColumn("elder", "id", "address_enc");
    }

    @Bean
    SealedColumn elderHealth() {
        return new SealedColumn("elder", "id", "health_enc");
    }

    @Bean
    SealedColumn elderLtcNumber() {
        return new SealedColumn("elder", "id", "ltc_number_enc");
    }

    @Bean
    SealedColumn elderCommercialPolicy() {
        return new SealedColumn("elder", "id", "commercial_policy_enc");
    }

    @Bean
    SealedColumn contactPhone() {
        return new SealedColumn("elder_contact", "id", "phone_enc");
    }
}
