package org.jujia.catalogue;

import java.time.DayOfWeek;
import java.time.YearMonth;

/**
 * A package entitlement as published (PLATFORM.md §4): {@code quantity} units per day, week or month. It becomes a
 * monthly quantity for a given month:
 * <ul>
 * <li>per DAY: quantity × days of the month (meal one a day → 28–31);</li>
 * <li>per WEEK: quantity × the number of Mondays in the month (4 or 5) — every week is counted in exactly one month,
 * the month its Monday falls in [D];</li>
 * <li>per MONTH: the quantity itself.</li>
 * </ul>
 */
public record Entitlement(int quantity, Per per) {

    public enum Per {
        DAY, WEEK, MONTH
    }

    public Entitlement {
        if (quantity < 0) {
            throw new IllegalArgumentException("entitlement quantity must not be negative");
        }
        if (per == null) {
            throw new IllegalArgumentException("entitlement period is required");
        }
    }

    public static Entitlement perDay(int q) {
        return new Entitlement(q, Per.DAY);
    }

    public static Entitlement perWeek(int q) {
        return new Entitlement(q, Per.WEEK);
    }

    public static Entitlement perMonth(int q) {
        return new Entitlement(q, Per.MONTH);
    }

    /** The quantity within entitlement in {@code month}. */
    public int monthlyQuantity(YearMonth month) {
        return switch (per) {
            case DAY -> quantity * month.lengthOfMonth();
            case WEEK -> quantity * mondays(month);
            case MONTH -> quantity;
        };
    }

    static int mondays(YearMonth month) {
        int n = 0;
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            if (month.atDay(d).getDayOfWeek() == DayOfWeek.MONDAY) {
                n++;
            }
        }
        return n;
    }
}
