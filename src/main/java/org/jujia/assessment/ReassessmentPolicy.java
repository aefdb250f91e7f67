package org.jujia.assessment;

import java.time.LocalDate;
import org.jujia.shared.CareColour;

/** PLATFORM.md §3: the next reassessment is due green 24, yellow 12, orange 6, red 3 months after an assessment. */
final class ReassessmentPolicy {

    private ReassessmentPolicy() {
    }

    static int intervalMonths(CareColour colour) {
        return switch (colour) {
            case GREEN -> 24;
            case YELLOW -> 12;
            case ORANGE -> 6;
            case RED -> 3;
        };
    }

    static LocalDate nextDue(CareColour colour, LocalDate assessedOn) {
        return assessedOn.plusMonths(intervalMonths(colour));
    }
}
