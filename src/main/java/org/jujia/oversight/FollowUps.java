package org.jujia.oversight;

import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import org.jujia.privacy.AuditAction;
import org.jujia.privacy.AuditLog;
import org.jujia.region.Organisation;
import org.jujia.shared.ConflictException;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.NotFoundException;
import org.jujia.shared.ValidationException;
import org.jujia.shared.Violations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up calls (回访): each month a random sample of every provider's verified visits ({@code follow-up-percent}, 10 %
 * by default, see {@link FollowUpSample}) is called; the caller records whether the family was reached and its
 * satisfaction 1–5, and may open a complaint from the call. The satisfaction rate (share of reached calls rated 4 or 5)
 * per provider or street feeds the performance score.
 */
@Service
public class FollowUps {

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final ProviderScope providers;
    private final Complaints complaints;
    private final AuditLog audit;
    private final OversightProperties props;
    private final Clock clock;
    private final Random random = new SecureRandom();

    FollowUps(JdbcClient jdbc, Ledger ledger, ProviderScope providers, Complaints complaints, AuditLog audit, OversightProperties props, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.providers = providers;
        this.complaints = complaints;
        this.audit = audit;
        this.props = props;
        this.clock = clock;
    }

    public enum Outcome {
        REACHED, NO_ANSWER, REFUSED, WRONG_NUMBER
    }

    /** One call to make or made: the sampled visit and, once called, the outcome. */
    public record Call(long id, long visitId, long elderId, String regionPath, long providerId, String providerName, String itemCode,
            LocalDate serviceDate, LocalDate month, String status, Outcome outcome, Integer satisfaction, String note, Instant calledAt,
            String calledBy, Long complaintId) {
    }

    /** A call's result; a complaint category and text open a complaint from the call. */
    public record CallInput(Outcome outcome, Integer satisfaction, String note, Complaint.Category complaintCategory, String complaintText) {
    }

    /** A provider's sample of a month. */
    public record Sample(long providerId, YearMonth month, int verified, int sampled, int percent) {
    }

    /** Satisfaction per provider or street: calls that reached the family, of them rated 4–5, the rate. */
    public record Satisfaction(String key, String name, long reached, long satisfied, Double rate) {
    }

    // ------------------------------------------------------------------ sampling

    /** Samples a provider's verified visits of a month for calls (once per provider and month). */
    @Transactional
    public Sample sample(long providerId, YearMonth month, Jurisdiction j) {
        requirePerform(j);
        Organisation p = providers.require(providerId, j);
        if (!month.isBefore(YearMonth.now(clock.withZone(WorkingDays.ZONE)).plusMonths(1))) {
            throw ValidationException.of("month", "future", "a month not yet begun cannot be sampled");
        }
        return sample(p, month, j.username()).orElseThrow(() -> new ConflictException("month", "the " + month + " sample of provider "
                + providerId + " was already drawn"));
    }

    /** Samples every provider's previous month (the monthly job); answers how many calls were added. */
    @Transactional
    public int sampleAll(YearMonth month) {
        int n = 0;
        for (Organisation p : providers.all()) {
            n += sample(p, month, "system").map(Sample::sampled).orElse(0);
        }
        return n;
    }

    private java.util.Optional<Sample> sample(Organisation p, YearMonth month, String by) {
        LocalDate first = month.atDay(1);
        List<Long> visits = ledger.verifiedVisits(p.id(), first, month.atEndOfMonth());
        int percent = props.followUpPercent();
        List<Long> chosen = FollowUpSample.choose(visits, percent, random);
        int inserted = jdbc.sql("""
                insert into oversight_followup_sample (provider_id, month, verified, sampled, percent, sampled_at, sampled_by)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                """).param(p.id()).param(Date.valueOf(first)).param(visits.size()).param(chosen.size()).param(percent)
                .param(Timestamp.from(clock.instant())).param(by).update();
        if (inserted == 0) {
            return java.util.Optional.empty();
        }
        for (Long visit : chosen) {
            jdbc.sql("""
                    insert into oversight_followup (visit_id, provider_id, region_path, month, sampled_at, status)
                    select visit_id, provider_id, region_path, ?, ?, 'PENDING' from oversight_visit where visit_id = ?
                    on conflict (visit_id) do nothing
                    """).param(Date.valueOf(first)).param(Timestamp.from(clock.instant())).param(visit).update();
        }
        return java.util.Optional.of(new Sample(p.id(), month, visits.size(), chosen.size(), percent));
    }

