package org.jujia.assessment;

import org.jujia.shared.CareColour;

/** An elder's care colour changed with a signed assessment (previous is null for a first assessment). */
public record CareColourChanged(long elderId, CareColour previous, CareColour current, long assessmentId) {
}
