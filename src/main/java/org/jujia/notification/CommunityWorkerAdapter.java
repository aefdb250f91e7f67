package org.jujia.notification;

import org.springframework.stereotype.Component;

/**
 * A community worker: the worker's inbox (like the family's app) and, when the request carries a {@code phone}, a text
 * message through the SMS gateway (idempotency key {@code jujia-notification-<id>-sms}). Acknowledged when both are.
 */
@Component
class CommunityWorkerAdapter implements ChannelAdapter {

    private final Inbox inbox;
    private final SmsAdapter sms;
    private final NotificationProperties props;

    CommunityWorkerAdapter(Inbox inbox, SmsAdapter sms, NotificationProperties props) {
        this.inbox = inbox;
        this.sms = sms;
        this.props = props;
    }

    @Override
    public Channel channel() {
        return Channel.COMMUNITY_WORKER;
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public Delivery send(Outbound n) {
        long entry = inbox.deliver(n.recipientUser(), n);
        String phone = n.dataString("phone");
        if (phone == null || phone.isBlank()) {
            return Delivery.acknowledged("inbox:" + entry);
        }
        Delivery text = sms.sendText(n.idempotencyKey() + "-sms", phone, SmsAdapter.text(props.sms().sign(), n.title(), n.body()), n.reference());
        return text.acknowledged() ? Delivery.acknowledged("inbox:" + entry + ",sms:" + text.channelRef())
                : Delivery.failed("inbox stored, SMS failed: " + text.error());
    }
}
