package org.jujia.notification;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The SMS gateway: {@code POST {url}} with {@code Authorization: Bearer <api key>}, {@code X-Account} and
 * {@code Idempotency-Key}, body {@code {to, text, reference}}; acknowledged by a 2xx answer with a {@code messageId}.
 */
@Component
class SmsAdapter implements ChannelAdapter {

    static final String SIM_PATH = "/sim/sms/messages";
    /** Longest text sent (a long SMS is split by the network into 67-character parts). */
    static final int MAX_TEXT = 500;

    private final GatewayHttp http;
    private final NotificationProperties props;

    SmsAdapter(GatewayHttp http, NotificationProperties props) {
        this.http = http;
        this.props = props;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public boolean configured() {
        return props.sms().configured() || props.simulator().enabled();
    }

    @Override
    public Delivery send(Outbound n) {
        return sendText(n.idempotencyKey(), n.recipient(), text(props.sms().sign(), n.title(), n.body()), n.reference());
    }

    /** Sends one text; also used by the community-worker channel (with its own idempotency key). */
    Delivery sendText(String idempotencyKey, String phone, String text, String reference) {
        var target = http.target(props.sms(), props.simulator(), SIM_PATH);
        if (target.isEmpty()) {
            return Delivery.failed("SMS gateway not configured (jujia.notification.sms.url)");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", phone);
        body.put("text", text);
        body.put("reference", reference);
        try {
            var answer = http.post(target.get(), Map.of("Authorization", "Bearer " + target.get().password(), "X-Account",
                    target.get().username(), "Idempotency-Key", idempotencyKey), body);
            String messageId = answer.text("messageId");
            if (answer.ok() && messageId != null) {
                return Delivery.acknowledged(messageId);
            }
            return Delivery.failed(GatewayHttp.describe(answer));
        } catch (IOException e) {
            return Delivery.failed("SMS gateway unreachable: " + e.getMessage());
        }
    }

    /** The text of a message: signature, title and body ({@code 【居家】标题：正文}), cut to {@link #MAX_TEXT}. */
    static String text(String sign, String title, String body) {
        var sb = new StringBuilder();
        if (sign != null && !sign.isBlank()) {
            sb.append(sign.strip());
        }
        if (title != null && !title.isBlank()) {
            sb.append(title.strip());
            if (body != null && !body.isBlank()) {
                sb.append('：');
            }
        }
        if (body != null) {
            sb.append(body.strip());
        }
        return sb.length() <= MAX_TEXT ? sb.toString() : sb.substring(0, MAX_TEXT - 1) + "…";
    }
}
