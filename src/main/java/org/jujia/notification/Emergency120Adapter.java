package org.jujia.notification;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The 120 emergency gateway: {@code POST {url}} with HTTP Basic credentials and {@code Idempotency-Key}, a JSON case
 * (see {@link #caseBody}); acknowledged by a 2xx answer {@code {"accepted": true, "caseId": "…"}}.
 */
@Component
class Emergency120Adapter implements ChannelAdapter {

    static final String SIM_PATH = "/sim/emergency-120/cases";

    private final GatewayHttp http;
    private final NotificationProperties props;

    Emergency120Adapter(GatewayHttp http, NotificationProperties props) {
        this.http = http;
        this.props = props;
    }

    @Override
    public Channel channel() {
        return Channel.EMERGENCY_120;
    }

    @Override
    public boolean configured() {
        return props.emergency120().configured() || props.simulator().enabled();
    }

    @Override
    public Delivery send(Outbound n) {
        var target = http.target(props.emergency120(), props.simulator(), SIM_PATH);
        if (target.isEmpty()) {
            return Delivery.failed("120 gateway not configured (jujia.notification.emergency120.url)");
        }
        try {
            var answer = http.post(target.get(), Map.of("Authorization", GatewayHttp.basic(target.get().username(), target.get().password()),
                    "Idempotency-Key", n.idempotencyKey()), caseBody(n));
            String caseId = answer.text("caseId");
            if (answer.ok() && answer.json() != null && answer.json().path("accepted").asBoolean(false) && caseId != null) {
                return Delivery.acknowledged(caseId);
            }
            return Delivery.failed(GatewayHttp.describe(answer));
        } catch (IOException e) {
            return Delivery.failed("120 gateway unreachable: " + e.getMessage());
        }
    }

    /**
     * The case sent to the 120 centre: {@code caseRef, notificationId, type, severity, title, description, elder {name, age,
     * address, lat, lon, phone}, callback, occurredAt, urgent}. Absent values are sent as null.
     */
    static Map<String, Object> caseBody(Outbound n) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseRef", n.reference() != null ? n.reference() : "notification:" + n.id());
        body.put("notificationId", n.id());
        body.put("type", n.dataString("type"));
        body.put("severity", n.dataString("severity") != null ? n.dataString("severity") : (n.urgent() ? "CRITICAL" : "NORMAL"));
        body.put("title", n.title());
        body.put("description", n.body());
        Map<String, Object> elder = new LinkedHashMap<>();
        Map<?, ?> given = n.data().get("elder") instanceof Map<?, ?> m ? m : Map.of();
        for (String key : new String[] { "name", "age", "address", "lat", "lon", "phone" }) {
            elder.put(key, given.get(key));
        }
        body.put("elder", elder);
        body.put("callback", n.dataString("callback"));
        Object occurred = n.data().get("occurredAt");
        body.put("occurredAt", occurred == null ? n.enqueuedAt().toString() : occurred instanceof Instant i ? i.toString() : occurred.toString());
        body.put("urgent", n.urgent());
        return body;
    }
}
