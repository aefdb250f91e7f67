package org.jujia.elder;

import java.time.LocalDate;

/**
 * An elder left the platform's care: deceased (final) or moved away, as of {@code on}. Care plans end and their
 * unstarted orders are cancelled (careplan, then dispatch).
 */
public record ElderLeft(long elderId, ElderStatus status, LocalDate on) {
}
