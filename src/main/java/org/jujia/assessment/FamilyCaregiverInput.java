package org.jujia.assessment;

import java.time.LocalDate;

/**
 * A family caregiver as entered (create and full replacement). On a replacement, a {@code null} phone or ID number
 * keeps the stored (sealed) value, since a client only ever sees it masked; {@code active} defaults to {@code true};
 * {@code version}, when given, must match the stored record (optimistic locking).
 */
public record FamilyCaregiverInput(String name, FamilyCaregiverRelation relation, String phone, String idNumber, Boolean livesWithElder,
        Integer weeklyCareHours, LocalDate startedOn, Boolean active, Integer version) {
}
