package org.jujia.dispatch.internal.planning;

import java.util.List;
import org.jujia.shared.GeoPoint;

/**
 * Travel estimated from coordinates: great-circle distance × road factor, divided by the speed of the mode of
 * transport; times in whole seconds (rounded up). Road distances are computed once ({@code n²} ints: 10 MB for
 * 1,620 locations).
 */
public final class GreatCircleMatrix implements TravelMatrix {

    private final int n;
    private final int[] metres;
    private final double[] secondsPerMetre = new double[TransportMode.values().length];

    public GreatCircleMatrix(List<GeoPoint> points, TravelSpeeds speeds) {
        this.n = points.size();
        this.metres = new int[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                int d = (int) Math.round(points.get(i).distanceMetres(points.get(j)) * speeds.roadFactor());
                metres[i * n + j] = d;
                metres[j * n + i] = d;
            }
        }
        for (TransportMode m : TransportMode.values()) {
            secondsPerMetre[m.ordinal()] = speeds.secondsPerMetre(m);
        }
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public long time(int from, int to, TransportMode mode) {
        return (long) Math.ceil(metres[from * n + to] * secondsPerMetre[mode.ordinal()]);
    }

    @Override
    public long distance(int from, int to) {
        return metres[from * n + to];
    }
}
