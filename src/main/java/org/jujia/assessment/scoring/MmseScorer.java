package org.jujia.assessment.scoring;

/**
 * MMSE 简易精神状态检查 (ASSESSMENT.md §1): eleven scored groups, total 0–30, an education-adjusted
 * cognitive-impairment cut-off (§1.2) and an education-independent severity band (§1.3), both reported.
 */
public final class MmseScorer {

    /** Highest possible total. */
    public static final int MAX_TOTAL = 30;

    private MmseScorer() {
    }

    /** Education group of §1.2 (文盲 / 小学 / 初中及以上). */
    public enum Education {
        ILLITERATE, PRIMARY, MIDDLE_OR_ABOVE
    }

    /** §1.3: 27–30 NORMAL, 21–26 MILD 轻度, 10–20 MODERATE 中度, 0–9 SEVERE 重度. */
    public enum SeverityBand {
        NORMAL, MILD, MODERATE, SEVERE;

        public static SeverityBand of(int total) {
            Checks.range("total", total, 0, MAX_TOTAL);
            if (total >= 27) {
                return NORMAL;
            }
            if (total >= 21) {
                return MILD;
            }
            if (total >= 10) {
                return MODERATE;
            }
            return SEVERE;
        }
    }

    /** The eleven items in documented order (§1.1) with their maxima. */
    public enum Item {
        TIME_ORIENTATION("timeOrientation", 5),
        PLACE_ORIENTATION("placeOrientation", 5),
        REGISTRATION("registration", 3),
        ATTENTION_CALCULATION("attentionCalculation", 5),
        RECALL("recall", 3),
        NAMING("naming", 2),
        REPETITION("repetition", 1),
        THREE_STEP_COMMAND("threeStepCommand", 3),
        READING("reading", 1),
        WRITING("writing", 1),
        COPYING("copying", 1);

        private final String key;
        private final int max;

        Item(String key, int max) {
            this.key = key;
            this.max = max;
        }

        public String key() {
            return key;
        }

        public int max() {
            return max;
        }

        int check(int value) {
            return Checks.range(key, value, 0, max);
        }
    }

    /** Item-level answers; every item 0..its maximum, education required. */
    public record Input(int timeOrientation, int placeOrientation, int registration, int attentionCalculation, int recall,
            int naming, int repetition, int threeStepCommand, int reading, int writing, int copying, Education education) {

        public Input {
            Item.TIME_ORIENTATION.check(timeOrientation);
            Item.PLACE_ORIENTATION.check(placeOrientation);
            Item.REGISTRATION.check(registration);
            Item.ATTENTION_CALCULATION.check(attentionCalculation);
            Item.RECALL.check(recall);
            Item.NAMING.check(naming);
            Item.REPETITION.check(repetition);
            Item.THREE_STEP_COMMAND.check(threeStepCommand);
            Item.READING.check(reading);
            Item.WRITING.check(writing);
            Item.COPYING.check(copying);
            Checks.required("education", education);
        }

        /** The item scores in documented order. */
        public int[] items() {
            return new int[] { timeOrientation, placeOrientation, registration, attentionCalculation, recall, naming, repetition,
                    threeStepCommand, reading, writing, copying };
        }
    }

    /** §1.2 and §1.3: {@code cognitiveImpairment = total ≤ cutoff}; the band is reported independently. */
    public record Result(int total, int cutoff, boolean cognitiveImpairment, SeverityBand severityBand) implements ScoringResult {
    }

    public static Result score(Input input) {
        int total = 0;
        for (int v : input.items()) {
            total += v;
        }
        int cutoff = cutoff(input.education());
        return new Result(total, cutoff, cognitiveImpairment(total, input.education()), SeverityBand.of(total));
    }

    /**
     * §1.2 education-adjusted cut-off: 17 illiterate, 20 primary, 24 middle school and above (the 17/20/24
     * convention, not the 4-tier 17/20/22/23 one). The cut-off itself counts as impaired.
     */
    public static int cutoff(Education education) {
        return switch (education) {
            case ILLITERATE -> 17;
            case PRIMARY -> 20;
            case MIDDLE_OR_ABOVE -> 24;
        };
    }

    /** §1.2: {@code total ≤ cutoff(education)}. */
    public static boolean cognitiveImpairment(int total, Education education) {
        return total <= cutoff(education);
    }

    static Input read(Answers a) {
        return new Input(
                a.integer(Item.TIME_ORIENTATION.key, 0, Item.TIME_ORIENTATION.max),
                a.integer(Item.PLACE_ORIENTATION.key, 0, Item.PLACE_ORIENTATION.max),
                a.integer(Item.REGISTRATION.key, 0, Item.REGISTRATION.max),
                a.integer(Item.ATTENTION_CALCULATION.key, 0, Item.ATTENTION_CALCULATION.max),
                a.integer(Item.RECALL.key, 0, Item.RECALL.max),
                a.integer(Item.NAMING.key, 0, Item.NAMING.max),
                a.integer(Item.REPETITION.key, 0, Item.REPETITION.max),
                a.integer(Item.THREE_STEP_COMMAND.key, 0, Item.THREE_STEP_COMMAND.max),
                a.integer(Item.READING.key, 0, Item.READING.max),
                a.integer(Item.WRITING.key, 0, Item.WRITING.max),
                a.integer(Item.COPYING.key, 0, Item.COPYING.max),
                a.choice("education", Education.class));
    }
}
