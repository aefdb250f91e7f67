package org.jujia.notification;

/**
 * Where an outbound notification goes. Each channel has one adapter (a port implementation) that sends it and reports
 * whether the channel acknowledged it.
 */
public enum Channel {
    /** The city's 120 emergency dispatch gateway (HTTP). Recipient: the gateway's centre code, e.g. {@code "120"}. */
    EMERGENCY_120,
    /** A text message through the SMS gateway (HTTP). Recipient: a mainland mobile number, e.g. {@code 13800138000}. */
    SMS,
    /** The family's app: the user's inbox, live on their open pages (SSE). Recipient: the user account id. */
    FAMILY_APP,
    /**
     * A community worker: the worker's inbox (like {@link #FAMILY_APP}), and a text message when the request's data carries
     * a {@code phone}. Recipient: the worker's user account id.
     */
    COMMUNITY_WORKER,
    /**
     * Web Push to the user's subscribed browsers (RFC 8030, VAPID, aes128gcm), for phones whose page is closed.
     * Recipient: the user account id; acknowledged once every subscription's push service accepted the message.
     */
    WEB_PUSH
}
