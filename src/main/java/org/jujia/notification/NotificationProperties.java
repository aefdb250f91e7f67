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
 * @param webPush   Web Push to the family's browsers
 */
@ConfigurationProperties("jujia.notification")
record NotificationProperties(@DefaultValue Dispatch dispatch, @DefaultValue Gateway emergency120, @DefaultValue Gateway sms,
        @DefaultValue Simulator simulator, @DefaultValue("365d") java.time.Duration retention, @DefaultValue WebPush webPush) {

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

    /**
     * Web Push (RFC 8030) with VAPID (RFC 8292) and aes128gcm message encryption (RFC 8291).
     *
     * @param enabled        offer subscriptions and send pushes
     * @param subject        the VAPID contact ({@code mailto:} or {@code https:}) push services may write to
     * @param publicKey      the VAPID public key (base64url, 65 bytes); blank: a key pair is generated once and kept in
     *                       the database (private key sealed)
     * @param privateKey     the VAPID private key (base64url, 32 bytes), with {@code publicKey}
     * @param tokenValidity  lifetime of a VAPID JWT (at most 24 h)
     * @param ttl            how long a push service keeps an undelivered message (the phone may be off)
     * @param timeout        connect and response timeout of a push service
     * @param simulate       send every push to the demo profile's simulated push service on this server instead of the
     *                       browser's push service (which a demo machine usually cannot reach)
     * @param allowInsecure  accept {@code http://localhost} endpoints (a local push service in tests); never in production
     */
    record WebPush(@DefaultValue("true") boolean enabled, @DefaultValue("mailto:alarm-centre@jujia.example") String subject,
            @DefaultValue("") String publicKey, @DefaultValue("") String privateKey, @DefaultValue("12h") Duration tokenValidity,
            @DefaultValue("24h") Duration ttl, @DefaultValue("5s") Duration timeout, @DefaultValue("false") boolean simulate,
            @DefaultValue("false") boolean allowInsecure) {

        /** The defaults (for code that builds properties by hand). */
        static WebPush defaults() {
            return new WebPush(true, "mailto:alarm-centre@jujia.example", "", "", Duration.ofHours(12), Duration.ofHours(24), Duration.ofSeconds(5),
                    false, false);
        }
    }
}
