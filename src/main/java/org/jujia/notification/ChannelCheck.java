package org.jujia.notification;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says at start-up which channels have nowhere to send to. The platform starts anyway (warn, not fail): in-app
 * channels work without gateways, and notifications for an unconfigured gateway are kept and retried (urgent ones
 * forever, shown as FAILING) until it is configured and the node restarted. The notifications page shows the same.
 */
@Component
class ChannelCheck {

    private static final Logger log = LoggerFactory.getLogger(ChannelCheck.class);

    private final List<ChannelAdapter> adapters;
    private final NotificationProperties props;

    ChannelCheck(List<ChannelAdapter> adapters, NotificationProperties props) {
        this.adapters = adapters;
        this.props = props;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        for (ChannelAdapter a : adapters) {
            if (!a.configured()) {
                String key = a.channel() == Channel.EMERGENCY_120 ? "jujia.notification.emergency120.url" : "jujia.notification.sms.url";
                log.warn("Notification channel {} is NOT CONFIGURED: set {} (and its credentials). Its notifications are kept and retried "
                        + "until it is.", a.channel(), key);
            }
        }
        if (props.simulator().enabled()) {
            log.info("Notification gateways: simulated 120 centre and SMS gateway at /sim/** (demo); 120 -> {}, SMS -> {}",
                    props.emergency120().configured() ? props.emergency120().url() : "simulator",
                    props.sms().configured() ? props.sms().url() : "simulator");
        }
    }
}
