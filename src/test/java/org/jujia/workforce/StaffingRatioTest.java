package org.jujia.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jujia.workforce.StaffingRatio.Line;
import org.junit.jupiter.api.Test;

class StaffingRatioTest {

    private static int[] required(int served) {
        int[] r = new int[Line.values().length];
        for (Line l : Line.values()) {
            r[l.ordinal()] = StaffingRatio.required(l, served);
        }
        return r;
    }

    @Test
    void ninetyNineElders() {
        assertThat(required(99)).containsExactly(6, 2, 1, 1, 1);
    }

    @Test
    void oneHundredElders() {
        assertThat(required(100)).containsExactly(6, 2, 1, 1, 1);
    }

    @Test
    void oneHundredAndOneEldersRoundUp() {
        assertThat(required(101)).containsExactly(7, 3, 2, 2, 2);
    }

    @Test
    void noEldersNoRequirementOneElderOneOfEach() {
        assertThat(required(0)).containsExactly(0, 0, 0, 0, 0);
        assertThat(required(1)).containsExactly(1, 1, 1, 1, 1);
        assertThat(required(200)).containsExactly(12, 4, 2, 2, 2);
        assertThatThrownBy(() -> StaffingRatio.required(Line.CAREGIVER_L3, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportShowsShortfallNeverNegative() {
        var rows = StaffingRatio.report(101, new int[] { 8, 2, 2, 0, 5 });
        assertThat(rows).extracting(StaffingRatio.Row::shortfall).containsExactly(0, 1, 0, 2, 0);
        assertThat(rows).extracting(StaffingRatio.Row::met).containsExactly(true, false, true, false, true);
    }

    @Test
    void caregiversCountFromLevelThreeUp() {
        assertThat(StaffingRatios.lineOf(StaffRole.CAREGIVER, "LEVEL_3")).isEqualTo(Line.CAREGIVER_L3);
        assertThat(StaffingRatios.lineOf(StaffRole.CAREGIVER, "LEVEL_1")).isEqualTo(Line.CAREGIVER_L3);
        assertThat(StaffingRatios.lineOf(StaffRole.CAREGIVER, "LEVEL_4")).isNull();
        assertThat(StaffingRatios.lineOf(StaffRole.CAREGIVER, null)).isNull();
        assertThat(StaffingRatios.lineOf(StaffRole.ASSESSOR, null)).isNull();
        assertThat(StaffingRatios.lineOf(StaffRole.COMMUNITY_NURSE, null)).isEqualTo(Line.COMMUNITY_NURSE);
    }
}
