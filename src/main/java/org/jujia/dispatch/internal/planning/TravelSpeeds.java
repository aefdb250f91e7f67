package org.jujia.dispatch.internal.planning;

/**
 * Speeds per mode of transport and the road factor (road distance ÷ great-circle distance) used by
 * {@link GreatCircleMatrix}.
 *
 * @param walkKmh  walking speed in km/h
 * @param eBikeKmh e-bike speed in km/h (the usual mode of Suzhou caregivers)
 * @param carKmh   urban car speed in km/h
 * @param roadFactor how much longer the road is than the straight line, at least 1
 */
public record TravelSpeeds(double walkKmh, double eBikeKmh, double carKmh, double roadFactor) {

    /** 4.5 km/h on foot, 15 km/h by e-bike, 25 km/h by car in town; roads 1.3 × the straight line. */
    public static final TravelSpeeds DEFAULT = new TravelSpeeds(4.5, 15, 25, 1.3);

    public TravelSpeeds {
        if (walkKmh <= 0 || eBikeKmh <= 0 || carKmh <= 0) {
            throw new IllegalArgumentException("speeds must be positive");
        }
        if (roadFactor < 1) {
            throw new IllegalArgumentException("road factor must be at least 1 but was " + roadFactor);
        }
    }

    double kmh(TransportMode mode) {
        return switch (mode) {
            case WALK -> walkKmh;
            case E_BIKE -> eBikeKmh;
            case CAR -> carKmh;
        };
    }

    /** Seconds needed to cover one metre of road. */
    double secondsPerMetre(TransportMode mode) {
        return 3.6 / kmh(mode);
    }
}
