package org.jujia.demo;

import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Set;
import org.jujia.access.UserAccounts;
import org.jujia.notification.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code family1}'s phone is subscribed to Web Push in the demo (a browser's subscription: a push-service endpoint and
 * the phone's P-256 key and auth secret), so that the demo's critical alarms of their parent also go out as
 * {@code WEB_PUSH}, to the simulated push service (the demo sets {@code jujia.notification.web-push.simulate}). A real
 * browser subscribes from the family alarm page in the same way.
 */
@Component
@Profile("demo")
@Order(9)
// only where pushes go to the simulated push service: the demo endpoint below does not exist on the internet
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(prefix = "jujia.notification.web-push", name = "simulate", havingValue = "true")
class DemoWebPush implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoWebPush.class);
    static final String ENDPOINT = "https://push.demo.jujia.example/wpush/v2/family1-phone";

    private final Notifications notifications;
    private final UserAccounts users;

    DemoWebPush(Notifications notifications, UserAccounts users) {
        this.notifications = notifications;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        var family = users.findByUsername("family1").orElse(null);
        if (family == null || !notifications.pushSubscribers(Set.of(family.id())).isEmpty()) {
            return;
        }
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        ECPublicKey phone = (ECPublicKey) g.generateKeyPair().getPublic();
        byte[] raw = new byte[65];
        raw[0] = 4;
        copy(phone.getW().getAffineX().toByteArray(), raw, 1);
        copy(phone.getW().getAffineY().toByteArray(), raw, 33);
        byte[] auth = new byte[16];
        new SecureRandom().nextBytes(auth);
        var b64 = Base64.getUrlEncoder().withoutPadding();
        notifications.registerPushSubscription(family.id(), ENDPOINT, b64.encodeToString(raw), b64.encodeToString(auth),
                "Mozilla/5.0 (Linux; Android 14; demo phone) Chrome/131 Mobile");
        log.info("Demo Web Push: family1's phone subscribed (pushes go to the simulated push service)");
    }

    private static void copy(byte[] coordinate, byte[] out, int at) {
        int len = Math.min(coordinate.length, 32);
        System.arraycopy(coordinate, coordinate.length - len, out, at + 32 - len, len);
    }
}
