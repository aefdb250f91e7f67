package org.jujia.monitoring;

import java.time.Instant;
import java.util.Objects;

/**
 * The persistent state of a stateful rule for one device ({@code monitoring_rule_state}): a count of consecutive
 * readings, since when a condition holds, whether it already fired. Survives restarts; {@link #dirty()} tells the
 * processor which rows to write back.
 */
final class RuleState {

    private int counter;
    private Instant since;
    private boolean fired;
    private final int counter0;
    private final Instant since0;
    private final boolean fired0;

    RuleState(int counter, Instant since, boolean fired) {
        this.counter = counter;
        this.since = since;
        this.fired = fired;
        this.counter0 = counter;
        this.since0 = since;
        this.fired0 = fired;
    }

    static RuleState empty() {
        return new RuleState(0, null, false);
    }

    int counter() {
        return counter;
    }

    Instant since() {
        return since;
    }

    boolean fired() {
        return fired;
    }

    void counter(int value) {
        counter = value;
    }

    void since(Instant value) {
        since = value;
    }

    void fired(boolean value) {
        fired = value;
    }

    boolean dirty() {
        return counter != counter0 || !Objects.equals(since, since0) || fired != fired0;
    }
}
