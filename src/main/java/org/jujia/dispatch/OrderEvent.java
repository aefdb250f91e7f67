package org.jujia.dispatch;

import java.time.Instant;

/** One entry of an order's history: who did what, when (e.g. ASSIGNED "caregiver 12 王芳"). */
public record OrderEvent(Instant at, String actor, String action, String detail) {
}
