package org.jujia.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jujia.assessment.scoring.BarthelScorer;
import org.jujia.assessment.scoring.LawtonIadlScorer;
import org.jujia.assessment.scoring.MmseScorer;

/**
 * Valid, varied item-level answers for {@code care-colour} (ASSESSMENT.md §0.1 and §8), as decoded JSON: nested
 * {@link LinkedHashMap}s of {@code Integer}, {@code String} and {@code Boolean}. Each sitting draws an "ability" in
 * [0.2, 1] (1 for a quarter of them) and answers every item near it (with some noise), so that all four colours, the MMSE education cut-offs,
 * the IADL "green guard", FRAIL bands and both NRS 2002 branches (negative initial screen, or a final screening) occur.
 * One sitting in ten also carries the optional special-hardship answers.
 */
final class AssessmentAnswers {

    private AssessmentAnswers() {
    }

    /** {@code n} sittings from a fixed seed. */
    static List<Map<String, Object>> careColour(int n, long seed) {
        Random rnd = new Random(seed);
        List<Map<String, Object>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(careColour(rnd));
        }
        return out;
    }

    static Map<String, Object> careColour(Random rnd) {
        // a quarter fully able; the others more able than not, as in the community
        double ability = rnd.nextInt(4) == 0 ? 1 : 1 - 0.8 * Math.pow(rnd.nextDouble(), 1.5);
        double cognition = Math.min(1, Math.max(0, 0.7 + 0.3 * ability + rnd.nextGaussian() * 0.12));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("barthel", barthel(ability, rnd));
        m.put("iadl", iadl(ability, rnd));
        m.put("mmse", mmse(cognition, rnd));
        m.put("frail", frail(ability, rnd));
        m.put("nrs2002", nrs2002(ability, rnd));
        if (rnd.nextInt(10) == 0) {
            m.put("hardship", hardship(ability, rnd));
        }
        return m;
    }

    private static Map<String, Object> barthel(double ability, Random rnd) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (BarthelScorer.Item item : BarthelScorer.Item.values()) {
            int[] allowed = item.allowed();
            int idx = rnd.nextDouble() < (1 - ability) * 0.6 ? rnd.nextInt(allowed.length) : (int) Math.round(ability * (allowed.length - 1));
            m.put(item.key(), allowed[idx]);
        }
        return m;
    }

    private static Map<String, Object> iadl(double ability, Random rnd) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (LawtonIadlScorer.Item item : LawtonIadlScorer.Item.values()) {
            List<LawtonIadlScorer.Option> options = item.options();
            LawtonIadlScorer.Option o = rnd.nextDouble() < 0.5 + 0.5 * ability * ability ? options.get(0) : options.get(rnd.nextInt(options.size()));
            m.put(item.key(), o.name());
        }
        return m;
    }

    private static Map<String, Object> mmse(double cognition, Random rnd) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (MmseScorer.Item item : MmseScorer.Item.values()) {
            int v = (int) Math.round(cognition * item.max() + rnd.nextGaussian() * 0.3);
            m.put(item.key(), Math.max(0, Math.min(item.max(), v)));
        }
        MmseScorer.Education[] education = MmseScorer.Education.values();
        m.put("education", education[rnd.nextInt(education.length)].name());
        return m;
    }

    private static Map<String, Object> frail(double ability, Random rnd) {
        double p = (1 - ability) * 0.7;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fatigue", rnd.nextDouble() < p);
        m.put("resistance", rnd.nextDouble() < p);
        m.put("ambulation", rnd.nextDouble() < p);
        m.put("illnessCount", Math.min(11, (int) Math.round(Math.abs(rnd.nextGaussian()) * (1 + 4 * (1 - ability)))));
        m.put("weightLossOver5Percent", rnd.nextDouble() < p / 2);
        return m;
    }

    private static Map<String, Object> nrs2002(double ability, Random rnd) {
        double p = 0.05 + (1 - ability) * 0.3;
        Map<String, Object> initial = new LinkedHashMap<>();
        initial.put("lowBmi", rnd.nextDouble() < p);
        initial.put("weightLoss3Months", rnd.nextDouble() < p);
        initial.put("reducedIntakeLastWeek", rnd.nextDouble() < p);
        initial.put("severelyIll", rnd.nextDouble() < p / 3);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("initial", initial);
        if (initial.containsValue(Boolean.TRUE)) {
            Map<String, Object> fin = new LinkedHashMap<>();
            fin.put("nutritionalStatusScore", rnd.nextInt(4));
            fin.put("diseaseSeverityScore", rnd.nextInt(4));
            fin.put("age", 60 + rnd.nextInt(41));
            m.put("final", fin);
        }
        return m;
    }

    private static Map<String, Object> hardship(double ability, Random rnd) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String key : List.of("eating", "dressing", "bedTransfer", "toileting", "indoorWalking", "bathing")) {
            m.put(key, rnd.nextDouble() < 0.3 + 0.7 * ability);
        }
        return m;
    }
}
