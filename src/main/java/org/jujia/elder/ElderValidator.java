package org.jujia.elder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jujia.region.Region;
import org.jujia.region.RegionLevel;
import org.jujia.shared.GeoPoint;
import org.jujia.shared.InvalidValueException;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.PhoneNumber;
import org.jujia.shared.ResidentIdNumber;
import org.jujia.shared.Violations;

/**
 * The registration rules of an elder record, one place for the API, the console and the spreadsheet import:
 * required fields, GB 11643 ID number whose birth date and sex agree with any given, age 60+, phone formats,
 * a community (and complex) within the caller's jurisdiction, coordinates in range. Each violation names the
 * JSON field it concerns.
 */
final class ElderValidator {

    static final int MIN_AGE = 60;

    /** Resolves region codes within the caller's jurisdiction. */
    interface RegionLookup {
        Optional<Region> byCode(String code, Jurisdiction j);
    }

    /** An input that passed every rule, with its parsed values. */
    record Valid(ElderInput input, ResidentIdNumber idNumber, PhoneNumber phone, Region community, Region complex,
            List<ValidContact> contacts) {
    }

    record ValidContact(ElderInput.Contact input, PhoneNumber phone) {
    }

    private ElderValidator() {
    }

    static Valid validate(ElderInput in, Jurisdiction j, RegionLookup regions, LocalDate today, Violations v) {
        String name = in.name() == null ? null : in.name().trim();
        v.require(name != null && !name.isEmpty(), "name", "required", "name is required");
        v.require(name == null || name.length() <= 50, "name", "length", "name is at most 50 characters");

        ResidentIdNumber id = null;
        if (in.idNumber() == null || in.idNumber().isBlank()) {
            v.add("idNumber", "required", "ID number is required");
        } else {
            try {
                id = ResidentIdNumber.parse(in.idNumber(), today);
                if (in.birthDate() != null || in.sex() != null) {
                    try {
                        id.requireAgrees(in.birthDate() == null ? id.birthDate() : in.birthDate(), in.sex() == null ? id.sex() : in.sex());
                    } catch (InvalidValueException e) {
                        v.add(e.code().startsWith("sex") ? "sex" : "birthDate", e.code(), e.getMessage());
                    }
                }
                if (id.ageOn(today) < MIN_AGE) {
                    v.add("idNumber", "age", "the elder must be at least " + MIN_AGE + " years old (is " + id.ageOn(today) + ")");
                }
            } catch (InvalidValueException e) {
                v.add("idNumber", e.code(), e.getMessage());
            }
        }

        PhoneNumber phone = parsePhone(in.phone(), "phone", v);

        v.require(in.address() == null || in.address().length() <= 200, "address", "length", "address is at most 200 characters");
        v.require(in.hukou() == null || in.hukou().length() <= 100, "hukou", "length", "household registration is at most 100 characters");

        Region community = null;
        Region complex = null;
        if (in.communityCode() == null || in.communityCode().isBlank()) {
            v.add("communityCode", "required", "community is required");
        } else {
            community = regions.byCode(in.communityCode().trim(), j).filter(r -> r.level() == RegionLevel.COMMUNITY).orElse(null);
            if (community == null) {
                v.add("communityCode", "unknown", "no community " + in.communityCode() + " within your jurisdiction");
            } else if (in.complexCode() != null && !in.complexCode().isBlank()) {
                Region c = regions.byCode(in.complexCode().trim(), j).orElse(null);
                if (c == null || c.level() != RegionLevel.COMPLEX || c.parentId() == null || c.parentId() != community.id()) {
                    v.add("complexCode", "unknown", "no residential complex " + in.complexCode() + " in community " + in.communityCode());
                } else {
                    complex = c;
                }
            }
        }

        if ((in.latitude() == null) != (in.longitude() == null)) {
            v.add(in.latitude() == null ? "latitude" : "longitude", "required", "latitude and longitude go together");
        } else if (in.latitude() != null) {
            try {
                new GeoPoint(in.latitude(), in.longitude());
            } catch (InvalidValueException e) {
                v.add(Math.abs(in.latitude()) > 90 ? "latitude" : "longitude", e.code(), e.getMessage());
            }
        }
        v.require(in.livingSituation() != null, "livingSituation", "required", "living situation is required (ALONE, EMPTY_NEST, WITH_FAMILY)");
        v.require(in.economicCategory() != null, "economicCategory", "required",
                "economic category is required (SPECIAL_HARDSHIP, MINIMUM_LIVING, LOW_INCOME, ORDINARY)");
        if (in.health() != null) {
            String all = String.join("", nz(in.health().conditions()), nz(in.health().medications()), nz(in.health().allergies()), nz(in.health().notes()));
            v.require(all.length() <= 4000, "health", "length", "health data is at most 4000 characters");
        }

        validateEnrolment(in, v);

        List<ValidContact> contacts = new ArrayList<>();
        for (int i = 0; i < in.contacts().size(); i++) {
            ElderInput.Contact c = in.contacts().get(i);
            String f = "contacts[" + i + "].";
            if (c == null) {
                v.add("contacts[" + i + "]", "required", "contact is empty");
                continue;
            }
            v.require(c.kind() != null, f + "kind", "required", "kind is required (EMERGENCY or FAMILY)");
            v.require(c.name() != null && !c.name().isBlank() && c.name().length() <= 50, f + "name", "required", "contact name is required");
            v.require(c.relation() != null && !c.relation().isBlank() && c.relation().length() <= 20, f + "relation", "required", "relation is required");
            PhoneNumber p = parsePhone(c.phone(), f + "phone", v);
            v.require(c.kind() != ContactKind.EMERGENCY || p != null, f + "phone", "required", "an emergency contact needs a phone");
            contacts.add(new ValidContact(c, p));
        }
        return v.isEmpty() ? new Valid(in, id, phone, community, complex, contacts) : null;
    }

