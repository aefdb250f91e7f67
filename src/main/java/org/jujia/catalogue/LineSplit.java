package org.jujia.catalogue;

import java.util.EnumMap;
import java.util.Map;

/**
 * Who pays one service line, in fen (PLATFORM.md §7).
 *
 * @param itemCode                the item
 * @param quantity                units on the line
 * @param withinEntitlement       units within the month's remaining entitlement (including respite hours paid by
 *                                government)
 * @param beyondEntitlement       units beyond it, paid 100% SELF
 * @param respiteGovernment       units paid 100% by government under the respite rule (part of withinEntitlement)
 * @param unitPriceFen            price of one unit
 * @param priceVersionId          the price version the line was priced with (0 when priced outside the catalogue)
 * @param amountFen               quantity × unit price
 * @param payers                  fen per payer, always all four keys, summing to {@code amountFen}
 * @param basis                   the table row applied to the within-entitlement units not paid under the respite rule
 */
public record LineSplit(String itemCode, int quantity, int withinEntitlement, int beyondEntitlement, int respiteGovernment,
        long unitPriceFen, long priceVersionId, long amountFen, Map<Payer, Long> payers, FundingBasis basis) {

    public LineSplit {
        EnumMap<Payer, Long> all = new EnumMap<>(Payer.class);
        for (Payer p : Payer.values()) {
            all.put(p, payers == null ? 0L : payers.getOrDefault(p, 0L));
        }
        payers = java.util.Collections.unmodifiableMap(all);
    }

    public long fen(Payer payer) {
        return payers.get(payer);
    }
}
