package org.jujia.elder;

import java.time.LocalDate;
import java.util.List;
import org.jujia.shared.Sex;

/**
 * What is needed to register or correct an elder. Birth date and sex derive from the ID number; when given they
 * must agree with it. The enrolment fields (long-term-care insurance and its number, commercial supplementary
 * insurance with insurer and policy number, special-hardship self-care category) feed the funding rule; the two numbers
 * are sealed like the other sensitive fields.
 */
public record ElderInput(String name, String idNumber, LocalDate birthDate, Sex sex, String phone, String address,
        String hukou, String communityCode, String complexCode, Double latitude, Double longitude,
        LivingSituation livingSituation, EconomicCategory economicCategory, Boolean lostOnlyChild,
        Boolean specialContribution, Health health, List<Contact> contacts, Boolean ltcInsured, String ltcNumber,
        Boolean commercialInsured, String commercialInsurer, String commercialPolicyNumber, HardshipSelfCare hardshipSelfCare,
        Integer version) {

    public ElderInput {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    /** Without the enrolment fields (not insured, no hardship self-care category). */
    public ElderInput(String name, String idNumber, LocalDate birthDate, Sex sex, String phone, String address, String hukou,
            String communityCode, String complexCode, Double latitude, Double longitude, LivingSituation livingSituation,
            EconomicCategory economicCategory, Boolean lostOnlyChild, Boolean specialContribution, Health health, List<Contact> contacts,
            Integer version) {
        this(name, idNumber, birthDate, sex, phone, address, hukou, communityCode, complexCode, latitude, longitude, livingSituation,
                economicCategory, lostOnlyChild, specialContribution, health, contacts, null, null, null, null, null, null, version);
    }

    /** The same record with the enrolment fields of the funding rule (PLATFORM.md §7) replaced. */
    public ElderInput withEnrolment(Boolean ltcInsured, String ltcNumber, Boolean commercialInsured, String commercialInsurer,
            String commercialPolicyNumber, HardshipSelfCare hardshipSelfCare) {
        return new ElderInput(name, idNumber, birthDate, sex, phone, address, hukou, communityCode, complexCode, latitude, longitude,
                livingSituation, economicCategory, lostOnlyChild, specialContribution, health, contacts, ltcInsured, ltcNumber,
                commercialInsured, commercialInsurer, commercialPolicyNumber, hardshipSelfCare, version);
    }

    /** Health data (sensitive): stored encrypted as a whole. */
    public record Health(String conditions, String medications, String allergies, String notes) {
    }

    /** An emergency contact or family member; {@code appUsername} links a family app account. */
    public record Contact(ContactKind kind, String name, String relation, String phone, String appUsername) {
    }
}
