package org.jujia.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.PageResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit log: every read of sensitive data and every change, hash-chained with SM3 so that any
 * edit or deletion of a past entry is detected by {@link #verify()}. Appends are serialised with a transaction
 * advisory lock so the chain never forks across nodes.
 */
@Service
public class AuditLog {

    private static final long CHAIN_LOCK = 0x4A554A4941L; // "JUJIA"

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Appends an entry within the caller's transaction (or a new one), so an audited read or change and its
     * audit record commit together.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(Jurisdiction actor, AuditAction action, String subjectType, Object subjectId, String fields,
            String purpose, String detail) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query((rs, n) -> 1).list();
        String prev = jdbc.sql("select hash from privacy_audit_log order by id desc limit 1").query(String.class).optional()
                .orElse(AuditChain.genesis());
        long id = jdbc.sql("select nextval('privacy_audit_log_id_seq')").query(Long.class).single();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var entry = new AuditEntry(id, now, actor.userId() == 0 ? null : actor.userId(), actor.username(), action.name(),
                subjectType, subjectId == null ? null : subjectId.toString(), truncate(fields, 300), truncate(purpose, 500),
                truncate(detail, 2000), prev, null);
        String hash = AuditChain.link(prev, entry.canonical());
        jdbc.sql("""
                insert into privacy_audit_log (id, occurred_at, actor_id, actor_name, action, subject_type, subject_id, fields,
                                               purpose, detail, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, Timestamp.from(now), entry.actorId(), entry.actorName(), entry.action(), entry.subjectType(),
                        entry.subjectId(), entry.fields(), entry.purpose(), entry.detail(), prev, hash)
                .update();
    }

    /** Audit search for auditors: newest first. */
    public PageResult<AuditEntry> search(String actor, String subjectType, String subjectId, String action, int page, int size) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where true");
        if (actor != null && !actor.isBlank()) {
            where.append(" and actor_name = ?");
            params.add(actor.trim());
        }
        if (subjectType != null && !subjectType.isBlank()) {
            where.append(" and subject_type = ?");
            params.add(subjectType.trim());
        }
        if (subjectId != null && !subjectId.isBlank()) {
            where.append(" and subject_id = ?");
            params.add(subjectId.trim());
        }
        if (action != null && !action.isBlank()) {
            where.append(" and action = ?");
            params.add(action.trim());
        }
        int s = Math.max(1, Math.min(size, 200));
        int p = Math.max(0, page);
        long total = jdbc.sql("select count(*) from privacy_audit_log" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(s);
        pageParams.add(p * s);
        List<AuditEntry> rows = jdbc.sql("select * from privacy_audit_log" + where + " order by id desc limit ? offset ?")
                .params(pageParams).query(AuditLog::map).list();
        return new PageResult<>(rows, p, s, total);
    }

    /** The result of walking the chain from the first entry. */
    public record Verification(boolean intact, long entriesChecked, Long firstBrokenId, String reason) {
    }

    /** Walks the whole chain in id order and reports the first entry whose link does not hold. */
    @Transactional(readOnly = true)
    public Verification verify() {
        String expectedPrev = AuditChain.genesis();
        long checked = 0;
        long lastId = 0;
        while (true) {
            List<AuditEntry> batch = jdbc.sql("select * from privacy_audit_log where id > ? order by id limit 5000")
                    .param(lastId).query(AuditLog::map).list();
            if (batch.isEmpty()) {
                return new Verification(true, checked, null, null);
            }
            for (AuditEntry e : batch) {
                if (!e.prevHash().equals(expectedPrev)) {
                    return new Verification(false, checked, e.id(), "previous-hash link does not match the entry before it (an entry was removed or reordered)");
                }
                String recomputed = AuditChain.link(e.prevHash(), e.canonical());
                if (!recomputed.equals(e.hash())) {
                    return new Verification(false, checked, e.id(), "content does not match its hash (the entry was altered)");
                }
                expectedPrev = e.hash();
                checked++;
                lastId = e.id();
            }
        }
    }

    public Optional<AuditEntry> latest() {
        return jdbc.sql("select * from privacy_audit_log order by id desc limit 1").query(AuditLog::map).optional();
    }

    private static AuditEntry map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long actorId = rs.getLong("actor_id");
        Long actor = rs.wasNull() ? null : actorId;
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), actor, rs.getString("actor_name"),
                rs.getString("action"), rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("fields"),
                rs.getString("purpose"), rs.getString("detail"), rs.getString("prev_hash"), rs.getString("hash"));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
