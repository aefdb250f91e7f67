package org.jujia.assessment;

import java.time.LocalDate;

/** A reassessment task was opened: by the schedule or because of a hospital admission, fall or major illness. */
public record ReassessmentDue(long taskId, long elderId, String reason, LocalDate dueOn) {
}
