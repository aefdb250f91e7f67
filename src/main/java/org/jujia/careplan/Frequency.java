package org.jujia.careplan;

import java.time.DayOfWeek;
import java.time.YearMonth;

/**
 * How often a plan line's service is delivered: {@code count} times per {@code period}.
 *
 * <p>The monthly quantity of a line, the basis of its estimate, is counted for a month the way the catalogue counts
 * package entitlements, so that "one a day" and "one a week" lines never exceed an entitlement of the same kind:
 * per DAY: count × the days of the month; per WEEK: count × the Mondays of the month (a week belongs to the month its
 * Monday falls in: 4 or 5); per MONTH: count. Items sold by the hour count {@code visits × hours per visit}, a part
 * hour counting as a whole one.
 */
public record Frequency(int count, Period period) {

    public enum Period {
        DAY, WEEK, MONTH
    }

    /** The highest count allowed per period (beyond it a line is surely a typing error). */
    static int maxCount(Period p) {
        return switch (p) {
            case DAY -> 6;
            case WEEK -> 21;
            case MONTH -> 62;
        };
    }

    /** Visits (units) in the month. */
    public int monthlyQuantity(YearMonth month) {
        return switch (period) {
            case DAY -> count * month.lengthOfMonth();
            case WEEK -> count * mondays(month);
            case MONTH -> count;
        };
    }

    /** Units in the month of an item sold per hour: visits × hours per visit (rounded up). */
    public int monthlyHours(YearMonth month, int minutesPerVisit) {
        return monthlyQuantity(month) * ((minutesPerVisit + 59) / 60);
    }

    static int mondays(YearMonth month) {
        int first = month.atDay(1).getDayOfWeek().getValue();
        int firstMonday = first == DayOfWeek.MONDAY.getValue() ? 1 : 1 + (8 - first);
        return (month.lengthOfMonth() - firstMonday) / 7 + 1;
    }
}
