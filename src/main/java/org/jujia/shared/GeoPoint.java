package org.jujia.shared;

import java.util.Objects;

/**
 * A point on the earth's surface in decimal degrees (WGS 84 style latitude and longitude).
 *
 * @param latitude degrees north, from -90 to 90 inclusive
 * @param longitude degrees east, from -180 to 180 inclusive
 */
public record GeoPoint(double latitude, double longitude) {

    /** Mean earth radius (IUGG) used for distances, in metres. */
    public static final double EARTH_RADIUS_METRES = 6_371_008.8;

    /**
     * Validates the ranges.
     *
     * @throws InvalidValueException with code {@code "geo.range"} if a coordinate is out of range
     *     or not a finite number
     */
    public GeoPoint {
        if (!(latitude >= -90.0 && latitude <= 90.0)) {
            throw new InvalidValueException("geo.range",
                    "Latitude must be between -90 and 90 but was " + latitude);
        }
        if (!(longitude >= -180.0 && longitude <= 180.0)) {
            throw new InvalidValueException("geo.range",
                    "Longitude must be between -180 and 180 but was " + longitude);
        }
        // Turn -0.0 into 0.0 so that equals() treats both as the same point.
        latitude += 0.0;
        longitude += 0.0;
    }

    /** Great-circle distance to {@code other} in metres, using the haversine formula. */
    public double distanceMetres(GeoPoint other) {
        Objects.requireNonNull(other, "other");
        double phi1 = Math.toRadians(latitude);
        double phi2 = Math.toRadians(other.latitude);
        double sinHalfDeltaPhi = Math.sin((phi2 - phi1) / 2);
        double sinHalfDeltaLambda = Math.sin(Math.toRadians(other.longitude - longitude) / 2);
        double h = sinHalfDeltaPhi * sinHalfDeltaPhi
                + Math.cos(phi1) * Math.cos(phi2) * sinHalfDeltaLambda * sinHalfDeltaLambda;
        // Rounding can push h slightly above 1 for antipodal points.
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.sqrt(Math.min(1.0, h)));
    }
}
