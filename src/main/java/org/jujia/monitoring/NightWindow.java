package org.jujia.monitoring;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/** The night window of the rules, in business time (Asia/Shanghai): start inclusive, end exclusive, may wrap midnight. */
record NightWindow(LocalTime start, LocalTime end) {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    boolean contains(Instant at) {
        LocalTime t = at.atZone(ZONE).toLocalTime();
        if (start.isBefore(end)) {
            return !t.isBefore(start) && t.isBefore(end);
        }
        return !t.isBefore(start) || t.isBefore(end);
    }
}