    /** Insurance and policy numbers: letters, digits and hyphens, 6–40 characters. */
    static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[A-Za-z0-9-]{6,40}");

    /**
     * The enrolment fields (issue #4): an LTC-insured elder needs the insurance number, a commercially insured one the
     * insurer and the policy number; numbers are not recorded for the uninsured; the self-care category only applies to
     * special-hardship (特困) elders.
     */
    static void validateEnrolment(ElderInput in, Violations v) {
        boolean ltc = Boolean.TRUE.equals(in.ltcInsured());
        String ltcNumber = normaliseNumber(in.ltcNumber());
        if (ltc) {
            if (ltcNumber == null) {
                v.add("ltcNumber", "required", "the long-term-care insurance number is required when ltcInsured is true");
            } else if (!NUMBER.matcher(ltcNumber).matches()) {
                v.add("ltcNumber", "format", "the insurance number is 6–40 letters, digits or hyphens");
            }
        } else if (ltcNumber != null) {
            v.add("ltcNumber", "not-insured", "an insurance number is only recorded when ltcInsured is true");
        }
        boolean commercial = Boolean.TRUE.equals(in.commercialInsured());
        String insurer = in.commercialInsurer() == null || in.commercialInsurer().isBlank() ? null : in.commercialInsurer().trim();
        String policy = normaliseNumber(in.commercialPolicyNumber());
        if (commercial) {
            if (insurer == null) {
                v.add("commercialInsurer", "required", "the insurer is required when commercialInsured is true");
            } else if (insurer.length() > 100) {
                v.add("commercialInsurer", "length", "the insurer is at most 100 characters");
            }
            if (policy == null) {
                v.add("commercialPolicyNumber", "required", "the policy number is required when commercialInsured is true");
            } else if (!NUMBER.matcher(policy).matches()) {
                v.add("commercialPolicyNumber", "format", "the policy number is 6–40 letters, digits or hyphens");
            }
        } else {
            v.require(insurer == null, "commercialInsurer", "not-insured", "an insurer is only recorded when commercialInsured is true");
            v.require(policy == null, "commercialPolicyNumber", "not-insured", "a policy number is only recorded when commercialInsured is true");
        }
        if (in.hardshipSelfCare() != null && in.economicCategory() != null && in.economicCategory() != EconomicCategory.SPECIAL_HARDSHIP) {
            v.add("hardshipSelfCare", "category", "the self-care category only applies to SPECIAL_HARDSHIP (特困) elders");
        }
    }

    /** Trims an insurance or policy number, removing inner spaces; null when blank. */
    static String normaliseNumber(String s) {
        if (s == null) {
            return null;
        }
        String n = s.replaceAll("\\s+", "");
        return n.isEmpty() ? null : n;
    }

    private static PhoneNumber parsePhone(String raw, String field, Violations v) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return PhoneNumber.parse(raw);
        } catch (InvalidValueException e) {
            v.add(field, e.code(), e.getMessage());
            return null;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
