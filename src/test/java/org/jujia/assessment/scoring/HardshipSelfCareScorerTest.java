package org.jujia.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jujia.assessment.scoring.ScoringFixtures.assertInvalid;
import static org.jujia.assessment.scoring.ScoringFixtures.hardship;
import static org.jujia.assessment.scoring.ScoringFixtures.hardshipAnswers;
import static org.jujia.assessment.scoring.ScoringFixtures.with;
import static org.jujia.assessment.scoring.ScoringFixtures.without;

import org.jujia.assessment.scoring.HardshipSelfCareScorer.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ASSESSMENT.md §9. */
class HardshipSelfCareScorerTest {

    final ScoringEngine engine = new ScoringEngine();

    @ParameterizedTest(name = "{0} unable → {1}")
    @CsvSource({ "0, SELF_CARE_CAPABLE", "1, PARTIALLY_LOST", "3, PARTIALLY_LOST", "4, FULLY_LOST", "6, FULLY_LOST" })
    void categories(int unable, Category category) {
        assertThat(HardshipSelfCareScorer.score(hardship(unable))).isEqualTo(new HardshipSelfCareScorer.Result(unable, category));
        assertThat(Category.of(unable)).isEqualTo(category);
    }

    @ParameterizedTest
    @ValueSource(strings = { "eating", "dressing", "bedTransfer", "toileting", "indoorWalking", "bathing" })
    void eachActivityCountsAndIsARequiredBoolean(String key) {
        assertThat(engine.score("hardship-self-care", with(hardshipAnswers(), key, false)))
                .isEqualTo(new HardshipSelfCareScorer.Result(1, Category.PARTIALLY_LOST));
        assertThat(assertInvalid(() -> engine.score("hardship-self-care", without(hardshipAnswers(), key)), key)).isEqualTo("required");
        assertThat(assertInvalid(() -> engine.score("hardship-self-care", with(hardshipAnswers(), key, "yes")), key)).isEqualTo("notBoolean");
        assertInvalid(() -> engine.score("hardship-self-care", with(hardshipAnswers(), key, 1)), key);
    }

    @Test
    void fourUnableIsFullyLost() {
        var answers = with(with(with(with(hardshipAnswers(), "eating", false), "toileting", false), "indoorWalking", false), "bathing", false);
        assertThat(engine.score("hardship-self-care", answers)).isEqualTo(new HardshipSelfCareScorer.Result(4, Category.FULLY_LOST));
    }

    @Test
    void firstOffendingFieldFollowsTheDocumentedOrder() {
        var answers = with(without(hardshipAnswers(), "bathing"), "bedTransfer", 0);
        assertInvalid(() -> engine.score("hardship-self-care", answers), "bedTransfer");
    }
}