    public List<Sample> samples(YearMonth month, Jurisdiction j) {
        requireRead(j);
        List<Long> ids = providers.visible(j).stream().map(Organisation::id).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select provider_id, month, verified, sampled, percent from oversight_followup_sample where month = :m and provider_id in (:ids) order by provider_id")
                .param("m", Date.valueOf(month.atDay(1))).param("ids", ids)
                .query((rs, n) -> new Sample(rs.getLong(1), YearMonth.from(rs.getDate(2).toLocalDate()), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
                .list();
    }

    // ------------------------------------------------------------------ calls

    /** Calls of a month the caller may see (pending first), optionally of one provider. */
    public List<Call> calls(YearMonth month, Long providerId, String status, Jurisdiction j) {
        requireRead(j);
        Scope s = scope(j);
        if (s.provider() != null) {
            status = "DONE"; // a provider sees the calls made, never the ones still to make
        }
        return jdbc.sql(SELECT + " where f.month = :m and f.region_path like :scope and (cast(:own as bigint) is null or f.provider_id = :own)"
                + " and (cast(:provider as bigint) is null or f.provider_id = :provider) and (cast(:status as varchar) is null or f.status = :status)"
                + " order by case f.status when 'PENDING' then 0 else 1 end, v.service_date, f.id limit 2000")
                .param("m", Date.valueOf(month.atDay(1))).param("scope", s.like()).param("own", s.provider()).param("provider", providerId)
                .param("status", status).query(this::map).list();
    }

    public Call get(long id, Jurisdiction j) {
        requireRead(j);
        Scope s = scope(j);
        return jdbc.sql(SELECT + " where f.id = :id and f.region_path like :scope and (cast(:own as bigint) is null or f.provider_id = :own)")
                .param("id", id).param("scope", s.like()).param("own", s.provider()).query(this::map).optional()
                .orElseThrow(() -> new NotFoundException("follow-up call", id));
    }

    /** Records a call's result (once); REACHED needs the satisfaction 1–5. */
    @Transactional
    public Call record(long id, CallInput in, Jurisdiction j) {
        requirePerform(j);
        Call c = get(id, j);
        Violations v = new Violations();
        v.require(in != null && in.outcome() != null, "outcome", "required", "REACHED, NO_ANSWER, REFUSED or WRONG_NUMBER");
        if (in != null && in.outcome() == Outcome.REACHED) {
            v.require(in.satisfaction() != null && in.satisfaction() >= 1 && in.satisfaction() <= 5, "satisfaction", "range",
                    "the family's satisfaction 1–5");
        } else if (in != null) {
            v.require(in.satisfaction() == null, "satisfaction", "unreached", "only a call that reached the family has a satisfaction");
        }
        v.require(in == null || in.note() == null || in.note().length() <= 1000, "note", "size", "at most 1,000 characters");
        boolean complaint = in != null && in.complaintCategory() != null;
        v.require(!complaint || (in.complaintText() != null && !in.complaintText().isBlank()), "complaintText", "required", "describe the complaint");
        v.require(!complaint || in.outcome() == Outcome.REACHED, "complaintCategory", "unreached", "a complaint needs a call that reached the family");
        v.throwIfAny();
        if (!"PENDING".equals(c.status())) {
            throw new ConflictException("status", "call " + id + " was already recorded");
        }
        Instant now = clock.instant();
        Long complaintId = null;
        if (complaint) {
            var visit = jdbc.sql("select elder_id, caregiver_user_id from oversight_visit where visit_id = ?").param(c.visitId())
                    .query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
            complaintId = complaints.fileFromFollowUp(id, c.regionPath(), visit[0], c.providerId(), visit[1] == 0 ? null : visit[1], c.visitId(), in.complaintCategory(),
                    in.complaintText().strip(), j);
        }
        jdbc.sql("""
                update oversight_followup set status = 'DONE', outcome = ?, satisfaction = ?, note = ?, called_at = ?, called_by = ?, complaint_id = ?
                 where id = ? and status = 'PENDING'
                """).param(in.outcome().name()).param(in.satisfaction()).param(in.note() == null || in.note().isBlank() ? null : in.note().strip())
                .param(Timestamp.from(now)).param(j.username()).param(complaintId).param(id).update();
        audit.record(j, AuditAction.UPDATE, "FOLLOW_UP", id, null, null, in.outcome() + (in.satisfaction() == null ? "" : " " + in.satisfaction()));
        return get(id, j);
    }

    // ------------------------------------------------------------------ satisfaction

    /** Satisfaction rate by "provider" or "street" over the months [from, to]. */
    public List<Satisfaction> satisfaction(String by, YearMonth from, YearMonth to, Jurisdiction j) {
        requireRead(j);
        if (!"provider".equals(by) && !"street".equals(by)) {
            throw ValidationException.of("by", "invalid", "provider or street");
        }
        Scope s = scope(j);
        String key = "provider".equals(by) ? "f.provider_id::text" : "split_part(f.region_path, '/', 4)";
        String name = "provider".equals(by) ? "(select o.name from region_organisation o where o.id = f.provider_id)"
                : "(select n.name from region_node n where n.id::text = split_part(f.region_path, '/', 4))";
        return jdbc.sql("select " + key + " as k, " + name + " as name, count(*) filter (where f.outcome = 'REACHED') as reached,"
                + " count(*) filter (where f.satisfaction >= 4) as satisfied from oversight_followup f"
                + " where f.month between :from and :to and f.region_path like :scope and (cast(:own as bigint) is null or f.provider_id = :own)"
                + " group by 1, 2 order by 2")
                .param("from", Date.valueOf(from.atDay(1))).param("to", Date.valueOf(to.atDay(1))).param("scope", s.like()).param("own", s.provider())
                .query((rs, n) -> {
                    long reached = rs.getLong("reached");
                    long satisfied = rs.getLong("satisfied");
                    return new Satisfaction(rs.getString("k"), rs.getString("name"), reached, satisfied, reached == 0 ? null : (double) satisfied / reached);
                }).list();
    }

    /** Reached calls and those rated 4–5 of a provider's visits sampled from the months of a year (performance score). */
    long[] yearSatisfaction(long providerId, int year) {
        return jdbc.sql("""
                select count(*) filter (where outcome = 'REACHED'), count(*) filter (where satisfaction >= 4)
                  from oversight_followup where provider_id = ? and month between ? and ?
                """).param(providerId).param(Date.valueOf(LocalDate.of(year, 1, 1))).param(Date.valueOf(LocalDate.of(year, 12, 1)))
                .query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
    }

    private static final String SELECT = """
            select f.id, f.visit_id, v.elder_id, f.region_path, f.provider_id, (select o.name from region_organisation o where o.id = f.provider_id) as provider_name,
                   v.item_code, v.service_date, f.month, f.status, f.outcome, f.satisfaction, f.note, f.called_at, f.called_by, f.complaint_id
              from oversight_followup f join oversight_visit v on v.visit_id = f.visit_id
            """;

    private Call map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        int sat = rs.getInt("satisfaction");
        Integer satisfaction = rs.wasNull() ? null : sat;
        long complaint = rs.getLong("complaint_id");
        Long complaintId = rs.wasNull() ? null : complaint;
        Timestamp called = rs.getTimestamp("called_at");
        String outcome = rs.getString("outcome");
        return new Call(rs.getLong("id"), rs.getLong("visit_id"), rs.getLong("elder_id"), rs.getString("region_path"), rs.getLong("provider_id"),
                rs.getString("provider_name"), rs.getString("item_code"), rs.getDate("service_date").toLocalDate(), rs.getDate("month").toLocalDate(),
                rs.getString("status"), outcome == null ? null : Outcome.valueOf(outcome), satisfaction, rs.getString("note"),
                called == null ? null : called.toInstant(), rs.getString("called_by"), complaintId);
    }

    private record Scope(String like, Long provider) {
    }

    private Scope scope(Jurisdiction j) {
        return providers.ownProvider(j).map(o -> new Scope("/%", o.id())).orElse(new Scope(j.likePattern(), null));
    }

    private static void requireRead(Jurisdiction j) {
        if (j.userId() != 0 && !j.can("FOLLOWUP_PERFORM") && !j.can("OVERSIGHT_READ")) {
            throw new AccessDeniedException("FOLLOWUP_PERFORM or OVERSIGHT_READ required");
        }
    }

    private static void requirePerform(Jurisdiction j) {
        if (j.userId() != 0 && !j.can("FOLLOWUP_PERFORM")) {
            throw new AccessDeniedException("FOLLOWUP_PERFORM required");
        }
    }
}
