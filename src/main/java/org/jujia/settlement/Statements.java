package org.jujia.settlement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** The values of statements: per provider, per elder (the family bill), per insurer (claim lines with EVV elements). */
public final class Statements {

    private Statements() {
    }

    /**
     * A provider's month: visits, amounts per payer, fines deducted, what the pool pays ({@code governmentFen -
     * penaltyFen}) and the net payable from all payers ({@code amountFen - penaltyFen}).
     */
    public record ProviderStatement(long providerId, String providerName, long visits, long amountFen, long governmentFen, long ltcFen,
            long commercialFen, long selfFen, long penaltyFen, long poolPayableFen, long netPayableFen) {
    }

    /**
     * One priced line: kind VISIT (a visit of the run's month), ADJUSTMENT (a late visit of {@code originalMonth},
     * settled in {@code originalRunId} if that month was closed) or REVERSAL (a billed visit later confirmed as fraud,
     * negative amounts, {@code originalRunId} = the run that billed it).
     */
    public record Line(long visitId, String kind, long elderId, long providerId, String regionPath, String itemCode, LocalDate serviceDate,
            YearMonth originalMonth, Long originalRunId, int quantity, int withinEntitlement, int beyondEntitlement, int respiteGovernment,
            long unitPriceFen, long priceVersionId, long amountFen, long governmentFen, long ltcFen, long commercialFen, long selfFen,
            String basis) {
    }

    /** An elder's month in a run: SELF shares, the subsidy applied, unused allowance, what the family owes. */
    public record ElderMonthRow(long elderId, YearMonth month, long selfFen, String subsidyKind, long grantedFen, long appliedFen, long unusedFen,
            long familyOwesFen) {
    }

    /** An elder's bill: the months of the run with each line. */
    public record ElderBill(SettlementRun run, long elderId, String elderName, List<ElderMonthRow> months, List<Line> lines) {
        public long familyOwesFen() {
            return months.stream().mapToLong(ElderMonthRow::familyOwesFen).sum();
        }

        public long subsidyFen() {
            return months.stream().mapToLong(ElderMonthRow::appliedFen).sum();
        }

        public long selfFen() {
            return months.stream().mapToLong(ElderMonthRow::selfFen).sum();
        }
    }

    /** A provider's statement with its lines. */
    public record ProviderDetail(SettlementRun run, ProviderStatement statement, List<Line> lines) {
    }

    /** The EVV elements of a visit (check-in and check-out: when, where, how accurate, face score). */
    public record Evv(long caregiverUserId, long orderId, Instant inAt, Double inLat, Double inLon, Double inAccuracy, Integer inFace, Instant outAt,
            Double outLat, Double outLon, Double outAccuracy, Integer outFace) {
    }

    /** A line of an insurer's claim file: the priced line, the elder's name and the EVV elements. */
    public record ClaimLine(Line line, String elderName, Evv evv, long claimedFen) {
    }

    /** What settlement did with one visit of a provider (why it was or was not paid). */
    public record VisitStatus(long visitId, long elderId, String itemCode, LocalDate serviceDate, long amountFen, String status, String note,
            Long billedRunId, YearMonth billedMonth, Long coveredFen, Long selfFen, Long penaltyFen) {
    }
}
