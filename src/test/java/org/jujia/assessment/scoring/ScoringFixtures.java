package org.jujia.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jujia.assessment.scoring.LawtonIadlScorer.Option;
import org.jujia.shared.ValidationException;

/** Valid answers for every instrument (typed and as JSON-like maps) and inputs with a chosen total. */
public final class ScoringFixtures {

    private ScoringFixtures() {
    }

    // ---- assertions ---------------------------------------------------------------------------------------

    /** Asserts a validation error whose first offending field is {@code field}; returns the code. */
    public static String assertInvalid(ThrowingCallable call, String field) {
        var holder = new String[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.violations()).isNotEmpty();
            assertThat(e.violations().get(0).field()).as("first offending field").isEqualTo(field);
            holder[0] = e.violations().get(0).code();
        });
        return holder[0];
    }

    // ---- typed inputs with a chosen total -----------------------------------------------------------------

    /** A Barthel input with the given total (a multiple of 5), filled greedily in item order. */
    public static BarthelScorer.Input barthel(int total) {
        if (total % 5 != 0 || total < 0 || total > 100) {
            throw new IllegalArgumentException("unreachable Barthel total " + total);
        }
        int[] v = new int[10];
        int left = total;
        BarthelScorer.Item[] items = BarthelScorer.Item.values();
        for (int i = 0; i < items.length; i++) {
            int[] allowed = items[i].allowed();
            v[i] = Math.min(allowed[allowed.length - 1], left);
            left -= v[i];
        }
        return new BarthelScorer.Input(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9]);
    }

    /** An MMSE input with the given total 0–30, filled greedily in item order. */
    public static MmseScorer.Input mmse(int total, MmseScorer.Education education) {
        int[] v = new int[11];
        int left = total;
        for (MmseScorer.Item item : MmseScorer.Item.values()) {
            v[item.ordinal()] = Math.min(item.max(), left);
            left -= v[item.ordinal()];
        }
        if (left != 0) {
            throw new IllegalArgumentException("MMSE total " + total);
        }
        return new MmseScorer.Input(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], education);
    }

    /** A Lawton input with the given total 0–8: the first items answered A (1 point), the rest their last option (0). */
    public static LawtonIadlScorer.Input iadl(int total) {
        List<Option> o = new ArrayList<>();
        for (LawtonIadlScorer.Item item : LawtonIadlScorer.Item.values()) {
            List<Option> options = item.options();
            o.add(item.ordinal() < total ? Option.A : options.get(options.size() - 1));
        }
        return new LawtonIadlScorer.Input(o.get(0), o.get(1), o.get(2), o.get(3), o.get(4), o.get(5), o.get(6), o.get(7));
    }

    /** A FRAIL input with the given total 0–5 (the first items positive; illness item via 5 illnesses). */
    public static FrailScorer.Input frail(int total) {
        return new FrailScorer.Input(total >= 1, total >= 2, total >= 3, total >= 4 ? 5 : 0, total >= 5);
    }

    /** NRS 2002: negative initial screen when total is null, else a positive screen with that total (0–7). */
    public static Nrs2002Scorer.Input nrs2002(Integer total) {
        if (total == null) {
            return new Nrs2002Scorer.Input(new Nrs2002Scorer.InitialScreening(false, false, false, false), null);
        }
        int age = total >= 1 ? 75 : 65;
        int rest = total - (total >= 1 ? 1 : 0);
        int nutrition = Math.min(3, rest);
        return new Nrs2002Scorer.Input(new Nrs2002Scorer.InitialScreening(true, false, false, false),
                new Nrs2002Scorer.FinalScreening(nutrition, rest - nutrition, age));
    }

    /** A GB/T 42195 input with the given total 0–90, filled greedily in item order. */
    public static Gbt42195Scorer.Input gbt42195(int total, boolean coma, boolean dementia, int events) {
        Map<Gbt42195Scorer.Item, Integer> scores = new EnumMap<>(Gbt42195Scorer.Item.class);
        int left = total;
        for (Gbt42195Scorer.Item item : Gbt42195Scorer.Item.values()) {
            int v = Math.min(item.max(), left);
            scores.put(item, v);
            left -= v;
        }
        if (left != 0) {
            throw new IllegalArgumentException("GB/T total " + total);
        }
        return new Gbt42195Scorer.Input(scores, coma, dementia, events);
    }

    public static Gbt42195Scorer.Input gbt42195(int total) {
        return gbt42195(total, false, false, 0);
    }

    /** A hardship input with the first {@code unable} activities unable. */
    public static HardshipSelfCareScorer.Input hardship(int unable) {
        return new HardshipSelfCareScorer.Input(unable < 1, unable < 2, unable < 3, unable < 4, unable < 5, unable < 6);
    }

    // ---- valid JSON-like answers (fresh mutable maps, keys in documented order) ---------------------------

    public static Map<String, Object> mmseAnswers() {
        return map("timeOrientation", 5, "placeOrientation", 5, "registration", 3, "attentionCalculation", 5, "recall", 3, "naming", 2,
                "repetition", 1, "threeStepCommand", 3, "reading", 1, "writing", 1, "copying", 1, "education", "MIDDLE_OR_ABOVE");
    }

    public static Map<String, Object> barthelAnswers() {
        return map("feeding", 10, "bathing", 5, "grooming", 5, "dressing", 10, "bowels", 10, "bladder", 10, "toiletUse", 10,
                "transfer", 15, "mobility", 15, "stairs", 10);
    }

    public static Map<String, Object> iadlAnswers() {
        return map("telephone", "A", "shopping", "A", "foodPreparation", "A", "housekeeping", "A", "laundry", "A", "transportation", "A",
                "medication", "A", "finances", "A");
    }

    public static Map<String, Object> frailAnswers() {
        return map("fatigue", false, "resistance", false, "ambulation", false, "illnessCount", 0, "weightLossOver5Percent", false);
    }

    public static Map<String, Object> nrs2002Answers() {
        return map("initial", map("lowBmi", true, "weightLoss3Months", false, "reducedIntakeLastWeek", false, "severelyIll", false),
                "final", map("nutritionalStatusScore", 1, "diseaseSeverityScore", 1, "age", 70));
    }

    public static Map<String, Object> nrs2002NegativeAnswers() {
        return map("initial", map("lowBmi", false, "weightLoss3Months", false, "reducedIntakeLastWeek", false, "severelyIll", false));
    }

    public static Map<String, Object> zbiAnswers(int each) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int n = 1; n <= 22; n++) {
            m.put("q" + n, each);
        }
        return m;
    }

    public static Map<String, Object> gbt42195Answers() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Gbt42195Scorer.Item item : Gbt42195Scorer.Item.values()) {
            m.put(item.key(), item.max());
        }
        m.put("coma", false);
        m.put("dementiaOrMentalDisorder", false);
        m.put("careRiskEvents30Days", 0);
        return m;
    }

    public static Map<String, Object> hardshipAnswers() {
        return map("eating", true, "dressing", true, "bedTransfer", true, "toileting", true, "indoorWalking", true, "bathing", true);
    }

    public static Map<String, Object> careColourAnswers() {
        return map("barthel", barthelAnswers(), "iadl", iadlAnswers(), "mmse", mmseAnswers(), "frail", frailAnswers(), "nrs2002",
                nrs2002NegativeAnswers());
    }

    /** A mutable, insertion-ordered map from alternating keys and values. */
    public static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** A copy of a (possibly nested) answer map with one key set ({@code "a.b"} reaches into nested maps); value null removes nothing but sets null. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> with(Map<String, Object> answers, String path, Object value) {
        Map<String, Object> copy = deepCopy(answers);
        Map<String, Object> target = copy;
        String[] parts = splitPath(path);
        for (int i = 0; i < parts.length - 1; i++) {
            target = (Map<String, Object>) target.get(parts[i]);
        }
        target.put(parts[parts.length - 1], value);
        return copy;
    }

    /** A copy with one key removed ({@code "a.b"} reaches into nested maps). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> without(Map<String, Object> answers, String path) {
        Map<String, Object> copy = deepCopy(answers);
        Map<String, Object> target = copy;
        String[] parts = splitPath(path);
        for (int i = 0; i < parts.length - 1; i++) {
            target = (Map<String, Object>) target.get(parts[i]);
        }
        target.remove(parts[parts.length - 1]);
        return copy;
    }

    /** Splits on the dot that separates components; GB/T keys such as {@code B2.4} stay whole. */
    private static String[] splitPath(String path) {
        return path.split("\\.(?![0-9])");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> m) {
        Map<String, Object> copy = new LinkedHashMap<>();
        m.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> nested ? deepCopy((Map<String, Object>) nested) : v));
        return copy;
    }
}
