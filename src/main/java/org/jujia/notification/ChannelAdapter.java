package org.jujia.notification;

import java.time.Instant;
import java.util.Map;

/**
 * The port every channel implements: send one notification and say whether the channel acknowledged it. Adapters
 * send the outbox id as idempotency key, so a retry after a lost answer is not delivered twice by a channel that
 * honours it.
 */
interface ChannelAdapter {

    Channel channel();

    /** Is there somewhere to send to (a configured URL, or the demo simulator)? */
    boolean configured();

    /** Sends; ordinary failures are returned, not thrown (a thrown exception counts as a failed attempt too). */
    Delivery send(Outbound notification);

    /** A notification as the adapters see it: unsealed (and the sealed content, to store it again without re-sealing). */
    record Outbound(long id, Channel channel, String recipient, Long recipientUser, String title, String body, Map<String, Object> data,
            String reference, boolean urgent, int attempt, Instant enqueuedAt, String sealedContent) {

        String idempotencyKey() {
            return "jujia-notification-" + id;
        }

        String dataString(String key) {
            Object v = data.get(key);
            return v == null ? null : v.toString();
        }
    }

    /** The outcome of one attempt. */
    record Delivery(boolean acknowledged, String channelRef, String error) {

        static Delivery acknowledged(String channelRef) {
            return new Delivery(true, channelRef, null);
        }

        static Delivery failed(String error) {
            return new Delivery(false, null, error);
        }
    }
}
