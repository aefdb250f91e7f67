package org.jujia.dispatch.internal.planning;

/**
 * Solomon-style travel: time = Euclidean distance, both expressed in tenths and truncated to one decimal (the
 * DIMACS / "distance-only" convention), so {@code 10 × trunc1(d)} is an exact integer. Mode of transport is ignored.
 */
public final class EuclideanMatrix implements TravelMatrix {

    private final int n;
    private final long[] tenths;

    public EuclideanMatrix(double[] x, double[] y) {
        this.n = x.length;
        this.tenths = new long[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                tenths[i * n + j] = truncatedTenths(Math.hypot(x[i] - x[j], y[i] - y[j]));
            }
        }
    }

    /** {@code floor(10 d)}, guarded against binary noise just below an exact tenth. */
    static long truncatedTenths(double d) {
        return (long) Math.floor(d * 10 + 1e-9);
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public long time(int from, int to, TransportMode mode) {
        return tenths[from * n + to];
    }

    @Override
    public long distance(int from, int to) {
        return tenths[from * n + to];
    }
}
