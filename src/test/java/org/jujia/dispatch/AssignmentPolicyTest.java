package org.jujia.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jujia.catalogue.CaregiverLevel;
import org.jujia.catalogue.Qualification;
import org.jujia.dispatch.AssignmentPolicy.Refusal;
import org.jujia.workforce.BlacklistStatus;
import org.jujia.workforce.Caregiver;
import org.junit.jupiter.api.Test;

class AssignmentPolicyTest {

    static final Instant T = Instant.parse("2026-12-07T01:00:00Z");

    /** A bathing order (CAREGIVER, at least level 4) of provider 5 from T for 60 minutes. */
    static Order bathing(long id, Instant start, int minutes, OrderStatus status, Long caregiver) {
        return new Order(id, 1, "张秀英", "/1/2/3/4/", "BATHING_HOME", "助浴", LocalDate.of(2026, 12, 7), start, start.plusSeconds(7200), minutes, 1,
                13500, Qualification.CAREGIVER, CaregiverLevel.LEVEL_4, OrderPriority.RED, 5, "姑苏康养", OrderSource.CARE_PLAN, 9L, 2, status, caregiver,
                null, null, null, null, null, T, "system", 0);
    }

    static Caregiver caregiver(long provider, CaregiverLevel level, Set<Qualification> q, boolean active, BlacklistStatus b) {
        return new Caregiver(11, "caregiver1", "王芳", provider, "姑苏康养", "/1/2/3/", level, q, null, true, null, active, b);
    }

    static Caregiver good() {
        return caregiver(5, CaregiverLevel.LEVEL_4, EnumSet.of(Qualification.CAREGIVER), true, BlacklistStatus.NONE);
    }

    static final Order ORDER = bathing(1, T, 60, OrderStatus.ACCEPTED, null);

    @Test
    void eligibleFreeCaregiverOfTheProviderMayTakeIt() {
        assertThat(check(ORDER, Optional.of(good()), List.of()).allowed()).isTrue();
    }

    @Test
    void levelAtTheMinimumIsEnoughBelowIsNot() {
        var at = caregiver(5, CaregiverLevel.LEVEL_4, EnumSet.of(Qualification.CAREGIVER), true, BlacklistStatus.NONE);
        var below = caregiver(5, CaregiverLevel.LEVEL_5, EnumSet.of(Qualification.CAREGIVER), true, BlacklistStatus.NONE);
        var above = caregiver(5, CaregiverLevel.LEVEL_3, EnumSet.of(Qualification.CAREGIVER), true, BlacklistStatus.NONE);
        assertThat(check(ORDER, Optional.of(at), List.of()).allowed()).isTrue();
        assertThat(check(ORDER, Optional.of(above), List.of()).allowed()).isTrue();
        assertThat(check(ORDER, Optional.of(below), List.of()).refusal()).isEqualTo(Refusal.LEVEL_TOO_LOW);
    }

    @Test
    void blacklistedConfirmedOrPendingNever() {
        var confirmed = caregiver(5, CaregiverLevel.LEVEL_3, EnumSet.of(Qualification.CAREGIVER), true, BlacklistStatus.CONFIRMED);
        var proposed = caregiver(5, CaregiverLevel.LEVEL_3, EnumSet.of(Qualification.CAREGIVER), true, BlacklistStatus.PROPOSED);
        assertThat(check(ORDER, Optional.of(confirmed), List.of()).refusal()).isEqualTo(Refusal.BLACKLISTED);
        assertThat(check(ORDER, Optional.of(proposed), List.of()).refusal()).isEqualTo(Refusal.BLACKLIST_PENDING);
    }

