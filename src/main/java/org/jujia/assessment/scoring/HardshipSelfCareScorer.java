package org.jujia.assessment.scoring;

/**
 * Special-hardship 特困人员 self-care criterion (ASSESSMENT.md §9; PLATFORM.md §3 home-adaptation eligibility):
 * six "able" booleans; 0 unable SELF_CARE_CAPABLE, 1–3 unable PARTIALLY_LOST, ≥ 4 unable FULLY_LOST (失能).
 */
public final class HardshipSelfCareScorer {

    public static final int ACTIVITIES = 6;
    public static final int FULLY_LOST_FROM = 4;

    private HardshipSelfCareScorer() {
    }

    /** §9 categories. */
    public enum Category {
        /** 具备生活自理能力. */
        SELF_CARE_CAPABLE,
        /** 部分丧失生活自理能力 (1–3 unable, 3 inclusive). */
        PARTIALLY_LOST,
        /** 完全丧失生活自理能力 (4 or more unable, 4 inclusive). */
        FULLY_LOST;

        public static Category of(int unableCount) {
            Checks.range("unableCount", unableCount, 0, ACTIVITIES);
            return unableCount == 0 ? SELF_CARE_CAPABLE : unableCount < FULLY_LOST_FROM ? PARTIALLY_LOST : FULLY_LOST;
        }
    }

    /** "Able to do it on one's own" for each of the six activities, in documented order. */
    public record Input(boolean eating, boolean dressing, boolean bedTransfer, boolean toileting, boolean indoorWalking, boolean bathing) {

        public static Input allAble() {
            return new Input(true, true, true, true, true, true);
        }
    }

    public record Result(int unableCount, Category category) implements ScoringResult {
    }

    public static Result score(Input input) {
        int unable = unable(input.eating()) + unable(input.dressing()) + unable(input.bedTransfer()) + unable(input.toileting())
                + unable(input.indoorWalking()) + unable(input.bathing());
        return new Result(unable, Category.of(unable));
    }

    private static int unable(boolean able) {
        return able ? 0 : 1;
    }

    static Input read(Answers a) {
        return new Input(a.yesNo("eating"), a.yesNo("dressing"), a.yesNo("bedTransfer"), a.yesNo("toileting"), a.yesNo("indoorWalking"),
                a.yesNo("bathing"));
    }
}
