package org.jujia.monitoring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Closes a gas detector's shut-off valve through the device command channel of the ingest. */
@Component
class ValveControl {

    private static final Logger log = LoggerFactory.getLogger(ValveControl.class);

    /** Sends the shut-off command; answers what happened, for the alarm's timeline. */
    String shutOff(String serial) {
        log.warn("Gas valve shut-off for {}: the device command channel is not merged yet", serial);
        return "not sent (device commands unavailable)";
    }
}
