package org.jujia.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void onlyPureFamilyAccountsAreLimitedToTheirOwnElders() {
        var family = new JujiaUser(1, "f", "F", "x", EnumSet.of(Role.FAMILY), 1, "/1/", true, null);
        var staffWithFamily = new JujiaUser(2, "s", "S", "x", EnumSet.of(Role.FAMILY, Role.COMMUNITY_WORKER), 1, "/1/", true, null);
        assertThat(family.jurisdiction().familyOnly()).isTrue();
        assertThat(staffWithFamily.jurisdiction().familyOnly()).isFalse();
    }

    @Test
    void caregiversCannotRevealOrWrite() {
        assertThat(Role.CAREGIVER.permissions()).containsExactlyInAnyOrder(Permission.ELDER_READ, Permission.VISIT_PERFORM);
        assertThat(Role.CAREGIVER.permissions()).doesNotContain(Permission.SENSITIVE_REVEAL, Permission.ELDER_WRITE, Permission.VISIT_REVIEW);
        assertThat(Role.VOLUNTEER.permissions()).isEmpty();
    }

    @Test
    void lockedUntilInThePastNoLongerLocks() {
        var user = new JujiaUser(1, "f", "F", "x", EnumSet.of(Role.FAMILY), 1, "/1/", true, Instant.now().minusSeconds(1));
        assertThat(user.isAccountNonLocked()).isTrue();
        var locked = new JujiaUser(1, "f", "F", "x", EnumSet.of(Role.FAMILY), 1, "/1/", true, Instant.now().plusSeconds(60));
        assertThat(locked.isAccountNonLocked()).isFalse();
    }
}
