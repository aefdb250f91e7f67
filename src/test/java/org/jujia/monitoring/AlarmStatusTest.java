package org.jujia.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The lifecycle's guards: raised → notified → acknowledged → dispatched → resolved, false alarm from any open state. */
class AlarmStatusTest {

    @Test
    void forwardOnly() {
        assertThat(AlarmStatus.RAISED.canMoveTo(AlarmStatus.NOTIFIED)).isTrue();
        assertThat(AlarmStatus.RAISED.canMoveTo(AlarmStatus.ACKNOWLEDGED)).isTrue();
        assertThat(AlarmStatus.NOTIFIED.canMoveTo(AlarmStatus.ACKNOWLEDGED)).isTrue();
        assertThat(AlarmStatus.ACKNOWLEDGED.canMoveTo(AlarmStatus.DISPATCHED)).isTrue();
        assertThat(AlarmStatus.ACKNOWLEDGED.canMoveTo(AlarmStatus.RESOLVED)).isTrue();
        assertThat(AlarmStatus.DISPATCHED.canMoveTo(AlarmStatus.RESOLVED)).isTrue();

        assertThat(AlarmStatus.NOTIFIED.canMoveTo(AlarmStatus.RAISED)).isFalse();
        assertThat(AlarmStatus.ACKNOWLEDGED.canMoveTo(AlarmStatus.ACKNOWLEDGED)).as("acknowledged twice").isFalse();
        assertThat(AlarmStatus.ACKNOWLEDGED.canMoveTo(AlarmStatus.NOTIFIED)).isFalse();
        assertThat(AlarmStatus.DISPATCHED.canMoveTo(AlarmStatus.ACKNOWLEDGED)).isFalse();
    }

    @Test
    void helpIsDispatchedAndAlarmsResolvedOnlyAfterAcknowledgement() {
        assertThat(AlarmStatus.RAISED.canMoveTo(AlarmStatus.DISPATCHED)).isFalse();
        assertThat(AlarmStatus.NOTIFIED.canMoveTo(AlarmStatus.DISPATCHED)).isFalse();
        assertThat(AlarmStatus.RAISED.canMoveTo(AlarmStatus.RESOLVED)).isFalse();
        assertThat(AlarmStatus.NOTIFIED.canMoveTo(AlarmStatus.RESOLVED)).isFalse();
    }

    @Test
    void falseAlarmFromAnyOpenStateAndClosedIsFinal() {
        for (AlarmStatus s : AlarmStatus.values()) {
            assertThat(s.canMoveTo(AlarmStatus.FALSE_ALARM)).isEqualTo(s.open());
        }
        assertThat(AlarmStatus.RESOLVED.next()).isEmpty();
        assertThat(AlarmStatus.FALSE_ALARM.next()).isEmpty();
        assertThat(AlarmStatus.RESOLVED.open()).isFalse();
    }

    @Test
    void escalationWatchesOnlyUnacknowledgedAlarms() {
        assertThat(AlarmStatus.RAISED.awaitingAcknowledgement()).isTrue();
        assertThat(AlarmStatus.NOTIFIED.awaitingAcknowledgement()).isTrue();
        assertThat(AlarmStatus.ACKNOWLEDGED.awaitingAcknowledgement()).isFalse();
        assertThat(AlarmStatus.DISPATCHED.awaitingAcknowledgement()).isFalse();
    }
}
