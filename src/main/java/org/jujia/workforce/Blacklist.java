package org.jujia.workforce;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jujia.access.Role;
import org.jujia.access.UserAccount;
import org.jujia.access.UserAccounts;
import org.jujia.privacy.AuditAction;
import org.jujia.privacy.AuditLog;
import org.jujia.privacy.FieldCipher;
import org.jujia.shared.ConflictException;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.NotFoundException;
import org.jujia.shared.ValidationException;
import org.jujia.shared.Violations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The blacklist (PLATFORM.md §9): proposals (a confirmed fraud from visit review, an abuse complaint from oversight,
 * or by hand) with evidence; confirmations by a street officer, civil affairs and the police ({@link BlacklistCase});
 * the lifelong ban follows the person (their ID number's blind index) across accounts and providers; the ban and any
 * correction are exported to the credit system ({@link CreditSystem}). Every step is audited.
 */
@Service
class Blacklist {

    static final String SUBJECT = "BLACKLIST";
    static final Map<BlacklistCase.Party, Role> PARTY_ROLES = Map.of(BlacklistCase.Party.STREET, Role.STREET_OFFICER,
            BlacklistCase.Party.CIVIL_AFFAIRS, Role.CIVIL_AFFAIRS, BlacklistCase.Party.POLICE, Role.POLICE);

    private static final String SELECT = """
            select b.id, b.user_id, coalesce(b.staff_id, s.id) as staff_id, s.name_enc, u.display_name, o.name as provider_name, b.status,
                   b.source, b.reason, b.evidence, b.reference, b.proposed_at, b.proposed_by, b.decided_at, b.decided_by, b.decision_note,
                   coalesce(sn.path, un.path) as path, s.provider_id
              from workforce_blacklist b
              left join workforce_staff s on s.id = b.staff_id or (b.staff_id is null and s.user_id = b.user_id)
              left join access_user u on u.id = b.user_id
              left join region_node sn on sn.id = s.node_id
              left join region_node un on un.id = u.home_node_id
              left join region_organisation o on o.id = s.provider_id
            """;

    private final JdbcClient jdbc;
    private final UserAccounts users;
    private final StaffStore staff;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Blacklist(JdbcClient jdbc, UserAccounts users, StaffStore staff, FieldCipher cipher, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.staff = staff;
        this.cipher = cipher;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A proposal from another module (idempotent per reference): the cause is read from the reference's prefix. */
    @Transactional
    void propose(long userId, String reason, String reference, String evidence, Jurisdiction actor) {
        if (reason == null || reason.isBlank() || reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("a blacklist proposal needs a reason and a reference");
        }
        String source = reference.startsWith("complaint:") ? "ABUSE_COMPLAINT" : reference.startsWith("manual:") ? "MANUAL" : "CONFIRMED_FRAUD";
        Long staffId = staff.idOfUser(userId).orElse(null);
        int inserted = jdbc.sql("""
                insert into workforce_blacklist (user_id, staff_id, person_bidx, status, source, reason, evidence, reference, proposed_at, proposed_by)
                values (:u, :s, (select id_number_bidx from workforce_staff where id = :s), 'PROPOSED', :source, :reason, :evidence, :ref, :at, :by)
                on conflict (user_id, reference) do nothing
                """).param("u", userId).param("s", staffId).param("source", source).param("reason", cut(reason, 500))
                .param("evidence", cut(evidence, 2000)).param("ref", reference).param("at", Timestamp.from(clock.instant()))
                .param("by", actor.username()).update();
        if (inserted > 0) {
            audit.record(actor, AuditAction.CREATE, SUBJECT, userId, null, null, "blacklist proposed (" + source + "): " + reference);
        }
    }

    /** A proposal by hand (or an abuse complaint) naming the account or the staff record, with reason and evidence. */
    @Transactional
    Staff.BlacklistCase proposeByHand(Staff.ProposalInput in, Jurisdiction j) {
        if (!j.can("BLACKLIST_CONFIRM") && !j.can("STAFF_ADMIN")) {
            throw new AccessDeniedException("BLACKLIST_CONFIRM or STAFF_ADMIN required");
        }
        Violations v = new Violations();
        if (in == null || (in.userId() == null && in.staffId() == null)) {
            v.add("staffId", "required", "name the person (staff record or caregiver account)");
        }
        if (in == null || in.reason() == null || in.reason().isBlank()) {
            v.add("reason", "required", "state the reason (abuse, card theft, fake service…)");
        }
        if (in == null || in.evidence() == null || in.evidence().isBlank()) {
            v.add("evidence", "required", "describe the evidence (documents, visit or complaint numbers)");
        }
        String source = in == null || in.source() == null ? "MANUAL" : in.source();
        if (!Set.of("MANUAL", "ABUSE_COMPLAINT", "CONFIRMED_FRAUD").contains(source)) {
            v.add("source", "invalid", "MANUAL, ABUSE_COMPLAINT or CONFIRMED_FRAUD");
        }
        v.throwIfAny();
        Staff.Member m;
        if (in.staffId() != null) {
            m = staff.visible(in.staffId(), j);
        } else {
            Long id = staff.idOfUser(in.userId()).orElseThrow(() -> new NotFoundException("staff of user", in.userId()));
            m = staff.visible(id, j);
        }
        String reference = "manual:" + java.util.UUID.randomUUID();
        long id = jdbc.sql("""
                insert into workforce_blacklist (user_id, staff_id, person_bidx, status, source, reason, evidence, reference, proposed_at, proposed_by)
                values (:u, :s, (select id_number_bidx from workforce_staff where id = :s), 'PROPOSED', :source, :reason, :evidence, :ref, :at, :by)
                returning id
                """).param("u", m.userId()).param("s", m.id()).param("source", source).param("reason", cut(in.reason().strip(), 500))
                .param("evidence", cut(in.evidence().strip(), 2000)).param("ref", reference).param("at", Timestamp.from(clock.instant()))
                .param("by", j.username()).query(Long.class).single();
        audit.record(j, AuditAction.CREATE, SUBJECT, id, null, null, "proposed (" + source + ") for staff " + m.id());
        return find(id).orElseThrow();
    }

    /** Confirms a case for the caller's party (street officer, civil affairs or police; asked when the caller holds several). */
    @Transactional
    Staff.BlacklistCase confirm(long id, BlacklistCase.Party party, String note, Jurisdiction j) {
        if (!j.can("BLACKLIST_CONFIRM")) {
            throw new AccessDeniedException("BLACKLIST_CONFIRM required");
        }
        Staff.BlacklistCase c = visible(id, j);
        UserAccount me = users.get(j.userId(), Jurisdiction.system("/"));
        List<BlacklistCase.Party> mine = PARTY_ROLES.entrySet().stream().filter(e -> me.roles().contains(e.getValue())).map(Map.Entry::getKey)
                .sorted().toList();
        if (party == null) {
            if (mine.size() != 1) {
                throw ValidationException.of("party", "required", "choose the party you confirm for: " + mine);
            }
            party = mine.get(0);
        } else if (!mine.contains(party)) {
            throw new AccessDeniedException("you do not hold the role of " + party);
        }
        // lock the case row so that two confirmations racing each other serialise
        jdbc.sql("select id from workforce_blacklist where id = ? for update").param(id).query(Long.class).single();
        BlacklistCase next = aggregate(id).confirm(party, j.userId());
        jdbc.sql("""
                insert into workforce_blacklist_confirmation (entry_id, party, user_id, username, note, confirmed_at) values (?, ?, ?, ?, ?, ?)
                """).param(id).param(party.name()).param(j.userId()).param(j.username()).param(cut(note, 500)).param(Timestamp.from(clock.instant()))
                .update();
        audit.record(j, AuditAction.UPDATE, SUBJECT, id, "confirmation", null, party + " confirmed" + (note == null ? "" : ": " + cut(note, 200)));
        if ("CONFIRMED".equals(next.status())) {
            jdbc.sql("update workforce_blacklist set status = 'CONFIRMED', decided_at = ?, decided_by = ?, decision_note = ? where id = ?")
                    .param(Timestamp.from(clock.instant())).param(j.username()).param("confirmed by street, civil affairs and police").param(id).update();
            queueExport(id, "BAN");
            audit.record(j, AuditAction.STATUS_CHANGE, SUBJECT, id, null, null, "CONFIRMED: lifelong ban in the city");
            events.publishEvent(new BlacklistDecided(id, c.userId(), c.staffId(), "CONFIRMED"));
        }
        return find(id).orElseThrow();
    }

    /** Corrects a case (appeal or record correction): civil affairs only, with a reason. */
    @Transactional
    Staff.BlacklistCase correct(long id, String reason, Jurisdiction j) {
        UserAccount me = j.userId() == 0 ? null : users.get(j.userId(), Jurisdiction.system("/"));
        if (!j.can("BLACKLIST_CONFIRM") || me == null || !me.roles().contains(Role.CIVIL_AFFAIRS)) {
            throw new AccessDeniedException("only civil affairs corrects the blacklist");
        }
        visible(id, j);
        jdbc.sql("select id from workforce_blacklist where id = ? for update").param(id).query(Long.class).single();
        BlacklistCase before = aggregate(id);
        BlacklistCase next = before.correct(reason);
        jdbc.sql("update workforce_blacklist set status = ?, decided_at = ?, decided_by = ?, decision_note = ? where id = ?").param(next.status())
                .param(Timestamp.from(clock.instant())).param(j.username()).param(cut(reason.strip(), 500)).param(id).update();
        if ("CORRECTED".equals(next.status())) {
            queueExport(id, "CORRECTION");
        }
        audit.record(j, AuditAction.STATUS_CHANGE, SUBJECT, id, null, reason, before.status() + " -> " + next.status());
        Staff.BlacklistCase c = find(id).orElseThrow();
        events.publishEvent(new BlacklistDecided(id, c.userId(), c.staffId(), next.status()));
        return c;
    }

    private void queueExport(long id, String kind) {
        jdbc.sql("""
                insert into workforce_credit_export (entry_id, kind, status, created_at) values (?, ?, 'PENDING', ?)
                on conflict (entry_id, kind) do nothing
                """).param(id).param(kind).param(Timestamp.from(clock.instant())).update();
    }

    private BlacklistCase aggregate(long id) {
        String status = jdbc.sql("select status from workforce_blacklist where id = ?").param(id).query(String.class).single();
        Map<BlacklistCase.Party, Long> confirmations = new EnumMap<>(BlacklistCase.Party.class);
        jdbc.sql("select party, user_id from workforce_blacklist_confirmation where entry_id = ?").param(id)
                .query((rs, n) -> confirmations.put(BlacklistCase.Party.valueOf(rs.getString("party")), rs.getLong("user_id"))).list();
        return new BlacklistCase(status, confirmations);
    }

    // ------------------------------------------------------------------ reads

    private record Row(Staff.BlacklistCase c, String path, Long providerId) {
    }

    private List<Row> rows(String where, Object... params) {
        return jdbc.sql(SELECT + where).params(params).query((rs, n) -> {
            long id = rs.getLong("id");
            long userId = rs.getLong("user_id");
            Long user = rs.wasNull() ? null : userId;
            long staffId = rs.getLong("staff_id");
            Long sid = rs.wasNull() ? null : staffId;
            long providerId = rs.getLong("provider_id");
            Long provider = rs.wasNull() ? null : providerId;
            String name = rs.getString("name_enc") != null ? cipher.open(rs.getString("name_enc")) : rs.getString("display_name");
            return new Row(new Staff.BlacklistCase(id, user, sid, name, rs.getString("provider_name"), rs.getString("status"), rs.getString("source"),
                    rs.getString("reason"), rs.getString("evidence"), rs.getString("reference"), instant(rs.getTimestamp("proposed_at")),
                    rs.getString("proposed_by"), instant(rs.getTimestamp("decided_at")), rs.getString("decided_by"), rs.getString("decision_note"),
                    confirmations(id), exports(id)), rs.getString("path"), provider);
        }).list();
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    java.util.Optional<Staff.BlacklistCase> find(long id) {
        return rows(" where b.id = ?", id).stream().findFirst().map(Row::c);
    }

    private boolean covers(Row r, StaffStore.Scope s) {
        if (s.providerId() != null) {
            return s.providerId().equals(r.providerId());
        }
        return r.path() != null && r.path().startsWith(s.pathPattern().substring(0, s.pathPattern().length() - 1));
    }

    Staff.BlacklistCase visible(long id, Jurisdiction j) {
        StaffStore.Scope s = staff.scope(j);
        Row r = rows(" where b.id = ?", id).stream().findFirst().orElseThrow(() -> new NotFoundException("blacklist case", id));
        if (!covers(r, s)) {
            throw new NotFoundException("blacklist case", id);
        }
        return r.c();
    }

    @Transactional
    Staff.BlacklistCase get(long id, Jurisdiction j) {
        Staff.BlacklistCase c = visible(id, j);
        audit.record(j, AuditAction.VIEW, SUBJECT, id, null, null, null);
        return c;
    }

    /** Cases visible to the caller, optionally of one status, newest first. */
    @Transactional
    List<Staff.BlacklistCase> list(String status, Jurisdiction j) {
        StaffStore.Scope s = staff.scope(j);
        audit.record(j, AuditAction.SEARCH, SUBJECT, null, "name", null, "blacklist cases status=" + status);
        return rows(" where (cast(? as varchar) is null or b.status = ?) order by b.proposed_at desc, b.id desc", status, status).stream()
                .filter(r -> covers(r, s)).map(Row::c).toList();
    }

    List<Staff.Confirmation> confirmations(long id) {
        return jdbc.sql("select party, user_id, username, note, confirmed_at from workforce_blacklist_confirmation where entry_id = ? order by confirmed_at, id")
                .param(id).query(Staff.Confirmation.class).list();
    }

    List<Staff.CreditExport> exports(long id) {
        return jdbc.sql("select kind, status, attempts, external_ref, message, created_at, sent_at from workforce_credit_export where entry_id = ? order by id")
                .param(id).query(Staff.CreditExport.class).list();
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }

}
