package org.jujia.assessment.scoring;

import org.jujia.shared.CareColour;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jujia.shared.CareColour.GREEN;
import static org.jujia.shared.CareColour.ORANGE;
import static org.jujia.shared.CareColour.RED;
import static org.jujia.shared.CareColour.YELLOW;
import static org.jujia.assessment.scoring.ScoringFixtures.assertInvalid;
import static org.jujia.assessment.scoring.ScoringFixtures.barthel;
import static org.jujia.assessment.scoring.ScoringFixtures.careColourAnswers;
import static org.jujia.assessment.scoring.ScoringFixtures.gbt42195;
import static org.jujia.assessment.scoring.ScoringFixtures.gbt42195Answers;
import static org.jujia.assessment.scoring.ScoringFixtures.hardship;
import static org.jujia.assessment.scoring.ScoringFixtures.hardshipAnswers;
import static org.jujia.assessment.scoring.ScoringFixtures.iadl;
import static org.jujia.assessment.scoring.ScoringFixtures.mmse;
import static org.jujia.assessment.scoring.ScoringFixtures.nrs2002;
import static org.jujia.assessment.scoring.ScoringFixtures.with;
import static org.jujia.assessment.scoring.ScoringFixtures.without;

import java.util.List;
import org.jujia.assessment.scoring.MmseScorer.Education;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ASSESSMENT.md §8: the four-colour rule, its floors, flags and validation. */
class CareColourScorerTest {

    final ScoringEngine engine = new ScoringEngine();

    /** A composite with the given Barthel total, IADL total, MMSE impairment; robust, no nutritional risk, nothing on file. */
    static CareColourScorer.Input input(int barthel, int iadl, boolean mmseImpaired) {
        return new CareColourScorer.Input(barthel(barthel), iadl(iadl), mmse(mmseImpaired ? 24 : 25, Education.MIDDLE_OR_ABOVE),
                ScoringFixtures.frail(0), nrs2002(null), null, null);
    }

    static CareColourScorer.Input withGbt(CareColourScorer.Input in, Gbt42195Scorer.Input gbt) {
        return new CareColourScorer.Input(in.barthel(), in.iadl(), in.mmse(), in.frail(), in.nrs2002(), gbt, in.hardship());
    }

    static CareColourScorer.Input withHardship(CareColourScorer.Input in, HardshipSelfCareScorer.Input h) {
        return new CareColourScorer.Input(in.barthel(), in.iadl(), in.mmse(), in.frail(), in.nrs2002(), in.gbt42195(), h);
    }

    static CareColour colour(CareColourScorer.Input in) {
        return CareColourScorer.score(in).colour();
    }

    // ---- the worked examples of §8.3 ----


    @Test
    void example83_barthel100Iadl8MmseNormalIsGreen() {
        assertThat(colour(input(100, 8, false))).isEqualTo(GREEN);
    }

    @Test
    void example83_barthel100Iadl7IsYellow() {
        assertThat(colour(input(100, 7, false))).isEqualTo(YELLOW);
    }

    @Test
    void example83_barthel95WithMmseImpairedIsOrange() {
        assertThat(colour(input(95, 8, true))).isEqualTo(ORANGE);
    }

    @Test
    void example83_barthel100Iadl7MmseImpairedIsYellowOneStepAtMost() {
        assertThat(colour(input(100, 7, true))).isEqualTo(YELLOW);
    }

    @Test
    void example83_barthel45Frail3Nrs3IsOrangeWithFlags() {
        var in = new CareColourScorer.Input(barthel(45), iadl(8), mmse(28, Education.PRIMARY), ScoringFixtures.frail(3), nrs2002(3),
                null, null);
        var r = CareColourScorer.score(in);
        assertThat(r.colour()).isEqualTo(ORANGE);
        assertThat(r.baseFromBarthel()).isEqualTo(ORANGE);
        assertThat(r.flags()).containsExactly(CareFlag.FRAIL, CareFlag.NUTRITIONAL_RISK);
    }

    @Test
    void example83_barthel40WithMmseImpairedIsRed() {
        assertThat(colour(input(40, 8, true))).isEqualTo(RED);
    }

    @Test
    void example83_barthel95ButGbtSevereIsRedAndWithGbtIntactIsYellow() {
        assertThat(colour(withGbt(input(95, 8, false), gbt42195(40)))).isEqualTo(RED);
        assertThat(colour(withGbt(input(95, 8, false), gbt42195(90)))).isEqualTo(YELLOW);
    }

    @Test
    void example83_comaIsRed() {
        assertThat(colour(withGbt(input(100, 8, false), gbt42195(90, true, false, 0)))).isEqualTo(RED);
    }

    @Test
    void example83_hardshipFullyLostIsRed() {
        assertThat(colour(withHardship(input(100, 8, false), hardship(4)))).isEqualTo(RED);
    }

