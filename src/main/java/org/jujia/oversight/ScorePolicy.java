package org.jujia.oversight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The annual performance score (0–100, one decimal) of a provider from weighted evidence (docs/oversight.md):
 *
 * <table>
 * <tr><th>criterion</th><th>weight</th><th>measure m (0..1)</th><th>missing when</th></tr>
 * <tr><td>VOLUME</td><td>15</td><td>min(1, verified visits / planned orders)</td><td>no planned order</td></tr>
 * <tr><td>EVV</td><td>15</td><td>visits verified without any flag / completed visits</td><td>no completed visit</td></tr>
 * <tr><td>SATISFACTION</td><td>15</td><td>follow-up calls rating 4–5 / calls that reached the family</td><td>no call reached anyone</td></tr>
 * <tr><td>COMPLAINTS</td><td>15</td><td>max(0, 1 − upheld complaints per 1,000 verified visits / 5)</td><td>no verified visit</td></tr>
 * <tr><td>ALARMS</td><td>10</td><td>alarms of the elders served acknowledged in time / alarms</td><td>no alarm</td></tr>
 * <tr><td>STAFFING</td><td>10</td><td>workforce's staffing-ratio compliance</td><td>workforce has no ratio report</td></tr>
 * <tr><td>TRAINING</td><td>10</td><td>workforce's training compliance</td><td>workforce has no training record</td></tr>
 * <tr><td>EVALUATION</td><td>10</td><td>mean third-party evaluation score / 100</td><td>no evaluation that year</td></tr>
 * </table>
 *
 * Points = weight × m. Missing evidence is neither rewarded nor punished: the score is Σ points / Σ weights of the
 * criteria with evidence × 100, rounded half up to one decimal, and the breakdown names every missing criterion. With
 * evidence for less than {@value #MIN_COVERED_WEIGHT} of the 100 weight points no score is given.
 */
public final class ScorePolicy {

    /** Below this much weight with evidence there is no score. */
    static final int MIN_COVERED_WEIGHT = 50;
    /** Upheld complaints per 1,000 verified visits at which the complaints criterion earns nothing. */
    static final double COMPLAINTS_PER_THOUSAND_AT_ZERO = 5.0;

    private ScorePolicy() {
    }

    public enum Criterion {
        VOLUME(15), EVV(15), SATISFACTION(15), COMPLAINTS(15), ALARMS(10), STAFFING(10), TRAINING(10), EVALUATION(10);

        final int weight;

        Criterion(int weight) {
            this.weight = weight;
        }

        public int weight() {
            return weight;
        }
    }

    /**
     * What the score is computed from, one provider and year.
     *
     * @param plannedOrders     orders of the year not cancelled (the plan)
     * @param verifiedVisits    visits of the year verified (billable)
     * @param completedVisits   visits of the year checked out (verified or flagged)
     * @param cleanVisits       visits verified at check-out without any flag
     * @param callsReached      follow-up calls that reached the family and got a satisfaction 1–5
     * @param callsSatisfied    of those, rated 4 or 5
     * @param upheldComplaints  complaints resolved UPHELD or PARTLY_UPHELD, filed in the year
     * @param alarms            alarms of the elders the provider served that year
     * @param alarmsInTime      of those, acknowledged within the escalation timeout
     * @param staffing          workforce's staffing compliance 0..1, empty when there is none
     * @param training          workforce's training compliance 0..1, empty when there is none
     * @param evaluations       third-party evaluations of the year
     * @param evaluationMean    their mean score 0..100 (ignored when there are none)
     */
    public record Evidence(long plannedOrders, long verifiedVisits, long completedVisits, long cleanVisits, long callsReached,
            long callsSatisfied, long upheldComplaints, long alarms, long alarmsInTime, OptionalDouble staffing, OptionalDouble training,
            int evaluations, double evaluationMean) {
    }

    /**
     * One line of the breakdown: the criterion, its weight, the evidence as numerator/denominator (or a share given by
     * workforce), the measure 0..1 and the points earned (both null when the evidence is missing).
     */
    public record Line(Criterion criterion, int weight, Double numerator, Double denominator, Double measure, BigDecimal points,
            boolean missing) {
    }

    /** The result: the score (null when too little evidence), the lines, the weight covered by evidence. */
    public record Result(BigDecimal score, List<Line> lines, int coveredWeight, BigDecimal pointsEarned) {

        public boolean scored() {
            return score != null;
        }
    }

    static Result score(Evidence e) {
        List<Line> lines = new ArrayList<>();
        lines.add(ratio(Criterion.VOLUME, e.verifiedVisits(), e.plannedOrders(), true));
        lines.add(ratio(Criterion.EVV, e.cleanVisits(), e.completedVisits(), false));
        lines.add(ratio(Criterion.SATISFACTION, e.callsSatisfied(), e.callsReached(), false));
        if (e.verifiedVisits() == 0) {
            lines.add(missing(Criterion.COMPLAINTS, e.upheldComplaints(), 0));
        } else {
            double perThousand = e.upheldComplaints() * 1000.0 / e.verifiedVisits();
            lines.add(line(Criterion.COMPLAINTS, e.upheldComplaints(), e.verifiedVisits(),
                    Math.max(0.0, 1.0 - perThousand / COMPLAINTS_PER_THOUSAND_AT_ZERO)));
        }
        lines.add(ratio(Criterion.ALARMS, e.alarmsInTime(), e.alarms(), false));
        lines.add(share(Criterion.STAFFING, e.staffing()));
        lines.add(share(Criterion.TRAINING, e.training()));
        lines.add(e.evaluations() == 0 ? missing(Criterion.EVALUATION, null, null)
                : line(Criterion.EVALUATION, e.evaluationMean(), 100.0, clamp(e.evaluationMean() / 100.0)));

        int covered = lines.stream().filter(l -> !l.missing()).mapToInt(Line::weight).sum();
        BigDecimal earned = lines.stream().filter(l -> !l.missing()).map(Line::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (covered < MIN_COVERED_WEIGHT) {
            return new Result(null, lines, covered, earned);
        }
        // from the exact points, not the rounded ones shown
        double exact = lines.stream().filter(l -> !l.missing()).mapToDouble(l -> l.weight() * l.measure()).sum();
        BigDecimal score = BigDecimal.valueOf(exact * 100.0 / covered).setScale(1, RoundingMode.HALF_UP);
        return new Result(score, lines, covered, earned);
    }

    private static Line ratio(Criterion c, long numerator, long denominator, boolean capped) {
        if (denominator <= 0) {
            return missing(c, (double) numerator, 0.0);
        }
        double m = (double) numerator / denominator;
        return line(c, numerator, denominator, capped ? Math.min(1.0, m) : clamp(m));
    }

    private static Line share(Criterion c, OptionalDouble share) {
        return share == null || share.isEmpty() ? missing(c, null, null) : line(c, null, null, clamp(share.getAsDouble()));
    }

    private static Line line(Criterion c, Number numerator, Number denominator, double measure) {
        return new Line(c, c.weight, numerator == null ? null : numerator.doubleValue(), denominator == null ? null : denominator.doubleValue(),
                measure, BigDecimal.valueOf(c.weight * measure).setScale(2, RoundingMode.HALF_UP), false);
    }

    private static Line missing(Criterion c, Number numerator, Number denominator) {
        return new Line(c, c.weight, numerator == null ? null : numerator.doubleValue(), denominator == null ? null : denominator.doubleValue(),
                null, null, true);
    }

    private static double clamp(double m) {
        return Math.max(0.0, Math.min(1.0, m));
    }
}
