package org.jujia.oversight;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * Complaint deadlines in working days (Asia/Shanghai): Saturdays, Sundays and the configured holidays do not count.
 * "Within N working days" of a complaint filed at any moment of day D ends at the end of the N-th working day after
 * D, i.e. at midnight starting the following day. Filed on Friday, acknowledged within 1 working day = by the end of
 * Monday; filed on Saturday or Sunday, also by the end of Monday. N = 0 means by the end of the day of filing (or,
 * filed on a non-working day, of the next working day).
 */
record WorkingDays(Set<LocalDate> holidays) {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    WorkingDays {
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
    }

    boolean isWorkingDay(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(d);
    }

    /** The last day counted: the N-th working day after the day of {@code filed}. */
    LocalDate lastDay(Instant filed, int workingDays) {
        LocalDate d = filed.atZone(ZONE).toLocalDate();
        if (workingDays == 0) {
            while (!isWorkingDay(d)) {
                d = d.plusDays(1);
            }
            return d;
        }
        int left = workingDays;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** The deadline: the end of {@link #lastDay} (midnight, Asia/Shanghai, starting the next day). */
    Instant deadline(Instant filed, int workingDays) {
        return lastDay(filed, workingDays).plusDays(1).atStartOfDay(ZONE).toInstant();
    }
}
