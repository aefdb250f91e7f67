package org.jujia.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opaque, revocable API bearer tokens. Only a SHA-256 hash of each token is stored, so a database leak does
 * not leak usable tokens.
 */
@Component
class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final SecurityProperties props;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, SecurityProperties props, Clock clock) {
        this.jdbc = jdbc;
        this.props = props;
        this.clock = clock;
    }

    record Issued(String token, long expiresInSeconds) {
    }

    Issued issue(long userId) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        jdbc.sql("insert into access_api_token (token_hash, user_id, issued_at, expires_at) values (?, ?, ?, ?)")
                .params(hash(token), userId, Timestamp.from(now), Timestamp.from(now.plus(props.tokenTtl()))).update();
        return new Issued(token, props.tokenTtl().toSeconds());
    }

    /**
     * The user id a live (unexpired, unrevoked) token belongs to. The last-use time is written at most once a
     * minute per token, so authenticated reads do not each cost a write.
     */
    Optional<Long> userOf(String token) {
        Instant now = clock.instant();
        String hash = hash(token);
        record Live(long userId, Timestamp lastUsedAt) {
        }
        Optional<Live> live = jdbc.sql("select user_id, last_used_at from access_api_token where token_hash = ? and revoked_at is null and expires_at > ?")
                .params(hash, Timestamp.from(now)).query((rs, n) -> new Live(rs.getLong(1), rs.getTimestamp(2))).optional();
        live.filter(l -> l.lastUsedAt() == null || l.lastUsedAt().toInstant().isBefore(now.minusSeconds(60)))
                .ifPresent(l -> jdbc.sql("update access_api_token set last_used_at = ? where token_hash = ?").params(Timestamp.from(now), hash).update());
        return live.map(Live::userId);
    }

    boolean revoke(String token) {
        return jdbc.sql("update access_api_token set revoked_at = ? where token_hash = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), hash(token)).update() > 0;
    }

    int revokeAll(long userId) {
        return jdbc.sql("update access_api_token set revoked_at = ? where user_id = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), userId).update();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