    @ParameterizedTest(name = "Barthel {0} → base {1}")
    @CsvSource({ "100, GREEN", "95, YELLOW", "65, YELLOW", "60, ORANGE", "45, ORANGE", "40, RED", "0, RED" })
    void baseFromBarthelBand(int total, CareColour base) {
        var r = CareColourScorer.score(input(total, 8, false));
        assertThat(r.baseFromBarthel()).isEqualTo(base);
        assertThat(r.colour()).isEqualTo(base);
    }

    @ParameterizedTest(name = "Barthel {0} + cognitive impairment → {1}")
    @CsvSource({ "100, YELLOW", "95, ORANGE", "60, RED", "40, RED" })
    void cognitiveImpairmentRaisesOneStepCappedAtRed(int total, CareColour colour) {
        assertThat(colour(input(total, 8, true))).isEqualTo(colour);
    }

    @ParameterizedTest(name = "Barthel {0}, IADL {1} → {2}")
    @CsvSource({ "100, 8, GREEN", "100, 7, YELLOW", "100, 0, YELLOW", "95, 7, YELLOW", "95, 0, YELLOW", "60, 0, ORANGE", "40, 0, RED" })
    void greenGuardOnlyActsOnAGreenBase(int barthel, int iadl, CareColour colour) {
        assertThat(colour(input(barthel, iadl, false))).isEqualTo(colour);
    }

    @Test
    void mmseCutOffDecidesTheStep() {
        var at = new CareColourScorer.Input(barthel(100), iadl(8), mmse(17, Education.ILLITERATE), ScoringFixtures.frail(0), nrs2002(null),
                null, null);
        var above = new CareColourScorer.Input(barthel(100), iadl(8), mmse(18, Education.ILLITERATE), ScoringFixtures.frail(0),
                nrs2002(null), null, null);
        assertThat(colour(at)).isEqualTo(YELLOW);
        assertThat(colour(above)).isEqualTo(GREEN);
    }

    @ParameterizedTest(name = "GB/T total {0} → floor {1}")
    @CsvSource({ "90, GREEN", "89, YELLOW", "66, YELLOW", "65, ORANGE", "46, ORANGE", "45, RED", "30, RED", "29, RED", "0, RED" })
    void gbtFinalLevelIsAFloor(int gbtTotal, CareColour floor) {
        assertThat(colour(withGbt(input(100, 8, false), gbt42195(gbtTotal)))).isEqualTo(floor);
        assertThat(colour(withGbt(input(0, 0, true), gbt42195(gbtTotal)))).isEqualTo(RED);
    }

    @Test
    void gbtFloorUsesTheFinalNotTheInitialLevel() {
        assertThat(colour(withGbt(input(100, 8, false), gbt42195(90, false, true, 0)))).isEqualTo(YELLOW);
        assertThat(colour(withGbt(input(100, 8, false), gbt42195(65, false, false, 2)))).isEqualTo(RED);
        assertThat(CareColourScorer.floorFromGbt42195(Gbt42195Scorer.Level.COMPLETE)).isEqualTo(RED);
    }

    @ParameterizedTest(name = "{0} unable → floor {1}")
    @CsvSource({ "0, GREEN", "1, YELLOW", "3, YELLOW", "4, RED", "6, RED" })
    void hardshipCategoryIsAFloor(int unable, CareColour floor) {
        assertThat(colour(withHardship(input(100, 8, false), hardship(unable)))).isEqualTo(floor);
    }

    @Test
    void floorsNeverLowerTheColourAndTheMostSevereWins() {
        assertThat(colour(withHardship(withGbt(input(40, 8, false), gbt42195(90)), hardship(0)))).isEqualTo(RED);
        assertThat(colour(withHardship(withGbt(input(60, 8, false), gbt42195(89)), hardship(1)))).isEqualTo(ORANGE);
        assertThat(colour(withHardship(withGbt(input(100, 8, false), gbt42195(60)), hardship(2)))).isEqualTo(ORANGE);
        assertThat(colour(withHardship(withGbt(input(100, 8, false), gbt42195(80)), hardship(5)))).isEqualTo(RED);
    }

    @Test
    void floorDoesNotAddAStepOnTopOfTheModifier() {
        // Barthel 95 (YELLOW) + MMSE impaired = ORANGE; a MILD (YELLOW) GB/T floor leaves it ORANGE
        assertThat(colour(withGbt(input(95, 8, true), gbt42195(70)))).isEqualTo(ORANGE);
    }

