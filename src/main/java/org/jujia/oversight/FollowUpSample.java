package org.jujia.oversight;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The follow-up sample (回访抽样): of a provider's N verified visits of a month, {@code ceil(N × percent / 100)} chosen at
 * random (at least one call whenever there is a visit and the percentage is above 0). The random source is passed in
 * so a test can fix it.
 */
final class FollowUpSample {

    private FollowUpSample() {
    }

    /** How many of {@code verified} visits are called at {@code percent} %. */
    static int size(int verified, int percent) {
        if (verified <= 0 || percent <= 0) {
            return 0;
        }
        return (int) Math.min(verified, (verified * (long) percent + 99) / 100);
    }

    /** A random choice of {@link #size} of the given visit ids (a partial Fisher–Yates shuffle), in the order drawn. */
    static List<Long> choose(List<Long> visitIds, int percent, Random random) {
        List<Long> ids = new ArrayList<>(visitIds);
        int n = size(ids.size(), percent);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(ids.size() - i);
            Long t = ids.get(i);
            ids.set(i, ids.get(j));
            ids.set(j, t);
        }
        return List.copyOf(ids.subList(0, n));
    }
}
