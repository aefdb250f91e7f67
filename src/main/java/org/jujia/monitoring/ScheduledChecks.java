package org.jujia.monitoring;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rules that fire on the absence of a message, and escalation: checked on a schedule. Each check locks the rows
 * it works on ({@code for update skip locked}) or skips keys with an open alarm, so several nodes may run them.
 */
@Component
class ScheduledChecks {

    private static final Logger log = LoggerFactory.getLogger(ScheduledChecks.class);

    private final AlarmCentre centre;
    private final AlarmStore store;
    private final Clock clock;
    private final OutOfBedRule outOfBed;
    private final InactivityRule inactivity;
    private final DeviceOfflineRule offline;
    private final AlarmRuleProperties props;
    private final TransactionTemplate tx;
    /** Heartbeats can only be missed while the platform listens: after a start, devices get one full offline period. */
    private final Instant listeningSince;

    ScheduledChecks(AlarmCentre centre, AlarmStore store, Clock clock, AlarmRuleProperties props, TransactionTemplate tx) {
        this.centre = centre;
        this.tx = tx;
        this.store = store;
        this.clock = clock;
        this.props = props;
        this.outOfBed = new OutOfBedRule(props.night(), props.outOfBedAfter());
        this.inactivity = new InactivityRule(props.inactivityHours());
        this.offline = new DeviceOfflineRule(props.offlineAfter());
        this.listeningSince = clock.instant();
    }

    @Scheduled(fixedDelayString = "${jujia.monitoring.escalation.check-interval:PT5S}", initialDelayString = "PT10S")
    @SchedulerLock(name = "monitoring.escalate", lockAtMostFor = "PT1M")
    public void escalate() {
        run("escalation", () -> centre.escalateDue(clock.instant()));
    }

    @Scheduled(fixedDelayString = "${jujia.monitoring.rules.check-interval:PT30S}", initialDelayString = "PT20S")
    @SchedulerLock(name = "monitoring.absences", lockAtMostFor = "PT5M")
    public void absences() {
        Instant now = clock.instant();
        run("out of bed", () -> checkOutOfBed(now));
        run("inactivity", () -> checkInactivity(now));
        run("device offline", () -> checkOffline(now));
        run("device recovered", () -> centre.clearRecovered(now));
    }

    /**
     * One check in one transaction: the rows it locks ({@code for update skip locked}) stay locked, and what it marks as
     * fired is committed together with the alarms it raises, or not at all.
     */
    private void run(String what, java.util.function.IntSupplier check) {
        try {
            int n = tx.execute(s -> check.getAsInt());
            if (n > 0) {
                log.info("Scheduled check '{}': {} alarm(s)", what, n);
            }
        } catch (RuntimeException e) {
            log.warn("Scheduled check '{}' failed: {}", what, e.toString());
        }
    }

    /** Out-of-bed absences at night that have now lasted long enough. */
    int checkOutOfBed(Instant now) {
        List<Trigger> triggers = new ArrayList<>();
        for (Map<String, Object> row : store.pendingAbsences(now.minus(props.outOfBedAfter()), 500)) {
            long deviceId = ((Number) row.get("device_id")).longValue();
            RuleState state = new RuleState(((Number) row.get("counter")).intValue(), ((Timestamp) row.get("since")).toInstant(), false);
            Optional<Duration> out = outOfBed.check(state, now);
            if (out.isEmpty()) {
                if (!now.isBefore(state.since().plus(props.outOfBedAfter()))) {
                    store.markFired(deviceId, OutOfBedRule.RULE, now); // the time was reached after the night: nothing to raise
                }
                continue;
            }
            store.markFired(deviceId, OutOfBedRule.RULE, now);
            Optional<Map<String, Object>> device = store.device(deviceId);
            Long elderId = device.map(d -> (Long) d.get("elder_id")).orElse(null);
            triggers.add(new Trigger(AlarmType.OUT_OF_BED, elderId, deviceId, device.map(d -> (String) d.get("serial")).orElse(null),
                    DeviceType.MATTRESS, device.map(d -> (String) d.get("room")).orElse(null), OutOfBedRule.summary(out.get()),
                    Map.of("minutes", out.get().toMinutes(), "since", state.since().toString()), now, now));
        }
        centre.raise(triggers);
        return triggers.size();
    }

    /** Homes without a door, motion or mattress event for the configured hours. */
    int checkInactivity(Instant now) {
        List<Trigger> triggers = new ArrayList<>();
        for (Map<String, Object> row : store.inactiveElders(inactivity.cutoff(now), 500)) {
            long elderId = ((Number) row.get("elder_id")).longValue();
            Instant last = ((Timestamp) row.get("last_activity_at")).toInstant();
            if (inactivity.inactive(last, now)) {
                triggers.add(new Trigger(AlarmType.INACTIVITY, elderId, null, null, null, null, InactivityRule.summary(last, now),
                        Map.of("lastActivityAt", last.toString()), now, now));
            }
        }
        centre.raise(triggers);
        return triggers.size();
    }

    /** Active devices that missed their heartbeats. */
    int checkOffline(Instant now) {
        List<Trigger> triggers = new ArrayList<>();
        if (now.isBefore(listeningSince.plus(props.offlineAfter()))) {
            return 0;
        }
        for (Map<String, Object> row : store.silentDevices(offline.cutoff(now), 500)) {
            Instant last = ((Timestamp) row.get("last_heartbeat_at")).toInstant();
            if (!offline.offline(last, now)) {
                continue;
            }
            DeviceType type;
            try {
                type = DeviceType.valueOf((String) row.get("type"));
            } catch (RuntimeException e) {
                type = null;
            }
            triggers.add(new Trigger(AlarmType.DEVICE_OFFLINE, (Long) row.get("elder_id"), ((Number) row.get("id")).longValue(),
                    (String) row.get("serial"), type, (String) row.get("room"), DeviceOfflineRule.summary(last, now),
                    Map.of("lastHeartbeatAt", last.toString()), now, now));
        }
        centre.raise(triggers);
        return triggers.size();
    }
}
