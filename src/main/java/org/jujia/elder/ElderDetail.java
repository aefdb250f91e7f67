package org.jujia.elder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jujia.privacy.Consent;
import org.jujia.shared.CareColour;
import org.jujia.shared.Sex;

/** The elder record as shown to staff: sensitive values masked; revealing them is a separate, audited request. */
public record ElderDetail(long id, String name, Sex sex, LocalDate birthDate, int age, String idNumberMasked,
        String phoneMasked, String addressMasked, String hukou, long communityId, String communityCode, String communityName,
        Long complexId, String complexName, String streetName, Double latitude, Double longitude,
        LivingSituation livingSituation, EconomicCategory economicCategory, boolean lostOnlyChild,
        boolean specialContribution, boolean oldestOld, boolean hasHealthData, ElderStatus status,
        LocalDate statusChangedOn, List<ContactView> contacts, List<Consent> consents, CareColour careColour,
        List<String> careFlags, Long careAssessmentId, LocalDate careAssessedOn, LocalDate nextReassessmentDue, Instant createdAt,
        Instant updatedAt, int version, boolean ltcInsured, String ltcNumberMasked, boolean commercialInsured, String commercialInsurer,
        String commercialPolicyMasked, HardshipSelfCare hardshipSelfCare) {

    /** Without the enrolment fields. */
    public ElderDetail(long id, String name, Sex sex, LocalDate birthDate, int age, String idNumberMasked, String phoneMasked,
            String addressMasked, String hukou, long communityId, String communityCode, String communityName, Long complexId,
            String complexName, String streetName, Double latitude, Double longitude, LivingSituation livingSituation,
            EconomicCategory economicCategory, boolean lostOnlyChild, boolean specialContribution, boolean oldestOld, boolean hasHealthData,
            ElderStatus status, LocalDate statusChangedOn, List<ContactView> contacts, List<Consent> consents, CareColour careColour,
            List<String> careFlags, Long careAssessmentId, LocalDate careAssessedOn, LocalDate nextReassessmentDue, Instant createdAt,
            Instant updatedAt, int version) {
        this(id, name, sex, birthDate, age, idNumberMasked, phoneMasked, addressMasked, hukou, communityId, communityCode, communityName,
                complexId, complexName, streetName, latitude, longitude, livingSituation, economicCategory, lostOnlyChild, specialContribution,
                oldestOld, hasHealthData, status, statusChangedOn, contacts, consents, careColour, careFlags, careAssessmentId, careAssessedOn,
                nextReassessmentDue, createdAt, updatedAt, version, false, null, false, null, null, null);
    }

    /** When the record was registered, in business time (Asia/Shanghai), for display. */
    public String registeredAt() {
        return createdAt == null ? "" : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(createdAt.atZone(java.time.ZoneId.of("Asia/Shanghai")));
    }

    /** A contact with the phone masked. */
    public record ContactView(long id, ContactKind kind, String name, String relation, String phoneMasked, boolean hasAppAccount) {
    }
}
