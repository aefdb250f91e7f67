package org.jujia.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jujia.assessment.scoring.ScoringFixtures.assertInvalid;
import static org.jujia.assessment.scoring.ScoringFixtures.map;
import static org.jujia.assessment.scoring.ScoringFixtures.nrs2002Answers;
import static org.jujia.assessment.scoring.ScoringFixtures.nrs2002NegativeAnswers;
import static org.jujia.assessment.scoring.ScoringFixtures.with;
import static org.jujia.assessment.scoring.ScoringFixtures.without;

import org.jujia.assessment.scoring.Nrs2002Scorer.Action;
import org.jujia.assessment.scoring.Nrs2002Scorer.FinalScreening;
import org.jujia.assessment.scoring.Nrs2002Scorer.InitialScreening;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ASSESSMENT.md §5. */
class Nrs2002ScorerTest {

    final ScoringEngine engine = new ScoringEngine();

    @Test
    void allNoMeansNoFinalScreeningNotAtRiskAndNullTotal() {
        var r = (Nrs2002Scorer.Result) engine.score("nrs2002", nrs2002NegativeAnswers());
        assertThat(r).isEqualTo(new Nrs2002Scorer.Result(false, null, null, false, Action.RESCREEN_WEEKLY));
    }

    @Test
    void suppliedFinalDataIsIgnoredWhenTheInitialScreenIsNegative() {
        var withFinal = with(nrs2002NegativeAnswers(), "final", map("nutritionalStatusScore", 3, "diseaseSeverityScore", 3, "age", 90));
        assertThat(((Nrs2002Scorer.Result) engine.score("nrs2002", withFinal)).total()).isNull();
        var invalidFinal = with(nrs2002NegativeAnswers(), "final", map("nutritionalStatusScore", 9, "age", "old"));
        assertThat(((Nrs2002Scorer.Result) engine.score("nrs2002", invalidFinal)).atRisk()).isFalse();
        var notAnObject = with(nrs2002NegativeAnswers(), "final", 42);
        assertThat(((Nrs2002Scorer.Result) engine.score("nrs2002", notAnObject)).finalScreeningRequired()).isFalse();
        var typed = new Nrs2002Scorer.Input(new InitialScreening(false, false, false, false), new FinalScreening(3, 3, 90));
        assertThat(Nrs2002Scorer.score(typed).total()).isNull();
    }

    @ParameterizedTest(name = "{0} = yes → final screening")
    @ValueSource(strings = { "lowBmi", "weightLoss3Months", "reducedIntakeLastWeek", "severelyIll" })
    void anySingleYesRequiresTheFinalScreening(String question) {
        var positive = with(nrs2002NegativeAnswers(), "initial." + question, true);
        assertThat(assertInvalid(() -> engine.score("nrs2002", positive), "final")).isEqualTo("required");
        assertInvalid(() -> engine.score("nrs2002", with(positive, "final", null)), "final");
        var r = (Nrs2002Scorer.Result) engine.score("nrs2002",
                with(positive, "final", map("nutritionalStatusScore", 0, "diseaseSeverityScore", 0, "age", 40)));
        assertThat(r).isEqualTo(new Nrs2002Scorer.Result(true, 0, 0, false, Action.RESCREEN_WEEKLY));
    }

    @ParameterizedTest(name = "age {0} → {1}")
    @CsvSource({ "0, 0", "69, 0", "70, 1", "130, 1" })
    void agePointFromSeventy(int age, int point) {
        assertThat(Nrs2002Scorer.agePoint(age)).isEqualTo(point);
        var r = (Nrs2002Scorer.Result) engine.score("nrs2002", with(nrs2002Answers(), "final.age", age));
        assertThat(r.agePoint()).isEqualTo(point);
        assertThat(r.total()).isEqualTo(2 + point);
    }

    @ParameterizedTest(name = "{0}+{1}, age {2} → {3}, at risk {4}")
    @CsvSource({
            "1, 1, 69, 2, false", "1, 1, 70, 3, true", "2, 0, 50, 2, false", "2, 1, 50, 3, true",
            "0, 0, 20, 0, false", "3, 3, 70, 7, true", "0, 3, 69, 3, true" })
    void atRiskFromThree(int nutrition, int disease, int age, int total, boolean atRisk) {
        var r = Nrs2002Scorer.score(new Nrs2002Scorer.Input(new InitialScreening(false, false, false, true), new FinalScreening(nutrition, disease, age)));
        assertThat(r.finalScreeningRequired()).isTrue();
        assertThat(r.total()).isEqualTo(total);
        assertThat(r.atRisk()).isEqualTo(atRisk);
        assertThat(r.action()).isEqualTo(atRisk ? Action.NUTRITIONAL_CARE_PLAN : Action.RESCREEN_WEEKLY);
        assertThat(Nrs2002Scorer.atRisk(total)).isEqualTo(atRisk);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({ "final.nutritionalStatusScore, 4", "final.nutritionalStatusScore, -1", "final.diseaseSeverityScore, 4",
            "final.diseaseSeverityScore, -1", "final.age, 131", "final.age, -1" })
    void finalScreeningComponentsAreBounded(String path, int value) {
        assertThat(assertInvalid(() -> engine.score("nrs2002", with(nrs2002Answers(), path, value)), path)).isEqualTo("notAllowed");
    }

    @Test
    void finalScreeningComponentsAreRequiredIntegers() {
        assertInvalid(() -> engine.score("nrs2002", without(nrs2002Answers(), "final.age")), "final.age");
        assertThat(assertInvalid(() -> engine.score("nrs2002", with(nrs2002Answers(), "final.age", 70.5)), "final.age")).isEqualTo("notInteger");
        assertInvalid(() -> engine.score("nrs2002", with(nrs2002Answers(), "final.diseaseSeverityScore", "1")), "final.diseaseSeverityScore");
        assertThat(assertInvalid(() -> engine.score("nrs2002", with(nrs2002Answers(), "final", "none")), "final")).isEqualTo("notObject");
    }

    @Test
    void initialScreeningIsRequiredWithFourBooleans() {
        assertThat(assertInvalid(() -> engine.score("nrs2002", map()), "initial")).isEqualTo("required");
        assertThat(assertInvalid(() -> engine.score("nrs2002", map("initial", true)), "initial")).isEqualTo("notObject");
        assertInvalid(() -> engine.score("nrs2002", without(nrs2002Answers(), "initial.lowBmi")), "initial.lowBmi");
        assertThat(assertInvalid(() -> engine.score("nrs2002", with(nrs2002Answers(), "initial.severelyIll", 0)), "initial.severelyIll"))
                .isEqualTo("notBoolean");
    }

    @Test
    void initialIsCheckedBeforeFinal() {
        var answers = with(with(nrs2002Answers(), "final.age", 200), "initial.severelyIll", "no");
        assertInvalid(() -> engine.score("nrs2002", answers), "initial.severelyIll");
    }

    @Test
    void typedInputIsValidatedToo() {
        assertInvalid(() -> new Nrs2002Scorer.Input(new InitialScreening(true, false, false, false), null), "final");
        assertInvalid(() -> new Nrs2002Scorer.Input(null, null), "initial");
        assertInvalid(() -> new FinalScreening(0, 0, 131), "final.age");
    }
}
