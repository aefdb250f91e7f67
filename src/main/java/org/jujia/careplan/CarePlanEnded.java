package org.jujia.careplan;

import java.time.Instant;

/** An active care plan ended (elder deceased, moved away, withdrew): its recurring orders stop. */
public record CarePlanEnded(long elderId, long planId, int version, long providerId, Instant endedAt, EndReason reason) {
}
