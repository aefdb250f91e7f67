package org.jujia.assessment.scoring;

import java.util.Arrays;
import java.util.List;

/**
 * Lawton IADL 工具性日常生活活动能力 (ASSESSMENT.md §3): eight domains answered with options A–E, each mapped to
 * 0/1 (Lawton–Brody dichotomous scoring, all eight domains for both sexes), total 0–8, {@code independent} only
 * at 8.
 */
public final class LawtonIadlScorer {

    public static final int MAX_TOTAL = 8;

    private LawtonIadlScorer() {
    }

    /** An answer option; within every item the points never increase from A towards E. */
    public enum Option {
        A, B, C, D, E
    }

    /** The eight items in documented order (§3.1) and the points of their options A, B, C… */
    public enum Item {
        TELEPHONE("telephone", 1, 1, 1, 0),
        SHOPPING("shopping", 1, 0, 0, 0),
        FOOD_PREPARATION("foodPreparation", 1, 0, 0, 0),
        HOUSEKEEPING("housekeeping", 1, 1, 1, 1, 0),
        LAUNDRY("laundry", 1, 1, 0),
        TRANSPORTATION("transportation", 1, 1, 1, 0, 0),
        MEDICATION("medication", 1, 0, 0),
        FINANCES("finances", 1, 1, 0);

        private final String key;
        private final int[] points;

        Item(String key, int... points) {
            this.key = key;
            this.points = points;
        }

        public String key() {
            return key;
        }

        /** The options this item offers (A… up to its last option). */
        public List<Option> options() {
            return Arrays.asList(Option.values()).subList(0, points.length);
        }

        /** §3.1: the dichotomous point of an option of this item. */
        public int points(Option option) {
            check(option);
            return points[option.ordinal()];
        }

        Option check(Option option) {
            return Checks.allowed(key, option, options());
        }

        Option read(Answers a) {
            return a.choice(key, Option.class, options());
        }
    }

    /** Item-level answers; each one of the item's options. */
    public record Input(Option telephone, Option shopping, Option foodPreparation, Option housekeeping, Option laundry,
            Option transportation, Option medication, Option finances) {

        public Input {
            Item.TELEPHONE.check(telephone);
            Item.SHOPPING.check(shopping);
            Item.FOOD_PREPARATION.check(foodPreparation);
            Item.HOUSEKEEPING.check(housekeeping);
            Item.LAUNDRY.check(laundry);
            Item.TRANSPORTATION.check(transportation);
            Item.MEDICATION.check(medication);
            Item.FINANCES.check(finances);
        }

        /** The answers in documented order. */
        public List<Option> answers() {
            return List.of(telephone, shopping, foodPreparation, housekeeping, laundry, transportation, medication, finances);
        }

        /** Every item answered A (total 8). */
        public static Input allA() {
            return new Input(Option.A, Option.A, Option.A, Option.A, Option.A, Option.A, Option.A, Option.A);
        }
    }

    public record Result(int total, boolean independent) implements ScoringResult {
    }

    public static Result score(Input input) {
        int total = 0;
        List<Option> answers = input.answers();
        for (Item item : Item.values()) {
            total += item.points(answers.get(item.ordinal()));
        }
        return new Result(total, independent(total));
    }

    /** §3.2: independent in all IADLs only at 8; any lower total is some IADL dependence. */
    public static boolean independent(int total) {
        return total == MAX_TOTAL;
    }

    static Input read(Answers a) {
        return new Input(Item.TELEPHONE.read(a), Item.SHOPPING.read(a), Item.FOOD_PREPARATION.read(a), Item.HOUSEKEEPING.read(a),
                Item.LAUNDRY.read(a), Item.TRANSPORTATION.read(a), Item.MEDICATION.read(a), Item.FINANCES.read(a));
    }
}
