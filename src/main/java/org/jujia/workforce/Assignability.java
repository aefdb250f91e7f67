package org.jujia.workforce;

import java.time.LocalDate;
import java.util.List;
import org.jujia.catalogue.CaregiverLevel;
import org.jujia.catalogue.Qualification;

/**
 * The one assignability policy (issue #9 item 3): may this person perform a service requiring a qualification (and a
 * minimum caregiver level) on a date? The first reason that applies, in this order, is the answer:
 * <ol>
 * <li>INACTIVE — no caregiver profile, profile or account inactive, or not ACTIVE in employment;</li>
 * <li>BLACKLISTED / BLACKLIST_PENDING — a confirmed or open entry for the account or the person (ID number);</li>
 * <li>LACKS_QUALIFICATION / LEVEL_TOO_LOW — the profile's qualifications and level;</li>
 * <li>PROVIDER_REVOKED — the provider's operating qualification is revoked;</li>
 * <li>CERTIFICATE_INVALID — no certificate of the qualification's type valid on the date (valid from and to are
 * inclusive: a certificate expiring today is still valid today), for caregiver items of at least the minimum level;</li>
 * <li>BACKGROUND_CHECK_MISSING — no PASSED background check dated on or before the date;</li>
 * <li>TRAINING_INCOMPLETE — pre-job training ({@link PreJobTraining}) not complete by the date.</li>
 * </ol>
 * A service requiring no qualification ({@link Qualification#NONE}) needs no certificate, but everything else.
 */
final class Assignability {

    private Assignability() {
    }

    /** A certificate as the policy sees it. */
    record Cert(String type, CaregiverLevel level, LocalDate validFrom, LocalDate validTo) {

        boolean validOn(LocalDate date) {
            return !date.isBefore(validFrom) && !date.isAfter(validTo);
        }
    }

    /** Everything the policy needs about one person (read in one go by the store). */
    record Facts(Caregiver caregiver, EmploymentStatus employment, BlacklistStatus personBlacklist, boolean providerRevoked,
            List<Cert> certificates, BackgroundCheck backgroundCheck, LocalDate backgroundCheckedOn, List<PreJobTraining.Credit> training) {

        Facts {
            certificates = certificates == null ? List.of() : List.copyOf(certificates);
            training = training == null ? List.of() : List.copyOf(training);
        }
    }

    static Eligibility decide(Facts f, Qualification required, CaregiverLevel minLevel, LocalDate date) {
        Caregiver c = f.caregiver();
        if (c == null || f.employment() != EmploymentStatus.ACTIVE) {
            return Eligibility.INACTIVE;
        }
        Eligibility profile = c.eligibilityFor(required, minLevel);
        if (profile == Eligibility.ELIGIBLE || profile == Eligibility.LACKS_QUALIFICATION || profile == Eligibility.LEVEL_TOO_LOW) {
            // the person may be blacklisted under another account: the person's entries weigh as much as the account's
            if (f.personBlacklist() == BlacklistStatus.CONFIRMED) {
                return Eligibility.BLACKLISTED;
            }
            if (f.personBlacklist() == BlacklistStatus.PROPOSED) {
                return Eligibility.BLACKLIST_PENDING;
            }
        }
        if (!profile.eligible()) {
            return profile;
        }
        if (f.providerRevoked()) {
            return Eligibility.PROVIDER_REVOKED;
        }
        if (required != null && required != Qualification.NONE && f.certificates().stream().noneMatch(cert -> cert.type().equals(required.name())
                && cert.validOn(date) && (required != Qualification.CAREGIVER || minLevel == null || (cert.level() != null && cert.level().atLeast(minLevel))))) {
            return Eligibility.CERTIFICATE_INVALID;
        }
        if (f.backgroundCheck() != BackgroundCheck.PASSED || f.backgroundCheckedOn() == null || f.backgroundCheckedOn().isAfter(date)) {
            return Eligibility.BACKGROUND_CHECK_MISSING;
        }
        if (!PreJobTraining.progress(f.training(), date).complete()) {
            return Eligibility.TRAINING_INCOMPLETE;
        }
        return Eligibility.ELIGIBLE;
    }
}
