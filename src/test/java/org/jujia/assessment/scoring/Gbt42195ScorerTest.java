package org.jujia.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jujia.assessment.scoring.ScoringFixtures.assertInvalid;
import static org.jujia.assessment.scoring.ScoringFixtures.gbt42195;
import static org.jujia.assessment.scoring.ScoringFixtures.gbt42195Answers;
import static org.jujia.assessment.scoring.ScoringFixtures.map;
import static org.jujia.assessment.scoring.ScoringFixtures.with;
import static org.jujia.assessment.scoring.ScoringFixtures.without;

import java.util.Arrays;
import java.util.List;
import org.jujia.assessment.scoring.Gbt42195Scorer.AdjustmentReason;
import org.jujia.assessment.scoring.Gbt42195Scorer.Dimensions;
import org.jujia.assessment.scoring.Gbt42195Scorer.Item;
import org.jujia.assessment.scoring.Gbt42195Scorer.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ASSESSMENT.md §7 and the pure band function {@code gbt42195-level}. */
class Gbt42195ScorerTest {

    final ScoringEngine engine = new ScoringEngine();

    @Test
    void twentySixItemsInFourDimensionsMaxNinety() {
        assertThat(Item.values()).hasSize(26);
        var r = Gbt42195Scorer.score(Gbt42195Scorer.Input.fullMarks());
        assertThat(r.dimensions()).isEqualTo(new Dimensions(32, 15, 28, 15));
        assertThat(r.total()).isEqualTo(90);
        assertThat(r.initialLevel()).isEqualTo(Level.INTACT);
        assertThat(r.finalLevel()).isEqualTo(Level.INTACT);
        assertThat(r.adjustmentReasons()).isEmpty();
    }

    @Test
    void dimensionsAddUpTheirOwnItems() {
        var r = (Gbt42195Scorer.Result) engine.score("gbt42195",
                with(with(with(with(gbt42195Answers(), "B1.3", 1), "B2.4", 0), "B3.9", 1), "B4.1", 0));
        assertThat(r.dimensions()).isEqualTo(new Dimensions(29, 12, 27, 13));
        assertThat(r.total()).isEqualTo(81);
    }

    @ParameterizedTest(name = "total {0} → {1}")
    @CsvSource({ "90, INTACT", "89, MILD", "66, MILD", "65, MODERATE", "46, MODERATE", "45, SEVERE", "30, SEVERE", "29, COMPLETE",
            "0, COMPLETE" })
    void initialLevelBoundaries(int total, Level level) {
        var r = Gbt42195Scorer.score(gbt42195(total));
        assertThat(r.total()).isEqualTo(total);
        assertThat(r.initialLevel()).isEqualTo(level);
        assertThat(r.finalLevel()).isEqualTo(level);
        assertThat(Level.initial(total)).isEqualTo(level);
        assertThat(engine.score("gbt42195-level", map("total", total))).isEqualTo(new Gbt42195LevelScorer.Result(total, level));
        assertThat(engine.gbt42195Level(total).level()).isEqualTo(level);
    }

    @ParameterizedTest
    @ValueSource(ints = { -1, 91 })
    void levelFunctionRejectsTotalsOutsideZeroToNinety(int total) {
        assertThat(assertInvalid(() -> engine.score("gbt42195-level", map("total", total)), "total")).isEqualTo("notAllowed");
        assertInvalid(() -> engine.score("gbt42195-level", map("total", "66")), "total");
        assertInvalid(() -> engine.score("gbt42195-level", map()), "total");
    }

    @ParameterizedTest(name = "total {0} + coma → COMPLETE")
    @ValueSource(ints = { 90, 66, 30, 0 })
    void comaMeansCompleteIrrespectiveOfScore(int total) {
        var r = Gbt42195Scorer.score(gbt42195(total, true, true, 5));
        assertThat(r.finalLevel()).isEqualTo(Level.COMPLETE);
        assertThat(r.adjustmentReasons()).containsExactly(AdjustmentReason.COMA);
    }

    @ParameterizedTest(name = "{0}: dementia {1}, events {2} → {3}")
    @CsvSource({
            "90, false, 0, INTACT", "90, false, 1, INTACT", "90, false, 2, MILD", "90, true, 0, MILD", "90, true, 2, MILD",
            "66, true, 0, MODERATE", "65, false, 3, SEVERE", "45, true, 7, COMPLETE", "29, true, 2, COMPLETE", "0, false, 2, COMPLETE" })
    void dementiaOrTwoRiskEventsMakeItOneLevelWorseOnceAndCapped(int total, boolean dementia, int events, Level finalLevel) {
        assertThat(Gbt42195Scorer.score(gbt42195(total, false, dementia, events)).finalLevel()).isEqualTo(finalLevel);
    }

