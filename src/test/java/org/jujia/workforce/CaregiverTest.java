package org.jujia.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.jujia.catalogue.CaregiverLevel;
import org.jujia.catalogue.Qualification;
import org.junit.jupiter.api.Test;

class CaregiverTest {

    private static Caregiver caregiver(CaregiverLevel level, Set<Qualification> q, boolean active, BlacklistStatus b) {
        return new Caregiver(7, "cg", "护理员", 1, "颐家", "/1/2/", level, q, null, true, null, active, b);
    }

    @Test
    void levelAtTheMinimumIsEnoughOneBelowIsNot() {
        var l3 = caregiver(CaregiverLevel.LEVEL_3, Set.of(Qualification.CAREGIVER), true, BlacklistStatus.NONE);
        assertThat(l3.eligibilityFor(Qualification.CAREGIVER, CaregiverLevel.LEVEL_3)).isEqualTo(Eligibility.ELIGIBLE);
        assertThat(l3.eligibilityFor(Qualification.CAREGIVER, CaregiverLevel.LEVEL_2)).isEqualTo(Eligibility.LEVEL_TOO_LOW);
        assertThat(l3.eligibilityFor(Qualification.CAREGIVER, null)).isEqualTo(Eligibility.ELIGIBLE);
        var noLevel = caregiver(null, Set.of(Qualification.CAREGIVER), true, BlacklistStatus.NONE);
        assertThat(noLevel.eligibilityFor(Qualification.CAREGIVER, CaregiverLevel.LEVEL_5)).isEqualTo(Eligibility.LEVEL_TOO_LOW);
    }

    @Test
    void aMissingQualificationIsRefusedNoneNeedsNothing() {
        var cg = caregiver(CaregiverLevel.LEVEL_1, Set.of(Qualification.CAREGIVER), true, BlacklistStatus.NONE);
        assertThat(cg.eligibilityFor(Qualification.NURSE, null)).isEqualTo(Eligibility.LACKS_QUALIFICATION);
        assertThat(cg.eligibilityFor(Qualification.NONE, null)).isEqualTo(Eligibility.ELIGIBLE);
        var nurse = caregiver(null, Set.of(Qualification.NURSE), true, BlacklistStatus.NONE);
        assertThat(nurse.eligibilityFor(Qualification.NURSE, CaregiverLevel.LEVEL_1)).as("levels apply to CAREGIVER items only")
                .isEqualTo(Eligibility.ELIGIBLE);
    }

    @Test
    void blacklistedPendingOrInactiveCaregiversAreNeverEligible() {
        Set<Qualification> q = Set.of(Qualification.CAREGIVER);
        assertThat(caregiver(CaregiverLevel.LEVEL_1, q, true, BlacklistStatus.CONFIRMED).eligibilityFor(Qualification.NONE, null))
                .isEqualTo(Eligibility.BLACKLISTED);
        assertThat(caregiver(CaregiverLevel.LEVEL_1, q, true, BlacklistStatus.PROPOSED).eligibilityFor(Qualification.NONE, null))
                .isEqualTo(Eligibility.BLACKLIST_PENDING);
        assertThat(caregiver(CaregiverLevel.LEVEL_1, q, false, BlacklistStatus.NONE).eligibilityFor(Qualification.NONE, null))
                .isEqualTo(Eligibility.INACTIVE);
    }
}
