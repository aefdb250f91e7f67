package org.jujia.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jujia.assessment.scoring.ScoringFixtures.assertInvalid;
import static org.jujia.assessment.scoring.ScoringFixtures.iadl;
import static org.jujia.assessment.scoring.ScoringFixtures.iadlAnswers;
import static org.jujia.assessment.scoring.ScoringFixtures.with;
import static org.jujia.assessment.scoring.ScoringFixtures.without;

import org.jujia.assessment.scoring.LawtonIadlScorer.Item;
import org.jujia.assessment.scoring.LawtonIadlScorer.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** ASSESSMENT.md §3. */
class LawtonIadlScorerTest {

    final ScoringEngine engine = new ScoringEngine();

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "telephone, A, 1", "telephone, B, 1", "telephone, C, 1", "telephone, D, 0",
            "shopping, A, 1", "shopping, B, 0", "shopping, C, 0", "shopping, D, 0",
            "foodPreparation, A, 1", "foodPreparation, B, 0", "foodPreparation, C, 0", "foodPreparation, D, 0",
            "housekeeping, A, 1", "housekeeping, B, 1", "housekeeping, C, 1", "housekeeping, D, 1", "housekeeping, E, 0",
            "laundry, A, 1", "laundry, B, 1", "laundry, C, 0",
            "transportation, A, 1", "transportation, B, 1", "transportation, C, 1", "transportation, D, 0", "transportation, E, 0",
            "medication, A, 1", "medication, B, 0", "medication, C, 0",
            "finances, A, 1", "finances, B, 1", "finances, C, 0" })
    void eachOptionHasItsDichotomousPoint(String key, Option option, int point) {
        var r = (LawtonIadlScorer.Result) engine.score("lawton-iadl", with(iadlAnswers(), key, option.name()));
        assertThat(r.total()).isEqualTo(7 + point);
        Item item = java.util.Arrays.stream(Item.values()).filter(i -> i.key().equals(key)).findFirst().orElseThrow();
        assertThat(item.points(option)).isEqualTo(point);
    }

    @ParameterizedTest(name = "total {0} → independent {1}")
    @CsvSource({ "8, true", "7, false", "0, false", "5, false" })
    void independentOnlyWhenAllEightAreScored(int total, boolean independent) {
        assertThat(LawtonIadlScorer.score(iadl(total))).isEqualTo(new LawtonIadlScorer.Result(total, independent));
    }

    @Test
    void allEightDomainsCountForEverybody() {
        assertThat(LawtonIadlScorer.score(LawtonIadlScorer.Input.allA()).total()).isEqualTo(8);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({ "telephone, E", "shopping, E", "foodPreparation, E", "laundry, D", "medication, D", "finances, D", "laundry, E",
            "housekeeping, F", "transportation, a", "telephone, ''" })
    void optionsTheItemDoesNotOfferAreRejected(String key, String option) {
        assertThat(assertInvalid(() -> engine.score("lawton-iadl", with(iadlAnswers(), key, option)), key)).isEqualTo("notAllowed");
    }

    @ParameterizedTest
    @EnumSource(Item.class)
    void everyItemIsRequiredAndMustBeALetter(Item item) {
        assertThat(assertInvalid(() -> engine.score("lawton-iadl", without(iadlAnswers(), item.key())), item.key())).isEqualTo("required");
        assertInvalid(() -> engine.score("lawton-iadl", with(iadlAnswers(), item.key(), null)), item.key());
        assertInvalid(() -> engine.score("lawton-iadl", with(iadlAnswers(), item.key(), 1)), item.key());
    }

    @Test
    void firstOffendingFieldFollowsTheDocumentedOrder() {
        var answers = with(without(iadlAnswers(), "finances"), "laundry", "D");
        assertInvalid(() -> engine.score("lawton-iadl", answers), "laundry");
        assertInvalid(() -> new LawtonIadlScorer.Input(Option.A, Option.A, Option.A, Option.A, Option.E, Option.A, null, Option.A), "laundry");
    }
}
