package org.jujia.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jujia.assessment.scoring.ScoringFixtures.assertInvalid;
import static org.jujia.assessment.scoring.ScoringFixtures.with;
import static org.jujia.assessment.scoring.ScoringFixtures.without;
import static org.jujia.assessment.scoring.ScoringFixtures.zbiAnswers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jujia.assessment.scoring.ZbiScorer.Band;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ASSESSMENT.md §6. */
class ZbiScorerTest {

    final ScoringEngine engine = new ScoringEngine();

    /** 22 answers summing to {@code total}, filled greedily from q1. */
    static ZbiScorer.Input withTotal(int total) {
        List<Integer> answers = new ArrayList<>(Collections.nCopies(22, 0));
        int left = total;
        for (int i = 0; i < 22 && left > 0; i++) {
            answers.set(i, Math.min(4, left));
            left -= answers.get(i);
        }
        return new ZbiScorer.Input(answers);
    }

    @ParameterizedTest(name = "total {0} → {1}, high-risk {2}")
    @CsvSource({
            "0, LITTLE_OR_NO_BURDEN, false", "20, LITTLE_OR_NO_BURDEN, false", "21, MILD_TO_MODERATE, false",
            "39, MILD_TO_MODERATE, false", "40, MILD_TO_MODERATE, true", "41, MODERATE_TO_SEVERE, true",
            "60, MODERATE_TO_SEVERE, true", "61, SEVERE, true", "88, SEVERE, true" })
    void bandsAndTheOverlappingHighRiskRule(int total, Band band, boolean highRisk) {
        assertThat(ZbiScorer.score(withTotal(total))).isEqualTo(new ZbiScorer.Result(total, band, highRisk));
        assertThat(Band.of(total)).isEqualTo(band);
        assertThat(ZbiScorer.highRiskCaregiver(total)).isEqualTo(highRisk);
    }

    @Test
    void scoresGenericAnswersQ1ToQ22() {
        assertThat(engine.score("zbi", zbiAnswers(4))).isEqualTo(new ZbiScorer.Result(88, Band.SEVERE, true));
        assertThat(engine.score("zbi", with(zbiAnswers(0), "q22", 4))).isEqualTo(new ZbiScorer.Result(4, Band.LITTLE_OR_NO_BURDEN, false));
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 7, 22 })
    void everyItemIsRequiredAndZeroToFour(int n) {
        String key = "q" + n;
        assertThat(assertInvalid(() -> engine.score("zbi", without(zbiAnswers(2), key)), key)).isEqualTo("required");
        assertThat(assertInvalid(() -> engine.score("zbi", with(zbiAnswers(2), key, 5)), key)).isEqualTo("notAllowed");
        assertThat(assertInvalid(() -> engine.score("zbi", with(zbiAnswers(2), key, -1)), key)).isEqualTo("notAllowed");
        assertThat(assertInvalid(() -> engine.score("zbi", with(zbiAnswers(2), key, 1.5)), key)).isEqualTo("notInteger");
    }

    @Test
    void firstOffendingFieldFollowsTheDocumentedOrderNotTheJsonOrder() {
        var answers = with(without(zbiAnswers(1), "q3"), "q22", 9);
        assertInvalid(() -> engine.score("zbi", answers), "q3");
        assertInvalid(() -> engine.score("zbi", with(zbiAnswers(1), "q22", null)), "q22");
    }

    @Test
    void typedInputNeedsExactlyTwentyTwoAnswers() {
        assertInvalid(() -> ZbiScorer.Input.of(1, 1, 1), "q4");
        assertInvalid(() -> ZbiScorer.Input.of(new int[23]), "q23");
        assertInvalid(() -> ZbiScorer.Input.of(0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), "q6");
    }
}