    @Test
    void adjustmentReasonsNameEveryApplicableCondition() {
        assertThat(Gbt42195Scorer.adjust(Level.MILD, false, true, 2).reasons())
                .containsExactly(AdjustmentReason.DEMENTIA_OR_MENTAL_DISORDER, AdjustmentReason.CARE_RISK_EVENTS);
        assertThat(Gbt42195Scorer.adjust(Level.MILD, false, false, 2).reasons()).containsExactly(AdjustmentReason.CARE_RISK_EVENTS);
        assertThat(Gbt42195Scorer.adjust(Level.MILD, false, false, 1).reasons()).isEmpty();
        assertThat(Gbt42195Scorer.adjust(Level.COMPLETE, false, true, 0))
                .isEqualTo(new Gbt42195Scorer.Adjustment(Level.COMPLETE, List.of(AdjustmentReason.DEMENTIA_OR_MENTAL_DISORDER)));
    }

    @Test
    void adjustmentsNeverImproveALevel() {
        for (Level initial : Level.values()) {
            for (boolean coma : new boolean[] { false, true }) {
                for (boolean dementia : new boolean[] { false, true }) {
                    for (int events = 0; events <= 3; events++) {
                        Level f = Gbt42195Scorer.adjust(initial, coma, dementia, events).finalLevel();
                        assertThat(f.ordinal()).isGreaterThanOrEqualTo(initial.ordinal()).isLessThanOrEqualTo(coma ? 4 : initial.ordinal() + 1);
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Item.class)
    void eachItemIsRequiredAndBoundedByItsOwnMaximum(Item item) {
        assertThat(assertInvalid(() -> engine.score("gbt42195", with(gbt42195Answers(), item.key(), item.max() + 1)), item.key()))
                .isEqualTo("notAllowed");
        assertInvalid(() -> engine.score("gbt42195", with(gbt42195Answers(), item.key(), -1)), item.key());
        assertThat(assertInvalid(() -> engine.score("gbt42195", without(gbt42195Answers(), item.key())), item.key())).isEqualTo("required");
        assertInvalid(() -> engine.score("gbt42195", with(gbt42195Answers(), item.key(), 0.5)), item.key());
        assertThat(((Gbt42195Scorer.Result) engine.score("gbt42195", with(gbt42195Answers(), item.key(), 0))).total())
                .isEqualTo(90 - item.max());
    }

    @ParameterizedTest(name = "{0} max {1}")
    @CsvSource({ "B2.4, 3", "B3.7, 1", "B3.8, 1", "B3.9, 2", "B4.1, 2", "B4.2, 2", "B4.4, 3", "B1.1, 4", "B4.5, 4" })
    void itemMaximaOfTheStandard(String key, int max) {
        Item item = Arrays.stream(Item.values()).filter(i -> i.key().equals(key)).findFirst().orElseThrow();
        assertThat(item.max()).isEqualTo(max);
        assertThat(engine.score("gbt42195", with(gbt42195Answers(), key, max))).isNotNull();
        assertInvalid(() -> engine.score("gbt42195", with(gbt42195Answers(), key, max + 1)), key);
    }

    @Test
    void adjustmentInputsAreRequiredAndTyped() {
        assertInvalid(() -> engine.score("gbt42195", without(gbt42195Answers(), "coma")), "coma");
        assertThat(assertInvalid(() -> engine.score("gbt42195", with(gbt42195Answers(), "coma", "no")), "coma")).isEqualTo("notBoolean");
        assertInvalid(() -> engine.score("gbt42195", without(gbt42195Answers(), "dementiaOrMentalDisorder")), "dementiaOrMentalDisorder");
        assertInvalid(() -> engine.score("gbt42195", without(gbt42195Answers(), "careRiskEvents30Days")), "careRiskEvents30Days");
        assertThat(assertInvalid(() -> engine.score("gbt42195", with(gbt42195Answers(), "careRiskEvents30Days", -1)), "careRiskEvents30Days"))
                .isEqualTo("notAllowed");
        assertThat(assertInvalid(() -> engine.score("gbt42195", with(gbt42195Answers(), "careRiskEvents30Days", 2.5)), "careRiskEvents30Days"))
                .isEqualTo("notInteger");
    }

    @Test
    void firstOffendingFieldFollowsTheDocumentedOrder() {
        var answers = with(with(without(gbt42195Answers(), "coma"), "B4.4", 4), "B2.4", 4);
        assertInvalid(() -> engine.score("gbt42195", answers), "B2.4");
        var typed = new java.util.ArrayList<>(java.util.Collections.nCopies(26, 1));
        typed.set(11, 4);
        assertInvalid(() -> Gbt42195Scorer.Input.of(typed, false, false, 0), "B2.4");
        assertInvalid(() -> Gbt42195Scorer.Input.of(List.of(1, 1), false, false, 0), "B1.3");
    }
}
