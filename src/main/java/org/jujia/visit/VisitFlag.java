package org.jujia.visit;

/** Why a visit failed verification (each comes from a named policy; see docs/visits.md). */
public enum VisitFlag {
    /** the position plus its accuracy lies outside the geofence around the elder's home ({@link GeofencePolicy}) */
    OUTSIDE_GEOFENCE,
    /** the face score against the enrolled photo is below the threshold ({@link FacePolicy}) */
    FACE_MISMATCH,
    /** the face could not be compared (the face service failed or no photo was taken) */
    FACE_UNAVAILABLE,
    /** the caregiver has no enrolled face photo to compare against */
    NO_ENROLLED_FACE,
    /** faster than 120 km/h from the caregiver's previous check-out ({@link TravelPolicy}) */
    IMPOSSIBLE_TRAVEL,
    /** overlaps another visit of the same caregiver by a minute or more ({@link OverlapPolicy}) */
    OVERLAP,
    /** shorter than the item's minimum duration ({@link DurationPolicy}) */
    TOO_SHORT,
    /** the same coordinates to the metre at another elder's visit within 30 days ({@link RepeatedCoordinatesPolicy}) */
    REPEATED_COORDINATES,
    /** checked out without a check-in */
    NO_CHECK_IN,
    /** the elder's home position is unknown, so the geofence could not be checked */
    NO_HOME_POSITION
}
