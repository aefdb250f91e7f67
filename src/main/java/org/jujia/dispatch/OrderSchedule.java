package org.jujia.dispatch;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jujia.careplan.CarePlanActivated;
import org.jujia.careplan.PlanLine;
import org.jujia.catalogue.ServiceItem;
import org.jujia.catalogue.ServiceUnit;

/**
 * The policy turning a care-plan line ({@code count} per DAY / WEEK / MONTH, preferred ISO weekdays, a window in
 * Asia/Shanghai local time that may cross midnight, minutes per visit) into dated occurrences:
 * <ul>
 * <li><b>DAY n</b>: n a day, every day (weekdays do not apply: the plan's estimate counts every day), the window cut
 * into n equal parts, one occurrence in each;</li>
 * <li><b>WEEK n</b>: on the preferred weekdays — n of them picked evenly when more are preferred, several on a day
 * when fewer — or, with none preferred, on n days spread evenly over Monday…Sunday (shifted by {@code spreadKey} so
 * that not every elder's weekly visit falls on a Monday); one a week for n = 1;</li>
 * <li><b>MONTH n</b>: n days spread evenly over the month's days (only the preferred weekdays' days when given),
 * without preference shifted by {@code spreadKey} within the first gap.</li>
 * </ul>
 * Every occurrence of a date is numbered 0, 1, … (its {@code index}): (plan, line, date, index) identifies an order.
 * Only items delivered by a visit become orders ({@link #deliveredByVisit}).
 */
final class OrderSchedule {

    /** Items whose service is a call made by the platform's voice-call round, not a caregiver's visit. */
    static final String VOICE_CALL = "VOICE_CALL";

    private OrderSchedule() {
    }

    /** One dated occurrence: the {@code index}-th of its service date, with its window (local times, end after start). */
    record Occurrence(LocalDate date, int index, LocalDateTime start, LocalDateTime end) {
    }

    /** Whether orders are made for the item: a visit by a caregiver (minutes &gt; 0, not a monthly subscription, not the voice call). */
    static boolean deliveredByVisit(ServiceItem item) {
        return item != null && item.standardMinutes() > 0 && item.unit() != ServiceUnit.MONTH && !VOICE_CALL.equals(item.code());
    }

    /** The quantity one visit delivers: 1, or the hours (a part hour counting as a whole) for an item sold by the hour. */
    static int quantity(ServiceUnit unit, int durationMinutes) {
        return unit == ServiceUnit.HOUR ? Math.max(1, (durationMinutes + 59) / 60) : 1;
    }

    static CarePlanActivated.Line line(PlanLine l) {
        return new CarePlanActivated.Line(l.itemCode(), l.frequency().count(), l.frequency().period(), l.weekdays(), l.windowFrom(),
                l.windowTo(), l.durationMinutes());
    }

    /** The occurrences whose service date lies in {@code [from, to]} (both inclusive), in date and index order. */
    static List<Occurrence> occurrences(CarePlanActivated.Line line, LocalDate from, LocalDate to, long spreadKey) {
        if (line.frequencyCount() < 1 || to.isBefore(from)) {
            return List.of();
        }
        List<Occurrence> out = new ArrayList<>();
        int[] weekly = line.frequencyPeriod() == org.jujia.careplan.Frequency.Period.WEEK ? weekly(line, spreadKey) : null;
        YearMonth month = null;
        int[] monthly = null;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            int n = switch (line.frequencyPeriod()) {
                case DAY -> line.frequencyCount();
                case WEEK -> weekly[d.getDayOfWeek().getValue() - 1];
                case MONTH -> {
                    if (month == null || !month.equals(YearMonth.from(d))) {
                        month = YearMonth.from(d);
                        monthly = monthly(line, month, spreadKey);
                    }
                    yield monthly[d.getDayOfMonth() - 1];
                }
            };
            addDay(out, line, d, n);
        }
        return out;
    }

    /** Occurrences per ISO weekday (index 0 = Monday). */
    static int[] weekly(CarePlanActivated.Line line, long spreadKey) {
        int n = line.frequencyCount();
        int[] perDay = new int[7];
        List<Integer> preferred = validWeekdays(line.weekdays());
        if (preferred.isEmpty()) {
            int shift = (int) Math.floorMod(spreadKey, 7L);
            for (int i = 0; i < n; i++) {
                perDay[(int) ((long) i * 7 / n + shift) % 7]++;
            }
        } else {
            for (int i = 0; i < n; i++) {
                perDay[preferred.get((int) ((long) i * preferred.size() / n)) - 1]++;
            }
        }
        return perDay;
    }

    /** Occurrences per day of the month (index 0 = the 1st). */
    static int[] monthly(CarePlanActivated.Line line, YearMonth month, long spreadKey) {
        int n = line.frequencyCount();
        int days = month.lengthOfMonth();
        int[] perDay = new int[days];
        List<Integer> preferred = validWeekdays(line.weekdays());
        List<Integer> candidates = new ArrayList<>();
        for (int d = 1; d <= days; d++) {
            if (preferred.isEmpty() || preferred.contains(month.atDay(d).getDayOfWeek().getValue())) {
                candidates.add(d);
            }
        }
        int size = candidates.size();
        int shift = preferred.isEmpty() ? (int) Math.floorMod(spreadKey, (long) Math.max(1, size / n)) : 0;
        for (int i = 0; i < n; i++) {
            perDay[candidates.get((int) ((long) i * size / n) + shift) - 1]++;
        }
        return perDay;
    }

    private static void addDay(List<Occurrence> out, CarePlanActivated.Line line, LocalDate d, int n) {
        if (n <= 0) {
            return;
        }
        long window = windowMinutes(line);
        LocalDateTime open = d.atTime(line.windowFrom());
        for (int k = 0; k < n; k++) {
            LocalDateTime start = open.plusMinutes(window * k / n);
            LocalDateTime end = open.plusMinutes(window * (k + 1) / n);
            out.add(new Occurrence(d, k, start, end));
        }
    }

    /** Minutes from the window's start to its end; a window ending at or before its start crosses midnight. */
    static long windowMinutes(CarePlanActivated.Line line) {
        return PlanLine.windowMinutes(line.windowFrom(), line.windowTo());
    }

    private static List<Integer> validWeekdays(List<Integer> weekdays) {
        if (weekdays == null) {
            return List.of();
        }
        return weekdays.stream().filter(w -> w != null && w >= 1 && w <= 7).distinct().sorted().toList();
    }
}
