package org.jujia.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.jujia.assessment.scoring.LawtonIadlScorer.Option;
import org.jujia.assessment.scoring.MmseScorer.Education;

/**
 * Properties of every instrument: totals stay in range; improving any single answer never lowers a "higher is
 * better" total nor worsens its band; raising any single answer of a "higher is worse" instrument never improves
 * its result; band functions are monotone.
 */
class ScoringPropertiesTest {

    // ---- generators ----------------------------------------------------------------------------------------

    @Provide
    Arbitrary<int[]> barthelItems() {
        return Generators.barthelItems();
    }

    @Provide
    Arbitrary<int[]> mmseItems() {
        return Generators.mmseItems();
    }

    @Provide
    Arbitrary<List<Option>> iadlAnswers() {
        return Generators.iadlAnswers();
    }

    @Provide
    Arbitrary<FrailScorer.Input> frail() {
        return Generators.frail();
    }

    @Provide
    Arbitrary<Nrs2002Scorer.Input> nrs2002() {
        return Generators.nrs2002();
    }

    @Provide
    Arbitrary<List<Integer>> zbiAnswers() {
        return Generators.zbiAnswers();
    }

    @Provide
    Arbitrary<Gbt42195Scorer.Input> gbt42195() {
        return Generators.gbt42195();
    }

    @Provide
    Arbitrary<HardshipSelfCareScorer.Input> hardship() {
        return Generators.hardship();
    }

    // ---- Barthel -------------------------------------------------------------------------------------------

    @Property
    void barthelTotalIsAMultipleOfFiveFromZeroToHundred(@ForAll("barthelItems") int[] items) {
        var r = BarthelScorer.score(Generators.barthelOf(items));
        assertThat(r.total()).isBetween(0, 100);
        assertThat(r.total() % 5).isZero();
        assertThat(r.band()).isEqualTo(BarthelScorer.Band.of(r.total()));
    }

    @Property
    void raisingABarthelItemNeverLowersTheTotalNorWorsensTheBand(@ForAll("barthelItems") int[] items,
            @ForAll @IntRange(min = 0, max = 9) int item, @ForAll @IntRange(min = 1, max = 3) int steps) {
        int[] allowed = BarthelScorer.Item.values()[item].allowed();
        int[] raised = items.clone();
        int index = java.util.Arrays.binarySearch(allowed, items[item]);
        raised[item] = allowed[Math.min(allowed.length - 1, index + steps)];
        var before = BarthelScorer.score(Generators.barthelOf(items));
        var after = BarthelScorer.score(Generators.barthelOf(raised));
        assertThat(after.total()).isGreaterThanOrEqualTo(before.total());
        assertThat(after.band().ordinal()).isLessThanOrEqualTo(before.band().ordinal());
    }

