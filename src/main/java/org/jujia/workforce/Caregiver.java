package org.jujia.workforce;

import java.time.LocalDate;
import java.util.Set;
import org.jujia.catalogue.CaregiverLevel;
import org.jujia.catalogue.Qualification;
import org.jujia.shared.GeoPoint;

/**
 * A caregiver: the user account and the workforce profile behind it.
 *
 * @param homePath        region path of the account's home node (jurisdiction scoping)
 * @param level           vocational skill level of a 养老护理员, null when the person holds no caregiver level
 * @param qualifications  professional qualifications held (CAREGIVER, NURSE, REHAB_THERAPIST…)
 * @param base            where the caregiver starts the day (the provider's station), null when unknown
 * @param faceEnrolled    whether a face photo is enrolled for visit verification
 */
public record Caregiver(long userId, String username, String displayName, long providerId, String providerName, String homePath,
        CaregiverLevel level, Set<Qualification> qualifications, GeoPoint base, boolean faceEnrolled, LocalDate backgroundCheckedOn,
        boolean active, BlacklistStatus blacklist) {

    public Caregiver {
        qualifications = qualifications == null ? Set.of() : Set.copyOf(qualifications);
    }

    /**
     * Whether this caregiver may perform a service requiring {@code required} (and, for CAREGIVER services, at least
     * {@code minLevel}): never when inactive or on the blacklist (confirmed or pending); NONE needs no qualification.
     */
    public Eligibility eligibilityFor(Qualification required, CaregiverLevel minLevel) {
        if (!active) {
            return Eligibility.INACTIVE;
        }
        if (blacklist == BlacklistStatus.CONFIRMED) {
            return Eligibility.BLACKLISTED;
        }
        if (blacklist == BlacklistStatus.PROPOSED) {
            return Eligibility.BLACKLIST_PENDING;
        }
        if (required == null || required == Qualification.NONE) {
            return Eligibility.ELIGIBLE;
        }
        if (!qualifications.contains(required)) {
            return Eligibility.LACKS_QUALIFICATION;
        }
        if (required == Qualification.CAREGIVER && minLevel != null && (level == null || !level.atLeast(minLevel))) {
            return Eligibility.LEVEL_TOO_LOW;
        }
        return Eligibility.ELIGIBLE;
    }
}
