package org.jujia.assessment.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jujia.shared.ValidationException;

/**
 * GB/T 42195-2022 老年人能力评估规范 (ASSESSMENT.md §7): 26 second-level items in four first-level dimensions,
 * total 0–90 (higher = more capable), the initial level of §7.2 and the final level of §7.4 (coma → COMPLETE;
 * otherwise dementia/mental disorder or ≥ 2 care-risk events in 30 days → one level worse, applied once, capped).
 *
 * <p>Input (flat) [D, §7.3 names the adjustment inputs but not where they go]:
 * {@code {"B1.1": 0..4, …, "B4.5": 0..4, "coma": bool, "dementiaOrMentalDisorder": bool, "careRiskEvents30Days": int ≥ 0}}.
 * The three adjustment inputs are required [D, §7.3]: a form that silently assumed "no coma" would under-grade.
 */
public final class Gbt42195Scorer {

    public static final int MAX_TOTAL = 90;
    /** §7.4 rule 2: this many care-risk events in 30 days make the level one worse. */
    public static final int CARE_RISK_EVENTS_THRESHOLD = 2;

    private Gbt42195Scorer() {
    }

    /** The four first-level indicators (一级指标). */
    public enum Dimension {
        SELF_CARE, BASIC_MOTOR, MENTAL_STATE, PERCEPTION_SOCIAL
    }

    /** The 26 second-level indicators in documented order (§7.1), with dimension and maximum. */
    public enum Item {
        B1_1("B1.1", Dimension.SELF_CARE, 4),
        B1_2("B1.2", Dimension.SELF_CARE, 4),
        B1_3("B1.3", Dimension.SELF_CARE, 4),
        B1_4("B1.4", Dimension.SELF_CARE, 4),
        B1_5("B1.5", Dimension.SELF_CARE, 4),
        B1_6("B1.6", Dimension.SELF_CARE, 4),
        B1_7("B1.7", Dimension.SELF_CARE, 4),
        B1_8("B1.8", Dimension.SELF_CARE, 4),
        B2_1("B2.1", Dimension.BASIC_MOTOR, 4),
        B2_2("B2.2", Dimension.BASIC_MOTOR, 4),
        B2_3("B2.3", Dimension.BASIC_MOTOR, 4),
        B2_4("B2.4", Dimension.BASIC_MOTOR, 3),
        B3_1("B3.1", Dimension.MENTAL_STATE, 4),
        B3_2("B3.2", Dimension.MENTAL_STATE, 4),
        B3_3("B3.3", Dimension.MENTAL_STATE, 4),
        B3_4("B3.4", Dimension.MENTAL_STATE, 4),
        B3_5("B3.5", Dimension.MENTAL_STATE, 4),
        B3_6("B3.6", Dimension.MENTAL_STATE, 4),
        B3_7("B3.7", Dimension.MENTAL_STATE, 1),
        B3_8("B3.8", Dimension.MENTAL_STATE, 1),
        B3_9("B3.9", Dimension.MENTAL_STATE, 2),
        B4_1("B4.1", Dimension.PERCEPTION_SOCIAL, 2),
        B4_2("B4.2", Dimension.PERCEPTION_SOCIAL, 2),
        B4_3("B4.3", Dimension.PERCEPTION_SOCIAL, 4),
        B4_4("B4.4", Dimension.PERCEPTION_SOCIAL, 3),
        B4_5("B4.5", Dimension.PERCEPTION_SOCIAL, 4);

        private final String key;
        private final Dimension dimension;
        private final int max;

        Item(String key, Dimension dimension, int max) {
            this.key = key;
            this.dimension = dimension;
            this.max = max;
        }

        public String key() {
            return key;
        }

        public Dimension dimension() {
            return dimension;
        }

        public int max() {
            return max;
        }
    }

    /** §7.2/§7.4 levels, from best to worst. */
    public enum Level {
        /** 能力完好. */
        INTACT,
        /** 能力轻度受损（轻度失能）. */
        MILD,
        /** 能力中度受损（中度失能）. */
        MODERATE,
        /** 能力重度受损（重度失能）. */
        SEVERE,
        /** 能力完全丧失（完全失能）. */
        COMPLETE;

        /** §7.2 initial level: 90 INTACT, 66–89 MILD, 46–65 MODERATE, 30–45 SEVERE, 0–29 COMPLETE. */
        public static Level initial(int total) {
            Checks.range("total", total, 0, MAX_TOTAL);
            if (total == 90) {
                return INTACT;
            }
            if (total >= 66) {
                return MILD;
            }
            if (total >= 46) {
                return MODERATE;
            }
            if (total >= 30) {
                return SEVERE;
            }
            return COMPLETE;
        }

        /** One level worse, capped at COMPLETE. */
        public Level oneWorse() {
            return this == COMPLETE ? COMPLETE : values()[ordinal() + 1];
        }
    }

