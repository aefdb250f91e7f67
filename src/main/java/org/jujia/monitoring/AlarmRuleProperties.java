package org.jujia.monitoring;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Parameters of the alarm rules ({@code jujia.monitoring.rules.*}). Times of day are Asia/Shanghai.
 *
 * @param nightStart              start of the night window (door at night, out of bed, night watch), inclusive
 * @param nightEnd                end of the night window, exclusive
 * @param outOfBedAfter           out of bed at night for at least this long raises OUT_OF_BED
 * @param nightVitalsConsecutive  this many consecutive mattress readings outside the thresholds raise NIGHT_VITALS
 * @param nightVitalsMaxGap       readings further apart than this are not consecutive (the count restarts)
 * @param inactivityHours         no door, motion or mattress event for this many hours raises INACTIVITY
 * @param heartbeatInterval       the devices' heartbeat interval
 * @param missedHeartbeats        this many missed heartbeats make a device offline
 * @param lowBatteryPct           battery at or below this percentage raises LOW_BATTERY
 * @param defaults                vital-sign thresholds of an elder who has none of their own
 */
@ConfigurationProperties("jujia.monitoring.rules")
record AlarmRuleProperties(LocalTime nightStart, LocalTime nightEnd, Duration outOfBedAfter, Integer nightVitalsConsecutive, Duration nightVitalsMaxGap,
        Integer inactivityHours, Duration heartbeatInterval, Integer missedHeartbeats, Integer lowBatteryPct, VitalThresholds defaults) {

    AlarmRuleProperties {
        nightStart = nightStart == null ? LocalTime.of(22, 0) : nightStart;
        nightEnd = nightEnd == null ? LocalTime.of(6, 0) : nightEnd;
        outOfBedAfter = outOfBedAfter == null ? Duration.ofMinutes(30) : outOfBedAfter;
        nightVitalsConsecutive = nightVitalsConsecutive == null ? 3 : nightVitalsConsecutive;
        nightVitalsMaxGap = nightVitalsMaxGap == null ? Duration.ofMinutes(10) : nightVitalsMaxGap;
        inactivityHours = inactivityHours == null ? 12 : inactivityHours;
        heartbeatInterval = heartbeatInterval == null ? Duration.ofMinutes(5) : heartbeatInterval;
        missedHeartbeats = missedHeartbeats == null ? 3 : missedHeartbeats;
        lowBatteryPct = lowBatteryPct == null ? 15 : lowBatteryPct;
        defaults = defaults == null ? VitalThresholds.DEFAULTS : defaults;
    }

    static AlarmRuleProperties standard() {
        return new AlarmRuleProperties(null, null, null, null, null, null, null, null, null, null);
    }

    NightWindow night() {
        return new NightWindow(nightStart, nightEnd);
    }

    /** How long without a heartbeat before a device counts as offline. */
    Duration offlineAfter() {
        return heartbeatInterval.multipliedBy(missedHeartbeats);
    }
}
