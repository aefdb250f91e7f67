package org.jujia.dispatch.internal.planning;

/**
 * Where travel times come from: locations are dense indices {@code 0..size()-1}. The great-circle estimate
 * ({@link GreatCircleMatrix}) is the default; a road-network router can replace it by filling an
 * {@link ExplicitMatrix}; benchmarks use {@link EuclideanMatrix} (Solomon) or {@link ExplicitMatrix} (Mankowska).
 * Times and distances are in the plan's time unit (seconds for real plans, scaled benchmark units otherwise).
 */
public sealed interface TravelMatrix permits GreatCircleMatrix, EuclideanMatrix, ExplicitMatrix {

    int size();

    /** Travel time from one location to another by the given mode of transport, in the plan's time unit. */
    long time(int from, int to, TransportMode mode);

    /** Distance between two locations (metres for real plans, benchmark units × scale otherwise). */
    long distance(int from, int to);
}
