package org.jujia.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.jujia.shared.CareColour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AssessmentPoliciesTest {

    @ParameterizedTest
    @CsvSource({ "GREEN, 24, 2028-11-23", "YELLOW, 12, 2027-11-23", "ORANGE, 6, 2027-05-23", "RED, 3, 2027-02-23" })
    void reassessmentIntervalsFollowTheColour(CareColour colour, int months, LocalDate due) {
        assertThat(ReassessmentPolicy.intervalMonths(colour)).isEqualTo(months);
        assertThat(ReassessmentPolicy.nextDue(colour, LocalDate.of(2026, 11, 23))).isEqualTo(due);
    }

    @Test
    void monthEndsRollBackToTheLastDayOfTheShorterMonth() {
        assertThat(ReassessmentPolicy.nextDue(CareColour.RED, LocalDate.of(2026, 11, 30))).isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @Test
    void aFirstAssessmentNeverRequiresARemake() {
        assertThat(CarePlanRemakePolicy.trigger(null, null, 40, CareColour.RED)).isEmpty();
    }

    @Test
    void tenBarthelPointsEitherWayRequireARemakeButFiveDoNot() {
        assertThat(CarePlanRemakePolicy.trigger(90, CareColour.YELLOW, 85, CareColour.YELLOW)).isEmpty();
        assertThat(CarePlanRemakePolicy.trigger(90, CareColour.YELLOW, 80, CareColour.YELLOW)).contains(CarePlanRemakePolicy.Trigger.BARTHEL_CHANGE);
        assertThat(CarePlanRemakePolicy.trigger(80, CareColour.YELLOW, 90, CareColour.YELLOW)).contains(CarePlanRemakePolicy.Trigger.BARTHEL_CHANGE);
    }

    @Test
    void aColourChangeRequiresARemakeWhateverTheBarthelChange() {
        assertThat(CarePlanRemakePolicy.trigger(65, CareColour.YELLOW, 60, CareColour.ORANGE)).contains(CarePlanRemakePolicy.Trigger.COLOUR_CHANGE);
    }

    @Test
    void theDeadlineIsFortyEightHoursAndTheCountdownShowsOverdue() {
        assertThat(CarePlanRemakePolicy.DEADLINE).isEqualTo(Duration.ofHours(48));
        Instant created = Instant.parse("2026-11-23T00:00:00Z");
        var task = new AssessmentTask(1, AssessmentTask.Kind.CARE_PLAN_REMAKE, 1, "x", "/1/", 1, "BARTHEL_CHANGE", null, 1L, created,
                created.plus(CarePlanRemakePolicy.DEADLINE), AssessmentTask.Status.OPEN, null, null, null, null);
        assertThat(task.overdue(created.plus(Duration.ofHours(48)))).isFalse();
        assertThat(task.overdue(created.plus(Duration.ofHours(48)).plusSeconds(1))).isTrue();
        assertThat(task.countdown(created.plus(Duration.ofMinutes(1)))).isEqualTo("47:59");
        assertThat(task.countdown(created.plus(Duration.ofHours(49)))).isEqualTo("-1:00");
    }
}
