package org.jujia.workforce;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * In-service training (PLATFORM.md §9): 4 hours (240 credited minutes) every calendar month, owed from the month after
 * the hire month until the month before leaving; a month short of it flags a deduction of 5% of that month's
 * performance pay.
 */
final class InServiceTraining {

    static final int MONTHLY_MINUTES = 4 * 60;
    static final int DEDUCTION_PERCENT = 5;

    private InServiceTraining() {
    }

    /** One owed month: minutes credited, whether the 4 hours were done, the deduction flagged (0 or 5 percent). */
    record Month(YearMonth month, int minutes, boolean met, int deductionPercent) {
    }

    /**
     * The months owed within {@code [from, to]} by a person hired on {@code hiredOn} (left on {@code leftOn}, or null),
     * with their credited in-service minutes per month.
     */
    static List<Month> months(LocalDate hiredOn, LocalDate leftOn, YearMonth from, YearMonth to, Map<YearMonth, Integer> minutes) {
        List<Month> out = new ArrayList<>();
        YearMonth first = YearMonth.from(hiredOn).plusMonths(1);
        YearMonth last = leftOn == null ? to : YearMonth.from(leftOn).minusMonths(1);
        YearMonth start = first.isAfter(from) ? first : from;
        YearMonth end = last.isBefore(to) ? last : to;
        for (YearMonth m = start; !m.isAfter(end); m = m.plusMonths(1)) {
            int done = minutes.getOrDefault(m, 0);
            boolean met = done >= MONTHLY_MINUTES;
            out.add(new Month(m, done, met, met ? 0 : DEDUCTION_PERCENT));
        }
        return out;
    }

    /** The performance pay of a month after the in-service deduction (fen, the 5% rounded half up). */
    static long performancePayAfter(Month m, long performancePayFen) {
        return performancePayFen - (performancePayFen * m.deductionPercent() + 50) / 100;
    }
}
