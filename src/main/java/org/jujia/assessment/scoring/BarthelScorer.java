package org.jujia.assessment.scoring;

/**
 * Barthel Index, ADL 日常生活活动能力 (ASSESSMENT.md §2): ten items with fixed permitted values, total 0–100
 * (always a multiple of 5 from item-level input) and the dependency band of §2.2.
 */
public final class BarthelScorer {

    public static final int MAX_TOTAL = 100;

    private BarthelScorer() {
    }

    /**
     * §2.2 dependency band: 100 INDEPENDENT 无需依赖, 61–99 MILD 轻度依赖, 41–60 MODERATE 中度依赖, 0–40 SEVERE
     * 重度依赖. Defined for every integer 0–100 (41, 61 and 99 only reachable through the pure band function).
     */
    public enum Band {
        INDEPENDENT, MILD, MODERATE, SEVERE;

        public static Band of(int total) {
            Checks.range("total", total, 0, MAX_TOTAL);
            if (total == 100) {
                return INDEPENDENT;
            }
            if (total >= 61) {
                return MILD;
            }
            if (total >= 41) {
                return MODERATE;
            }
            return SEVERE;
        }
    }

    /** The ten items in documented order (§2.1) with their permitted values. */
    public enum Item {
        FEEDING("feeding", 0, 5, 10),
        BATHING("bathing", 0, 5),
        GROOMING("grooming", 0, 5),
        DRESSING("dressing", 0, 5, 10),
        BOWELS("bowels", 0, 5, 10),
        BLADDER("bladder", 0, 5, 10),
        TOILET_USE("toiletUse", 0, 5, 10),
        TRANSFER("transfer", 0, 5, 10, 15),
        MOBILITY("mobility", 0, 5, 10, 15),
        STAIRS("stairs", 0, 5, 10);

        private final String key;
        private final int[] allowed;

        Item(String key, int... allowed) {
            this.key = key;
            this.allowed = allowed;
        }

        public String key() {
            return key;
        }

        /** Permitted values, ascending. */
        public int[] allowed() {
            return allowed.clone();
        }

        int check(int value) {
            return Checks.oneOf(key, value, allowed);
        }

        int read(Answers a) {
            return a.oneOf(key, allowed);
        }
    }

    /** Item-level answers; each item one of its permitted values. */
    public record Input(int feeding, int bathing, int grooming, int dressing, int bowels, int bladder, int toiletUse, int transfer,
            int mobility, int stairs) {

        public Input {
            Item.FEEDING.check(feeding);
            Item.BATHING.check(bathing);
            Item.GROOMING.check(grooming);
            Item.DRESSING.check(dressing);
            Item.BOWELS.check(bowels);
            Item.BLADDER.check(bladder);
            Item.TOILET_USE.check(toiletUse);
            Item.TRANSFER.check(transfer);
            Item.MOBILITY.check(mobility);
            Item.STAIRS.check(stairs);
        }

        /** The item scores in documented order. */
        public int[] items() {
            return new int[] { feeding, bathing, grooming, dressing, bowels, bladder, toiletUse, transfer, mobility, stairs };
        }

        /** Every item at its best value (total 100). */
        public static Input fullyIndependent() {
            return new Input(10, 5, 5, 10, 10, 10, 10, 15, 15, 10);
        }
    }

    /** Total and band; also the result of the pure band function {@code barthel-band}. */
    public record Result(int total, Band band) implements ScoringResult {
    }

    public static Result score(Input input) {
        int total = 0;
        for (int v : input.items()) {
            total += v;
        }
        return new Result(total, Band.of(total));
    }

    static Input read(Answers a) {
        return new Input(Item.FEEDING.read(a), Item.BATHING.read(a), Item.GROOMING.read(a), Item.DRESSING.read(a),
                Item.BOWELS.read(a), Item.BLADDER.read(a), Item.TOILET_USE.read(a), Item.TRANSFER.read(a), Item.MOBILITY.read(a),
                Item.STAIRS.read(a));
    }
}
