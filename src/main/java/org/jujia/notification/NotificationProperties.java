package org.jujia.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration under {@code jujia.notification}: dispatch and retry, the two HTTP gateways and the demo simulators.
 *
 * @param dispatch  concurrency, polling and backoff
 * @param emergency120 the 120 emergency gateway
 * @param sms       the SMS gateway
 * @param simulator the demo profile's simulated gateways (the adapters use them when no URL is configured)
 * @param retention how long finished notifications and inbox entries are kept
 */
@ConfigurationProperties("jujia.notification")
record NotificationProperties(@DefaultValue Dispatch dispatch, @DefaultValue Gateway emergency120, @DefaultValue Gateway sms,
        @DefaultValue Simulator simulator, @DefaultValue("365d") java.time.Duration retention) {

    /**
     * @param concurrencyPerChannel notifications of one channel sent at the same time by one node
     * @param pollInterval          how often the poller looks for due retries and abandoned rows
     * @param pollBatch             rows claimed per poll
     * @param lease                 how long a node owns a row it is sending; after that another node may take it over
     * @param initialBackoff        delay before the first retry
     * @param maxBackoff            the cap of the exponential backoff
     * @param failingAfter          attempts after which an urgent notification is shown as FAILING (still retried)
     * @param maxAttempts           attempts after which a non-urgent notification is given up (GAVE_UP)
     * @param dbConcurrency         database calls the module makes at the same time (claims, acknowledgements, inboxes)
     */
    record Dispatch(@DefaultValue("32") int concurrencyPerChannel, @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("200") int pollBatch, @DefaultValue("30s") Duration lease, @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("5m") Duration maxBackoff, @DefaultValue("5") int failingAfter, @DefaultValue("20") int maxAttempts,
            @DefaultValue("4") int dbConcurrency) {

        BackoffPolicy backoff() {
            return new BackoffPolicy(initialBackoff, maxBackoff, failingAfter, maxAttempts);
        }
    }

    /**
     * An HTTP gateway.
     *
     * @param url      where to POST; blank: not configured (in the demo profile: the simulator)
     * @param username client id (120: HTTP Basic user; SMS: account, sent as {@code X-Account})
     * @param password secret (120: HTTP Basic password; SMS: API key, sent as {@code Authorization: Bearer})
     * @param sign     SMS signature (签名) put in front of every text, e.g. 【居家养老】
     * @param timeout  connect and response timeout
     */
    record Gateway(@DefaultValue("") String url, @DefaultValue("") String username, @DefaultValue("") String password,
            @DefaultValue("") String sign, @DefaultValue("5s") Duration timeout) {

        boolean configured() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * The demo profile's simulated 120 centre and SMS gateway.
     *
     * @param enabled     serve {@code /sim/**} and point unconfigured adapters at it
     * @param latency     how long each simulated gateway takes to answer
     * @param failureRate share of requests answered with 503 (0..1), so retries are visible
     * @param username    credentials the simulators accept (also used by the adapters pointed at them)
     * @param password    see username
     */
    record Simulator(@DefaultValue("false") boolean enabled, @DefaultValue("50ms") Duration latency,
            @DefaultValue("0") double failureRate, @DefaultValue("jujia-demo") String username,
            @DefaultValue("demo-gateway-secret") String password) {
    }
}
