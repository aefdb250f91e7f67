/**
 * The dispatch optimiser's planning model (Timefold Solver): {@link org.jujia.dispatch.internal.planning.CaregiverRoute}
 * entities carry a list variable of {@link org.jujia.dispatch.internal.planning.Visit}s, whose arrival and start times
 * are declarative shadow variables (double services synchronised through their partner);
 * {@link org.jujia.dispatch.internal.planning.RoutingConstraints} scores a plan. {@link org.jujia.dispatch.internal.planning.Planner}
 * maps dispatch orders and workforce caregivers to a problem and the solution back to assignments; the benchmark
 * readers (Solomon, Mankowska) and the generated district day serve {@code bench routing}, the only other module
 * allowed to see this package (named interface {@code planning}).
 */
@org.springframework.modulith.NamedInterface("planning")
package org.jujia.dispatch.internal.planning;
