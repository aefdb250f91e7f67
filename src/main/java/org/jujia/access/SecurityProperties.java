package org.jujia.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param tokenTtl        lifetime of an API bearer token
 * @param maxFailedLogins consecutive failed logins after which the account is locked
 * @param lockout         how long a locked account stays locked
 */
@ConfigurationProperties("jujia.security")
record SecurityProperties(Duration tokenTtl, Integer maxFailedLogins, Duration lockout) {

    SecurityProperties {
        tokenTtl = tokenTtl == null ? Duration.ofHours(8) : tokenTtl;
        maxFailedLogins = maxFailedLogins == null ? 5 : maxFailedLogins;
        lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
    }
}
