package org.jujia.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jujia.assessment.scoring.ScoringFixtures.assertInvalid;
import static org.jujia.assessment.scoring.ScoringFixtures.mmse;
import static org.jujia.assessment.scoring.ScoringFixtures.mmseAnswers;
import static org.jujia.assessment.scoring.ScoringFixtures.with;
import static org.jujia.assessment.scoring.ScoringFixtures.without;

import org.jujia.assessment.scoring.MmseScorer.Education;
import org.jujia.assessment.scoring.MmseScorer.SeverityBand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** ASSESSMENT.md §1. */
class MmseScorerTest {

    final ScoringEngine engine = new ScoringEngine();

    @Test
    void sumsTheElevenItemsToAtMostThirty() {
        var r = MmseScorer.score(new MmseScorer.Input(5, 5, 3, 5, 3, 2, 1, 3, 1, 1, 1, Education.PRIMARY));
        assertThat(r.total()).isEqualTo(30);
        assertThat(MmseScorer.score(new MmseScorer.Input(1, 2, 3, 0, 1, 2, 1, 0, 1, 0, 1, Education.PRIMARY)).total()).isEqualTo(12);
        assertThat(MmseScorer.score(mmse(0, Education.ILLITERATE)).total()).isZero();
    }

    @ParameterizedTest(name = "{0}: total {1} → impaired {2}")
    @CsvSource({
            "ILLITERATE, 17, 17, true", "ILLITERATE, 18, 17, false",
            "PRIMARY, 20, 20, true", "PRIMARY, 21, 20, false",
            "MIDDLE_OR_ABOVE, 24, 24, true", "MIDDLE_OR_ABOVE, 25, 24, false",
            "ILLITERATE, 0, 17, true", "MIDDLE_OR_ABOVE, 30, 24, false" })
    void educationAdjustedCutOffIncludesTheCutOffItself(Education education, int total, int cutoff, boolean impaired) {
        var r = MmseScorer.score(mmse(total, education));
        assertThat(r.total()).isEqualTo(total);
        assertThat(r.cutoff()).isEqualTo(cutoff);
        assertThat(r.cognitiveImpairment()).isEqualTo(impaired);
    }

    @ParameterizedTest(name = "total {0} → {1}")
    @CsvSource({ "0, SEVERE", "9, SEVERE", "10, MODERATE", "20, MODERATE", "21, MILD", "26, MILD", "27, NORMAL", "30, NORMAL" })
    void severityBandIsEducationIndependent(int total, SeverityBand band) {
        for (Education e : Education.values()) {
            assertThat(MmseScorer.score(mmse(total, e)).severityBand()).isEqualTo(band);
        }
        assertThat(SeverityBand.of(total)).isEqualTo(band);
    }

    @Test
    void middleSchoolTwentyFiveIsNotImpairedButMild() {
        var r = MmseScorer.score(mmse(25, Education.MIDDLE_OR_ABOVE));
        assertThat(r.cognitiveImpairment()).isFalse();
        assertThat(r.severityBand()).isEqualTo(SeverityBand.MILD);
    }

    @Test
    void scoresGenericAnswers() {
        var r = (MmseScorer.Result) engine.score("mmse", with(with(mmseAnswers(), "copying", 0), "education", "ILLITERATE"));
        assertThat(r).isEqualTo(new MmseScorer.Result(29, 17, false, SeverityBand.NORMAL));
    }

    @ParameterizedTest
    @EnumSource(MmseScorer.Item.class)
    void eachItemIsRequiredAndBoundedByItsMaximum(MmseScorer.Item item) {
        assertInvalid(() -> engine.score("mmse", without(mmseAnswers(), item.key())), item.key());
        assertInvalid(() -> engine.score("mmse", with(mmseAnswers(), item.key(), null)), item.key());
        assertInvalid(() -> engine.score("mmse", with(mmseAnswers(), item.key(), item.max() + 1)), item.key());
        assertInvalid(() -> engine.score("mmse", with(mmseAnswers(), item.key(), -1)), item.key());
        assertThat(((MmseScorer.Result) engine.score("mmse", with(mmseAnswers(), item.key(), 0))).total()).isEqualTo(30 - item.max());
    }

    @Test
    void educationIsRequiredAndOneOfThreeGroups() {
        assertThat(assertInvalid(() -> engine.score("mmse", without(mmseAnswers(), "education")), "education")).isEqualTo("required");
        assertThat(assertInvalid(() -> engine.score("mmse", with(mmseAnswers(), "education", "COLLEGE")), "education"))
                .isEqualTo("notAllowed");
        assertInvalid(() -> engine.score("mmse", with(mmseAnswers(), "education", "primary")), "education");
        assertInvalid(() -> engine.score("mmse", with(mmseAnswers(), "education", 1)), "education");
    }

    @Test
    void nonIntegersAreRejected() {
        assertThat(assertInvalid(() -> engine.score("mmse", with(mmseAnswers(), "recall", 2.5)), "recall")).isEqualTo("notInteger");
        assertThat(assertInvalid(() -> engine.score("mmse", with(mmseAnswers(), "recall", "2")), "recall")).isEqualTo("notInteger");
        assertThat(assertInvalid(() -> engine.score("mmse", with(mmseAnswers(), "recall", true)), "recall")).isEqualTo("notInteger");
    }

    @Test
    void reportsTheFirstOffendingFieldInDocumentedOrder() {
        var answers = with(with(without(mmseAnswers(), "education"), "copying", 2), "naming", 3);
        assertInvalid(() -> engine.score("mmse", answers), "naming");
    }

    @Test
    void typedInputIsValidatedToo() {
        assertInvalid(() -> new MmseScorer.Input(6, 5, 3, 5, 3, 2, 1, 3, 1, 1, 1, Education.PRIMARY), "timeOrientation");
        assertInvalid(() -> new MmseScorer.Input(5, 5, 3, 5, 3, 2, 1, 3, 1, 1, 1, null), "education");
    }
}
