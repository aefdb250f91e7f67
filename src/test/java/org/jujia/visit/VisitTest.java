package org.jujia.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jujia.shared.ConflictException;
import org.junit.jupiter.api.Test;

/** The visit aggregate's guarded transitions. */
class VisitTest {

    static final Instant T0 = Instant.parse("2026-11-30T01:00:00Z");

    static Visit scheduled() {
        return new Visit(1, 10, 100, "张秀英", "/1/2/3/4/", "HOME_VISIT", "每周上门巡访", 30, 5, 7, T0, T0.plusSeconds(3600), 30, 1, 3000,
                VisitStatus.SCHEDULED, null, null, "4821", T0.minusSeconds(60), null, null, null, null, false, null, null, null, 0);
    }

    static Visit.Evv evv(Instant t) {
        return new Visit.Evv("HOME_VISIT", 100, 7, LocalDate.of(2026, 11, 30), 31.3, 120.6, 5, t, t, false, 10.0, 95, true);
    }

    static final Finding FLAG = new Finding(VisitFlag.TOO_SHORT, Finding.CHECK_OUT, "short");

    @Test
    void check_in_then_check_out_verifies_or_flags() {
        Visit in = scheduled().checkedIn(evv(T0), List.of());
        assertThat(in.status()).isEqualTo(VisitStatus.IN_PROGRESS);
        Visit verified = in.checkedOut(evv(T0.plusSeconds(1800)), null, List.of());
        assertThat(verified.status()).isEqualTo(VisitStatus.VERIFIED);
        assertThat(verified.billable()).isTrue();
        assertThat(verified.actualMinutes()).isEqualTo(30);
        Visit flagged = in.checkedOut(evv(T0.plusSeconds(60)), null, List.of(FLAG));
        assertThat(flagged.status()).isEqualTo(VisitStatus.FLAGGED);
        assertThat(flagged.flags()).containsExactly(VisitFlag.TOO_SHORT);
        assertThat(flagged.billable()).isFalse();
        assertThatThrownBy(() -> verified.checkedOut(evv(T0), null, List.of())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> in.checkedIn(evv(T0), List.of())).isInstanceOf(ConflictException.class);
    }

    @Test
    void confirmation_and_dispute() {
        Visit verified = scheduled().checkedIn(evv(T0), List.of()).checkedOut(evv(T0.plusSeconds(1800)), null, List.of());
        Visit.Confirmation c = new Visit.Confirmation(ConfirmationMethod.APP, T0, "family1", false);
        Visit confirmed = verified.confirmed(c);
        assertThat(confirmed.status()).isEqualTo(VisitStatus.CONFIRMED);
        assertThat(confirmed.billable()).isTrue();
        assertThatThrownBy(() -> confirmed.confirmed(c)).isInstanceOf(ConflictException.class);
        assertThat(verified.disputed().status()).isEqualTo(VisitStatus.DISPUTED);
        assertThat(verified.disputed().billable()).isFalse();
        assertThatThrownBy(() -> scheduled().confirmed(c)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> scheduled().disputed()).isInstanceOf(ConflictException.class);
    }

    @Test
    void a_flagged_visit_confirmed_by_the_family_still_waits_for_review() {
        Visit flagged = scheduled().checkedOut(evv(T0), null, List.of(new Finding(VisitFlag.NO_CHECK_IN, Finding.CHECK_OUT, "x")));
        Visit confirmed = flagged.confirmed(new Visit.Confirmation(ConfirmationMethod.PIN, T0, "caregiver1", false));
        assertThat(confirmed.status()).isEqualTo(VisitStatus.FLAGGED);
        assertThat(confirmed.billable()).isFalse();
        Visit cleared = confirmed.reviewed(new Visit.Review("CLEAR", "ok", "street1", T0));
        assertThat(cleared.status()).isEqualTo(VisitStatus.CONFIRMED);
        assertThat(cleared.billable()).isTrue();
        assertThat(cleared.cleared()).isTrue();
    }

    @Test
    void review_clears_or_confirms_fraud_only_for_flagged_or_disputed_visits() {
        Visit flagged = scheduled().checkedIn(evv(T0), List.of()).checkedOut(evv(T0.plusSeconds(60)), null, List.of(FLAG));
        assertThat(flagged.reviewed(new Visit.Review("CLEAR", "n", "p", T0)).status()).isEqualTo(VisitStatus.VERIFIED);
        Visit fraud = flagged.reviewed(new Visit.Review("FRAUD", "n", "p", T0));
        assertThat(fraud.status()).isEqualTo(VisitStatus.FRAUD_CONFIRMED);
        assertThat(fraud.billable()).isFalse();
        assertThatThrownBy(() -> fraud.reviewed(new Visit.Review("CLEAR", "n", "p", T0))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> scheduled().reviewed(new Visit.Review("CLEAR", "n", "p", T0))).isInstanceOf(ConflictException.class);
    }

    @Test
    void withdrawal_cancels_only_a_visit_that_has_not_started() {
        Visit cancelled = scheduled().orderWithdrawn("order cancelled", T0);
        assertThat(cancelled.status()).isEqualTo(VisitStatus.CANCELLED);
        Visit started = scheduled().checkedIn(evv(T0), List.of()).orderWithdrawn("order cancelled", T0);
        assertThat(started.status()).isEqualTo(VisitStatus.IN_PROGRESS);
        assertThat(started.orderCancelNote()).isEqualTo("order cancelled");
        assertThat(cancelled.reassign(8, 5, T0, T0, 30, 3000, T0.plusSeconds(1)).status()).isEqualTo(VisitStatus.SCHEDULED);
        assertThatThrownBy(() -> scheduled().checkedIn(evv(T0), List.of()).reassign(8, 5, T0, T0, 30, 3000, T0)).isInstanceOf(ConflictException.class);
    }
}
