package org.jujia.notification;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;

/**
 * Voluntary Application Server Identification (RFC 8292): the application server's P-256 key pair, and the
 * {@code Authorization: vapid t=<JWT>, k=<public key>} header of a push request — an ES256 JWT whose audience is the
 * push service's origin, expiring within 24 hours, with a contact ({@code sub}).
 */
final class Vapid {

    /** RFC 8292 §2: a push service may reject tokens that expire more than 24 hours ahead. */
    static final Duration MAX_VALIDITY = Duration.ofHours(24);

    private final KeyPair keys;
    private final String subject;
    private final Duration validity;
    private final String publicKey;

    Vapid(KeyPair keys, String subject, Duration validity) {
        if (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_VALIDITY) > 0) {
            throw new IllegalArgumentException("VAPID token validity must be within 24 hours");
        }
        if (!subject.startsWith("mailto:") && !subject.startsWith("https:")) {
            throw new IllegalArgumentException("VAPID subject must be a mailto: or https: URI");
        }
        this.keys = keys;
        this.subject = subject;
        this.validity = validity;
        this.publicKey = WebPushCrypto.b64(WebPushCrypto.rawPublic((ECPublicKey) keys.getPublic()));
    }

    /** The application server key a browser subscribes with ({@code applicationServerKey}), base64url. */
    String publicKey() {
        return publicKey;
    }

    /** The {@code Authorization} header value for a push to {@code endpoint}. */
    String authorization(URI endpoint, Instant now) {
        return "vapid t=" + token(audience(endpoint), now.plus(validity)) + ", k=" + publicKey;
    }

    /** The push service's origin: scheme, host and the port when it is not the default. */
    static String audience(URI endpoint) {
        String scheme = endpoint.getScheme().toLowerCase(java.util.Locale.ROOT);
        int port = endpoint.getPort();
        boolean defaultPort = port == -1 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return scheme + "://" + endpoint.getHost().toLowerCase(java.util.Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    String token(String audience, Instant expires) {
        String header = WebPushCrypto.b64("{\"typ\":\"JWT\",\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = WebPushCrypto.b64(("{\"aud\":\"" + json(audience) + "\",\"exp\":" + expires.getEpochSecond() + ",\"sub\":\"" + json(subject) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        String signingInput = header + "." + claims;
        try {
            // JWS ES256 wants the raw r|s form (64 octets), which is what the P1363 format gives
            Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
            s.initSign((ECPrivateKey) keys.getPrivate());
            s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + WebPushCrypto.b64(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("VAPID signature failed", e);
        }
    }

    /** Verifies an ES256 JWT's signature with a raw P-256 public key (what a push service does; used by the demo simulator). */
    static boolean verify(String jwt, byte[] publicKey) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
            s.initVerify(WebPushCrypto.publicKey(publicKey));
            s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return s.verify(WebPushCrypto.unb64(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
