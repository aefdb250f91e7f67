package org.jujia.visit;

import java.util.Arrays;

/**
 * The demo profile's face service (never outside it): any non-empty photo matches with a score of 92–99 (stable per
 * photo), an empty photo does not (score 0) — so the other verification policies can be exercised through the API.
 */
final class FaceSimulator implements FaceComparison {

    @Override
    public int compare(byte[] enrolledJpeg, byte[] probeJpeg) {
        if (probeJpeg == null || probeJpeg.length == 0) {
            return 0;
        }
        return 92 + Math.floorMod(Arrays.hashCode(probeJpeg), 8);
    }
}
