package org.jujia.careplan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two versions of an elder's plan: lines added, removed and changed (matched by item code; the
 * fields that changed are named), and the monthly money per payer before, after and the difference.
 *
 * @param before the earlier version (null when {@code after} is the first)
 */
public record PlanDiff(Long beforeId, Integer beforeVersion, long afterId, int afterVersion, List<Change> changes, Payers totalsBefore,
        Payers totalsAfter, Payers delta, long amountBefore, long amountAfter) {

    public enum Kind {
        ADDED, REMOVED, CHANGED, UNCHANGED
    }

    /** One item's change; {@code fields} names what differs (frequency, weekdays, window, duration, price, quantity, amount, payers). */
    public record Change(Kind kind, String itemCode, String itemName, PlanLine before, PlanLine after, List<String> fields) {

        public long amountDelta() {
            return (after == null ? 0 : after.amountFen()) - (before == null ? 0 : before.amountFen());
        }

        public long selfDelta() {
            return (after == null ? 0 : after.payers().self()) - (before == null ? 0 : before.payers().self());
        }
    }

    public boolean changed() {
        return changes.stream().anyMatch(c -> c.kind() != Kind.UNCHANGED);
    }

    static PlanDiff between(CarePlan before, CarePlan after) {
        Map<String, PlanLine> old = new LinkedHashMap<>();
        if (before != null) {
            before.lines().forEach(l -> old.putIfAbsent(l.itemCode(), l));
        }
        List<Change> changes = new ArrayList<>();
        for (PlanLine a : after.lines()) {
            PlanLine b = old.remove(a.itemCode());
            if (b == null) {
                changes.add(new Change(Kind.ADDED, a.itemCode(), a.itemName(), null, a, List.of()));
            } else {
                List<String> fields = fields(b, a);
                changes.add(new Change(fields.isEmpty() ? Kind.UNCHANGED : Kind.CHANGED, a.itemCode(), a.itemName(), b, a, fields));
            }
        }
        old.values().forEach(b -> changes.add(new Change(Kind.REMOVED, b.itemCode(), b.itemName(), b, null, List.of())));
        Payers tb = before == null ? Payers.NONE : before.totals();
        Payers ta = after.totals();
        return new PlanDiff(before == null ? null : before.id(), before == null ? null : before.version(), after.id(), after.version(), changes,
                tb, ta, ta.minus(tb), before == null ? 0 : before.amountFen(), after.amountFen());
    }

    static List<String> fields(PlanLine b, PlanLine a) {
        List<String> f = new ArrayList<>();
        if (!b.frequency().equals(a.frequency())) {
            f.add("frequency");
        }
        if (!b.weekdays().equals(a.weekdays())) {
            f.add("weekdays");
        }
        if (!b.windowFrom().equals(a.windowFrom()) || !b.windowTo().equals(a.windowTo())) {
            f.add("window");
        }
        if (b.durationMinutes() != a.durationMinutes()) {
            f.add("duration");
        }
        if (b.unitPriceFen() != a.unitPriceFen() || b.priceVersionId() != a.priceVersionId()) {
            f.add("price");
        }
        if (b.monthlyQuantity() != a.monthlyQuantity() || b.beyondQuantity() != a.beyondQuantity()) {
            f.add("quantity");
        }
        if (b.amountFen() != a.amountFen()) {
            f.add("amount");
        }
        if (!b.payers().equals(a.payers())) {
            f.add("payers");
        }
        return f;
    }
}
