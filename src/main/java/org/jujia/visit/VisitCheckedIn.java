package org.jujia.visit;

import java.time.Instant;
import java.util.Set;

/** A caregiver checked in at a visit; {@code checkedInAt} is the device's capture time, {@code flags} the check-in findings. */
public record VisitCheckedIn(long visitId, long orderId, long elderId, String regionPath, long providerId, long caregiverUserId,
        String itemCode, Instant checkedInAt, boolean delayedSync, Set<VisitFlag> flags) {
}
