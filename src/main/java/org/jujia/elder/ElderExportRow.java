package org.jujia.elder;

import java.time.LocalDate;
import org.jujia.shared.Sex;

/** One exported row: identity values masked unless the export was an audited, unmasked one. */
public record ElderExportRow(long id, String name, Sex sex, LocalDate birthDate, int age, String idNumber, String phone,
        String address, String communityCode, String communityName, LivingSituation livingSituation,
        EconomicCategory economicCategory, boolean lostOnlyChild, boolean specialContribution, ElderStatus status) {
}
