package org.jujia.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.NotFoundException;
import org.jujia.shared.ValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Web Push subscriptions of the signed-in user's browsers: the VAPID public key to subscribe with, and the
 * subscription ({@code PushSubscription.toJSON()}) saved or removed. Critical alarms are then pushed to them.
 */
@RestController
@RequestMapping("/api/v1/me/push")
@Tag(name = "Notifications", description = "Web Push subscriptions of my browsers")
class WebPushApiController {

    /** {@code PushSubscription.toJSON()}: endpoint and keys (p256dh, auth). */
    record SubscriptionBody(String endpoint, Map<String, String> keys) {
    }

    private final PushSubscriptions subscriptions;
    private final VapidKeys keys;
    private final NotificationProperties props;

    WebPushApiController(PushSubscriptions subscriptions, VapidKeys keys, NotificationProperties props) {
        this.subscriptions = subscriptions;
        this.keys = keys;
        this.props = props;
    }

    @GetMapping
    @Operation(summary = "Whether Web Push is offered, the VAPID public key (applicationServerKey), and how many of my browsers are subscribed")
    Map<String, Object> status(Jurisdiction j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", props.webPush().enabled());
        m.put("publicKey", props.webPush().enabled() ? keys.vapid().publicKey() : null);
        m.put("subscriptions", subscriptions.count(j.userId()));
        return m;
    }

    @PostMapping("/subscriptions")
    @Operation(summary = "Save this browser's push subscription (PushSubscription.toJSON()) for me",
            description = "400 naming endpoint (https URL), keys.p256dh (65-byte P-256 point) or keys.auth (16 bytes), base64url.")
    ResponseEntity<Map<String, Object>> subscribe(Jurisdiction j, @RequestBody(required = false) SubscriptionBody body,
            @RequestHeader(name = "User-Agent", required = false) String userAgent) {
        if (!props.webPush().enabled()) {
            throw ValidationException.of("endpoint", "notification.push.disabled", "Web Push is not enabled on this platform");
        }
        if (body == null) {
            throw ValidationException.of("endpoint", "notification.push.endpoint", "a push subscription {endpoint, keys: {p256dh, auth}} is required");
        }
        Map<String, String> k = body.keys() == null ? Map.of() : body.keys();
        long id = subscriptions.subscribe(j.userId(), body.endpoint(), k.get("p256dh"), k.get("auth"), userAgent, props.webPush().allowInsecure());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }

    @DeleteMapping("/subscriptions")
    @Operation(summary = "Remove this browser's push subscription (by its endpoint); 404 when it is not mine")
    ResponseEntity<Void> unsubscribe(Jurisdiction j, @RequestParam String endpoint) {
        if (!subscriptions.unsubscribe(j.userId(), endpoint)) {
            throw new NotFoundException("push subscription", endpoint.length() > 40 ? endpoint.substring(0, 40) + "..." : endpoint);
        }
        return ResponseEntity.noContent().build();
    }
}
