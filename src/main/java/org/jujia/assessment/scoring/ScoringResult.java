package org.jujia.assessment.scoring;

/**
 * The result of one instrument: a record whose components are exactly the output fields of ASSESSMENT.md
 * (camelCase), serialised as the {@code 200} body of the scoring API.
 */
public sealed interface ScoringResult permits MmseScorer.Result, BarthelScorer.Result, LawtonIadlScorer.Result,
        FrailScorer.Result, Nrs2002Scorer.Result, ZbiScorer.Result, Gbt42195Scorer.Result, Gbt42195LevelScorer.Result,
        HardshipSelfCareScorer.Result, CareColourScorer.Result {
}
