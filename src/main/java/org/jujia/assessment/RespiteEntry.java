package org.jujia.assessment;

import java.time.LocalDate;

/**
 * One line of the respite list: a high-risk family caregiver's household, since when it is on the list (and until
 * when, for history), the caregiver's latest Zarit total and the monthly entitlement.
 */
public record RespiteEntry(long id, long caregiverId, String caregiverName, FamilyCaregiverRelation relation, long elderId, String elderName,
        String communityName, int latestZbiTotal, LocalDate latestInterviewedOn, LocalDate from, LocalDate to, int monthlyHours,
        RespitePayer payer, String endReason) {

    public boolean current() {
        return to == null;
    }
}
