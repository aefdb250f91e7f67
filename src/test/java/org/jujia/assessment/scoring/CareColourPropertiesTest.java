package org.jujia.assessment.scoring;

import org.jujia.shared.CareColour;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.jujia.assessment.scoring.LawtonIadlScorer.Option;

/**
 * Properties of the four-colour rule (ASSESSMENT.md §8.2): a better answer anywhere never worsens the colour, a
 * worse answer never improves it, floors never lower it, and frailty or nutrition never change it.
 */
class CareColourPropertiesTest {

    @Provide
    Arbitrary<CareColourScorer.Input> composite() {
        return Generators.careColour();
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
    Arbitrary<Gbt42195Scorer.Input> gbt42195() {
        return Generators.gbt42195();
    }

    @Provide
    Arbitrary<HardshipSelfCareScorer.Input> hardship() {
        return Generators.hardship();
    }

    static CareColour colour(CareColourScorer.Input in) {
        return CareColourScorer.score(in).colour();
    }

    static void assertNotWorse(CareColourScorer.Input better, CareColourScorer.Input original) {
        assertThat(colour(better).ordinal()).as("colour after the improvement").isLessThanOrEqualTo(colour(original).ordinal());
    }

    static CareColourScorer.Input replace(CareColourScorer.Input in, BarthelScorer.Input barthel, LawtonIadlScorer.Input iadl,
            MmseScorer.Input mmse, FrailScorer.Input frail, Nrs2002Scorer.Input nrs, Gbt42195Scorer.Input gbt,
            HardshipSelfCareScorer.Input hardship) {
        return new CareColourScorer.Input(barthel == null ? in.barthel() : barthel, iadl == null ? in.iadl() : iadl,
                mmse == null ? in.mmse() : mmse, frail == null ? in.frail() : frail, nrs == null ? in.nrs2002() : nrs,
                gbt == null ? in.gbt42195() : gbt, hardship == null ? in.hardship() : hardship);
    }

    @Property
    void improvingABarthelItemNeverWorsensTheColour(@ForAll("composite") CareColourScorer.Input in, @ForAll @IntRange(min = 0, max = 9) int item,
            @ForAll @IntRange(min = 1, max = 3) int steps) {
        int[] items = in.barthel().items();
        int[] allowed = BarthelScorer.Item.values()[item].allowed();
        items[item] = allowed[Math.min(allowed.length - 1, Arrays.binarySearch(allowed, items[item]) + steps)];
        assertNotWorse(replace(in, Generators.barthelOf(items), null, null, null, null, null, null), in);
    }

    @Property
    void improvingAnMmseItemNeverWorsensTheColour(@ForAll("composite") CareColourScorer.Input in, @ForAll @IntRange(min = 0, max = 10) int item,
            @ForAll @IntRange(min = 1, max = 5) int by) {
        int[] items = in.mmse().items();
        items[item] = Math.min(MmseScorer.Item.values()[item].max(), items[item] + by);
        assertNotWorse(replace(in, null, null, Generators.mmseOf(items, in.mmse().education()), null, null, null, null), in);
    }

    @Property
    void improvingAnIadlAnswerNeverWorsensTheColour(@ForAll("composite") CareColourScorer.Input in, @ForAll @IntRange(min = 0, max = 7) int item,
            @ForAll @IntRange(min = 1, max = 4) int steps) {
        List<Option> answers = new ArrayList<>(in.iadl().answers());
        answers.set(item, Option.values()[Math.max(0, answers.get(item).ordinal() - steps)]);
        assertNotWorse(replace(in, null, Generators.iadlOf(answers), null, null, null, null, null), in);
    }

    @Property
    void improvingAGbtItemNeverWorsensTheColour(@ForAll("composite") CareColourScorer.Input in, @ForAll("gbt42195") Gbt42195Scorer.Input gbt,
            @ForAll @IntRange(min = 0, max = 25) int item, @ForAll @IntRange(min = 1, max = 4) int by) {
        var withGbt = replace(in, null, null, null, null, null, gbt, null);
        List<Integer> scores = Generators.gbtScores(gbt);
        scores.set(item, Math.min(Gbt42195Scorer.Item.values()[item].max(), scores.get(item) + by));
        var better = Generators.gbtOf(scores, gbt.coma(), gbt.dementiaOrMentalDisorder(), gbt.careRiskEvents30Days());
        assertNotWorse(replace(withGbt, null, null, null, null, null, better, null), withGbt);
    }

    @Property
    void adverseGbtAdjustmentsNeverImproveTheColour(@ForAll("composite") CareColourScorer.Input in, @ForAll("gbt42195") Gbt42195Scorer.Input gbt,
            @ForAll boolean coma, @ForAll boolean dementia, @ForAll @IntRange(min = 0, max = 3) int moreEvents) {
        var withGbt = replace(in, null, null, null, null, null, gbt, null);
        var worse = new Gbt42195Scorer.Input(gbt.scores(), gbt.coma() || coma, gbt.dementiaOrMentalDisorder() || dementia,
                gbt.careRiskEvents30Days() + moreEvents);
        assertNotWorse(withGbt, replace(withGbt, null, null, null, null, null, worse, null));
    }

    @Property
    void becomingAbleInAHardshipActivityNeverWorsensTheColour(@ForAll("composite") CareColourScorer.Input in,
            @ForAll("hardship") HardshipSelfCareScorer.Input h, @ForAll @IntRange(min = 0, max = 5) int activity) {
        var withHardship = replace(in, null, null, null, null, null, null, h);
        var better = switch (activity) {
            case 0 -> new HardshipSelfCareScorer.Input(true, h.dressing(), h.bedTransfer(), h.toileting(), h.indoorWalking(), h.bathing());
            case 1 -> new HardshipSelfCareScorer.Input(h.eating(), true, h.bedTransfer(), h.toileting(), h.indoorWalking(), h.bathing());
            case 2 -> new HardshipSelfCareScorer.Input(h.eating(), h.dressing(), true, h.toileting(), h.indoorWalking(), h.bathing());
            case 3 -> new HardshipSelfCareScorer.Input(h.eating(), h.dressing(), h.bedTransfer(), true, h.indoorWalking(), h.bathing());
            case 4 -> new HardshipSelfCareScorer.Input(h.eating(), h.dressing(), h.bedTransfer(), h.toileting(), true, h.bathing());
            default -> new HardshipSelfCareScorer.Input(h.eating(), h.dressing(), h.bedTransfer(), h.toileting(), h.indoorWalking(), true);
        };
        assertNotWorse(replace(withHardship, null, null, null, null, null, null, better), withHardship);
    }

    @Property
    void floorsOnFileNeverLowerTheColour(@ForAll("composite") CareColourScorer.Input in, @ForAll("gbt42195") Gbt42195Scorer.Input gbt,
            @ForAll("hardship") HardshipSelfCareScorer.Input h) {
        var bare = new CareColourScorer.Input(in.barthel(), in.iadl(), in.mmse(), in.frail(), in.nrs2002(), null, null);
        var withFloors = new CareColourScorer.Input(in.barthel(), in.iadl(), in.mmse(), in.frail(), in.nrs2002(), gbt, h);
        assertNotWorse(bare, withFloors);
        CareColour c = colour(withFloors);
        assertThat(c.ordinal()).isGreaterThanOrEqualTo(CareColourScorer.floorFromGbt42195(Gbt42195Scorer.score(gbt).finalLevel()).ordinal());
        assertThat(c.ordinal()).isGreaterThanOrEqualTo(CareColourScorer.floorFromHardship(HardshipSelfCareScorer.score(h).category()).ordinal());
    }

    @Property
    void frailtyAndNutritionNeverChangeTheColour(@ForAll("composite") CareColourScorer.Input in, @ForAll("frail") FrailScorer.Input frail,
            @ForAll("nrs2002") Nrs2002Scorer.Input nrs) {
        assertThat(colour(replace(in, null, null, null, frail, nrs, null, null))).isEqualTo(colour(in));
    }

    @Property
    void colourIsBetweenTheBaseAndOneStepAboveItUnlessAFloorApplies(@ForAll("composite") CareColourScorer.Input in) {
        var r = CareColourScorer.score(in);
        assertThat(r.baseFromBarthel()).isEqualTo(CareColourScorer.baseFromBarthel(BarthelScorer.score(in.barthel()).band()));
        assertThat(r.colour().ordinal()).isGreaterThanOrEqualTo(r.baseFromBarthel().ordinal());
        if (in.gbt42195() == null && in.hardship() == null) {
            assertThat(r.colour().ordinal()).isLessThanOrEqualTo(r.baseFromBarthel().ordinal() + 1);
        }
    }

    @Property
    void flagsMirrorTheComponents(@ForAll("composite") CareColourScorer.Input in) {
        var flags = CareColourScorer.score(in).flags();
        assertThat(flags.contains(CareFlag.COGNITIVE_IMPAIRMENT)).isEqualTo(MmseScorer.score(in.mmse()).cognitiveImpairment());
        assertThat(flags.contains(CareFlag.IADL_DEPENDENCE)).isEqualTo(!LawtonIadlScorer.score(in.iadl()).independent());
        var frail = FrailScorer.score(in.frail()).band();
        assertThat(flags.contains(CareFlag.PRE_FRAIL)).isEqualTo(frail == FrailScorer.Band.PRE_FRAIL);
        assertThat(flags.contains(CareFlag.FRAIL)).isEqualTo(frail == FrailScorer.Band.FRAIL);
        assertThat(flags.contains(CareFlag.NUTRITIONAL_RISK)).isEqualTo(Nrs2002Scorer.score(in.nrs2002()).atRisk());
        assertThat(flags).isSorted();
    }
}
