package org.jujia.access;

import java.time.LocalDate;

/** A certificate a user holds (e.g. the assessor certificate required to sign assessments). */
public record Certificate(long id, long userId, String type, String number, String issuer, LocalDate validFrom, LocalDate validTo) {

    public static final String ASSESSOR = "ASSESSOR";

    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && !date.isAfter(validTo);
    }
}
