package org.jujia.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * OUT_OF_BED (high): the mattress saw the elder leave the bed at night (event {@code BED_EXIT}) and they have not
 * come back (event {@code BED_ENTER}) for
 * {@code out-of-bed-after} (30 min), the moment that time is reached still falling in the night window. Fires once
 * per absence. State per mattress: {@code since} = when they left, {@code fired}. Checked when the next mattress
 * event arrives and by the scheduled check (every 30 s).
 */
final class OutOfBedRule {

    static final String RULE = "OUT_OF_BED";

    private final NightWindow night;
    private final Duration after;

    OutOfBedRule(NightWindow night, Duration after) {
        this.night = night;
        this.after = after;
    }

    static boolean relevant(DeviceSignal s) {
        return s.deviceType() == DeviceType.MATTRESS && (exit(s) || enter(s));
    }

    private static boolean exit(DeviceSignal s) {
        return s.kind() == DeviceSignal.Kind.EVENT && "BED_EXIT".equals(s.event());
    }

    private static boolean enter(DeviceSignal s) {
        return s.kind() == DeviceSignal.Kind.EVENT && "BED_ENTER".equals(s.event());
    }

    /** Updates the state with a mattress signal, then checks it at the signal's time. */
    Optional<Trigger> onSignal(DeviceSignal s, RuleState state) {
        if (enter(s)) {
            state.since(null);
            state.fired(false);
            return Optional.empty();
        }
        if (exit(s) && state.since() == null && night.contains(s.occurredAt())) {
            state.since(s.occurredAt());
            state.fired(false);
        }
        return check(state, s.occurredAt()).map(d -> Trigger.of(AlarmType.OUT_OF_BED, s, summary(d), Map.of("minutes", d.toMinutes(),
                "since", state.since().toString())));
    }

    /**
     * Whether the absence recorded in the state has lasted long enough at {@code now} (the scheduled check, or a later
     * signal): answers how long, and marks the state fired.
     */
    Optional<Duration> check(RuleState state, Instant now) {
        if (state.since() == null || state.fired()) {
            return Optional.empty();
        }
        Instant due = state.since().plus(after);
        if (now.isBefore(due) || !night.contains(due)) {
            return Optional.empty();
        }
        state.fired(true);
        return Optional.of(Duration.between(state.since(), now));
    }

    static String summary(Duration d) {
        return "out of bed " + d.toMinutes() + " min";
    }
}
