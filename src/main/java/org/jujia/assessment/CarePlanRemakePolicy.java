package org.jujia.assessment;

import java.time.Duration;
import java.util.Optional;
import org.jujia.shared.CareColour;

/**
 * PLATFORM.md §3, the 10-point rule: when a signed assessment's Barthel total differs from the previous signed one
 * by 10 points or more, or the care colour changes, the street elder-care officer must remake the care plan within
 * 48 hours. A first assessment has nothing to compare with.
 */
final class CarePlanRemakePolicy {

    static final int BARTHEL_THRESHOLD = 10;
    static final Duration DEADLINE = Duration.ofHours(48);

    enum Trigger {
        BARTHEL_CHANGE, COLOUR_CHANGE
    }

    private CarePlanRemakePolicy() {
    }

    /** Why a remake is required, if it is (a colour change wins when both hold). */
    static Optional<Trigger> trigger(Integer previousBarthel, CareColour previousColour, int barthel, CareColour colour) {
        if (previousColour == null || previousBarthel == null) {
            return Optional.empty();
        }
        if (previousColour != colour) {
            return Optional.of(Trigger.COLOUR_CHANGE);
        }
        if (Math.abs(barthel - previousBarthel) >= BARTHEL_THRESHOLD) {
            return Optional.of(Trigger.BARTHEL_CHANGE);
        }
        return Optional.empty();
    }
}
