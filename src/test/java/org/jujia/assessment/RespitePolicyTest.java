package org.jujia.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.jujia.assessment.RespitePolicy.Transition;
import org.jujia.assessment.scoring.ZbiScorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The respite rule of PLATFORM.md §3: latest ZBI ≥ 40 → on the list, at least 4 hours a month, paid by government. */
class RespitePolicyTest {

    final RespitePolicy policy = RespitePolicy.standard();

    /** A real scorer result with the given total (answers spread over the 22 items). */
    static ZbiScorer.Result zbi(int total) {
        List<Integer> answers = new ArrayList<>();
        int left = total;
        for (int n = 0; n < ZbiScorer.ITEMS; n++) {
            int a = Math.min(ZbiScorer.MAX_ITEM, left);
            answers.add(a);
            left -= a;
        }
        ZbiScorer.Result r = ZbiScorer.score(new ZbiScorer.Input(answers));
        assertThat(r.total()).isEqualTo(total);
        return r;
    }

    @Test
    void thirtyNineDoesNotQualifyFortyDoes() {
        assertThat(policy.qualifies(zbi(39), true)).isFalse();
        assertThat(policy.qualifies(zbi(40), true)).isTrue();
        assertThat(policy.qualifies(zbi(88), true)).isTrue();
        assertThat(policy.qualifies(zbi(0), true)).isFalse();
    }

    @Test
    void fortyIsHighRiskAlthoughItIsInTheMildToModerateBand() {
        ZbiScorer.Result forty = zbi(40);
        assertThat(forty.band()).isEqualTo(ZbiScorer.Band.MILD_TO_MODERATE);
        assertThat(policy.qualifies(forty, true)).isTrue();
    }

    @Test
    void neverInterviewedOrInactiveCaregiversDoNotQualify() {
        assertThat(policy.qualifies(null, true)).isFalse();
        assertThat(policy.qualifies(zbi(60), false)).isFalse();
    }

    @ParameterizedTest(name = "listed={0} active={1} total={2} → {3}")
    @CsvSource({
            "false, true, 39, NONE", "false, true, 40, ENTER", "true, true, 40, STAY", "true, true, 39, LEAVE",
            "true, true, 20, LEAVE", "true, true, 88, STAY", "false, true, 0, NONE",
            "true, false, 60, LEAVE", "false, false, 60, NONE" })
    void transitions(boolean listed, boolean active, int total, Transition expected) {
        Transition t = policy.next(listed, active, zbi(total));
        assertThat(t).isEqualTo(expected);
        assertThat(t.listedAfter()).isEqualTo(active && total >= 40);
    }

    @Test
    void aCaregiverNeverInterviewedIsNotListedAndLeavesIfListed() {
        assertThat(policy.next(false, true, null)).isEqualTo(Transition.NONE);
        assertThat(policy.next(true, true, null)).isEqualTo(Transition.LEAVE);
    }

    @Test
    void theEntitlementIsFourHoursAMonthPaidByGovernment() {
        assertThat(RespitePolicy.MINIMUM_MONTHLY_HOURS).isEqualTo(4);
        assertThat(policy.entitlement()).isEqualTo(new RespiteEntitlement(4, RespitePayer.GOVERNMENT));
    }

    @Test
    void noPolicyOrEntitlementGrantsLessThanFourHours() {
        assertThatThrownBy(() -> new RespitePolicy(3)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 4");
        assertThatThrownBy(() -> new RespiteEntitlement(0, RespitePayer.GOVERNMENT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RespiteEntitlement(4, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new RespitePolicy(4).entitlement().monthlyHours()).isEqualTo(4);
        assertThat(new RespitePolicy(6).entitlement()).isEqualTo(new RespiteEntitlement(6, RespitePayer.GOVERNMENT));
    }
}
