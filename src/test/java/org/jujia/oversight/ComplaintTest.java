package org.jujia.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.jujia.shared.ConflictException;
import org.junit.jupiter.api.Test;

class ComplaintTest {

    static final Instant FILED = Instant.parse("2026-11-27T02:00:00Z");   // Friday 10:00 Shanghai
    static final Instant ACK_DUE = Instant.parse("2026-11-30T16:00:00Z"); // end of Monday
    static final Instant RESOLVE_DUE = Instant.parse("2026-12-08T16:00:00Z");

    static Complaint open(Complaint.Category category, Long caregiver) {
        return new Complaint(1, Complaint.Channel.HOTLINE, category, Complaint.Status.OPEN, "/1/2/3/", 5L, 7L, caregiver, null, null, "张三",
                "139****0001", "text", Complaint.Assignee.PROVIDER, FILED, "operator1", 9, ACK_DUE, RESOLVE_DUE, null, null, null, null, null, null,
                null, null, 0, null, 0);
    }

    @Test
    void lifecycle_open_acknowledged_resolved_closed() {
        Complaint c = open(Complaint.Category.ATTITUDE, null).acknowledge("provider1", FILED.plusSeconds(60));
        assertThat(c.status()).isEqualTo(Complaint.Status.ACKNOWLEDGED);
        c = c.resolve(Complaint.Outcome.PARTLY_UPHELD, "apologised", "provider1", FILED.plusSeconds(3600));
        assertThat(c.status()).isEqualTo(Complaint.Status.RESOLVED);
        assertThat(c.acknowledgedBy()).isEqualTo("provider1");
        c = c.close(4, FILED.plusSeconds(7200));
        assertThat(c.status()).isEqualTo(Complaint.Status.CLOSED);
        assertThat(c.satisfaction()).isEqualTo(4);
    }

    @Test
    void resolving_an_open_complaint_acknowledges_it_at_the_same_time() {
        Complaint c = open(Complaint.Category.OTHER, null).resolve(Complaint.Outcome.NOT_UPHELD, "no fault", "street1", FILED.plusSeconds(10));
        assertThat(c.acknowledgedAt()).isEqualTo(FILED.plusSeconds(10));
    }

    @Test
    void transitions_out_of_order_are_conflicts() {
        Complaint c = open(Complaint.Category.OTHER, null);
        assertThatThrownBy(() -> c.close(5, FILED)).isInstanceOf(ConflictException.class);
        Complaint resolved = c.resolve(Complaint.Outcome.UPHELD, "x", "a", FILED);
        assertThatThrownBy(() -> resolved.acknowledge("a", FILED)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> resolved.resolve(Complaint.Outcome.UPHELD, "again", "a", FILED)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> resolved.assign(Complaint.Assignee.STREET, null)).isInstanceOf(ConflictException.class);
    }

    @Test
    void overdue_at_the_deadline_not_a_moment_before() {
        Complaint c = open(Complaint.Category.OTHER, null);
        assertThat(c.ackOverdue(ACK_DUE.minusNanos(1000))).isFalse();
        assertThat(c.ackOverdue(ACK_DUE)).isTrue();
        assertThat(c.dueEscalationLevel(ACK_DUE)).isEqualTo(1);
        assertThat(c.dueEscalationLevel(RESOLVE_DUE)).isEqualTo(2);
        Complaint acked = c.acknowledge("a", ACK_DUE.minusSeconds(1));
        assertThat(acked.ackOverdue(ACK_DUE)).isFalse();
        assertThat(acked.dueEscalationLevel(RESOLVE_DUE.minusNanos(1000))).isZero();
        assertThat(acked.resolveOverdue(RESOLVE_DUE)).isTrue();
        Complaint resolved = acked.resolve(Complaint.Outcome.NOT_UPHELD, "x", "a", RESOLVE_DUE.minusSeconds(1));
        assertThat(resolved.overdue(RESOLVE_DUE.plusSeconds(86400))).isFalse();
    }

    @Test
    void only_an_upheld_abuse_theft_or_fake_service_complaint_naming_a_caregiver_proposes_the_blacklist() {
        assertThat(open(Complaint.Category.ABUSE, 42L).resolve(Complaint.Outcome.UPHELD, "x", "a", FILED).proposesBlacklist()).isTrue();
        assertThat(open(Complaint.Category.THEFT, 42L).resolve(Complaint.Outcome.UPHELD, "x", "a", FILED).proposesBlacklist()).isTrue();
        assertThat(open(Complaint.Category.ABUSE, 42L).resolve(Complaint.Outcome.PARTLY_UPHELD, "x", "a", FILED).proposesBlacklist()).isFalse();
        assertThat(open(Complaint.Category.ABUSE, 42L).resolve(Complaint.Outcome.NOT_UPHELD, "x", "a", FILED).proposesBlacklist()).isFalse();
        assertThat(open(Complaint.Category.ABUSE, null).resolve(Complaint.Outcome.UPHELD, "x", "a", FILED).proposesBlacklist()).isFalse();
        assertThat(open(Complaint.Category.ATTITUDE, 42L).resolve(Complaint.Outcome.UPHELD, "x", "a", FILED).proposesBlacklist()).isFalse();
    }
}
