package org.jujia.visit;

import org.jujia.privacy.SealedColumn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/** The face comparison adapter in use, and the sealed photo columns (so that key rotation re-encrypts them). */
@Configuration(proxyBeanMethods = false)
class VisitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(VisitConfiguration.class);

    @Bean
    FaceComparison faceComparison(VisitProperties props, Environment env) {
        VisitProperties.Face face = props.face();
        if (!face.configured() && face.simulator() && env.acceptsProfiles(Profiles.of("demo"))) {
            log.info("Visit verification: demo face simulator (any non-empty photo matches)");
            return new FaceSimulator();
        }
        if (!face.configured()) {
            log.warn("Visit verification: no face service configured (jujia.visit.face.url): every visit will be flagged FACE_UNAVAILABLE");
        }
        return new FaceServiceHttp(face);
    }

    @Bean
    SealedColumn visitCheckInPhoto() {
        return new SealedColumn("visit", "id", "in_photo_enc");
    }

    @Bean
    SealedColumn visitCheckOutPhoto() {
        return new SealedColumn("visit", "id", "out_photo_enc");
    }
}
