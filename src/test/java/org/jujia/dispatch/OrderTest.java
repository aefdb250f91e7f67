package org.jujia.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.jujia.catalogue.CaregiverLevel;
import org.jujia.catalogue.Qualification;
import org.jujia.shared.ConflictException;
import org.jujia.shared.ValidationException;
import org.junit.jupiter.api.Test;

class OrderTest {

    static final Instant START = Instant.parse("2026-12-07T01:00:00Z");

    static Order order(OrderStatus status, Long caregiver) {
        return new Order(7, 1, "张秀英", "/1/2/3/4/", "BATHING_HOME", "助浴", LocalDate.of(2026, 12, 7), START, START.plusSeconds(7200), 60, 1, 13500,
                Qualification.CAREGIVER, CaregiverLevel.LEVEL_4, OrderPriority.RED, 5, "姑苏康养", OrderSource.CARE_PLAN, 9L, 2, status, caregiver,
                caregiver == null ? null : "王芳", null, null, null, null, START.minusSeconds(86400), "system", 0);
    }

    @Test
    void pendingIsAcceptedThenAssignedReassignedAndUnassigned() {
        Order accepted = order(OrderStatus.PENDING, null).accept();
        assertThat(accepted.status()).isEqualTo(OrderStatus.ACCEPTED);
        Order assigned = accepted.assign(11, "王芳");
        assertThat(assigned.status()).isEqualTo(OrderStatus.ASSIGNED);
        assertThat(assigned.caregiverUserId()).isEqualTo(11);
        Order moved = assigned.assign(12, "李娟");
        assertThat(moved.caregiverUserId()).isEqualTo(12);
        assertThat(moved.caregiverName()).isEqualTo("李娟");
        Order back = moved.unassign();
        assertThat(back.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(back.caregiverUserId()).isNull();
    }

    @Test
    void assigningTheSameCaregiverAgainIsAConflict() {
        assertThatThrownBy(() -> order(OrderStatus.ASSIGNED, 11L).assign(11, "王芳")).isInstanceOf(ConflictException.class);
    }

    @Test
    void onlyAcceptedOrdersAreAssigned() {
        for (OrderStatus s : new OrderStatus[] { OrderStatus.PENDING, OrderStatus.REFUSED, OrderStatus.CANCELLED }) {
            assertThatThrownBy(() -> order(s, null).assign(11, "王芳")).as(s.name()).isInstanceOf(ConflictException.class);
        }
    }

    @Test
    void refusalNeedsAReasonAndDropsTheCaregiver() {
        assertThatThrownBy(() -> order(OrderStatus.PENDING, null).refuse(" ")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> order(OrderStatus.PENDING, null).refuse("x".repeat(501))).isInstanceOf(ValidationException.class);
        assertThat(order(OrderStatus.PENDING, null).refuse("x".repeat(500)).status()).isEqualTo(OrderStatus.REFUSED);
        Order refused = order(OrderStatus.ASSIGNED, 11L).refuse("人手不足");
        assertThat(refused.status()).isEqualTo(OrderStatus.REFUSED);
        assertThat(refused.caregiverUserId()).isNull();
        assertThat(refused.refusalReason()).isEqualTo("人手不足");
        assertThatThrownBy(() -> refused.refuse("again")).isInstanceOf(ConflictException.class);
    }

    @Test
    void refusedOrdersMoveToAnotherProviderAndAwaitIt() {
        Order moved = order(OrderStatus.REFUSED, null).moveTo(6, "沧浪护理站", "原机构拒单");
        assertThat(moved.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(moved.providerId()).isEqualTo(6);
        assertThat(moved.refusalReason()).isNull();
        assertThat(order(OrderStatus.PENDING, null).moveTo(6, "沧浪护理站", "调整").providerId()).isEqualTo(6);
        assertThatThrownBy(() -> order(OrderStatus.REFUSED, null).moveTo(5, "姑苏康养", "同一家")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> order(OrderStatus.REFUSED, null).moveTo(6, "x", "")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> order(OrderStatus.ACCEPTED, null).moveTo(6, "x", "r")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> order(OrderStatus.ASSIGNED, 11L).moveTo(6, "x", "r")).isInstanceOf(ConflictException.class);
    }

    @Test
    void cancellationFromEveryOpenStateOnce() {
        for (OrderStatus s : new OrderStatus[] { OrderStatus.PENDING, OrderStatus.ACCEPTED, OrderStatus.REFUSED }) {
            assertThat(order(s, null).cancel("方案变更").status()).isEqualTo(OrderStatus.CANCELLED);
        }
        Order cancelled = order(OrderStatus.ASSIGNED, 11L).cancel("家属取消");
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.caregiverUserId()).isNull();
        assertThat(cancelled.cancelReason()).isEqualTo("家属取消");
        assertThatThrownBy(() -> cancelled.cancel("again")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> order(OrderStatus.PENDING, null).cancel(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> cancelled.accept()).isInstanceOf(ConflictException.class);
    }

    @Test
    void acceptOnlyPendingAndUnassignOnlyAssigned() {
        assertThatThrownBy(() -> order(OrderStatus.ACCEPTED, null).accept()).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> order(OrderStatus.ACCEPTED, null).unassign()).isInstanceOf(ConflictException.class);
    }

    @Test
    void amountAndPlannedTime() {
        Order o = order(OrderStatus.PENDING, null);
        assertThat(o.amountFen()).isEqualTo(13500);
        assertThat(o.busyUntil()).isEqualTo(START.plusSeconds(3600));
        assertThat(o.overlaps(START.plusSeconds(3600), START.plusSeconds(7200))).as("touching at the end").isFalse();
        assertThat(o.overlaps(START.plusSeconds(3540), START.plusSeconds(7200))).as("one minute").isTrue();
        assertThat(o.overlaps(START.minusSeconds(3600), START)).as("touching at the start").isFalse();
        assertThat(o.overlaps(START.minusSeconds(3600), START.plusSeconds(60))).as("one minute into it").isTrue();
        assertThat(o.notStartedAt(START.minusSeconds(1))).isTrue();
        assertThat(o.notStartedAt(START)).isFalse();
    }
}
