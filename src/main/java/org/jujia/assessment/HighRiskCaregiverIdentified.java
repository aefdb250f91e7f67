package org.jujia.assessment;

import java.time.LocalDate;

/**
 * A Zarit interview made a family caregiver high-risk (ZBI ≥ 40, ASSESSMENT.md §6) and put the household on the
 * respite list: at least 4 hours of replacement care per month, paid entirely by government (PLATFORM.md §3).
 * Published once when the caregiver joins the list, not again while later interviews keep them on it.
 *
 * @param caregiverId   the family caregiver record
 * @param elderId       the elder cared for (the household that receives replacement care)
 * @param interviewId   the interview that put the caregiver on the list
 * @param zbiTotal      that interview's total, 40–88
 * @param interviewedOn the day of that interview
 */
public record HighRiskCaregiverIdentified(long caregiverId, long elderId, long interviewId, int zbiTotal, LocalDate interviewedOn) {
}
