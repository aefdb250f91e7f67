package org.jujia.oversight;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jujia.monitoring.AlarmCentre;
import org.jujia.privacy.AuditAction;
import org.jujia.privacy.AuditLog;
import org.jujia.region.Organisation;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.ValidationException;
import org.jujia.workforce.Workforce;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The annual performance score of each provider (see {@link ScorePolicy} and docs/oversight.md): the evidence of a
 * finished year is gathered — oversight's visit and order ledgers, follow-up calls, complaints, third-party
 * evaluations, monitoring's alarm handling of the elders served, workforce's staffing and training compliance — scored,
 * stored with its breakdown and published as {@link PerformanceScoreComputed} (settlement's budget rule). Computing
 * again replaces the year's score and publishes again.
 */
@Service
public class PerformanceScores {

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final ComplaintStore complaints;
    private final FollowUps followUps;
    private final Evaluations evaluations;
    private final AlarmCentre alarms;
    private final Workforce workforce;
    private final ProviderScope providers;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    PerformanceScores(JdbcClient jdbc, Ledger ledger, ComplaintStore complaints, FollowUps followUps, Evaluations evaluations, AlarmCentre alarms,
            Workforce workforce, ProviderScope providers, AuditLog audit, ApplicationEventPublisher events, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.complaints = complaints;
        this.followUps = followUps;
        this.evaluations = evaluations;
        this.alarms = alarms;
        this.workforce = workforce;
        this.providers = providers;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A provider's score of a year with the breakdown. {@code score} is null when the evidence covers less than half
     * the weight (then nothing is stored or published).
     */
    public record ScoreCard(long providerId, String providerName, int year, BigDecimal score, int coveredWeight, BigDecimal pointsEarned,
            List<ScorePolicy.Line> lines, Instant computedAt, String computedBy) {

        /** Below 80 next year's budget is cut by 20 % (PLATFORM.md §7). */
        public boolean belowThreshold() {
            return score != null && score.compareTo(BigDecimal.valueOf(80)) < 0;
        }
    }

    /** Computes, stores and publishes the score of one provider for a finished year. */
    @Transactional
    public ScoreCard compute(long providerId, int year, Jurisdiction j) {
        requireAdmin(j);
        requireFinished(year);
        return compute(providers.require(providerId, j), year, j);
    }

    /** Computes every provider the caller may see; answers the cards (unscored ones too). */
    @Transactional
    public List<ScoreCard> computeAll(int year, Jurisdiction j) {
        requireAdmin(j);
        requireFinished(year);
        List<ScoreCard> out = new ArrayList<>();
        for (Organisation p : providers.visible(j)) {
            out.add(compute(p, year, j));
        }
        return out;
    }

    private ScoreCard compute(Organisation p, int year, Jurisdiction j) {
        ScorePolicy.Result r = ScorePolicy.score(evidence(p.id(), year));
        Instant now = clock.instant();
        ScoreCard card = new ScoreCard(p.id(), p.name(), year, r.score(), r.coveredWeight(), r.pointsEarned(), r.lines(), now, j.username());
        if (!r.scored()) {
            return card;
        }
        jdbc.sql("""
                insert into oversight_score (provider_id, year, score, breakdown, computed_at, computed_by) values (?, ?, ?, cast(? as jsonb), ?, ?)
                on conflict (provider_id, year) do update set score = excluded.score, breakdown = excluded.breakdown,
                    computed_at = excluded.computed_at, computed_by = excluded.computed_by
                """).param(p.id()).param(year).param(r.score()).param(json.writeValueAsString(card)).param(Timestamp.from(now)).param(j.username())
                .update();
        audit.record(j, AuditAction.CREATE, "PERFORMANCE_SCORE", p.id() + ":" + year, null, null, "score " + r.score());
        events.publishEvent(new PerformanceScoreComputed(p.id(), p.name(), year, r.score(), j.username(), now));
        return card;
    }

    /** The evidence of a provider's year, from every source. */
    ScorePolicy.Evidence evidence(long providerId, int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        Instant start = from.atStartOfDay(WorkingDays.ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(WorkingDays.ZONE).toInstant();
        Ledger.VisitCounts visits = ledger.visitCounts(providerId, from, to);
        long[] calls = followUps.yearSatisfaction(providerId, year);
        AlarmCentre.AlarmHandling handling = alarms.handling(ledger.eldersServed(providerId, from, to), start, end);
        double[] evals = evaluations.yearEvaluations(providerId, year);
        return new ScorePolicy.Evidence(ledger.plannedOrders(providerId, from, to), visits.verified(), visits.completed(), visits.clean(), calls[0],
                calls[1], complaints.upheld(providerId, start, end), handling.alarms(), handling.inTime(),
                workforce.staffingCompliance(providerId, year), workforce.trainingCompliance(providerId, year), (int) evals[0], evals[1]);
    }

    /** Stored scores of a year the caller may see, by provider name. */
    public List<ScoreCard> list(int year, Jurisdiction j) {
        requireRead(j);
        return providers.visible(j).stream().map(p -> stored(p.id(), year)).flatMap(Optional::stream).toList();
    }

    /** The stored score of a provider and year, with its breakdown. */
    public Optional<ScoreCard> get(long providerId, int year, Jurisdiction j) {
        requireRead(j);
        providers.require(providerId, j);
        return stored(providerId, year);
    }

    private Optional<ScoreCard> stored(long providerId, int year) {
        return jdbc.sql("select breakdown::text from oversight_score where provider_id = ? and year = ?").param(providerId).param(year)
                .query(String.class).optional().map(s -> json.readValue(s, ScoreCard.class));
    }

    private void requireFinished(int year) {
        int current = LocalDate.now(clock.withZone(WorkingDays.ZONE)).getYear();
        if (year >= current || year < 2000) {
            throw ValidationException.of("year", "unfinished", "the score is computed for a finished year (before " + current + ")");
        }
    }

    private static void requireRead(Jurisdiction j) {
        if (j.userId() != 0 && !j.can("OVERSIGHT_READ")) {
            throw new AccessDeniedException("OVERSIGHT_READ required");
        }
    }

    private static void requireAdmin(Jurisdiction j) {
        if (j.userId() != 0 && !j.can("OVERSIGHT_ADMIN")) {
            throw new AccessDeniedException("OVERSIGHT_ADMIN required");
        }
    }
}
