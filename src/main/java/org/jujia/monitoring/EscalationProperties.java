package org.jujia.monitoring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Escalation of unacknowledged critical alarms ({@code jujia.monitoring.escalation.*}) and the alarm centre's own
 * phone number (the callback number given to 120).
 *
 * @param ackTimeout       a critical alarm not acknowledged this long after it was raised escalates one level, and
 *                         again after each further timeout
 * @param checkInterval    how often the escalation check runs
 * @param maxLevel         escalation stops after this level
 * @param centrePhone      the alarm centre's callback phone
 */
@ConfigurationProperties("jujia.monitoring.escalation")
record EscalationProperties(Duration ackTimeout, Duration checkInterval, Integer maxLevel, String centrePhone) {

    EscalationProperties {
        ackTimeout = ackTimeout == null ? Duration.ofSeconds(60) : ackTimeout;
        checkInterval = checkInterval == null ? Duration.ofSeconds(5) : checkInterval;
        maxLevel = maxLevel == null ? 3 : maxLevel;
        centrePhone = centrePhone == null ? "0512-12349" : centrePhone;
    }
}
