package org.jujia.notification;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jujia.shared.FieldViolation;
import org.jujia.shared.ValidationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The browsers' Web Push subscriptions, per user (a family member may have several phones and browsers). The
 * endpoint URL is a bearer capability: stored sealed, found by its SHA-256. A subscription the push service reports
 * gone (404/410) is deleted.
 */
@Repository
class PushSubscriptions {

    /** One subscription, unsealed. */
    record Subscription(long id, long userId, String endpoint, String p256dh, String auth) {
    }

    private final JdbcClient jdbc;
    private final ContentSeal seal;
    private final Clock clock;

    PushSubscriptions(JdbcClient jdbc, ContentSeal seal, Clock clock) {
        this.jdbc = jdbc;
        this.seal = seal;
        this.clock = clock;
    }

    /**
     * Saves (or moves to this user, with fresh keys) the subscription a browser handed out.
     *
     * @throws ValidationException naming {@code endpoint}, {@code keys.p256dh} or {@code keys.auth}
     */
    long subscribe(long userId, String endpoint, String p256dh, String auth, String userAgent, boolean allowInsecure) {
        validate(endpoint, p256dh, auth, allowInsecure);
        String ua = userAgent == null ? null : userAgent.length() > 200 ? userAgent.substring(0, 200) : userAgent;
        return jdbc.sql("""
                insert into notification_push_subscription (user_id, endpoint_hash, endpoint_enc, p256dh, auth, user_agent, created_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (endpoint_hash) do update set user_id = excluded.user_id, endpoint_enc = excluded.endpoint_enc,
                    p256dh = excluded.p256dh, auth = excluded.auth, user_agent = excluded.user_agent, last_error = null
                returning id""")
                .params(userId, hash(endpoint), seal.sealText(endpoint), p256dh.strip(), auth.strip(), ua, OutboxStore.ts(clock.instant()))
                .query(Long.class).single();
    }

    /** Removes the user's subscription of this endpoint; false when there was none. */
    boolean unsubscribe(long userId, String endpoint) {
        return jdbc.sql("delete from notification_push_subscription where user_id = ? and endpoint_hash = ?").params(userId, hash(endpoint))
                .update() == 1;
    }

    List<Subscription> forUser(long userId) {
        return jdbc.sql("select * from notification_push_subscription where user_id = ? order by id").param(userId).query(this::map).list();
    }

    /** Of these users, those with at least one subscription. */
    Set<Long> subscribed(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        return jdbc.sql("select distinct user_id from notification_push_subscription where user_id = any(?)")
                .param(userIds.toArray(Long[]::new)).query(Long.class).list().stream().collect(Collectors.toSet());
    }

    int count(long userId) {
        return jdbc.sql("select count(*) from notification_push_subscription where user_id = ?").param(userId).query(Integer.class).single();
    }

    void delete(long id) {
        jdbc.sql("delete from notification_push_subscription where id = ?").param(id).update();
    }

    /** The subscriptions an outbox row already reached (earlier attempts). */
    Set<Long> reached(long outboxId) {
        return Set.copyOf(jdbc.sql("select subscription_id from notification_push_delivery where outbox_id = ?").param(outboxId).query(Long.class).list());
    }

    void delivered(long outboxId, long subscriptionId, Instant at) {
        jdbc.sql("insert into notification_push_delivery (outbox_id, subscription_id, delivered_at) values (?, ?, ?) on conflict do nothing")
                .params(outboxId, subscriptionId, OutboxStore.ts(at)).update();
        jdbc.sql("update notification_push_subscription set last_success_at = ? where id = ?").params(OutboxStore.ts(at), subscriptionId).update();
    }

    void failed(long subscriptionId, String error, Instant at) {
        jdbc.sql("update notification_push_subscription set last_failure_at = ?, last_error = ? where id = ?")
                .params(OutboxStore.ts(at), error.length() > 300 ? error.substring(0, 300) : error, subscriptionId).update();
    }

    static void validate(String endpoint, String p256dh, String auth, boolean allowInsecure) {
        List<FieldViolation> v = new ArrayList<>();
        if (!validEndpoint(endpoint, allowInsecure)) {
            v.add(new FieldViolation("endpoint", "notification.push.endpoint", "the push service's https URL (at most 1000 characters)"));
        }
        if (!validKey(p256dh, 65) || !WebPushCrypto.onCurve(WebPushCrypto.unb64(p256dh))) {
            v.add(new FieldViolation("keys.p256dh", "notification.push.p256dh", "the subscription's P-256 public key, base64url (65 bytes)"));
        }
        if (!validKey(auth, 16)) {
            v.add(new FieldViolation("keys.auth", "notification.push.auth", "the subscription's auth secret, base64url (16 bytes)"));
        }
        if (!v.isEmpty()) {
            throw new ValidationException(v);
        }
    }

    /** https, or http to this machine when allowed (a local push service in tests). */
    static boolean validEndpoint(String endpoint, boolean allowInsecure) {
        if (endpoint == null || endpoint.isBlank() || endpoint.length() > 1000) {
            return false;
        }
        try {
            URI u = new URI(endpoint.strip());
            if (u.getHost() == null || u.getRawUserInfo() != null || u.getRawFragment() != null) {
                return false;
            }
            if ("https".equals(u.getScheme())) {
                return true;
            }
            boolean local = "localhost".equals(u.getHost()) || "127.0.0.1".equals(u.getHost()) || "[::1]".equals(u.getHost());
            return allowInsecure && local && "http".equals(u.getScheme());
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static boolean validKey(String b64, int length) {
        if (b64 == null || b64.length() > 100 || !b64.strip().matches("[A-Za-z0-9_-]+={0,2}")) {
            return false;
        }
        try {
            return WebPushCrypto.unb64(b64).length == length;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String hash(String endpoint) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(endpoint.strip().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Subscription map(ResultSet rs, int n) throws SQLException {
        return new Subscription(rs.getLong("id"), rs.getLong("user_id"), seal.openText(rs.getString("endpoint_enc")), rs.getString("p256dh"),
                rs.getString("auth"));
    }
}
