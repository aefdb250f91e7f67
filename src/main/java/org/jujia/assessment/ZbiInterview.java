package org.jujia.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.jujia.assessment.scoring.ZbiScorer;

/**
 * One recorded Zarit Burden Interview (ZBI-22, ASSESSMENT.md §6): the 22 answers item by item, the result computed by
 * the platform's scorer and the scorer's version. Immutable once recorded; a correction is a new interview.
 *
 * @param answers          {@code q1}…{@code q22}, each 0 never … 4 nearly always, in item order
 * @param result           total 0–88, band and {@code highRiskCaregiver} (total ≥ 40)
 * @param interviewer      login name of the user who recorded it
 * @param respiteChange    what this interview did to the caregiver's place on the respite list
 */
public record ZbiInterview(long id, long caregiverId, long elderId, LocalDate interviewedOn, String interviewer, Map<String, Integer> answers,
        ZbiScorer.Result result, String scorerVersion, Instant recordedAt, RespitePolicy.Transition respiteChange) {
}
