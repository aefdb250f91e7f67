package org.jujia.monitoring;

import java.time.Instant;

/** One step of an alarm's timeline: when, what, who (an operator, "system", or a notification channel). */
public record AlarmEvent(long id, long alarmId, Instant at, String kind, String actor, String detail) {
}
