package org.jujia.assessment;

import java.time.Instant;
import java.util.List;
import org.jujia.shared.CareColour;

/** An assessment was signed: its colour, flags and Barthel total, and the colour before it (null for a first one). */
public record AssessmentCompleted(long assessmentId, long elderId, CareColour colour, List<String> flags, int barthelTotal,
        CareColour previousColour, Instant signedAt) {
}
