package org.jujia.elder;

import java.time.LocalDate;
import java.util.List;
import org.jujia.shared.Sex;

/**
 * What is needed to register or correct an elder. Birth date and sex derive from the ID number; when given they
 * must agree with it.
 */
public record ElderInput(String name, String idNumber, LocalDate birthDate, Sex sex, String phone, String address,
        String hukou, String communityCode, String complexCode, Double latitude, Double longitude,
        LivingSituation livingSituation, EconomicCategory economicCategory, Boolean lostOnlyChild,
        Boolean specialContribution, Health health, List<Contact> contacts, Integer version) {

    public ElderInput {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    /** Health data (sensitive): stored encrypted as a whole. */
    public record Health(String conditions, String medications, String allergies, String notes) {
    }

    /** An emergency contact or family member; {@code appUsername} links a family app account. */
    public record Contact(ContactKind kind, String name, String relation, String phone, String appUsername) {
    }
}
