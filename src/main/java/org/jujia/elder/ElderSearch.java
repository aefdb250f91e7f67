package org.jujia.elder;

import java.time.LocalDate;
import org.jujia.shared.CareColour;

/**
 * Search criteria; all optional. {@code q} matches the start of the name, or exactly an ID number or phone
 * when it looks like one. {@code reassessmentDueBy} lists active elders whose next reassessment falls on or
 * before that date (overdue ones included).
 */
public record ElderSearch(String q, String idNumber, String phone, String communityCode, Integer ageMin, Integer ageMax,
        LivingSituation livingSituation, EconomicCategory economicCategory, SpecialCategory special,
        ElderStatus status, CareColour colour, LocalDate reassessmentDueBy, int page, int size, String sort) {

    public static ElderSearch all() {
        return new ElderSearch(null, null, null, null, null, null, null, null, null, null, null, null, 0, 20, null);
    }

    public ElderSearch withPage(int newPage, int newSize) {
        return new ElderSearch(q, idNumber, phone, communityCode, ageMin, ageMax, livingSituation, economicCategory, special,
                status, colour, reassessmentDueBy, newPage, newSize, sort);
    }
}
