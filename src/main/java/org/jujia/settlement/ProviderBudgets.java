package org.jujia.settlement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jujia.region.OrganisationType;
import org.jujia.region.RegionDirectory;
import org.jujia.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Provider budgets per year and the annual performance score ({@link BudgetPolicy}): recording a score for a year
 * sets the next year's budget, and a second consecutive year below 80 revokes the provider's qualification.
 */
@Component
class ProviderBudgets {

    private final JdbcClient jdbc;
    private final RegionDirectory regions;
    private final Clock clock;

    ProviderBudgets(JdbcClient jdbc, RegionDirectory regions, Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.clock = clock;
    }

    /** A provider's year. */
    record Row(long providerId, int year, long budgetFen, String basis, BigDecimal score, String scoreSource, String scoreBy, Instant scoreAt) {
    }

    Optional<Row> find(long providerId, int year) {
        return jdbc.sql("select provider_id, year, budget_fen, basis, score, score_source, score_by, score_at from settlement_budget where provider_id = ? and year = ?")
                .params(providerId, year).query(ProviderBudgets::map).optional();
    }

    List<Row> ofYear(int year) {
        return jdbc.sql("select provider_id, year, budget_fen, basis, score, score_source, score_by, score_at from settlement_budget where year = ? order by provider_id")
                .param(year).query(ProviderBudgets::map).list();
    }

    List<Row> ofProvider(long providerId) {
        return jdbc.sql("select provider_id, year, budget_fen, basis, score, score_source, score_by, score_at from settlement_budget where provider_id = ? order by year")
                .param(providerId).query(ProviderBudgets::map).list();
    }

    private static Row map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getBigDecimal(5), rs.getString(6), rs.getString(7),
                SettlementStore.instant(rs, "score_at"));
    }

    @Transactional
    void setBudget(long providerId, int year, long budgetFen, String basis) {
        requireProvider(providerId);
        jdbc.sql("""
                insert into settlement_budget (provider_id, year, budget_fen, basis) values (?, ?, ?, ?)
                on conflict (provider_id, year) do update set budget_fen = excluded.budget_fen, basis = excluded.basis""")
                .params(providerId, year, budgetFen, basis).update();
    }

    /** Outcome of recording a score. */
    record ScoreOutcome(Row year, Row nextYear, boolean revoked) {
    }

    /**
     * Records the year's score (source MANUAL by civil affairs or OVERSIGHT computed), sets next year's budget by the
     * rule and revokes the qualification after two consecutive years below 80.
     */
    @Transactional
    ScoreOutcome recordScore(long providerId, int year, BigDecimal score, String source, String actor) {
        requireProvider(providerId);
        Instant now = clock.instant();
        jdbc.sql("""
                insert into settlement_budget (provider_id, year, budget_fen, basis, score, score_source, score_by, score_at) values (?, ?, 0, 'NOT_SET', ?, ?, ?, ?)
                on conflict (provider_id, year) do update set score = excluded.score, score_source = excluded.score_source, score_by = excluded.score_by,
                    score_at = excluded.score_at""").params(providerId, year, score, source, actor, SettlementStore.ts(now)).update();
        Row row = find(providerId, year).orElseThrow();
        long next = BudgetPolicy.nextYearBudget(row.budgetFen(), score);
        String basis = BudgetPolicy.below(score) ? "SCORE_BELOW_80" : "SCORE_OK";
        jdbc.sql("""
                insert into settlement_budget (provider_id, year, budget_fen, basis) values (?, ?, ?, ?)
                on conflict (provider_id, year) do update set budget_fen = excluded.budget_fen, basis = excluded.basis""")
                .params(providerId, year + 1, next, basis).update();
        // two consecutive years below 80, whichever of the two was recorded last
        BigDecimal previous = find(providerId, year - 1).map(Row::score).orElse(null);
        BigDecimal following = find(providerId, year + 1).map(Row::score).orElse(null);
        boolean revoke = BudgetPolicy.revokes(previous, score) || BudgetPolicy.revokes(score, following);
        if (revoke) {
            int first = BudgetPolicy.revokes(previous, score) ? year - 1 : year;
            BigDecimal a = first == year ? score : previous;
            BigDecimal b = first == year ? following : score;
            regions.revokeQualification(providerId,
                    "annual performance score below 80 in " + first + " (" + a + ") and " + (first + 1) + " (" + b + ")", actor, now);
        }
        return new ScoreOutcome(row, find(providerId, year + 1).orElseThrow(), revoke);
    }

    String requireProvider(long providerId) {
        return regions.findOrganisation(providerId).filter(o -> o.type() == OrganisationType.SERVICE_PROVIDER).map(o -> o.name())
                .orElseThrow(() -> new NotFoundException("provider", providerId));
    }

    /** Government share paid to the provider per month of the year (closed runs), fen; index 0 = January. */
    long[] consumption(long providerId, int year) {
        long[] out = new long[12];
        jdbc.sql("""
                select extract(month from r.month)::int, sum(s.government_fen - s.penalty_fen) from settlement_provider_statement s
                  join settlement_run r on r.id = s.run_id and r.status = 'CLOSED'
                 where s.provider_id = ? and extract(year from r.month) = ? group by 1""").params(providerId, year)
                .query(rs -> {
                    out[rs.getInt(1) - 1] = rs.getLong(2);
                });
        return out;
    }

    static List<Long> cumulative(long[] months) {
        List<Long> out = new ArrayList<>();
        long sum = 0;
        for (long m : months) {
            sum += m;
            out.add(sum);
        }
        return out;
    }
}
