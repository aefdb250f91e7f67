package org.jujia.elder;

import java.time.LocalDate;
import org.jujia.shared.CareColour;
import org.jujia.shared.Sex;

/** One row of a search result: no sensitive value in the clear. */
public record ElderSummary(long id, String name, Sex sex, LocalDate birthDate, int age, String idNumberMasked,
        String phoneMasked, long communityId, String communityName, LivingSituation livingSituation,
        EconomicCategory economicCategory, boolean lostOnlyChild, boolean specialContribution, ElderStatus status,
        CareColour careColour, LocalDate nextReassessmentDue) {

    public boolean oldestOld() {
        return age >= SpecialCategory.OLDEST_OLD_AGE;
    }
}
