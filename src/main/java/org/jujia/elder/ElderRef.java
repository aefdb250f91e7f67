package org.jujia.elder;

import java.time.LocalDate;
import java.util.List;
import org.jujia.shared.CareColour;

/**
 * What other modules may know of an elder without reading personal data: id, name, birth date, place in the
 * region tree (for jurisdiction scoping), status and care level.
 */
public record ElderRef(long id, String name, LocalDate birthDate, String regionPath, long communityId, ElderStatus status,
        CareColour careColour, List<String> careFlags, Long careAssessmentId, LocalDate careAssessedOn, LocalDate nextReassessmentDue) {

    public ElderRef {
        careFlags = careFlags == null ? List.of() : List.copyOf(careFlags);
    }

    /** The id of the street node the elder lives in (the third level of the region path). */
    public long streetId() {
        String[] ids = regionPath.substring(1).split("/");
        return Long.parseLong(ids[2]);
    }

    public int ageOn(LocalDate date) {
        return java.time.Period.between(birthDate, date).getYears();
    }
}
