package org.jujia.assessment.scoring;

import org.jujia.shared.CareColour;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The four-colour care level (ASSESSMENT.md §8.2), a deterministic combination of the other instruments:
 * <ol>
 * <li>base colour from the Barthel band;</li>
 * <li>at most one step worse (capped at RED) if MMSE shows cognitive impairment, or if the base is GREEN and
 * Lawton IADL &lt; 8 (the "green guard");</li>
 * <li>floors, the most severe wins, never lowering: GB/T 42195 final level on file, special-hardship category;</li>
 * <li>flags that never change the colour.</li>
 * </ol>
 * Any invalid component is a validation error for the whole composite (no partial colour). The optional switches
 * of §8.2 (FRAIL / NRS as step triggers, freshness window) are off, as specified by default, and not implemented.
 */
public final class CareColourScorer {

    private CareColourScorer() {
    }

    /**
     * The five-in-one components (required) and the optional GB/T 42195 assessment and special-hardship answers
     * ({@code null} = not on file).
     */
    public record Input(BarthelScorer.Input barthel, LawtonIadlScorer.Input iadl, MmseScorer.Input mmse, FrailScorer.Input frail,
            Nrs2002Scorer.Input nrs2002, Gbt42195Scorer.Input gbt42195, HardshipSelfCareScorer.Input hardship) {
        public Input {
            Checks.required("barthel", barthel);
            Checks.required("iadl", iadl);
            Checks.required("mmse", mmse);
            Checks.required("frail", frail);
            Checks.required("nrs2002", nrs2002);
        }
    }

    public record Result(CareColour colour, CareColour baseFromBarthel, List<CareFlag> flags) implements ScoringResult {
        public Result {
            flags = List.copyOf(flags);
        }
    }

    public static Result score(Input input) {
        return decide(BarthelScorer.score(input.barthel()), LawtonIadlScorer.score(input.iadl()), MmseScorer.score(input.mmse()),
                FrailScorer.score(input.frail()), Nrs2002Scorer.score(input.nrs2002()),
                Optional.ofNullable(input.gbt42195()).map(Gbt42195Scorer::score).map(Gbt42195Scorer.Result::finalLevel),
                Optional.ofNullable(input.hardship()).map(HardshipSelfCareScorer::score).map(HardshipSelfCareScorer.Result::category));
    }

    /**
     * §8.2 on already computed component results, for callers that store each instrument separately.
     *
     * @param gbt42195FinalLevel the GB/T 42195 final level on file, if any
     * @param hardship the special-hardship category on file, if any
     */
    public static Result decide(BarthelScorer.Result barthel, LawtonIadlScorer.Result iadl, MmseScorer.Result mmse,
            FrailScorer.Result frail, Nrs2002Scorer.Result nrs2002, Optional<Gbt42195Scorer.Level> gbt42195FinalLevel,
            Optional<HardshipSelfCareScorer.Category> hardship) {
        CareColour base = baseFromBarthel(barthel.band());
        CareColour colour = stepTriggered(base, mmse, iadl) ? base.oneStepWorse() : base;
        if (gbt42195FinalLevel.isPresent()) {
            colour = colour.atLeast(floorFromGbt42195(gbt42195FinalLevel.get()));
        }
        if (hardship.isPresent()) {
            colour = colour.atLeast(floorFromHardship(hardship.get()));
        }
        return new Result(colour, base, flags(iadl, mmse, frail, nrs2002));
    }

    /** §8.2 step 1: INDEPENDENT → GREEN, MILD → YELLOW, MODERATE → ORANGE, SEVERE → RED. */
    public static CareColour baseFromBarthel(BarthelScorer.Band band) {
        return switch (band) {
            case INDEPENDENT -> CareColour.GREEN;
            case MILD -> CareColour.YELLOW;
            case MODERATE -> CareColour.ORANGE;
            case SEVERE -> CareColour.RED;
        };
    }

    /**
     * §8.2 step 2, the one-step modifier: (a) cognitive impairment by the MMSE education cut-off, or (b) the green
     * guard — base GREEN and IADL &lt; 8. Either or both give one step.
     */
    public static boolean stepTriggered(CareColour base, MmseScorer.Result mmse, LawtonIadlScorer.Result iadl) {
        return mmse.cognitiveImpairment() || (base == CareColour.GREEN && !iadl.independent());
    }

    /** §8.2 step 3: INTACT → GREEN, MILD → YELLOW, MODERATE → ORANGE, SEVERE or COMPLETE → RED. */
    public static CareColour floorFromGbt42195(Gbt42195Scorer.Level finalLevel) {
        return switch (finalLevel) {
            case INTACT -> CareColour.GREEN;
            case MILD -> CareColour.YELLOW;
            case MODERATE -> CareColour.ORANGE;
            case SEVERE, COMPLETE -> CareColour.RED;
        };
    }

    /** §8.2 step 3: FULLY_LOST → RED, PARTIALLY_LOST → at least YELLOW, SELF_CARE_CAPABLE → no floor (GREEN). */
    public static CareColour floorFromHardship(HardshipSelfCareScorer.Category category) {
        return switch (category) {
            case SELF_CARE_CAPABLE -> CareColour.GREEN;
            case PARTIALLY_LOST -> CareColour.YELLOW;
            case FULLY_LOST -> CareColour.RED;
        };
    }

    /** §8.2 step 4, in this order: COGNITIVE_IMPAIRMENT, IADL_DEPENDENCE, PRE_FRAIL or FRAIL, NUTRITIONAL_RISK. */
    public static List<CareFlag> flags(LawtonIadlScorer.Result iadl, MmseScorer.Result mmse, FrailScorer.Result frail,
            Nrs2002Scorer.Result nrs2002) {
        List<CareFlag> flags = new ArrayList<>(4);
        if (mmse.cognitiveImpairment()) {
            flags.add(CareFlag.COGNITIVE_IMPAIRMENT);
        }
        if (!iadl.independent()) {
            flags.add(CareFlag.IADL_DEPENDENCE);
        }
        switch (frail.band()) {
            case PRE_FRAIL -> flags.add(CareFlag.PRE_FRAIL);
            case FRAIL -> flags.add(CareFlag.FRAIL);
            case ROBUST -> {
            }
        }
        if (nrs2002.atRisk()) {
            flags.add(CareFlag.NUTRITIONAL_RISK);
        }
        return flags;
    }

    static Input read(Answers a) {
        return new Input(BarthelScorer.read(a.object("barthel")), LawtonIadlScorer.read(a.object("iadl")),
                MmseScorer.read(a.object("mmse")), FrailScorer.read(a.object("frail")), Nrs2002Scorer.read(a.object("nrs2002")),
                a.optionalObject("gbt42195").map(Gbt42195Scorer::read).orElse(null),
                a.optionalObject("hardship").map(HardshipSelfCareScorer::read).orElse(null));
    }
}
