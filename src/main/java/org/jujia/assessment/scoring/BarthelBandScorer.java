package org.jujia.assessment.scoring;

/**
 * {@code barthel-band}: the pure band function of ASSESSMENT.md §0/§2.2, which classifies an integer Barthel
 * total 0–100 (one of the two places where a total is accepted as input). Input: {@code {"total": 85}} — the
 * key name is not given by the spec [D, §0.1: named after the output field it echoes].
 */
public final class BarthelBandScorer {

    private BarthelBandScorer() {
    }

    public record Input(int total) {
        public Input {
            Checks.range("total", total, 0, BarthelScorer.MAX_TOTAL);
        }
    }

    public static BarthelScorer.Result score(Input input) {
        return new BarthelScorer.Result(input.total(), BarthelScorer.Band.of(input.total()));
    }

    static Input read(Answers a) {
        return new Input(a.integer("total", 0, BarthelScorer.MAX_TOTAL));
    }
}
