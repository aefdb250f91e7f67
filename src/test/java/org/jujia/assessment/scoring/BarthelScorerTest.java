package org.jujia.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jujia.assessment.scoring.ScoringFixtures.assertInvalid;
import static org.jujia.assessment.scoring.ScoringFixtures.barthel;
import static org.jujia.assessment.scoring.ScoringFixtures.barthelAnswers;
import static org.jujia.assessment.scoring.ScoringFixtures.map;
import static org.jujia.assessment.scoring.ScoringFixtures.with;
import static org.jujia.assessment.scoring.ScoringFixtures.without;

import org.jujia.assessment.scoring.BarthelScorer.Band;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ASSESSMENT.md §2 and the pure band function {@code barthel-band}. */
class BarthelScorerTest {

    final ScoringEngine engine = new ScoringEngine();

    @Test
    void sumsTenItemsToAtMostOneHundred() {
        assertThat(BarthelScorer.score(BarthelScorer.Input.fullyIndependent())).isEqualTo(new BarthelScorer.Result(100, Band.INDEPENDENT));
        assertThat(BarthelScorer.score(new BarthelScorer.Input(0, 0, 0, 0, 0, 0, 0, 0, 0, 0))).isEqualTo(new BarthelScorer.Result(0, Band.SEVERE));
        assertThat(BarthelScorer.score(new BarthelScorer.Input(5, 5, 0, 5, 10, 5, 5, 10, 5, 0)).total()).isEqualTo(50);
    }

    @ParameterizedTest(name = "item-level total {0} → {1}")
    @CsvSource({ "0, SEVERE", "40, SEVERE", "45, MODERATE", "60, MODERATE", "65, MILD", "95, MILD", "100, INDEPENDENT" })
    void itemLevelBoundariesAreFortyFortyFiveSixtySixtyFiveNinetyFiveHundred(int total, Band band) {
        var r = BarthelScorer.score(barthel(total));
        assertThat(r.total()).isEqualTo(total);
        assertThat(r.band()).isEqualTo(band);
    }

    @ParameterizedTest(name = "band function {0} → {1}")
    @CsvSource({ "0, SEVERE", "40, SEVERE", "41, MODERATE", "60, MODERATE", "61, MILD", "99, MILD", "100, INDEPENDENT" })
    void bandFunctionClassifiesEveryIntegerIncludingUnreachableOnes(int total, Band band) {
        assertThat(Band.of(total)).isEqualTo(band);
        assertThat(engine.barthelBand(total)).isEqualTo(new BarthelScorer.Result(total, band));
        assertThat(engine.score("barthel-band", map("total", total))).isEqualTo(new BarthelScorer.Result(total, band));
    }

    @ParameterizedTest
    @ValueSource(ints = { -1, 101 })
    void bandFunctionRejectsTotalsOutsideZeroToHundred(int total) {
        assertThat(assertInvalid(() -> engine.score("barthel-band", map("total", total)), "total")).isEqualTo("notAllowed");
        assertInvalid(() -> engine.barthelBand(total), "total");
    }

    @Test
    void bandFunctionRequiresAnIntegerTotal() {
        assertInvalid(() -> engine.score("barthel-band", map()), "total");
        assertThat(assertInvalid(() -> engine.score("barthel-band", map("total", 60.5)), "total")).isEqualTo("notInteger");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "feeding, 15", "feeding, 7", "bathing, 10", "grooming, 10", "dressing, 15", "bowels, 15", "bladder, 15",
            "toiletUse, 15", "transfer, 20", "mobility, 20", "stairs, 15", "stairs, -5", "transfer, 3" })
    void valuesOutsideTheItemsPermittedSetAreRejected(String item, int value) {
        assertThat(assertInvalid(() -> engine.score("barthel", with(barthelAnswers(), item, value)), item)).isEqualTo("notAllowed");
    }

    @ParameterizedTest
    @EnumSource(BarthelScorer.Item.class)
    void everyPermittedValueIsAcceptedAndEveryItemIsRequired(BarthelScorer.Item item) {
        for (int v : item.allowed()) {
            assertThat(engine.score("barthel", with(barthelAnswers(), item.key(), v))).isNotNull();
        }
        assertThat(assertInvalid(() -> engine.score("barthel", without(barthelAnswers(), item.key())), item.key())).isEqualTo("required");
        assertInvalid(() -> engine.score("barthel", with(barthelAnswers(), item.key(), null)), item.key());
        assertThat(assertInvalid(() -> engine.score("barthel", with(barthelAnswers(), item.key(), "5")), item.key())).isEqualTo("notInteger");
    }

    @Test
    void firstOffendingFieldFollowsTheDocumentedOrder() {
        var answers = with(without(barthelAnswers(), "stairs"), "bladder", 7);
        assertInvalid(() -> engine.score("barthel", answers), "bladder");
        assertInvalid(() -> new BarthelScorer.Input(10, 5, 5, 10, 10, 10, 10, 15, 16, 11), "mobility");
    }
}
