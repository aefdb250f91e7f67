package org.jujia.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jujia.assessment.scoring.ScoringFixtures.assertInvalid;
import static org.jujia.assessment.scoring.ScoringFixtures.frailAnswers;
import static org.jujia.assessment.scoring.ScoringFixtures.with;
import static org.jujia.assessment.scoring.ScoringFixtures.without;

import org.jujia.assessment.scoring.FrailScorer.Band;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ASSESSMENT.md §4. */
class FrailScorerTest {

    final ScoringEngine engine = new ScoringEngine();

    @ParameterizedTest(name = "{0} illnesses → {1}")
    @CsvSource({ "0, 0", "4, 0", "5, 1", "11, 1" })
    void illnessItemIsPositiveFromFiveIllnesses(int count, int point) {
        assertThat(FrailScorer.illnessPoint(count)).isEqualTo(point);
        assertThat(FrailScorer.score(new FrailScorer.Input(false, false, false, count, false)).total()).isEqualTo(point);
    }

    @ParameterizedTest(name = "total {0} → {1}")
    @CsvSource({ "0, ROBUST", "1, PRE_FRAIL", "2, PRE_FRAIL", "3, FRAIL", "4, FRAIL", "5, FRAIL" })
    void bands(int total, Band band) {
        var r = FrailScorer.score(ScoringFixtures.frail(total));
        assertThat(r).isEqualTo(new FrailScorer.Result(total, band));
        assertThat(Band.of(total)).isEqualTo(band);
    }

    @Test
    void eachYesCountsOnePoint() {
        assertThat(FrailScorer.score(new FrailScorer.Input(true, true, true, 11, true))).isEqualTo(new FrailScorer.Result(5, Band.FRAIL));
        assertThat(((FrailScorer.Result) engine.score("frail", with(frailAnswers(), "weightLossOver5Percent", true))).total()).isEqualTo(1);
        assertThat(((FrailScorer.Result) engine.score("frail", with(frailAnswers(), "fatigue", true))).total()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = { -1, 12 })
    void illnessCountIsZeroToEleven(int count) {
        assertThat(assertInvalid(() -> engine.score("frail", with(frailAnswers(), "illnessCount", count)), "illnessCount"))
                .isEqualTo("notAllowed");
        assertInvalid(() -> new FrailScorer.Input(false, false, false, count, false), "illnessCount");
    }

    @ParameterizedTest
    @ValueSource(strings = { "fatigue", "resistance", "ambulation", "weightLossOver5Percent" })
    void yesNoItemsMustBeBooleans(String key) {
        assertThat(assertInvalid(() -> engine.score("frail", with(frailAnswers(), key, 1)), key)).isEqualTo("notBoolean");
        assertThat(assertInvalid(() -> engine.score("frail", with(frailAnswers(), key, "true")), key)).isEqualTo("notBoolean");
        assertThat(assertInvalid(() -> engine.score("frail", without(frailAnswers(), key)), key)).isEqualTo("required");
        assertInvalid(() -> engine.score("frail", with(frailAnswers(), key, null)), key);
    }

    @Test
    void illnessCountMustBeAnInteger() {
        assertThat(assertInvalid(() -> engine.score("frail", with(frailAnswers(), "illnessCount", 4.5)), "illnessCount")).isEqualTo("notInteger");
        assertThat(assertInvalid(() -> engine.score("frail", with(frailAnswers(), "illnessCount", false)), "illnessCount")).isEqualTo("notInteger");
        assertInvalid(() -> engine.score("frail", without(frailAnswers(), "illnessCount")), "illnessCount");
    }

    @Test
    void firstOffendingFieldFollowsTheDocumentedOrder() {
        var answers = with(with(frailAnswers(), "weightLossOver5Percent", "no"), "ambulation", 0);
        assertInvalid(() -> engine.score("frail", answers), "ambulation");
    }
}
