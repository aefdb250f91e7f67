package org.jujia.assessment.scoring;

/**
 * FRAIL scale 衰弱筛查 (ASSESSMENT.md §4): five one-point items (yes = 1), the illness item positive at ≥ 5 of the
 * 11 listed conditions; total 0–5, 0 ROBUST, 1–2 PRE_FRAIL, 3–5 FRAIL.
 */
public final class FrailScorer {

    public static final int MAX_TOTAL = 5;
    /** The number of listed illnesses (§4.1). */
    public static final int ILLNESSES = 11;

    private FrailScorer() {
    }

    /** §4.2: 0 ROBUST 无衰弱, 1–2 PRE_FRAIL 衰弱前期, 3–5 FRAIL 衰弱. */
    public enum Band {
        ROBUST, PRE_FRAIL, FRAIL;

        public static Band of(int total) {
            Checks.range("total", total, 0, MAX_TOTAL);
            return total == 0 ? ROBUST : total <= 2 ? PRE_FRAIL : FRAIL;
        }
    }

    /**
     * Item-level answers in documented order. {@code illnessCount} is how many of the 11 illnesses apply (0–11);
     * {@code weightLossOver5Percent} is the recorded boolean, whatever window the assessor used (§4.1).
     */
    public record Input(boolean fatigue, boolean resistance, boolean ambulation, int illnessCount, boolean weightLossOver5Percent) {
        public Input {
            Checks.range("illnessCount", illnessCount, 0, ILLNESSES);
        }
    }

    public record Result(int total, Band band) implements ScoringResult {
    }

    public static Result score(Input input) {
        int total = point(input.fatigue()) + point(input.resistance()) + point(input.ambulation()) + illnessPoint(input.illnessCount())
                + point(input.weightLossOver5Percent());
        return new Result(total, Band.of(total));
    }

    /** §4.1: 0–4 illnesses → 0, 5–11 → 1. */
    public static int illnessPoint(int illnessCount) {
        Checks.range("illnessCount", illnessCount, 0, ILLNESSES);
        return illnessCount >= 5 ? 1 : 0;
    }

    private static int point(boolean yes) {
        return yes ? 1 : 0;
    }

    static Input read(Answers a) {
        return new Input(a.yesNo("fatigue"), a.yesNo("resistance"), a.yesNo("ambulation"), a.integer("illnessCount", 0, ILLNESSES),
                a.yesNo("weightLossOver5Percent"));
    }
}
