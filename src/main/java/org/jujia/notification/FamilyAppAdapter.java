package org.jujia.notification;

import org.springframework.stereotype.Component;

/**
 * The family's app: the notification is stored in the family member's inbox (acknowledged then) and pushed live to
 * their open pages. Web Push to closed browsers is not implemented.
 */
@Component
class FamilyAppAdapter implements ChannelAdapter {

    private final Inbox inbox;

    FamilyAppAdapter(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public Channel channel() {
        return Channel.FAMILY_APP;
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public Delivery send(Outbound n) {
        return Delivery.acknowledged("inbox:" + inbox.deliver(n.recipientUser(), n));
    }
}