    /** Why the final level differs from (or was forced regardless of) the initial level (§7.4). */
    public enum AdjustmentReason {
        /** Rule 1: coma → COMPLETE. */
        COMA,
        /** Rule 2: diagnosed dementia (F00–F03) or psychiatrist-diagnosed mental disorder (F04–F99). */
        DEMENTIA_OR_MENTAL_DISORDER,
        /** Rule 2: ≥ 2 care-risk events (falls, wandering, choking, suicide/self-harm, other) in 30 days. */
        CARE_RISK_EVENTS
    }

    /** All 26 item scores (keyed by item), plus the three adjustment inputs of §7.3. */
    public record Input(Map<Item, Integer> scores, boolean coma, boolean dementiaOrMentalDisorder, int careRiskEvents30Days) {
        public Input {
            Checks.required("scores", scores);
            for (Item item : Item.values()) {
                Integer v = Checks.required(item.key, scores.get(item));
                Checks.range(item.key, v, 0, item.max);
            }
            Checks.range("careRiskEvents30Days", careRiskEvents30Days, 0, Integer.MAX_VALUE);
            scores = Collections.unmodifiableMap(new EnumMap<>(scores));
        }

        /** Scores in documented order B1.1…B4.5. */
        public static Input of(List<Integer> scoresInItemOrder, boolean coma, boolean dementiaOrMentalDisorder, int careRiskEvents30Days) {
            Map<Item, Integer> scores = new EnumMap<>(Item.class);
            for (Item item : Item.values()) {
                if (item.ordinal() < scoresInItemOrder.size() && scoresInItemOrder.get(item.ordinal()) != null) {
                    scores.put(item, scoresInItemOrder.get(item.ordinal()));
                }
            }
            if (scoresInItemOrder.size() > Item.values().length) {
                throw ValidationException.of("scores", Checks.NOT_ALLOWED, "GB/T 42195 has only 26 items");
            }
            return new Input(scores, coma, dementiaOrMentalDisorder, careRiskEvents30Days);
        }

        /** Every item at its maximum (total 90), no adjustments. */
        public static Input fullMarks() {
            Map<Item, Integer> scores = new EnumMap<>(Item.class);
            for (Item item : Item.values()) {
                scores.put(item, item.max);
            }
            return new Input(scores, false, false, 0);
        }
    }

    /** First-level subtotals: self-care 0–32, basic motor 0–15, mental state 0–28, perception &amp; social 0–15. */
    public record Dimensions(int selfCare, int basicMotor, int mentalState, int perceptionSocial) {
    }

    /** The outcome of the §7.4 adjustment rules. */
    public record Adjustment(Level finalLevel, List<AdjustmentReason> reasons) {
        public Adjustment {
            reasons = List.copyOf(reasons);
        }
    }

    public record Result(int total, Dimensions dimensions, Level initialLevel, Level finalLevel, List<AdjustmentReason> adjustmentReasons)
            implements ScoringResult {
        public Result {
            adjustmentReasons = List.copyOf(adjustmentReasons);
        }
    }

    public static Result score(Input input) {
        int[] sums = new int[Dimension.values().length];
        for (Item item : Item.values()) {
            sums[item.dimension.ordinal()] += input.scores().get(item);
        }
        var dimensions = new Dimensions(sums[0], sums[1], sums[2], sums[3]);
        int total = sums[0] + sums[1] + sums[2] + sums[3];
        Level initial = Level.initial(total);
        Adjustment adjustment = adjust(initial, input.coma(), input.dementiaOrMentalDisorder(), input.careRiskEvents30Days());
        return new Result(total, dimensions, initial, adjustment.finalLevel(), adjustment.reasons());
    }

    /**
     * §7.4 final level (C.4 能力等级变更依据). Coma → COMPLETE regardless of score (reason COMA only: the other rules
     * are not consulted). Otherwise each applicable rule-2 condition is listed as a reason, but together they make
     * the level worse by one step only, capped at COMPLETE; a level never improves. A reason is listed even when the
     * initial level is already COMPLETE (the condition holds; the cap absorbs it) [D, §7.4].
     */
    public static Adjustment adjust(Level initial, boolean coma, boolean dementiaOrMentalDisorder, int careRiskEvents30Days) {
        if (coma) {
            return new Adjustment(Level.COMPLETE, List.of(AdjustmentReason.COMA));
        }
        List<AdjustmentReason> reasons = new ArrayList<>(2);
        if (dementiaOrMentalDisorder) {
            reasons.add(AdjustmentReason.DEMENTIA_OR_MENTAL_DISORDER);
        }
        if (careRiskEvents30Days >= CARE_RISK_EVENTS_THRESHOLD) {
            reasons.add(AdjustmentReason.CARE_RISK_EVENTS);
        }
        return new Adjustment(reasons.isEmpty() ? initial : initial.oneWorse(), reasons);
    }

    static Input read(Answers a) {
        Map<Item, Integer> scores = new EnumMap<>(Item.class);
        for (Item item : Item.values()) {
            scores.put(item, a.integer(item.key, 0, item.max));
        }
        return new Input(scores, a.yesNo("coma"), a.yesNo("dementiaOrMentalDisorder"),
                a.integer("careRiskEvents30Days", 0, Integer.MAX_VALUE));
    }
}
