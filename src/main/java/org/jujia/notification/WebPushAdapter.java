package org.jujia.notification;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Web Push to the recipient's subscribed browsers: for each subscription not yet reached by this notification, the
 * message (title, body, link, reference) encrypted for that browser (RFC 8291, aes128gcm) and POSTed to its push
 * service with a VAPID authorization (RFC 8292), {@code TTL} and {@code Urgency}. A 201 marks the subscription reached
 * (a retry does not push it twice); 404/410 mean the browser unsubscribed and the subscription is deleted; anything
 * else fails the attempt, and the dispatcher retries with backoff. Acknowledged when every subscription is reached or
 * gone (also when the user has none left).
 *
 * <p>With {@code simulate} (demo profile) every push goes to the simulated push service on this server
 * ({@link WebPushSimulator}), the browser's endpoint in a header.
 */
@Component
class WebPushAdapter implements ChannelAdapter {

    static final String SIM_PATH = "/sim/web-push/messages";
    static final String ENDPOINT_HEADER = "X-Push-Endpoint";

    private final PushSubscriptions subscriptions;
    private final VapidKeys keys;
    private final GatewayHttp http;
    private final DatabaseGate gate;
    private final NotificationProperties.WebPush props;
    private final JsonMapper json;
    private final Clock clock;

    WebPushAdapter(PushSubscriptions subscriptions, VapidKeys keys, GatewayHttp http, DatabaseGate gate, NotificationProperties props,
            JsonMapper json, Clock clock) {
        this.subscriptions = subscriptions;
        this.keys = keys;
        this.http = http;
        this.gate = gate;
        this.props = props.webPush();
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.WEB_PUSH;
    }

    @Override
    public boolean configured() {
        return props.enabled();
    }

    @Override
    public Delivery send(Outbound n) {
        if (!props.enabled()) {
            return Delivery.failed("Web Push is disabled (jujia.notification.web-push.enabled)");
        }
        List<PushSubscriptions.Subscription> all = gate.call(() -> subscriptions.forUser(n.recipientUser()));
        Set<Long> reached = gate.call(() -> subscriptions.reached(n.id()));
        byte[] message = json.writeValueAsBytes(message(n));
        int delivered = reached.size();
        int gone = 0;
        List<String> errors = new ArrayList<>();
        for (PushSubscriptions.Subscription s : all) {
            if (reached.contains(s.id())) {
                continue;
            }
            Instant now = clock.instant();
            String error;
            try {
                var answer = push(s, message, n.urgent(), now);
                if (answer.ok()) {
                    gate.call(() -> {
                        subscriptions.delivered(n.id(), s.id(), now);
                        return null;
                    });
                    delivered++;
                    continue;
                }
                if (answer.status() == 404 || answer.status() == 410) {
                    gate.call(() -> {
                        subscriptions.delete(s.id());
                        return null;
                    });
                    gone++;
                    continue;
                }
                error = GatewayHttp.describe(answer);
            } catch (IOException | RuntimeException e) {
                error = "push service unreachable: " + e.getMessage();
            }
            String e = error;
            gate.call(() -> {
                subscriptions.failed(s.id(), e, now);
                return null;
            });
            errors.add("subscription " + s.id() + ": " + error);
        }
        if (!errors.isEmpty()) {
            return Delivery.failed(errors.size() + " of " + (all.size() - reached.size()) + " push services failed; " + String.join("; ", errors));
        }
        return Delivery.acknowledged("push:" + delivered + (gone > 0 ? ",gone:" + gone : ""));
    }

    /** One POST to a push service (or, simulating, to the simulated one). */
    GatewayHttp.Answer push(PushSubscriptions.Subscription s, byte[] message, boolean urgent, Instant now) throws IOException {
        URI endpoint = URI.create(s.endpoint());
        byte[] body = WebPushCrypto.encrypt(message, WebPushCrypto.unb64(s.p256dh()), WebPushCrypto.unb64(s.auth()));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", keys.vapid().authorization(endpoint, now));
        headers.put("Content-Encoding", "aes128gcm");
        headers.put("Content-Type", "application/octet-stream");
        headers.put("TTL", String.valueOf(props.ttl().toSeconds()));
        headers.put("Urgency", urgent ? "high" : "normal");
        URI target = endpoint;
        if (props.simulate()) {
            headers.put(ENDPOINT_HEADER, s.endpoint());
            target = http.local(SIM_PATH);
        }
        return http.postBytes(target, headers, body, props.timeout());
    }

    /** What the service worker gets: a small JSON (push messages carry at most ~4 KB). */
    static Map<String, Object> message(Outbound n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id());
        m.put("title", cut(n.title(), 200));
        m.put("body", cut(n.body(), 1000));
        String link = n.dataString("link");
        m.put("link", link != null && link.startsWith("/") && !link.startsWith("//") ? link : "/family/alarms");
        m.put("reference", n.reference());
        m.put("urgent", n.urgent());
        return m;
    }

    private static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() > max ? s.substring(0, max) : s;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
