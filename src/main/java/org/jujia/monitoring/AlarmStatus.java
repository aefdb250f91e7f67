package org.jujia.monitoring;

import java.util.EnumSet;
import java.util.Set;

/**
 * The alarm lifecycle: raised → notified → acknowledged → help dispatched → resolved, or false alarm. Notification
 * may arrive after the operator has already acknowledged (it never moves an alarm backwards).
 */
public enum AlarmStatus {
    RAISED, NOTIFIED, ACKNOWLEDGED, DISPATCHED, RESOLVED, FALSE_ALARM;

    public boolean open() {
        return this != RESOLVED && this != FALSE_ALARM;
    }

    /** Not yet taken in hand by an operator (what escalation watches). */
    public boolean awaitingAcknowledgement() {
        return this == RAISED || this == NOTIFIED;
    }

    /** The statuses an operator's action may move this one to. */
    public Set<AlarmStatus> next() {
        return switch (this) {
            case RAISED -> EnumSet.of(NOTIFIED, ACKNOWLEDGED, FALSE_ALARM);
            case NOTIFIED -> EnumSet.of(ACKNOWLEDGED, FALSE_ALARM);
            case ACKNOWLEDGED -> EnumSet.of(DISPATCHED, RESOLVED, FALSE_ALARM);
            case DISPATCHED -> EnumSet.of(RESOLVED, FALSE_ALARM);
            case RESOLVED, FALSE_ALARM -> EnumSet.noneOf(AlarmStatus.class);
        };
    }

    public boolean canMoveTo(AlarmStatus target) {
        return next().contains(target);
    }
}
