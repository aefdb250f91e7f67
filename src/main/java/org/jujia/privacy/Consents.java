package org.jujia.privacy;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.NotFoundException;
import org.jujia.shared.Violations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consent records (知情同意) per elder. The caller must already have checked that the elder is within the
 * actor's jurisdiction (the elder module does).
 */
@Service
public class Consents {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    Consents(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public List<Consent> of(long elderId) {
        return jdbc.sql("select * from privacy_consent where elder_id = ? order by granted_on desc, id desc").param(elderId)
                .query(Consents::map).list();
    }

    @Transactional
    public Consent record(long elderId, ConsentScope scope, LocalDate grantedOn, String signerType, String signerName, Jurisdiction actor) {
        new Violations()
                .require(scope != null, "scope", "required", "scope is required")
                .require(grantedOn != null, "grantedOn", "required", "date is required")
                .require(grantedOn == null || !grantedOn.isAfter(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))), "grantedOn", "future", "date cannot be in the future")
                .require("ELDER".equals(signerType) || "GUARDIAN".equals(signerType), "signerType", "invalid", "signer must be ELDER or GUARDIAN")
                .require(signerName != null && !signerName.isBlank() && signerName.length() <= 50, "signerName", "required", "signer name is required")
                .throwIfAny();
        long id = jdbc.sql("""
                insert into privacy_consent (elder_id, scope, granted_on, signer_type, signer_name, recorded_by)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(elderId, scope.name(), Date.valueOf(grantedOn), signerType, signerName.trim(), actor.username())
                .query(Long.class).single();
        audit.record(actor, AuditAction.CONSENT, "ELDER", elderId, scope.name(), null, "granted by " + signerType);
        return get(id);
    }

    @Transactional
    public Consent revoke(long elderId, long consentId, LocalDate revokedOn, Jurisdiction actor) {
        Consent c = get(consentId);
        if (c.elderId() != elderId) {
            throw new NotFoundException("consent", consentId);
        }
        jdbc.sql("update privacy_consent set revoked_on = ? where id = ? and revoked_on is null")
                .params(Date.valueOf(revokedOn), consentId).update();
        audit.record(actor, AuditAction.CONSENT, "ELDER", elderId, c.scope().name(), null, "revoked");
        return get(consentId);
    }

    private Consent get(long id) {
        return jdbc.sql("select * from privacy_consent where id = ?").param(id).query(Consents::map).optional()
                .orElseThrow(() -> new NotFoundException("consent", id));
    }

    private static Consent map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Date revoked = rs.getDate("revoked_on");
        return new Consent(rs.getLong("id"), rs.getLong("elder_id"), ConsentScope.valueOf(rs.getString("scope")),
                rs.getDate("granted_on").toLocalDate(), rs.getString("signer_type"), rs.getString("signer_name"),
                revoked == null ? null : revoked.toLocalDate(), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
    }
}
