package org.jujia.assessment;

import org.jujia.privacy.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The encrypted columns of family caregiver records, declared so that key rotation re-encrypts them. */
@Configuration(proxyBeanMethods = false)
class FamilyCaregiverSealedColumns {

    @Bean
    SealedColumn familyCaregiverPhone() {
        return new SealedColumn("assessment_family_caregiver", "id", "phone_enc");
    }

    @Bean
    SealedColumn familyCaregiverIdNumber() {
        return new SealedColumn("assessment_family_caregiver", "id", "id_number_enc");
    }
}
