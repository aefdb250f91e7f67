package org.jujia.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jujia.elder.ElderRef;
import org.jujia.elder.ElderRegistry;
import org.jujia.shared.Jurisdiction;
import org.springframework.stereotype.Component;

/**
 * Where the ingest hands each batch of accepted messages, inside the transaction that persisted them (so an alarm
 * and the message that raised it commit together, before the broker gets its acknowledgement). Runs the alarm
 * rules and raises or merges alarms.
 *
 * <p>Kept cheap for a batch of mostly normal telemetry: the event rules look at one signal at a time; per-elder facts
 * (care flags, thresholds) are read only for the few signals that could fire a rule that needs them, in one query
 * per batch; the stateful rules lock and write their state rows once per batch, in key order, and evaluate the
 * batch's signals in arrival order, so a run of consecutive readings split across batches (or nodes) counts right.
 */
@Component
class SignalProcessor {

    private final AlarmCentre centre;
    private final AlarmStore store;
    private final ElderRegistry elders;
    private final AlarmRuleProperties props;
    private final Clock clock;

    private final SosRule sos = new SosRule();
    private final SmokeRule smoke = new SmokeRule();
    private final GasRule gas = new GasRule();
    private final FallRule fall = new FallRule();
    private final WaterLeakRule waterLeak = new WaterLeakRule();
    private final WearableVitalsRule wearable = new WearableVitalsRule();
    private final NightDoorRule nightDoor;
    private final NightVitalsRule nightVitals;
    private final OutOfBedRule outOfBed;
    private final LowBatteryRule lowBattery;
    private final Duration vitalsGap;

    private final io.micrometer.core.instrument.Timer timer;

    SignalProcessor(AlarmCentre centre, AlarmStore store, ElderRegistry elders, AlarmRuleProperties props, Clock clock,
            io.micrometer.core.instrument.MeterRegistry meters) {
        this.timer = io.micrometer.core.instrument.Timer.builder("jujia.alarm.rules").description("alarm rules per ingest batch")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.centre = centre;
        this.store = store;
        this.elders = elders;
        this.props = props;
        this.clock = clock;
        this.nightDoor = new NightDoorRule(props.night());
        this.nightVitals = new NightVitalsRule(props.night(), props.nightVitalsConsecutive());
        this.outOfBed = new OutOfBedRule(props.night(), props.outOfBedAfter());
        this.lowBattery = new LowBatteryRule(props.lowBatteryPct());
        this.vitalsGap = props.nightVitalsMaxGap();
    }

    /** A device event that follows up an alarm: which open alarm it belongs to and how the timeline calls it. */
    record FollowUp(AlarmType type, String kind) {
    }

    /**
     * Device events that report how an open alarm develops; they go into its timeline (the operator still closes it):
     * the button's cancel key, a detector clearing, the gas valve confirming it closed, the elder back in bed.
     */
    static final Map<String, FollowUp> FOLLOW_UPS = Map.of("SOS_CANCELLED", new FollowUp(AlarmType.SOS, "DEVICE_CANCELLED"),
            "SMOKE_CLEARED", new FollowUp(AlarmType.SMOKE, "DEVICE_CLEARED"), "GAS_CLEARED", new FollowUp(AlarmType.GAS, "DEVICE_CLEARED"),
            "VALVE_CLOSED", new FollowUp(AlarmType.GAS, "VALVE_CLOSED"), "WATER_LEAK_CLEARED", new FollowUp(AlarmType.WATER_LEAK, "DEVICE_CLEARED"),
            "BED_ENTER", new FollowUp(AlarmType.OUT_OF_BED, "DEVICE_CLEARED"));

