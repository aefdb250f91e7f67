package org.jujia.assessment.scoring;

import static org.jujia.assessment.scoring.ScoringFixtures.assertInvalid;
import static org.jujia.assessment.scoring.ScoringFixtures.with;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.constraints.IntRange;

/** ASSESSMENT.md §0: whatever is wrong and wherever, the error names the first offending field in documented order. */
@PropertyDefaults(edgeCases = EdgeCasesMode.FIRST)
class ValidationPropertiesTest {

    final ScoringEngine engine = new ScoringEngine();

    @Provide
    Arbitrary<Object> badInteger() {
        return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of("5", "", "ten", "A"), Arbitraries.of(true, false),
                Arbitraries.doubles().between(0.01, 0.99).map(d -> 5 + d), Arbitraries.integers().between(16, 10_000),
                Arbitraries.integers().between(-10_000, -1));
    }

    /** Also integers that are in range but not among Barthel's permitted multiples of 5. */
    @Provide
    Arbitrary<Object> badBarthel() {
        return Arbitraries.oneOf(badInteger(), Arbitraries.of(1, 2, 3, 4, 6, 7, 8, 9, 11, 12, 13, 14));
    }

    @Provide
    Arbitrary<Object> badBoolean() {
        return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of("true", "false", "yes", "no", ""), Arbitraries.integers().between(-2, 2));
    }

    /** Barthel: one or two bad items; the earlier documented one is named. */
    @Property
    void barthelNamesTheFirstBadItem(@ForAll @IntRange(min = 0, max = 9) int a, @ForAll @IntRange(min = 0, max = 9) int b,
            @ForAll("badBarthel") Object badA, @ForAll("badBarthel") Object badB) {
        var items = BarthelScorer.Item.values();
        Map<String, Object> answers = with(with(ScoringFixtures.barthelAnswers(), items[a].key(), badA), items[b].key(), badB);
        assertInvalid(() -> engine.score("barthel", answers), items[Math.min(a, b)].key());
    }

    /** ZBI: one or two bad items anywhere in q1..q22. */
    @Property
    void zbiNamesTheFirstBadItem(@ForAll @IntRange(min = 1, max = 22) int a, @ForAll @IntRange(min = 1, max = 22) int b,
            @ForAll("badInteger") Object badA, @ForAll("badInteger") Object badB) {
        Map<String, Object> answers = with(with(ScoringFixtures.zbiAnswers(2), "q" + a, badA), "q" + b, badB);
        assertInvalid(() -> engine.score("zbi", answers), "q" + Math.min(a, b));
    }

    /** GB/T 42195: a bad item (ints above the item maximum included) is named. */
    @Property
    void gbtNamesTheFirstBadItem(@ForAll @IntRange(min = 0, max = 25) int a, @ForAll @IntRange(min = 0, max = 25) int b,
            @ForAll("badInteger") Object badA, @ForAll("badInteger") Object badB) {
        var items = Gbt42195Scorer.Item.values();
        Map<String, Object> answers = with(with(ScoringFixtures.gbt42195Answers(), items[a].key(), badA), items[b].key(), badB);
        assertInvalid(() -> engine.score("gbt42195", answers), items[Math.min(a, b)].key());
    }

    /** Hardship: any non-boolean is named. */
    @Property
    void hardshipNamesTheFirstBadActivity(@ForAll @IntRange(min = 0, max = 5) int a, @ForAll @IntRange(min = 0, max = 5) int b,
            @ForAll("badBoolean") Object badA, @ForAll("badBoolean") Object badB) {
        String[] keys = { "eating", "dressing", "bedTransfer", "toileting", "indoorWalking", "bathing" };
        Map<String, Object> answers = with(with(ScoringFixtures.hardshipAnswers(), keys[a], badA), keys[b], badB);
        assertInvalid(() -> engine.score("hardship-self-care", answers), keys[Math.min(a, b)]);
    }
}
