package org.jujia.dispatch.internal.planning;

/** How a caregiver moves between visits; its speed is configured in {@link TravelSpeeds}. */
public enum TransportMode {
    WALK, E_BIKE, CAR
}
