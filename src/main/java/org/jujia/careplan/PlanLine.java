package org.jujia.careplan;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * One line of a care plan: a catalogue item, how often and when it is delivered, and its monthly estimate.
 *
 * @param position         1-based place in the plan
 * @param weekdays         preferred ISO weekdays (1 = Monday … 7 = Sunday), ascending; empty when any day will do
 * @param windowFrom       start of the time window, Asia/Shanghai local time
 * @param windowTo         end of the window; before {@code windowFrom} for a window across midnight (night watch)
 * @param unitPriceFen     the item's price when the line was drafted, frozen with its catalogue price version {@code priceVersionId}
 * @param monthlyQuantity  units a month ({@link Frequency#monthlyQuantity()})
 * @param withinQuantity   units within the package entitlement of the elder's level
 * @param beyondQuantity   units beyond it: paid 100% by the family
 * @param amountFen        monthly amount of the line
 * @param payers           its split per payer
 */
public record PlanLine(int position, String itemCode, String itemName, String packageCode, String unit, Frequency frequency,
        List<Integer> weekdays, LocalTime windowFrom, LocalTime windowTo, int durationMinutes, long unitPriceFen, long priceVersionId,
        int monthlyQuantity, int withinQuantity, int beyondQuantity, long amountFen, Payers payers) {

    public PlanLine {
        weekdays = weekdays == null ? List.of() : List.copyOf(weekdays);
    }

    /** The family's share caused by quantities beyond the entitlement. */
    public long excessFen() {
        return beyondQuantity * unitPriceFen;
    }

    /** Minutes between the window's start and end (a window across midnight wraps). */
    public static long windowMinutes(LocalTime from, LocalTime to) {
        long m = Duration.between(from, to).toMinutes();
        return m <= 0 ? m + 24 * 60 : m;
    }

    public String window() {
        return windowFrom + "–" + windowTo;
    }

    PlanLine at(int newPosition) {
        return new PlanLine(newPosition, itemCode, itemName, packageCode, unit, frequency, weekdays, windowFrom, windowTo, durationMinutes,
                unitPriceFen, priceVersionId, monthlyQuantity, withinQuantity, beyondQuantity, amountFen, payers);
    }
}
