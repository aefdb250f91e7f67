package org.jujia.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jujia.assessment.scoring.ZbiScorer;

/**
 * A family caregiver of one elder as shown to staff: phone and ID number masked (revealing them is a separate,
 * audited request), with the caregiver's latest Zarit result and their respite-list history.
 *
 * @param latestZbi          the latest interview (by date, then by recording order), or {@code null}
 * @param onRespiteList      whether the household is on the respite list because of this caregiver now
 * @param respiteEntitlement what the household receives while listed, or {@code null} when not listed
 * @param respiteHistory     every period on the respite list, newest first
 */
public record FamilyCaregiver(long id, long elderId, String elderName, String name, FamilyCaregiverRelation relation,
        String phoneMasked, String idNumberMasked, boolean livesWithElder, int weeklyCareHours, LocalDate startedOn, boolean active,
        LatestZbi latestZbi, boolean onRespiteList, RespiteEntitlement respiteEntitlement, List<RespitePeriod> respiteHistory,
        Instant createdAt, Instant updatedAt, int version) {

    /** The result of the caregiver's latest Zarit interview. */
    public record LatestZbi(long interviewId, LocalDate interviewedOn, int total, ZbiScorer.Band band, boolean highRiskCaregiver) {
    }

    /**
     * One period on the respite list: from the interview that made the caregiver high-risk to the interview below the
     * threshold (or the day the caregiver stopped caring); {@code to} is {@code null} while it lasts.
     */
    public record RespitePeriod(long id, LocalDate from, LocalDate to, int monthlyHours, RespitePayer payer, long openedByInterviewId,
            Long closedByInterviewId, String endReason) {
    }
}
