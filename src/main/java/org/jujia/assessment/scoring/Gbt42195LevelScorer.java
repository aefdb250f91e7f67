package org.jujia.assessment.scoring;

/**
 * {@code gbt42195-level}: the pure band function of ASSESSMENT.md §0/§7.2, classifying an integer GB/T 42195
 * total 0–90 into its initial level (no adjustments: those need the §7.3 inputs, see {@link Gbt42195Scorer}).
 * Input: {@code {"total": 70}} — key name not given by the spec [D, §0.1].
 */
public final class Gbt42195LevelScorer {

    private Gbt42195LevelScorer() {
    }

    public record Input(int total) {
        public Input {
            Checks.range("total", total, 0, Gbt42195Scorer.MAX_TOTAL);
        }
    }

    public record Result(int total, Gbt42195Scorer.Level level) implements ScoringResult {
    }

    public static Result score(Input input) {
        return new Result(input.total(), Gbt42195Scorer.Level.initial(input.total()));
    }

    static Input read(Answers a) {
        return new Input(a.integer("total", 0, Gbt42195Scorer.MAX_TOTAL));
    }
}
