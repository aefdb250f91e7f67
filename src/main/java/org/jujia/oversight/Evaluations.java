package org.jujia.oversight;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jujia.privacy.AuditAction;
import org.jujia.privacy.AuditLog;
import org.jujia.region.Organisation;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.Violations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Third-party evaluations (第三方评估) of providers — evaluator, date, score 0–100 and findings — and each provider's
 * star rating (1–5) and credit rating (A–D), set by civil affairs with a reason; the latest rating is the current one,
 * earlier ones stay as history.
 */
@Service
public class Evaluations {

    private final JdbcClient jdbc;
    private final ProviderScope providers;
    private final AuditLog audit;
    private final Clock clock;

    Evaluations(JdbcClient jdbc, ProviderScope providers, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.providers = providers;
        this.audit = audit;
        this.clock = clock;
    }

    public record Evaluation(long id, long providerId, String providerName, String evaluator, LocalDate evaluatedOn, BigDecimal score,
            String findings, Instant recordedAt, String recordedBy) {
    }

    public record EvaluationInput(Long providerId, String evaluator, LocalDate evaluatedOn, BigDecimal score, String findings) {
    }

    public record Rating(long providerId, String providerName, int stars, String credit, String reason, Instant ratedAt, String ratedBy) {
    }

    public record RatingInput(Integer stars, String credit, String reason) {
    }

    @Transactional
    public Evaluation record(EvaluationInput in, Jurisdiction j) {
        requireAdmin(j);
        Violations v = new Violations();
        v.require(in != null && in.providerId() != null, "providerId", "required", "the provider evaluated");
        v.require(in != null && in.evaluator() != null && !in.evaluator().isBlank() && in.evaluator().length() <= 100, "evaluator", "required",
                "the evaluating organisation (at most 100 characters)");
        v.require(in != null && in.evaluatedOn() != null, "evaluatedOn", "required", "the date of the evaluation");
        v.require(in == null || in.evaluatedOn() == null || !in.evaluatedOn().isAfter(LocalDate.now(clock.withZone(WorkingDays.ZONE))),
                "evaluatedOn", "future", "an evaluation cannot be dated in the future");
        v.require(in != null && in.score() != null && in.score().signum() >= 0 && in.score().compareTo(BigDecimal.valueOf(100)) <= 0
                && in.score().scale() <= 1, "score", "range", "0 to 100 with at most one decimal");
        v.require(in != null && in.findings() != null && !in.findings().isBlank() && in.findings().length() <= 4000, "findings", "required",
                "the findings (at most 4,000 characters)");
        v.throwIfAny();
        Organisation p = providers.require(in.providerId(), j);
        long id = jdbc.sql("""
                insert into oversight_evaluation (provider_id, evaluator, evaluated_on, score, findings, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?) returning id
                """).param(p.id()).param(in.evaluator().strip()).param(Date.valueOf(in.evaluatedOn())).param(in.score()).param(in.findings().strip())
                .param(Timestamp.from(clock.instant())).param(j.username()).query(Long.class).single();
        audit.record(j, AuditAction.CREATE, "EVALUATION", id, null, null, "provider " + p.id() + " score " + in.score());
        return evaluations(p.id(), null, j).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    /** Evaluations the caller may see, newest first, optionally of one provider and year. */
    public List<Evaluation> evaluations(Long providerId, Integer year, Jurisdiction j) {
        requireRead(j);
        List<Long> ids = visibleIds(providerId, j);
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select e.id, e.provider_id, o.name as provider_name, e.evaluator, e.evaluated_on, e.score, e.findings, e.recorded_at, e.recorded_by
                  from oversight_evaluation e join region_organisation o on o.id = e.provider_id
                 where e.provider_id in (:ids) and (cast(:year as integer) is null or extract(year from e.evaluated_on) = :year)
                 order by e.evaluated_on desc, e.id desc
                """).param("ids", ids).param("year", year).query(Evaluation.class).list();
    }

    /** Evaluations of a provider in a year: count and mean score (performance score). */
    double[] yearEvaluations(long providerId, int year) {
        return jdbc.sql("""
                select count(*), coalesce(avg(score), 0) from oversight_evaluation
                 where provider_id = ? and evaluated_on between ? and ?
                """).param(providerId).param(Date.valueOf(LocalDate.of(year, 1, 1))).param(Date.valueOf(LocalDate.of(year, 12, 31)))
                .query((rs, n) -> new double[] { rs.getLong(1), rs.getDouble(2) }).single();
    }

    @Transactional
    public Rating rate(long providerId, RatingInput in, Jurisdiction j) {
        requireAdmin(j);
        Violations v = new Violations();
        v.require(in != null && in.stars() != null && in.stars() >= 1 && in.stars() <= 5, "stars", "range", "1 to 5 stars");
        v.require(in != null && in.credit() != null && List.of("A", "B", "C", "D").contains(in.credit()), "credit", "invalid", "A, B, C or D");
        v.require(in != null && in.reason() != null && !in.reason().isBlank() && in.reason().length() <= 1000, "reason", "required",
                "why (at most 1,000 characters)");
        v.throwIfAny();
        Organisation p = providers.require(providerId, j);
        jdbc.sql("insert into oversight_rating (provider_id, stars, credit, reason, rated_at, rated_by) values (?, ?, ?, ?, ?, ?)").param(p.id())
                .param(in.stars()).param(in.credit()).param(in.reason().strip()).param(Timestamp.from(clock.instant())).param(j.username()).update();
        audit.record(j, AuditAction.UPDATE, "PROVIDER_RATING", p.id(), null, null, in.stars() + " stars, credit " + in.credit());
        return rating(p.id()).orElseThrow();
    }

    /** The current rating of every provider the caller may see (providers never rated are left out). */
    public List<Rating> ratings(Jurisdiction j) {
        requireRead(j);
        return visibleIds(null, j).stream().map(this::rating).flatMap(Optional::stream).toList();
    }

    /** A provider's ratings, newest first. */
    public List<Rating> ratingHistory(long providerId, Jurisdiction j) {
        requireRead(j);
        providers.require(providerId, j);
        return jdbc.sql(RATING + " where r.provider_id = ? order by r.rated_at desc, r.id desc").param(providerId).query(Rating.class).list();
    }

    private Optional<Rating> rating(long providerId) {
        return jdbc.sql(RATING + " where r.provider_id = ? order by r.rated_at desc, r.id desc limit 1").param(providerId).query(Rating.class).optional();
    }

    private static final String RATING = """
            select r.provider_id, o.name as provider_name, r.stars, r.credit, r.reason, r.rated_at, r.rated_by
              from oversight_rating r join region_organisation o on o.id = r.provider_id
            """;

    private List<Long> visibleIds(Long providerId, Jurisdiction j) {
        return providers.visible(j).stream().map(Organisation::id).filter(id -> providerId == null || id.equals(providerId)).toList();
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
