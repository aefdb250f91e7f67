package org.jujia.monitoring;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The device ingest endpoint is not for people: no session, no bearer token, no CSRF. Devices authenticate with
 * their own credentials (HTTP Basic, serial + secret), which {@link HttpIngestController} checks against the
 * registry before anything is accepted.
 */
@Configuration(proxyBeanMethods = false)
class IngestSecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain deviceIngestChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/v1/ingest/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable());
        return http.build();
    }
}
