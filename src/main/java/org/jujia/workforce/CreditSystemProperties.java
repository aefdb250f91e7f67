package org.jujia.workforce;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The social credit system's blacklist port under {@code jujia.workforce.credit}.
 *
 * @param url        where to POST bans and corrections; blank: the demo simulator on this server when it is enabled, else
 *                   every export stays PENDING (and is retried once configured)
 * @param token      the bearer token the credit system expects
 * @param simulator  serve the simulated credit system at {@code /sim/credit/blacklist} (demo profile)
 * @param timeout    how long one call may take
 * @param maxAttempts attempts after which an export is FAILED (it can be retried by hand)
 */
@ConfigurationProperties("jujia.workforce.credit")
record CreditSystemProperties(String url, @DefaultValue("demo-credit-token") String token, @DefaultValue("false") boolean simulator,
        @DefaultValue("5s") Duration timeout, @DefaultValue("5") int maxAttempts) {
}
