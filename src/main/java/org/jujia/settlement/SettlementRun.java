package org.jujia.settlement;

import java.time.Instant;
import java.time.YearMonth;

/**
 * A settlement run of one month and region, with its progress and totals (fen).
 *
 * @param processed      visits priced so far (the progress bar: processed / totalVisits)
 * @param closing        the run was asked to close: it is re-priced and then closed
 * @param adjustmentLines lines of this run that settle late visits of earlier months or reverse billed visits
 */
public record SettlementRun(long id, YearMonth month, String regionPath, String regionName, RunStatus status, boolean closing, long totalVisits,
        long processed, String error, Instant startedAt, Instant finishedAt, Instant closedAt, String closedBy, String requestedBy,
        long amountFen, long governmentFen, long ltcFen, long commercialFen, long selfFen, long subsidyFen, long penaltyFen,
        long adjustmentLines) {

    /** 0–100. */
    public int percent() {
        if (status == RunStatus.PREVIEW || status == RunStatus.CLOSED) {
            return 100;
        }
        return totalVisits == 0 ? 0 : (int) Math.min(100, processed * 100 / totalVisits);
    }

    /** What the family pays after subsidies. */
    public long familyOwesFen() {
        return selfFen - subsidyFen;
    }

    /** Sum of the four payers equals the priced amount. */
    public boolean payersAddUp() {
        return governmentFen + ltcFen + commercialFen + selfFen == amountFen;
    }
}
