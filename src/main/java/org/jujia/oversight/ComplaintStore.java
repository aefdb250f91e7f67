package org.jujia.oversight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jujia.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Persistence of complaints and their timelines. Reads on behalf of a person take a {@link Scope}. */
@Repository
class ComplaintStore {

    /**
     * What a caller may see: complaints under {@code likePattern}, and further only of one provider (provider operators)
     * or filed by one user (families).
     */
    record Scope(String likePattern, Long providerId, Long filedByUserId) {

        String where() {
            return "c.region_path like :scope" + (providerId == null ? "" : " and c.provider_id = :scopeProvider")
                    + (filedByUserId == null ? "" : " and c.filed_by_user_id = :scopeFiler");
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec s) {
            s = s.param("scope", likePattern);
            if (providerId != null) {
                s = s.param("scopeProvider", providerId);
            }
            if (filedByUserId != null) {
                s = s.param("scopeFiler", filedByUserId);
            }
            return s;
        }
    }

    /** A filter of the list: status, "overdue" at {@code now}, provider, category, filed from/to. */
    record Filter(Complaint.Status status, Boolean overdue, Long providerId, Complaint.Category category, Instant from, Instant to, Instant now) {
    }

    /** One entry of a complaint's timeline. */
    public record Event(Instant at, String kind, String actor, String detail) {
    }

    private static final String COLUMNS = """
            c.id, c.channel, c.category, c.status, c.region_path, c.elder_id, c.provider_id, c.caregiver_user_id, c.visit_id, c.followup_id,
            c.complainant_name, c.complainant_phone_masked, c.description, c.assignee, c.filed_at, c.filed_by, c.filed_by_user_id,
            c.ack_due_at, c.resolve_due_at, c.acknowledged_at, c.acknowledged_by, c.resolved_at, c.resolved_by, c.outcome, c.resolution,
            c.satisfaction, c.closed_at, c.escalation_level, c.escalated_at, c.version
            """;

    private final JdbcClient jdbc;

    ComplaintStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a complaint (id and version ignored); answers its id, or empty when a visit's dispute is already one. */
    Optional<Long> insert(Complaint c, String phoneSealed) {
        return jdbc.sql("""
                insert into oversight_complaint (channel, category, status, region_path, elder_id, provider_id, caregiver_user_id, visit_id,
                    followup_id, complainant_name, complainant_phone_enc, complainant_phone_masked, description, assignee, filed_at, filed_by,
                    filed_by_user_id, ack_due_at, resolve_due_at)
                values (:channel, :category, 'OPEN', :path, :elder, :provider, :caregiver, :visit, :followup, :name, :phone, :masked, :description,
                    :assignee, :filedAt, :filedBy, :filedById, :ackDue, :resolveDue)
                on conflict do nothing returning id
                """).param("channel", c.channel().name()).param("category", c.category().name()).param("path", c.regionPath())
                .param("elder", c.elderId()).param("provider", c.providerId()).param("caregiver", c.caregiverUserId()).param("visit", c.visitId())
                .param("followup", c.followUpId()).param("name", c.complainantName()).param("phone", phoneSealed)
                .param("masked", c.complainantPhoneMasked()).param("description", c.description()).param("assignee", c.assignee().name())
                .param("filedAt", ts(c.filedAt())).param("filedBy", c.filedBy()).param("filedById", c.filedByUserId())
                .param("ackDue", ts(c.ackDueAt())).param("resolveDue", ts(c.resolveDueAt())).query(Long.class).optional();
    }

    /** Writes the state of {@code c} if nobody changed it meanwhile (optimistic lock on version). */
    void update(Complaint c) {
        int n = jdbc.sql("""
                update oversight_complaint set status = :status, provider_id = :provider, assignee = :assignee, acknowledged_at = :ackAt,
                    acknowledged_by = :ackBy, resolved_at = :resAt, resolved_by = :resBy, outcome = :outcome, resolution = :resolution,
                    satisfaction = :sat, closed_at = :closed, escalation_level = :level, escalated_at = :escAt, version = version + 1
                where id = :id and version = :version
                """).param("status", c.status().name()).param("provider", c.providerId()).param("assignee", c.assignee().name())
                .param("ackAt", ts(c.acknowledgedAt())).param("ackBy", c.acknowledgedBy()).param("resAt", ts(c.resolvedAt()))
                .param("resBy", c.resolvedBy()).param("outcome", c.outcome() == null ? null : c.outcome().name())
                .param("resolution", c.resolution()).param("sat", c.satisfaction()).param("closed", ts(c.closedAt()))
                .param("level", c.escalationLevel()).param("escAt", ts(c.escalatedAt())).param("id", c.id()).param("version", c.version())
                .update();
        if (n == 0) {
            throw new ConflictException("version", "complaint " + c.id() + " was changed meanwhile; reload and try again");
        }
    }

    Optional<Complaint> find(long id, Scope scope) {
        return scope.bind(jdbc.sql("select " + COLUMNS + " from oversight_complaint c where c.id = :id and " + scope.where()).param("id", id))
                .query(ComplaintStore::map).optional();
    }