    @Test
    void flagsAreReportedInOrderAndNeverChangeTheColour() {
        var in = new CareColourScorer.Input(barthel(100), iadl(7), mmse(10, Education.PRIMARY), ScoringFixtures.frail(1), nrs2002(3), null,
                null);
        var r = CareColourScorer.score(in);
        assertThat(r.flags()).containsExactly(CareFlag.COGNITIVE_IMPAIRMENT, CareFlag.IADL_DEPENDENCE, CareFlag.PRE_FRAIL,
                CareFlag.NUTRITIONAL_RISK);
        assertThat(r.colour()).isEqualTo(YELLOW);

        var robust = CareColourScorer.score(input(100, 8, false));
        assertThat(robust.flags()).isEmpty();
        var frailAndAtRisk = new CareColourScorer.Input(barthel(100), iadl(8), mmse(30, Education.PRIMARY), ScoringFixtures.frail(5),
                nrs2002(7), null, null);
        assertThat(CareColourScorer.score(frailAndAtRisk)).isEqualTo(new CareColourScorer.Result(GREEN, GREEN,
                List.of(CareFlag.FRAIL, CareFlag.NUTRITIONAL_RISK)));
    }

    @ParameterizedTest(name = "FRAIL {0} → {1}")
    @CsvSource({ "0, ''", "1, PRE_FRAIL", "2, PRE_FRAIL", "3, FRAIL", "5, FRAIL" })
    void frailtyFlag(int total, String flag) {
        var in = new CareColourScorer.Input(barthel(100), iadl(8), mmse(30, Education.PRIMARY), ScoringFixtures.frail(total), nrs2002(null),
                null, null);
        assertThat(CareColourScorer.score(in).flags()).containsExactlyElementsOf(flag.isEmpty() ? List.of() : List.of(CareFlag.valueOf(flag)));
    }

    @ParameterizedTest(name = "NRS {0} → risk flag {1}")
    @CsvSource({ "2, false", "3, true" })
    void nutritionalRiskFlagFromThree(int total, boolean flagged) {
        var in = new CareColourScorer.Input(barthel(100), iadl(8), mmse(30, Education.PRIMARY), ScoringFixtures.frail(0), nrs2002(total),
                null, null);
        assertThat(CareColourScorer.score(in).flags().contains(CareFlag.NUTRITIONAL_RISK)).isEqualTo(flagged);
    }

    @Test
    void iadlDependenceFlagBelowEight() {
        assertThat(CareColourScorer.score(input(60, 7, false)).flags()).containsExactly(CareFlag.IADL_DEPENDENCE);
        assertThat(CareColourScorer.score(input(60, 8, false)).flags()).isEmpty();
    }

    @Test
    void scoresGenericAnswers() {
        assertThat(engine.score("care-colour", careColourAnswers())).isEqualTo(new CareColourScorer.Result(GREEN, GREEN, List.of()));
        var withOptional = with(with(careColourAnswers(), "gbt42195", with(gbt42195Answers(), "B1.1", 0)), "hardship",
                with(hardshipAnswers(), "bathing", false));
        assertThat(engine.score("care-colour", withOptional)).isEqualTo(new CareColourScorer.Result(YELLOW, GREEN, List.of()));
        var nullOptional = with(with(careColourAnswers(), "gbt42195", null), "hardship", null);
        assertThat(engine.score("care-colour", nullOptional)).isEqualTo(new CareColourScorer.Result(GREEN, GREEN, List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "barthel", "iadl", "mmse", "frail", "nrs2002" })
    void theFiveComponentsAreRequiredObjects(String component) {
        assertThat(assertInvalid(() -> engine.score("care-colour", without(careColourAnswers(), component)), component)).isEqualTo("required");
        assertInvalid(() -> engine.score("care-colour", with(careColourAnswers(), component, null)), component);
        assertThat(assertInvalid(() -> engine.score("care-colour", with(careColourAnswers(), component, 100)), component)).isEqualTo("notObject");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({ "barthel.feeding, 7", "iadl.laundry, D", "mmse.education, NONE", "frail.illnessCount, 12",
            "nrs2002.initial.lowBmi, maybe", "gbt42195.B2.4, 4", "hardship.eating, 1" })
    void anyInvalidComponentIsAValidationErrorForTheComposite(String path, String value) {
        var base = with(with(careColourAnswers(), "gbt42195", gbt42195Answers()), "hardship", hardshipAnswers());
        Object v = value.matches("-?\\d+") ? (Object) Integer.valueOf(value) : value;
        assertInvalid(() -> engine.score("care-colour", with(base, path, v)), path);
    }

    @Test
    void nestedNrsFinalIsNamedWithItsPath() {
        var positive = with(careColourAnswers(), "nrs2002.initial.severelyIll", true);
        assertInvalid(() -> engine.score("care-colour", positive), "nrs2002.final");
        assertInvalid(() -> engine.score("care-colour", with(careColourAnswers(), "gbt42195", "n/a")), "gbt42195");
    }

    @Test
    void firstOffendingFieldFollowsTheDocumentedComponentOrder() {
        var answers = with(with(with(careColourAnswers(), "hardship", "x"), "mmse.recall", 9), "iadl.finances", "E");
        assertInvalid(() -> engine.score("care-colour", answers), "iadl.finances");
        assertInvalid(() -> new CareColourScorer.Input(barthel(100), null, null, null, null, null, null), "iadl");
    }
}
