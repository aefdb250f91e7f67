package org.jujia.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class GeoPointTest {

    private static final GeoPoint TIANANMEN = new GeoPoint(39.9087, 116.3975);
    private static final GeoPoint PEOPLES_SQUARE = new GeoPoint(31.2304, 121.4737);

    @Test
    void distanceBetweenBeijingAndShanghai() {
        assertThat(TIANANMEN.distanceMetres(PEOPLES_SQUARE)).isCloseTo(1_067_000.0, withinPercentage(1));
        assertThat(PEOPLES_SQUARE.distanceMetres(TIANANMEN)).isEqualTo(TIANANMEN.distanceMetres(PEOPLES_SQUARE));
    }

    @Test
    void zeroDistanceToItself() {
        assertThat(TIANANMEN.distanceMetres(TIANANMEN)).isZero();
        assertThat(TIANANMEN.distanceMetres(new GeoPoint(39.9087, 116.3975))).isZero();
    }

    @Test
    void oneDegreeAlongTheEquator() {
        double expected = 2 * Math.PI * GeoPoint.EARTH_RADIUS_METRES / 360;
        assertThat(new GeoPoint(0, 0).distanceMetres(new GeoPoint(0, 1))).isCloseTo(expected, within(1e-6));
    }

    @Test
    void antipodesAreHalfACircumferenceApart() {
        double half = Math.PI * GeoPoint.EARTH_RADIUS_METRES;
        assertThat(new GeoPoint(90, 0).distanceMetres(new GeoPoint(-90, 0))).isCloseTo(half, within(1e-6));
        assertThat(new GeoPoint(0, 0).distanceMetres(new GeoPoint(0, 180))).isCloseTo(half, within(1e-6));
        assertThat(new GeoPoint(0, -180).distanceMetres(new GeoPoint(0, 180))).isCloseTo(0, within(1e-6));
    }

    @Test
    void acceptsRangeBoundaries() {
        new GeoPoint(90, 180);
        new GeoPoint(-90, -180);
        new GeoPoint(0, 0);
    }

    @Test
    void rejectsOutOfRangeAndNonFiniteCoordinates() {
        double[][] bad = {
                {90.000001, 0}, {-90.000001, 0}, {0, 180.000001}, {0, -180.000001},
                {Double.NaN, 0}, {0, Double.NaN}, {Double.POSITIVE_INFINITY, 0}, {0, Double.NEGATIVE_INFINITY},
        };
        for (double[] point : bad) {
            assertThatThrownBy(() -> new GeoPoint(point[0], point[1]))
                    .isInstanceOf(InvalidValueException.class)
                    .extracting(e -> ((InvalidValueException) e).code())
                    .isEqualTo("geo.range");
        }
    }

    @Test
    void negativeZeroEqualsZero() {
        assertThat(new GeoPoint(-0.0, -0.0)).isEqualTo(new GeoPoint(0.0, 0.0));
    }
}
