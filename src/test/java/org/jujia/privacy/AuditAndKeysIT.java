package org.jujia.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit chain against the real database (append-only, tamper detection) and key rotation of sealed columns. */
@IntegrationTest
class AuditAndKeysIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    KeyRing ring;

    @Autowired
    List<SealedColumn> columns;

    @Test
    void theChainVerifiesAndIsReportedOverTheApi() {
        Api.as(port, "street1").get("/api/v1/elders?q=王");
        var r = Api.as(port, "admin").get("/api/v1/audit/verify");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("intact").asBoolean()).isTrue();
        assertThat(r.json().get("entriesChecked").asLong()).isPositive();
        assertThat(Api.as(port, "street1").get("/api/v1/audit/verify").status()).isEqualTo(403);
        assertThat(Api.as(port, "admin").get("/api/v1/audit?actor=street1&action=SEARCH").json().get("totalElements").asLong()).isPositive();
    }

    @Test
    void theLogIsAppendOnly() {
        Api.as(port, "street1").get("/api/v1/elders?size=1");
        assertThatThrownBy(() -> jdbc.sql("update privacy_audit_log set purpose = 'x'").update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from privacy_audit_log").update()).hasMessageContaining("append-only");
    }

    @Test
    void anAlteredEntryIsTheFirstBrokenLink() {
        Api.as(port, "street1").get("/api/v1/elders?size=1");
        long target = jdbc.sql("select max(id) - 1 from privacy_audit_log").query(Long.class).single();
        var tx = new TransactionTemplate(transactions);
        AuditLog.Verification v = tx.execute(status -> {
            jdbc.sql("alter table privacy_audit_log disable trigger privacy_audit_log_no_update").update();
            jdbc.sql("update privacy_audit_log set actor_name = 'mallory' where id = ?").param(target).update();
            AuditLog.Verification result = audit.verify();
            status.setRollbackOnly();
            return result;
        });
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBrokenId()).isEqualTo(target);
        assertThat(v.reason()).contains("altered");
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void aRemovedEntryBreaksTheNextLink() {
        Api.as(port, "street1").get("/api/v1/elders?size=1");
        Api.as(port, "street1").get("/api/v1/elders?size=2");
        long last = jdbc.sql("select max(id) from privacy_audit_log").query(Long.class).single();
        var tx = new TransactionTemplate(transactions);
        AuditLog.Verification v = tx.execute(status -> {
            jdbc.sql("alter table privacy_audit_log disable trigger privacy_audit_log_no_update").update();
            jdbc.sql("delete from privacy_audit_log where id = ?").param(last - 1).update();
            AuditLog.Verification result = audit.verify();
            status.setRollbackOnly();
            return result;
        });
        assertThat(v.firstBrokenId()).isEqualTo(last);
        assertThat(v.reason()).contains("removed");
    }

    @Test
    void rotationReencryptsEverySealedColumnUnderTheNewKeyAndBack() {
        byte[] k2 = new byte[16];
        new SecureRandom().nextBytes(k2);
        String k1 = ring.activeKeyId();
        var toK2 = new FieldCipher(new KeyRing(Map.of(k1, ring.dataKey(k1), "k2rot", k2), "k2rot", ring.blindIndexKey()));
        String idBefore = jdbc.sql("select id_number_enc from elder order by id limit 1").query(String.class).single();
        String plain = toK2.open(idBefore);

        RotationReport report = new KeyRotation(jdbc, toK2, transactions, columns).rotate();
        assertThat(report.activeKeyId()).isEqualTo("k2rot");
        assertThat(report.reencryptedPerColumn().get("elder.id_number_enc")).isPositive();
        long notRotated = jdbc.sql("select count(*) from elder where id_number_enc not like 'k2rot:%'").query(Long.class).single();
        assertThat(notRotated).isZero();
        String idAfter = jdbc.sql("select id_number_enc from elder order by id limit 1").query(String.class).single();
        assertThat(idAfter).startsWith("k2rot:");
        assertThat(toK2.open(idAfter)).isEqualTo(plain);

        // back to the application's own key, so the shared test database stays readable
        var back = new FieldCipher(new KeyRing(Map.of(k1, ring.dataKey(k1), "k2rot", k2), k1, ring.blindIndexKey()));
        new KeyRotation(jdbc, back, transactions, columns).rotate();
        assertThat(jdbc.sql("select count(*) from elder where id_number_enc like 'k2rot:%'").query(Long.class).single()).isZero();
        assertThat(Api.as(port, "admin").post("/api/v1/admin/keys/rotate", Map.of()).json().get("activeKeyId").asText()).isEqualTo(k1);
    }
}
