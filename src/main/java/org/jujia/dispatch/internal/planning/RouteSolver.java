package org.jujia.dispatch.internal.planning;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
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
        return new SolverConfig()
                .withSolutionClass(RoutePlan.class)
                .withEntityClasses(CaregiverRoute.class, Visit.class)
                .withConstraintProviderClass(RoutingConstraints.class)
                .withRandomSeed(seed)
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
                .withTerminationSpentLimit(budget);
    }

    /** Solves within {@code budget}; {@code onBest} sees every new best solution (with the milliseconds spent). */
    public static Result solve(RoutePlan problem, Duration budget, long seed, BestListener onBest) {
        Solver<RoutePlan> solver = SolverFactory.<RoutePlan>create(config(budget, seed)).buildSolver();
        long[] firstFeasibleMillis = { -1 };
        solver.addEventListener(event -> {
            HardMediumSoftScore score = (HardMediumSoftScore) event.getNewBestScore();
            if (firstFeasibleMillis[0] < 0 && event.isNewBestSolutionInitialized() && score.isFeasible()) {
                firstFeasibleMillis[0] = event.getTimeMillisSpent();
            }
            if (onBest != null) {
                onBest.bestChanged(score, event.getTimeMillisSpent());
            }
        });
        long t0 = System.nanoTime();
        RoutePlan best = solver.solve(problem);
        return new Result(best, (System.nanoTime() - t0) / 1_000_000, firstFeasibleMillis[0]);
    }

    public static Result solve(RoutePlan problem, Duration budget, long seed) {
        return solve(problem, budget, seed, null);
    }

    /** Progress callback: the new best score and the time spent so far. */
    @FunctionalInterface
    public interface BestListener {
        void bestChanged(HardMediumSoftScore score, long millisSpent);
    }

    /** @param firstFeasibleMillis when the first feasible best solution appeared, -1 if none */
    public record Result(RoutePlan plan, long millisSpent, long firstFeasibleMillis) {
    }

}
