package org.jujia.visit;

import java.time.Instant;
import org.jujia.shared.GeoPoint;

/**
 * What the phone reported at check-in or check-out: position with its accuracy, the device's capture time, and when
 * the server received it.
 */
record Reading(GeoPoint position, double accuracyMeters, Instant capturedAt, Instant receivedAt) {
}