    Optional<Complaint> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from oversight_complaint c where c.id = ?").param(id).query(ComplaintStore::map).optional();
    }

    Optional<String> sealedPhone(long id) {
        return jdbc.sql("select complainant_phone_enc from oversight_complaint where id = ? and complainant_phone_enc is not null").param(id)
                .query(String.class).optional();
    }

    List<Complaint> list(Filter f, Scope scope, int limit) {
        StringBuilder where = new StringBuilder(scope.where());
        if (f.status() != null) {
            where.append(" and c.status = :status");
        }
        if (Boolean.TRUE.equals(f.overdue())) {
            where.append(" and ((c.status = 'OPEN' and c.ack_due_at <= :now) or (c.status in ('OPEN', 'ACKNOWLEDGED') and c.resolve_due_at <= :now))");
        }
        if (f.providerId() != null) {
            where.append(" and c.provider_id = :provider");
        }
        if (f.category() != null) {
            where.append(" and c.category = :category");
        }
        if (f.from() != null) {
            where.append(" and c.filed_at >= :from");
        }
        if (f.to() != null) {
            where.append(" and c.filed_at < :to");
        }
        JdbcClient.StatementSpec s = jdbc.sql("select " + COLUMNS + " from oversight_complaint c where " + where
                + " order by c.filed_at desc, c.id desc limit :limit").param("limit", limit);
        if (f.status() != null) {
            s = s.param("status", f.status().name());
        }
        if (Boolean.TRUE.equals(f.overdue())) {
            s = s.param("now", ts(f.now()));
        }
        if (f.providerId() != null) {
            s = s.param("provider", f.providerId());
        }
        if (f.category() != null) {
            s = s.param("category", f.category().name());
        }
        if (f.from() != null) {
            s = s.param("from", ts(f.from()));
        }
        if (f.to() != null) {
            s = s.param("to", ts(f.to()));
        }
        return scope.bind(s).query(ComplaintStore::map).list();
    }

    /** Open complaints whose escalation is behind their deadlines at {@code now}. */
    List<Complaint> dueForEscalation(Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                 from oversight_complaint c
                where (c.status in ('OPEN', 'ACKNOWLEDGED') and c.resolve_due_at <= :now and c.escalation_level < 2)
                   or (c.status = 'OPEN' and c.ack_due_at <= :now and c.escalation_level < 1)
                order by c.ack_due_at, c.id limit :limit
                """).param("now", ts(now)).param("limit", limit).query(ComplaintStore::map).list();
    }

    void appendEvent(long complaintId, Instant at, String kind, String actor, String detail) {
        jdbc.sql("insert into oversight_complaint_event (complaint_id, at, kind, actor, detail) values (?, ?, ?, ?, ?)").param(complaintId)
                .param(ts(at)).param(kind).param(actor).param(detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000)).update();
    }

    List<Event> events(long complaintId) {
        return jdbc.sql("select at, kind, actor, detail from oversight_complaint_event where complaint_id = ? order by id").param(complaintId)
                .query(Event.class).list();
    }

    /** Complaints upheld (fully or partly) of a provider, filed in [from, to). */
    long upheld(long providerId, Instant from, Instant to) {
        return jdbc.sql("""
                select count(*) from oversight_complaint
                 where provider_id = ? and outcome in ('UPHELD', 'PARTLY_UPHELD') and filed_at >= ? and filed_at < ?
                """).param(providerId).param(ts(from)).param(ts(to)).query(Long.class).single();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant inst(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    private static Long lng(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    static Complaint map(ResultSet rs, int n) throws SQLException {
        int sat = rs.getInt("satisfaction");
        Integer satisfaction = rs.wasNull() ? null : sat;
        String outcome = rs.getString("outcome");
        return new Complaint(rs.getLong("id"), Complaint.Channel.valueOf(rs.getString("channel")), Complaint.Category.valueOf(rs.getString("category")),
                Complaint.Status.valueOf(rs.getString("status")), rs.getString("region_path"), lng(rs, "elder_id"), lng(rs, "provider_id"),
                lng(rs, "caregiver_user_id"), lng(rs, "visit_id"), lng(rs, "followup_id"), rs.getString("complainant_name"),
                rs.getString("complainant_phone_masked"), rs.getString("description"), Complaint.Assignee.valueOf(rs.getString("assignee")),
                inst(rs, "filed_at"), rs.getString("filed_by"), rs.getLong("filed_by_user_id"), inst(rs, "ack_due_at"), inst(rs, "resolve_due_at"),
                inst(rs, "acknowledged_at"), rs.getString("acknowledged_by"), inst(rs, "resolved_at"), rs.getString("resolved_by"),
                outcome == null ? null : Complaint.Outcome.valueOf(outcome), rs.getString("resolution"), satisfaction, inst(rs, "closed_at"),
                rs.getInt("escalation_level"), inst(rs, "escalated_at"), rs.getInt("version"));
    }
}
