package org.jujia.monitoring;

/** How urgent an alarm is. Critical alarms reach 120 and the family at once and escalate when not acknowledged. */
public enum AlarmSeverity {
    CRITICAL, HIGH, LOW
}
