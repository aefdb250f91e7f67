package org.jujia.dispatch.internal.planning;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchType;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.PreviewFeature;
import ai.timefold.solver.core.config.solver.SolverConfig;
import java.time.Duration;

/**
 * Builds Timefold solvers for {@link RoutePlan} by hand (no starter): the default list-variable construction heuristic
 * and local search, a wall-clock budget and a random seed.
 */
public final class RouteSolver {

    private RouteSolver() {
    }

    public static SolverConfig config(Duration budget, long seed) {
        return config(budget, seed, null);
    }

    /** @param search the local search algorithm, {@code null} for Timefold's default (late acceptance) */
    public static SolverConfig config(Duration budget, long seed, LocalSearchType search) {
        SolverConfig config = new SolverConfig()
                .withSolutionClass(RoutePlan.class)
                .withEntityClasses(CaregiverRoute.class, Visit.class)
                .withConstraintProviderClass(RoutingConstraints.class)
                .withRandomSeed(seed)
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
                .withTerminationSpentLimit(budget);
        if (search == LocalSearchType.DIVERSIFIED_LATE_ACCEPTANCE) {
            config.withPreviewFeature(PreviewFeature.DIVERSIFIED_LATE_ACCEPTANCE);
        }
        if (search != null) {
            config.withPhases(new ConstructionHeuristicPhaseConfig(), new LocalSearchPhaseConfig().withLocalSearchType(search));
        }
        return config;
    }

    /** Solves within {@code budget}; {@code onBest} sees every new best solution (with the milliseconds spent). */
    public static Result solve(RoutePlan problem, Duration budget, long seed, BestListener onBest) {
        return solve(problem, config(budget, seed), onBest);
    }

    /** Solves with a given configuration (see {@link #config(Duration, long, LocalSearchType)}). */
    public static Result solve(RoutePlan problem, SolverConfig config, BestListener onBest) {
        return solve(problem, config, onBest, null);
    }

    /** As {@link #solve(RoutePlan, SolverConfig, BestListener)}; {@code started} gets the solver first (to terminate it early). */
    public static Result solve(RoutePlan problem, SolverConfig config, BestListener onBest, java.util.function.Consumer<Solver<RoutePlan>> started) {
        Solver<RoutePlan> solver = SolverFactory.<RoutePlan>create(config).buildSolver();
        if (started != null) {
            started.accept(solver);
        }
        long[] firstFeasibleMillis = { -1 };
        long[] firstCompleteMillis = { -1 };
        solver.addEventListener(event -> {
            HardMediumSoftScore score = (HardMediumSoftScore) event.getNewBestScore();
            if (firstFeasibleMillis[0] < 0 && event.isNewBestSolutionInitialized() && score.isFeasible()) {
                firstFeasibleMillis[0] = event.getTimeMillisSpent();
            }
            if (firstCompleteMillis[0] < 0 && event.isNewBestSolutionInitialized() && score.isFeasible() && score.mediumScore() == 0) {
                firstCompleteMillis[0] = event.getTimeMillisSpent();
            }
            if (onBest != null) {
                onBest.bestChanged(score, event.getTimeMillisSpent());
            }
        });
        long t0 = System.nanoTime();
        RoutePlan best = solver.solve(problem);
        return new Result(best, (System.nanoTime() - t0) / 1_000_000, firstFeasibleMillis[0], firstCompleteMillis[0]);
    }

    public static Result solve(RoutePlan problem, Duration budget, long seed) {
        return solve(problem, budget, seed, null);
    }

    /** Progress callback: the new best score and the time spent so far. */
    @FunctionalInterface
    public interface BestListener {
        void bestChanged(HardMediumSoftScore score, long millisSpent);
    }

    /**
     * @param firstFeasibleMillis when the first best solution without hard violations appeared, -1 if none
     * @param firstCompleteMillis when the first one that also assigns every visit appeared, -1 if none
     */
    public record Result(RoutePlan plan, long millisSpent, long firstFeasibleMillis, long firstCompleteMillis) {
    }

}
