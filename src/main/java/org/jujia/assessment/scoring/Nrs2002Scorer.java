package org.jujia.assessment.scoring;

import org.jujia.shared.ValidationException;

/**
 * NRS 2002 营养风险筛查 (ASSESSMENT.md §5): an initial screen of four yes/no questions; if any is yes, the final
 * screen {@code nutritionalStatusScore + diseaseSeverityScore + agePoint} (0–7), at risk at ≥ 3. If all are no,
 * no final screen: not at risk, total {@code null}, re-screen weekly, and any supplied {@code final} is ignored
 * (not even validated).
 *
 * <p>Input: {@code {"initial": {"lowBmi", "weightLoss3Months", "reducedIntakeLastWeek", "severelyIll"},
 * "final": {"nutritionalStatusScore": 0..3, "diseaseSeverityScore": 0..3, "age": 0..130}}}.
 */
public final class Nrs2002Scorer {

    public static final int MAX_TOTAL = 7;
    public static final int RISK_THRESHOLD = 3;
    public static final int AGE_POINT_FROM = 70;

    private Nrs2002Scorer() {
    }

    /**
     * What to do next (§5.1/§5.2). The spec gives the actions in words only; these names are [D, §5.2]:
     * {@code RESCREEN_WEEKLY} (no risk: re-screen weekly), {@code NUTRITIONAL_CARE_PLAN} (at risk).
     */
    public enum Action {
        RESCREEN_WEEKLY, NUTRITIONAL_CARE_PLAN
    }

    /** §5.1 initial screening, yes = true. */
    public record InitialScreening(boolean lowBmi, boolean weightLoss3Months, boolean reducedIntakeLastWeek, boolean severelyIll) {

        /** §5.1: any yes leads to the final screening. */
        public boolean positive() {
            return lowBmi || weightLoss3Months || reducedIntakeLastWeek || severelyIll;
        }
    }

    /** §5.2 final screening components. */
    public record FinalScreening(int nutritionalStatusScore, int diseaseSeverityScore, int age) {
        public FinalScreening {
            Checks.range("final.nutritionalStatusScore", nutritionalStatusScore, 0, 3);
            Checks.range("final.diseaseSeverityScore", diseaseSeverityScore, 0, 3);
            Checks.range("final.age", age, 0, 130);
        }
    }

    /** Both screens; {@code finalScreening} (JSON {@code final}) is required only when the initial screen is positive. */
    public record Input(InitialScreening initial, FinalScreening finalScreening) {
        public Input {
            Checks.required("initial", initial);
            if (initial.positive() && finalScreening == null) {
                throw finalRequired();
            }
            if (!initial.positive()) {
                finalScreening = null; // §5.1: ignored when the initial screen is negative
            }
        }
    }

    /**
     * {@code total} and {@code agePoint} are {@code null} when no final screening was required (§5.1: "total = null";
     * the age is then not looked at either [D]).
     */
    public record Result(boolean finalScreeningRequired, Integer total, Integer agePoint, boolean atRisk, Action action)
            implements ScoringResult {
    }

    public static Result score(Input input) {
        if (!input.initial().positive()) {
            return new Result(false, null, null, false, Action.RESCREEN_WEEKLY);
        }
        FinalScreening f = input.finalScreening();
        int agePoint = agePoint(f.age());
        int total = f.nutritionalStatusScore() + f.diseaseSeverityScore() + agePoint;
        boolean atRisk = atRisk(total);
        return new Result(true, total, agePoint, atRisk, atRisk ? Action.NUTRITIONAL_CARE_PLAN : Action.RESCREEN_WEEKLY);
    }

    /** §5.2: +1 if age ≥ 70 (70 itself adds 1). */
    public static int agePoint(int age) {
        return age >= AGE_POINT_FROM ? 1 : 0;
    }

    /** §5.2: total ≥ 3 → at nutritional risk. */
    public static boolean atRisk(int total) {
        return total >= RISK_THRESHOLD;
    }

    private static ValidationException finalRequired() {
        return ValidationException.of("final", Checks.REQUIRED, "is required when any initial screening answer is yes");
    }

    static Input read(Answers a) {
        Answers i = a.object("initial");
        var initial = new InitialScreening(i.yesNo("lowBmi"), i.yesNo("weightLoss3Months"), i.yesNo("reducedIntakeLastWeek"),
                i.yesNo("severelyIll"));
        if (!initial.positive()) {
            return new Input(initial, null);
        }
        if (!a.has("final")) {
            throw ValidationException.of(a.path("final"), Checks.REQUIRED, "is required when any initial screening answer is yes");
        }
        Answers f = a.object("final");
        return new Input(initial, new FinalScreening(f.integer("nutritionalStatusScore", 0, 3), f.integer("diseaseSeverityScore", 0, 3),
                f.integer("age", 0, 130)));
    }
}
