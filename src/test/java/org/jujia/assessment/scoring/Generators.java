package org.jujia.assessment.scoring;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.jujia.assessment.scoring.LawtonIadlScorer.Option;
import org.jujia.assessment.scoring.MmseScorer.Education;

/** jqwik generators of valid typed inputs, and builders from plain item arrays (for "change one item" properties). */
final class Generators {

    private Generators() {
    }

    // ---- builders ----------------------------------------------------------------------------------------

    static BarthelScorer.Input barthelOf(int[] v) {
        return new BarthelScorer.Input(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
    }

    static MmseScorer.Input mmseOf(int[] v, Education e) {
        return new MmseScorer.Input(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], e);
    }

    static LawtonIadlScorer.Input iadlOf(List<Option> o) {
        return new LawtonIadlScorer.Input(o.get(0), o.get(1), o.get(2), o.get(3), o.get(4), o.get(5), o.get(6), o.get(7));
    }

    static Gbt42195Scorer.Input gbtOf(List<Integer> scores, boolean coma, boolean dementia, int events) {
        return Gbt42195Scorer.Input.of(scores, coma, dementia, events);
    }

    static List<Integer> gbtScores(Gbt42195Scorer.Input in) {
        List<Integer> scores = new ArrayList<>();
        for (Gbt42195Scorer.Item item : Gbt42195Scorer.Item.values()) {
            scores.add(in.scores().get(item));
        }
        return scores;
    }

    // ---- arbitraries -------------------------------------------------------------------------------------

    /** Indices into each Barthel item's permitted values. */
    static Arbitrary<int[]> barthelItems() {
        BarthelScorer.Item[] items = BarthelScorer.Item.values();
        return Arbitraries.integers().between(0, 3).list().ofSize(items.length).map(ix -> {
            int[] v = new int[items.length];
            for (int i = 0; i < items.length; i++) {
                int[] allowed = items[i].allowed();
                v[i] = allowed[ix.get(i) % allowed.length];
            }
            return v;
        });
    }

    static Arbitrary<BarthelScorer.Input> barthel() {
        return barthelItems().map(Generators::barthelOf);
    }

    static Arbitrary<int[]> mmseItems() {
        MmseScorer.Item[] items = MmseScorer.Item.values();
        return Arbitraries.integers().between(0, 5).list().ofSize(items.length).map(ix -> {
            int[] v = new int[items.length];
            for (int i = 0; i < items.length; i++) {
                v[i] = Math.min(ix.get(i), items[i].max());
            }
            return v;
        });
    }

    static Arbitrary<MmseScorer.Input> mmse() {
        return Combinators.combine(mmseItems(), Arbitraries.of(Education.class)).as(Generators::mmseOf);
    }

    static Arbitrary<List<Option>> iadlAnswers() {
        LawtonIadlScorer.Item[] items = LawtonIadlScorer.Item.values();
        return Arbitraries.integers().between(0, 4).list().ofSize(items.length).map(ix -> {
            List<Option> o = new ArrayList<>();
            for (int i = 0; i < items.length; i++) {
                List<Option> options = items[i].options();
                o.add(options.get(ix.get(i) % options.size()));
            }
            return o;
        });
    }

    static Arbitrary<LawtonIadlScorer.Input> iadl() {
        return iadlAnswers().map(Generators::iadlOf);
    }

    static Arbitrary<FrailScorer.Input> frail() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, FrailScorer.ILLNESSES), Arbitraries.of(true, false)).as(FrailScorer.Input::new);
    }

    static Arbitrary<Nrs2002Scorer.FinalScreening> nrsFinal() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 130)).as(Nrs2002Scorer.FinalScreening::new);
    }

    static Arbitrary<Nrs2002Scorer.InitialScreening> nrsInitial() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(true, false)).as(Nrs2002Scorer.InitialScreening::new);
    }

    static Arbitrary<Nrs2002Scorer.Input> nrs2002() {
        return Combinators.combine(nrsInitial(), nrsFinal()).as(Nrs2002Scorer.Input::new);
    }

    static Arbitrary<List<Integer>> zbiAnswers() {
        return Arbitraries.integers().between(0, ZbiScorer.MAX_ITEM).list().ofSize(ZbiScorer.ITEMS);
    }

    static Arbitrary<List<Integer>> gbtItemScores() {
        Gbt42195Scorer.Item[] items = Gbt42195Scorer.Item.values();
        return Arbitraries.integers().between(0, 4).list().ofSize(items.length).map(ix -> {
            List<Integer> v = new ArrayList<>();
            for (int i = 0; i < items.length; i++) {
                v.add(Math.min(ix.get(i), items[i].max()));
            }
            return v;
        });
    }

    static Arbitrary<Gbt42195Scorer.Input> gbt42195() {
        return Combinators.combine(gbtItemScores(), Arbitraries.of(false, false, false, true), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 5)).as(Generators::gbtOf);
    }

    static Arbitrary<HardshipSelfCareScorer.Input> hardship() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false)).as(HardshipSelfCareScorer.Input::new);
    }

    static Arbitrary<CareColourScorer.Input> careColour() {
        return Combinators.combine(barthel(), iadl(), mmse(), frail(), nrs2002(), gbt42195().injectNull(0.4), hardship().injectNull(0.4))
                .as(CareColourScorer.Input::new);
    }
}
