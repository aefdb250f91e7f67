package org.jujia.dispatch;

import java.time.Instant;

/**
 * The platform asks for an urgent home visit to an elder (e.g. after three consecutive unanswered daily voice calls).
 * Dispatch turns it into an URGENT order for the elder's provider, at most one open urgent order per elder and reason.
 *
 * @param reason     a stable code, e.g. {@code VOICE_CALLS_UNANSWERED}
 * @param reference  what caused it, e.g. {@code voice-call:2026-11-27..2026-11-29}
 */
public record UrgentVisitRequested(long elderId, String reason, String reference, String note, Instant requestedAt) {
}
