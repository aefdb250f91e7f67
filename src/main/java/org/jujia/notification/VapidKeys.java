package org.jujia.notification;

import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The application server's VAPID identity: the configured key pair, or one generated on first use and kept in the
 * database (the private key sealed), so that every node signs with the same key and the browsers' subscriptions,
 * which are bound to it, stay valid across restarts.
 */
@Component
class VapidKeys {

    private static final Logger log = LoggerFactory.getLogger(VapidKeys.class);

    private final JdbcClient jdbc;
    private final ContentSeal seal;
    private final NotificationProperties.WebPush props;
    private final Clock clock;
    private volatile Vapid vapid;

    VapidKeys(JdbcClient jdbc, ContentSeal seal, NotificationProperties props, Clock clock) {
        this.jdbc = jdbc;
        this.seal = seal;
        this.props = props.webPush();
        this.clock = clock;
    }

    Vapid vapid() {
        Vapid v = vapid;
        if (v == null) {
            synchronized (this) {
                if (vapid == null) {
                    vapid = new Vapid(load(), props.subject(), props.tokenValidity());
                }
                v = vapid;
            }
        }
        return v;
    }

    private KeyPair load() {
        if (!props.publicKey().isBlank() && !props.privateKey().isBlank()) {
            return pair(props.publicKey(), props.privateKey());
        }
        KeyPair fresh = WebPushCrypto.generateKeyPair();
        // the first node to get here stores its pair; the others (and later starts) read it
        jdbc.sql("insert into notification_vapid_key (id, public_key, private_enc, created_at) values (1, ?, ?, ?) on conflict do nothing")
                .params(WebPushCrypto.b64(WebPushCrypto.rawPublic((ECPublicKey) fresh.getPublic())),
                        seal.sealText(WebPushCrypto.b64(WebPushCrypto.rawPrivate((ECPrivateKey) fresh.getPrivate()))),
                        OutboxStore.ts(clock.instant()))
                .update();
        record Stored(String publicKey, String privateEnc) {
        }
        Stored s = jdbc.sql("select public_key, private_enc from notification_vapid_key where id = 1")
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2))).single();
        log.info("Web Push: VAPID public key {}", s.publicKey());
        return pair(s.publicKey(), seal.openText(s.privateEnc()));
    }

    /** A key pair from its base64url raw forms; the private key must belong to the public one. */
    static KeyPair pair(String publicKey, String privateKey) {
        ECPublicKey pub = WebPushCrypto.publicKey(WebPushCrypto.unb64(publicKey));
        ECPrivateKey priv = WebPushCrypto.privateKey(WebPushCrypto.unb64(privateKey));
        KeyPair pair = new KeyPair(pub, priv);
        byte[] probe = "vapid".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try {
            var s = java.security.Signature.getInstance("SHA256withECDSAinP1363Format");
            s.initSign(priv);
            s.update(probe);
            byte[] sig = s.sign();
            s.initVerify(pub);
            s.update(probe);
            if (!s.verify(sig)) {
                throw new IllegalStateException("jujia.notification.web-push: the private key does not belong to the public key");
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("jujia.notification.web-push: unusable VAPID key pair", e);
        }
        Arrays.fill(probe, (byte) 0);
        return pair;
    }
}
