package org.jujia.dispatch.internal.planning;

/**
 * A given matrix (from a file or a road router), scaled to integers: {@code round(value × scale)}. Travel time
 * equals distance (as in the Mankowska instances); mode of transport is ignored.
 */
public final class ExplicitMatrix implements TravelMatrix {

    private final int n;
    private final long[] scaled;

    public ExplicitMatrix(double[][] values, double scale) {
        this.n = values.length;
        this.scaled = new long[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                scaled[i * n + j] = Math.round(values[i][j] * scale);
            }
        }
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public long time(int from, int to, TransportMode mode) {
        return scaled[from * n + to];
    }

    @Override
    public long distance(int from, int to) {
        return scaled[from * n + to];
    }
}