    @Property
    void barthelBandFunctionIsMonotone(@ForAll @IntRange(min = 0, max = 100) int a, @ForAll @IntRange(min = 0, max = 100) int b) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        assertThat(BarthelScorer.Band.of(hi).ordinal()).isLessThanOrEqualTo(BarthelScorer.Band.of(lo).ordinal());
    }

    // ---- MMSE ----------------------------------------------------------------------------------------------

    @Property
    void mmseTotalStaysInRange(@ForAll("mmseItems") int[] items, @ForAll Education education) {
        var r = MmseScorer.score(Generators.mmseOf(items, education));
        assertThat(r.total()).isBetween(0, 30);
        assertThat(r.cognitiveImpairment()).isEqualTo(r.total() <= r.cutoff());
    }

    @Property
    void raisingAnMmseItemNeverLowersTheTotalNorWorsensBandOrImpairment(@ForAll("mmseItems") int[] items, @ForAll Education education,
            @ForAll @IntRange(min = 0, max = 10) int item, @ForAll @IntRange(min = 1, max = 5) int by) {
        int[] raised = items.clone();
        raised[item] = Math.min(MmseScorer.Item.values()[item].max(), items[item] + by);
        var before = MmseScorer.score(Generators.mmseOf(items, education));
        var after = MmseScorer.score(Generators.mmseOf(raised, education));
        assertThat(after.total()).isGreaterThanOrEqualTo(before.total());
        assertThat(after.severityBand().ordinal()).isLessThanOrEqualTo(before.severityBand().ordinal());
        if (!before.cognitiveImpairment()) {
            assertThat(after.cognitiveImpairment()).isFalse();
        }
    }

    @Property
    void mmseBandsAndCutOffsAreMonotone(@ForAll @IntRange(min = 0, max = 30) int a, @ForAll @IntRange(min = 0, max = 30) int b,
            @ForAll Education education) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        assertThat(MmseScorer.SeverityBand.of(hi).ordinal()).isLessThanOrEqualTo(MmseScorer.SeverityBand.of(lo).ordinal());
        if (MmseScorer.cognitiveImpairment(hi, education)) {
            assertThat(MmseScorer.cognitiveImpairment(lo, education)).isTrue();
        }
    }

    @Property
    void higherEducationNeverLowersTheCutOff(@ForAll Education a, @ForAll Education b) {
        if (a.ordinal() <= b.ordinal()) {
            assertThat(MmseScorer.cutoff(a)).isLessThanOrEqualTo(MmseScorer.cutoff(b));
        }
    }

    // ---- Lawton IADL ---------------------------------------------------------------------------------------

    @Property
    void iadlTotalStaysInRange(@ForAll("iadlAnswers") List<Option> answers) {
        var r = LawtonIadlScorer.score(Generators.iadlOf(answers));
        assertThat(r.total()).isBetween(0, 8);
        assertThat(r.independent()).isEqualTo(r.total() == 8);
    }

    @Property
    void movingAnIadlAnswerTowardsANeverLowersTheTotal(@ForAll("iadlAnswers") List<Option> answers,
            @ForAll @IntRange(min = 0, max = 7) int item, @ForAll @IntRange(min = 1, max = 4) int steps) {
        List<Option> better = new ArrayList<>(answers);
        better.set(item, Option.values()[Math.max(0, answers.get(item).ordinal() - steps)]);
        var before = LawtonIadlScorer.score(Generators.iadlOf(answers));
        var after = LawtonIadlScorer.score(Generators.iadlOf(better));
        assertThat(after.total()).isGreaterThanOrEqualTo(before.total());
        if (before.independent()) {
            assertThat(after.independent()).isTrue();
        }
    }

    // ---- FRAIL (higher is worse) ---------------------------------------------------------------------------

    @Property
    void frailTotalStaysInRange(@ForAll("frail") FrailScorer.Input in) {
        var r = FrailScorer.score(in);
        assertThat(r.total()).isBetween(0, 5);
        assertThat(r.band()).isEqualTo(FrailScorer.Band.of(r.total()));
    }

    @Property
    void raisingAFrailAnswerNeverImprovesTheResult(@ForAll("frail") FrailScorer.Input in, @ForAll @IntRange(min = 0, max = 4) int item,
            @ForAll @IntRange(min = 1, max = 11) int by) {
        var raised = switch (item) {
            case 0 -> new FrailScorer.Input(true, in.resistance(), in.ambulation(), in.illnessCount(), in.weightLossOver5Percent());
            case 1 -> new FrailScorer.Input(in.fatigue(), true, in.ambulation(), in.illnessCount(), in.weightLossOver5Percent());
            case 2 -> new FrailScorer.Input(in.fatigue(), in.resistance(), true, in.illnessCount(), in.weightLossOver5Percent());
            case 3 -> new FrailScorer.Input(in.fatigue(), in.resistance(), in.ambulation(), Math.min(11, in.illnessCount() + by),
                    in.weightLossOver5Percent());
            default -> new FrailScorer.Input(in.fatigue(), in.resistance(), in.ambulation(), in.illnessCount(), true);
        };
        var before = FrailScorer.score(in);
        var after = FrailScorer.score(raised);
        assertThat(after.total()).isGreaterThanOrEqualTo(before.total());
        assertThat(after.band().ordinal()).isGreaterThanOrEqualTo(before.band().ordinal());
    }

    @Property
    void frailBandsAreMonotone(@ForAll @IntRange(min = 0, max = 5) int a, @ForAll @IntRange(min = 0, max = 5) int b) {
        if (a <= b) {
            assertThat(FrailScorer.Band.of(a).ordinal()).isLessThanOrEqualTo(FrailScorer.Band.of(b).ordinal());
        }
    }

    @Property
    void illnessPointIsMonotone(@ForAll @IntRange(min = 0, max = 11) int a, @ForAll @IntRange(min = 0, max = 11) int b) {
        if (a <= b) {
            assertThat(FrailScorer.illnessPoint(a)).isLessThanOrEqualTo(FrailScorer.illnessPoint(b));
        }
    }

    // ---- NRS 2002 (higher is worse) ------------------------------------------------------------------------

    @Property
    void nrsTotalStaysInRangeOrIsNullWhenNotScreened(@ForAll("nrs2002") Nrs2002Scorer.Input in) {
        var r = Nrs2002Scorer.score(in);
        assertThat(r.finalScreeningRequired()).isEqualTo(in.initial().positive());
        if (r.finalScreeningRequired()) {
            assertThat(r.total()).isBetween(0, 7);
            assertThat(r.atRisk()).isEqualTo(r.total() >= 3);
        } else {
            assertThat(r.total()).isNull();
            assertThat(r.atRisk()).isFalse();
        }
        assertThat(r.action()).isEqualTo(r.atRisk() ? Nrs2002Scorer.Action.NUTRITIONAL_CARE_PLAN : Nrs2002Scorer.Action.RESCREEN_WEEKLY);
    }

    @Property
    void raisingAFinalScreeningComponentNeverImprovesTheResult(@ForAll("nrs2002") Nrs2002Scorer.Input in,
            @ForAll @IntRange(min = 0, max = 2) int component, @ForAll @IntRange(min = 1, max = 130) int by) {
        var f = new Nrs2002Scorer.FinalScreening(3, 3, 130);
        if (in.finalScreening() != null) {
            f = in.finalScreening();
        }
        var raised = switch (component) {
            case 0 -> new Nrs2002Scorer.FinalScreening(Math.min(3, f.nutritionalStatusScore() + by), f.diseaseSeverityScore(), f.age());
            case 1 -> new Nrs2002Scorer.FinalScreening(f.nutritionalStatusScore(), Math.min(3, f.diseaseSeverityScore() + by), f.age());
            default -> new Nrs2002Scorer.FinalScreening(f.nutritionalStatusScore(), f.diseaseSeverityScore(), Math.min(130, f.age() + by));
        };
        var before = Nrs2002Scorer.score(new Nrs2002Scorer.Input(in.initial(), f));
        var after = Nrs2002Scorer.score(new Nrs2002Scorer.Input(in.initial(), raised));
        if (before.total() != null) {
            assertThat(after.total()).isGreaterThanOrEqualTo(before.total());
        }
        if (before.atRisk()) {
            assertThat(after.atRisk()).isTrue();
        }
    }

    @Property
    void agePointAndRiskAreMonotone(@ForAll @IntRange(min = 0, max = 130) int a, @ForAll @IntRange(min = 0, max = 130) int b) {
        if (a <= b) {
            assertThat(Nrs2002Scorer.agePoint(a)).isLessThanOrEqualTo(Nrs2002Scorer.agePoint(b));
            if (Nrs2002Scorer.atRisk(Math.min(a, 7))) {
                assertThat(Nrs2002Scorer.atRisk(Math.min(b, 7))).isTrue();
            }
        }
    }

    // ---- ZBI (higher is worse) -----------------------------------------------------------------------------

    @Property
    void zbiTotalStaysInRange(@ForAll("zbiAnswers") List<Integer> answers) {
        var r = ZbiScorer.score(new ZbiScorer.Input(answers));
        assertThat(r.total()).isBetween(0, 88);
        assertThat(r.highRiskCaregiver()).isEqualTo(r.total() >= 40);
    }

    @Property
    void raisingAZbiAnswerNeverImprovesTheResult(@ForAll("zbiAnswers") List<Integer> answers, @ForAll @IntRange(min = 0, max = 21) int item,
            @ForAll @IntRange(min = 1, max = 4) int by) {
        List<Integer> raised = new ArrayList<>(answers);
        raised.set(item, Math.min(4, answers.get(item) + by));
        var before = ZbiScorer.score(new ZbiScorer.Input(answers));
        var after = ZbiScorer.score(new ZbiScorer.Input(raised));
        assertThat(after.total()).isGreaterThanOrEqualTo(before.total());
        assertThat(after.band().ordinal()).isGreaterThanOrEqualTo(before.band().ordinal());
        if (before.highRiskCaregiver()) {
            assertThat(after.highRiskCaregiver()).isTrue();
        }
    }

    @Property
    void zbiBandsAreMonotone(@ForAll @IntRange(min = 0, max = 88) int a, @ForAll @IntRange(min = 0, max = 88) int b) {
        if (a <= b) {
            assertThat(ZbiScorer.Band.of(a).ordinal()).isLessThanOrEqualTo(ZbiScorer.Band.of(b).ordinal());
            assertThat(!ZbiScorer.highRiskCaregiver(a) || ZbiScorer.highRiskCaregiver(b)).isTrue();
        }
    }

    // ---- GB/T 42195 ----------------------------------------------------------------------------------------

    @Property
    void gbtTotalsStayInRange(@ForAll("gbt42195") Gbt42195Scorer.Input in) {
        var r = Gbt42195Scorer.score(in);
        assertThat(r.total()).isBetween(0, 90);
        assertThat(r.dimensions().selfCare()).isBetween(0, 32);
        assertThat(r.dimensions().basicMotor()).isBetween(0, 15);
        assertThat(r.dimensions().mentalState()).isBetween(0, 28);
        assertThat(r.dimensions().perceptionSocial()).isBetween(0, 15);
        assertThat(r.dimensions().selfCare() + r.dimensions().basicMotor() + r.dimensions().mentalState() + r.dimensions().perceptionSocial())
                .isEqualTo(r.total());
        assertThat(r.finalLevel().ordinal()).isGreaterThanOrEqualTo(r.initialLevel().ordinal());
        if (!in.coma()) {
            assertThat(r.finalLevel().ordinal()).isLessThanOrEqualTo(r.initialLevel().ordinal() + 1);
        }
    }

    @Property
    void raisingAGbtItemNeverWorsensEitherLevel(@ForAll("gbt42195") Gbt42195Scorer.Input in, @ForAll @IntRange(min = 0, max = 25) int item,
            @ForAll @IntRange(min = 1, max = 4) int by) {
        List<Integer> raised = Generators.gbtScores(in);
        raised.set(item, Math.min(Gbt42195Scorer.Item.values()[item].max(), raised.get(item) + by));
        var before = Gbt42195Scorer.score(in);
        var after = Gbt42195Scorer.score(Generators.gbtOf(raised, in.coma(), in.dementiaOrMentalDisorder(), in.careRiskEvents30Days()));
        assertThat(after.total()).isGreaterThanOrEqualTo(before.total());
        assertThat(after.initialLevel().ordinal()).isLessThanOrEqualTo(before.initialLevel().ordinal());
        assertThat(after.finalLevel().ordinal()).isLessThanOrEqualTo(before.finalLevel().ordinal());
    }

    @Property
    void adverseAdjustmentInputsNeverImproveTheFinalLevel(@ForAll("gbt42195") Gbt42195Scorer.Input in,
            @ForAll @IntRange(min = 0, max = 2) int which, @ForAll @IntRange(min = 1, max = 5) int moreEvents) {
        var worse = switch (which) {
            case 0 -> new Gbt42195Scorer.Input(in.scores(), true, in.dementiaOrMentalDisorder(), in.careRiskEvents30Days());
            case 1 -> new Gbt42195Scorer.Input(in.scores(), in.coma(), true, in.careRiskEvents30Days());
            default -> new Gbt42195Scorer.Input(in.scores(), in.coma(), in.dementiaOrMentalDisorder(), in.careRiskEvents30Days() + moreEvents);
        };
        assertThat(Gbt42195Scorer.score(worse).finalLevel().ordinal()).isGreaterThanOrEqualTo(Gbt42195Scorer.score(in).finalLevel().ordinal());
    }

    @Property
    void gbtLevelFunctionIsMonotone(@ForAll @IntRange(min = 0, max = 90) int a, @ForAll @IntRange(min = 0, max = 90) int b) {
        if (a <= b) {
            assertThat(Gbt42195Scorer.Level.initial(b).ordinal()).isLessThanOrEqualTo(Gbt42195Scorer.Level.initial(a).ordinal());
        }
    }

    // ---- special hardship (unable is worse) ----------------------------------------------------------------

    @Property
    void hardshipCountStaysInRange(@ForAll("hardship") HardshipSelfCareScorer.Input in) {
        var r = HardshipSelfCareScorer.score(in);
        assertThat(r.unableCount()).isBetween(0, 6);
        assertThat(r.category()).isEqualTo(HardshipSelfCareScorer.Category.of(r.unableCount()));
    }

    @Property
    void hardshipCategoryIsMonotone(@ForAll @IntRange(min = 0, max = 6) int a, @ForAll @IntRange(min = 0, max = 6) int b) {
        if (a <= b) {
            assertThat(HardshipSelfCareScorer.Category.of(a).ordinal()).isLessThanOrEqualTo(HardshipSelfCareScorer.Category.of(b).ordinal());
        }
    }
}