    /** Called by the ingest with the batch's new (not duplicate) signals, in arrival order, inside its transaction. */
    void process(List<DeviceSignal> signals) {
        if (signals.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        try {
            evaluate(signals);
        } finally {
            timer.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private void evaluate(List<DeviceSignal> signals) {
        List<Trigger> triggers = new ArrayList<>();
        List<DeviceSignal> doorCandidates = new ArrayList<>();
        List<DeviceSignal> stateful = new ArrayList<>();
        Set<Long> thresholdElders = new HashSet<>();
        Map<Long, Instant> activity = new HashMap<>();
        List<DeviceSignal> followUps = new ArrayList<>();
        for (DeviceSignal s : signals) {
            if (s.kind() == DeviceSignal.Kind.EVENT && s.event() != null) {
                sos.evaluate(s).ifPresent(triggers::add);
                smoke.evaluate(s).ifPresent(triggers::add);
                gas.evaluate(s).ifPresent(triggers::add);
                fall.evaluate(s).ifPresent(triggers::add);
                waterLeak.evaluate(s).ifPresent(triggers::add);
                if (nightDoor.candidate(s)) {
                    doorCandidates.add(s);
                }
                if (s.elderId() != null && FOLLOW_UPS.containsKey(s.event())) {
                    followUps.add(s);
                }
                if (s.elderId() != null && InactivityRule.activity(s)) {
                    activity.merge(s.elderId(), s.occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
            lowBattery.evaluate(s).ifPresent(triggers::add);
            if (s.elderId() == null) {
                continue;
            }
            if (NightVitalsRule.relevant(s) && props.night().contains(s.occurredAt())) {
                stateful.add(s);
                thresholdElders.add(s.elderId());
            } else if (OutOfBedRule.relevant(s)) {
                stateful.add(s);
            } else if (WearableVitalsRule.relevant(s)) {
                thresholdElders.add(s.elderId());
            }
        }

        if (!doorCandidates.isEmpty()) {
            Map<Long, Optional<ElderRef>> refs = new HashMap<>();
            for (DeviceSignal s : doorCandidates) {
                Optional<ElderRef> ref = refs.computeIfAbsent(s.elderId(), id -> elders.find(id, Jurisdiction.system("/")));
                ref.flatMap(r -> nightDoor.evaluate(s, r.careFlags())).ifPresent(triggers::add);
            }
        }

        Map<Long, VitalThresholds> thresholds = thresholdElders.isEmpty() ? Map.of() : store.thresholds(thresholdElders);
        for (DeviceSignal s : signals) {
            if (s.elderId() != null && WearableVitalsRule.relevant(s)) {
                wearable.evaluate(s, thresholds.getOrDefault(s.elderId(), props.defaults())).ifPresent(triggers::add);
            }
        }

        if (!stateful.isEmpty()) {
            Instant now = clock.instant();
            Set<AlarmStore.StateKey> keys = new HashSet<>();
            for (DeviceSignal s : stateful) {
                keys.add(new AlarmStore.StateKey(s.deviceId(), OutOfBedRule.relevant(s) ? OutOfBedRule.RULE : NightVitalsRule.RULE));
            }
            Map<AlarmStore.StateKey, RuleState> states = store.lockStates(keys, now);
            for (DeviceSignal s : stateful) {
                if (OutOfBedRule.relevant(s)) {
                    RuleState st = states.get(new AlarmStore.StateKey(s.deviceId(), OutOfBedRule.RULE));
                    outOfBed.onSignal(s, st).ifPresent(triggers::add);
                } else {
                    RuleState st = states.get(new AlarmStore.StateKey(s.deviceId(), NightVitalsRule.RULE));
                    // readings far apart are not consecutive: a long gap (device off, or last night's run) restarts the count
                    if (st.since() != null && Duration.between(st.since(), s.occurredAt()).compareTo(vitalsGap) > 0) {
                        st.counter(0);
                    }
                    nightVitals.evaluate(s, thresholds.getOrDefault(s.elderId(), props.defaults()), st).ifPresent(triggers::add);
                    st.since(st.counter() > 0 ? s.occurredAt() : null);
                }
            }
            store.saveStates(states, now);
        }

        store.touchActivity(activity);
        if (!followUps.isEmpty()) {
            Instant now = clock.instant();
            for (DeviceSignal s : followUps) {
                var f = FOLLOW_UPS.get(s.event());
                Trigger key = new Trigger(f.type(), s.elderId(), s.deviceId(), s.serial(), s.deviceType(), s.room(), "", Map.of(), s.occurredAt(),
                        s.receivedAt());
                store.addEventToOpen(key.dedupKey(), s.occurredAt(), f.kind(), s.serial() == null ? "device" : s.serial(), s.event(), now);
            }
        }
        if (!triggers.isEmpty()) {
            centre.raise(triggers);
        }
    }
}