    @Test
    void otherProviderInactiveMissingQualificationOrNoProfile() {
        var other = caregiver(6, CaregiverLevel.LEVEL_3, EnumSet.of(Qualification.CAREGIVER), true, BlacklistStatus.NONE);
        assertThat(check(ORDER, Optional.of(other), List.of()).refusal()).isEqualTo(Refusal.OTHER_PROVIDER);
        var inactive = caregiver(5, CaregiverLevel.LEVEL_3, EnumSet.of(Qualification.CAREGIVER), false, BlacklistStatus.NONE);
        assertThat(check(ORDER, Optional.of(inactive), List.of()).refusal()).isEqualTo(Refusal.INACTIVE);
        var nurseOnly = caregiver(5, null, EnumSet.of(Qualification.NURSE), true, BlacklistStatus.NONE);
        assertThat(check(ORDER, Optional.of(nurseOnly), List.of()).refusal()).isEqualTo(Refusal.LACKS_QUALIFICATION);
        assertThat(check(ORDER, Optional.empty(), List.of()).refusal()).isEqualTo(Refusal.NOT_A_CAREGIVER);
    }

    @Test
    void overlapByOneMinuteIsBookedTouchingIsFine() {
        // the other visit ends one minute after this one starts
        Order before = bathing(2, T.minusSeconds(3600 - 60), 60, OrderStatus.ASSIGNED, 11L);
        var v = check(ORDER, Optional.of(good()), List.of(before));
        assertThat(v.refusal()).isEqualTo(Refusal.BOOKED);
        assertThat(v.clashingOrderId()).isEqualTo(2);
        // the other visit ends exactly when this one starts
        Order touchingBefore = bathing(3, T.minusSeconds(3600), 60, OrderStatus.ASSIGNED, 11L);
        assertThat(check(ORDER, Optional.of(good()), List.of(touchingBefore)).allowed()).isTrue();
        // the other starts one minute before this one ends, or exactly when it ends
        Order after = bathing(4, T.plusSeconds(3600 - 60), 30, OrderStatus.ASSIGNED, 11L);
        assertThat(check(ORDER, Optional.of(good()), List.of(after)).refusal()).isEqualTo(Refusal.BOOKED);
        Order touchingAfter = bathing(5, T.plusSeconds(3600), 30, OrderStatus.ASSIGNED, 11L);
        assertThat(check(ORDER, Optional.of(good()), List.of(touchingAfter)).allowed()).isTrue();
    }

    @Test
    void theOrderItselfAndOrdersNotAssignedDoNotClash() {
        Order self = bathing(1, T, 60, OrderStatus.ASSIGNED, 12L);
        Order cancelled = bathing(6, T, 60, OrderStatus.CANCELLED, null);
        assertThat(check(self, Optional.of(good()), List.of(self, cancelled)).allowed()).isTrue();
    }

    @Test
    void noQualificationNeededStillRefusesTheBlacklisted() {
        Order visit = new Order(8, 1, "张秀英", "/1/2/3/4/", "HOME_VISIT", "巡访", LocalDate.of(2026, 12, 7), T, T.plusSeconds(7200), 30, 1, 3000,
                Qualification.NONE, null, OrderPriority.GREEN, 5, "姑苏康养", OrderSource.CARE_PLAN, 9L, 1, OrderStatus.ACCEPTED, null, null, null, null,
                null, null, T, "system", 0);
        var anyone = caregiver(5, null, Set.of(), true, BlacklistStatus.NONE);
        assertThat(check(visit, Optional.of(anyone), List.of()).allowed()).isTrue();
        var barred = caregiver(5, null, Set.of(), true, BlacklistStatus.CONFIRMED);
        assertThat(check(visit, Optional.of(barred), List.of()).refusal()).isEqualTo(Refusal.BLACKLISTED);
    }

    /** The policy with the profile's own eligibility (the database facts of Workforce.assignability are tested in workforce). */
    private static AssignmentPolicy.Verdict check(Order order, Optional<Caregiver> c, List<Order> assigned) {
        return AssignmentPolicy.check(order, c, c.map(x -> x.eligibilityFor(order.requiredQualification(), order.minCaregiverLevel()))
                .orElse(org.jujia.workforce.Eligibility.INACTIVE), assigned);
    }
}
