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

    /** The user id a live (unexpired, unrevoked) token belongs to. */
    Optional<Long> userOf(String token) {
        return jdbc.sql("""
                update access_api_token set last_used_at = ?
                 where token_hash = ? and revoked_at is null and expires_at > ?
                returning user_id""")
                .params(Timestamp.from(clock.instant()), hash(token), Timestamp.from(clock.instant()))
                .query(Long.class).optional();
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
