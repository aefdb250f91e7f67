package org.jujia.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebPushCryptoTest {

    // RFC 8291 §5 (Push Message Encryption Example)
    static final String PLAINTEXT = "When I grow up, I want to be a watermelon";
    static final String UA_PUBLIC = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    static final String UA_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
    static final String AS_PUBLIC = "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";
    static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";
    static final String BODY = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPT"
            + "pK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

    static byte[] d(String b64) {
        return Base64.getUrlDecoder().decode(b64);
    }

    @Test
    void reproducesTheRfc8291ExampleByteForByte() {
        KeyPair sender = new KeyPair(WebPushCrypto.publicKey(d(AS_PUBLIC)), WebPushCrypto.privateKey(d(AS_PRIVATE)));
        byte[] body = WebPushCrypto.encrypt(PLAINTEXT.getBytes(StandardCharsets.US_ASCII), d(UA_PUBLIC), d(AUTH), sender, d(SALT));
        assertThat(WebPushCrypto.b64(body)).isEqualTo(BODY);
    }

    @Test
    void theRfcBrowserDecryptsTheExample() throws Exception {
        var browser = new TestBrowser(new KeyPair(WebPushCrypto.publicKey(d(UA_PUBLIC)), WebPushCrypto.privateKey(d(UA_PRIVATE))), d(AUTH));
        assertThat(new String(browser.decrypt(d(BODY)), StandardCharsets.US_ASCII)).isEqualTo(PLAINTEXT);
    }

    @Test
    void freshKeysAndSaltEveryMessageAndTheBrowserDecryptsIt() throws Exception {
        var browser = new TestBrowser();
        byte[] message = "{\"title\":\"【紧急报警】SOS 呼救：张桂英\"}".getBytes(StandardCharsets.UTF_8);
        byte[] a = WebPushCrypto.encrypt(message, d(browser.p256dh()), d(browser.authSecret()));
        byte[] b = WebPushCrypto.encrypt(message, d(browser.p256dh()), d(browser.authSecret()));
        assertThat(a).isNotEqualTo(b);
        assertThat(browser.decrypt(a)).isEqualTo(message);
        assertThat(browser.decrypt(b)).isEqualTo(message);
        // header: salt(16) | rs = 4096 | idlen = 65 | sender key; ciphertext = plaintext + delimiter + 16-byte tag
        assertThat(a).hasSize(16 + 4 + 1 + 65 + message.length + 1 + 16);
        assertThat(a[20]).isEqualTo((byte) 65);
    }

    @Test
    void aTamperedMessageDoesNotDecrypt() {
        var browser = new TestBrowser();
        byte[] a = WebPushCrypto.encrypt("hello".getBytes(StandardCharsets.UTF_8), d(browser.p256dh()), d(browser.authSecret()));
        a[a.length - 1] ^= 1;
        assertThatThrownBy(() -> browser.decrypt(a)).isInstanceOf(javax.crypto.AEADBadTagException.class);
    }

    @Test
    void payloadLimitAtItsBoundary() {
        var browser = new TestBrowser();
        byte[] max = new byte[WebPushCrypto.MAX_PLAINTEXT];
        byte[] body = WebPushCrypto.encrypt(max, d(browser.p256dh()), d(browser.authSecret()));
        // the whole message (86-byte header + one record of plaintext, delimiter and tag) fits the 4096 bytes push services take
        assertThat(body.length).isEqualTo(4096 - 86 + 86 - 86 + 86).isLessThanOrEqualTo(4096 + 86);
        assertThatThrownBy(() -> WebPushCrypto.encrypt(new byte[WebPushCrypto.MAX_PLAINTEXT + 1], d(browser.p256dh()), d(browser.authSecret())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysOffTheCurveAreRefused() {
        byte[] bad = d(UA_PUBLIC);
        bad[64] ^= 1;
        assertThat(WebPushCrypto.onCurve(d(UA_PUBLIC))).isTrue();
        assertThat(WebPushCrypto.onCurve(bad)).isFalse();
        assertThatThrownBy(() -> WebPushCrypto.publicKey(bad)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PushSubscriptions.validate("https://push.example.com/x", WebPushCrypto.b64(bad), AUTH, false))
                .isInstanceOf(org.jujia.shared.ValidationException.class);
    }

    @Test
    void vapidJwtVerifiesWithThePublicKeyAndNamesThePushServiceOrigin() throws Exception {
        Vapid vapid = new Vapid(WebPushCrypto.generateKeyPair(), "mailto:ops@jujia.example", Duration.ofHours(12));
        Instant now = Instant.parse("2026-11-30T02:00:00Z");
        String header = vapid.authorization(URI.create("https://fcm.googleapis.com:443/fcm/send/abc"), now);
        String claims = TestBrowser.verifyVapid(header, "https://fcm.googleapis.com", now.getEpochSecond());
        assertThat(claims).contains("\"exp\":" + now.plus(Duration.ofHours(12)).getEpochSecond()).contains("\"sub\":\"mailto:ops@jujia.example\"");
        assertThat(header).endsWith("k=" + vapid.publicKey());
        // another key does not verify it
        String forged = header.replace("k=" + vapid.publicKey(), "k=" + new Vapid(WebPushCrypto.generateKeyPair(), "mailto:x@y.z",
                Duration.ofHours(1)).publicKey());
        assertThatThrownBy(() -> TestBrowser.verifyVapid(forged, "https://fcm.googleapis.com", now.getEpochSecond()))
                .isInstanceOf(SecurityException.class);
        assertThat(Vapid.audience(URI.create("http://127.0.0.1:8931/push/1"))).isEqualTo("http://127.0.0.1:8931");
    }

    @Test
    void vapidValidityAtMost24Hours() {
        KeyPair k = WebPushCrypto.generateKeyPair();
        assertThat(new Vapid(k, "mailto:a@b.c", Duration.ofHours(24)).publicKey()).isNotBlank();
        assertThatThrownBy(() -> new Vapid(k, "mailto:a@b.c", Duration.ofHours(24).plusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Vapid(k, "ops@jujia", Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void configuredVapidKeysMustMatch() {
        KeyPair a = WebPushCrypto.generateKeyPair();
        KeyPair b = WebPushCrypto.generateKeyPair();
        String pubA = WebPushCrypto.b64(WebPushCrypto.rawPublic((java.security.interfaces.ECPublicKey) a.getPublic()));
        String privA = WebPushCrypto.b64(WebPushCrypto.rawPrivate((java.security.interfaces.ECPrivateKey) a.getPrivate()));
        String privB = WebPushCrypto.b64(WebPushCrypto.rawPrivate((java.security.interfaces.ECPrivateKey) b.getPrivate()));
        assertThat(VapidKeys.pair(pubA, privA).getPublic()).isEqualTo(a.getPublic());
        assertThatThrownBy(() -> VapidKeys.pair(pubA, privB)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void endpointsMustBeHttpsExceptLocalWhenAllowed() {
        assertThat(PushSubscriptions.validEndpoint("https://updates.push.services.mozilla.com/wpush/v2/gAAA", false)).isTrue();
        assertThat(PushSubscriptions.validEndpoint("http://push.example.com/x", true)).isFalse();
        assertThat(PushSubscriptions.validEndpoint("http://127.0.0.1:9000/x", false)).isFalse();
        assertThat(PushSubscriptions.validEndpoint("http://127.0.0.1:9000/x", true)).isTrue();
        assertThat(PushSubscriptions.validEndpoint("https://user:pw@push.example.com/x", false)).isFalse();
        assertThat(PushSubscriptions.validEndpoint("https://push.example.com/" + "a".repeat(975), false)).isTrue();
        assertThat(PushSubscriptions.validEndpoint("https://push.example.com/" + "a".repeat(976), false)).isFalse();
    }
}
