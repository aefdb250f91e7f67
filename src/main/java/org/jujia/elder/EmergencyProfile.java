package org.jujia.elder;

import java.util.List;
import org.jujia.shared.CareColour;

/**
 * What an emergency responder (120, the family, the community worker) must know of an elder when a critical alarm
 * is raised, in the clear: read only through {@link ElderRegistry#emergencyProfile}, which audits the disclosure.
 */
public record EmergencyProfile(long id, String name, String sex, int age, String regionPath, long communityId, String address,
        Double latitude, Double longitude, String phone, String conditions, String medications, CareColour careColour,
        List<String> careFlags, List<Contact> contacts) {

    /** A contact with the phone in the clear and the family app account (user id and username) if linked. */
    public record Contact(ContactKind kind, String name, String relation, String phone, Long appUserId, String appUsername) {
    }
}
