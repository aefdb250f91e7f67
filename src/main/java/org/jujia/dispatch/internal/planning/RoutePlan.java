package org.jujia.dispatch.internal.planning;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.util.List;

/**
 * The planning problem and its solution: caregiver routes and the visits to place on them. Constraint weights can be
 * overridden per plan (benchmarks switch off the soft goals their objective does not count).
 */
@PlanningSolution
public class RoutePlan {

    @PlanningEntityCollectionProperty
    private List<CaregiverRoute> routes;
    @PlanningEntityCollectionProperty
    @ValueRangeProvider
    private List<Visit> visits;
    private ConstraintWeightOverrides<HardMediumSoftScore> constraintWeightOverrides;
    @PlanningScore
    private HardMediumSoftScore score;

    RoutePlan() {
    }

    public RoutePlan(List<CaregiverRoute> routes, List<Visit> visits, ConstraintWeightOverrides<HardMediumSoftScore> weights) {
        this.routes = routes;
        this.visits = visits;
        this.constraintWeightOverrides = weights == null ? ConstraintWeightOverrides.none() : weights;
    }

    public List<CaregiverRoute> getRoutes() {
        return routes;
    }

    public List<Visit> getVisits() {
        return visits;
    }

    public ConstraintWeightOverrides<HardMediumSoftScore> getConstraintWeightOverrides() {
        return constraintWeightOverrides;
    }

    public void setConstraintWeightOverrides(ConstraintWeightOverrides<HardMediumSoftScore> overrides) {
        this.constraintWeightOverrides = overrides;
    }

    public HardMediumSoftScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftScore score) {
        this.score = score;
    }

    public long unassignedCount() {
        return visits.stream().filter(v -> v.getRoute() == null).count();
    }

    public long usedRoutes() {
        return routes.stream().filter(r -> !r.getVisits().isEmpty()).count();
    }
}
