package org.jujia.workforce;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jujia.privacy.AuditAction;
import org.jujia.privacy.AuditLog;
import org.jujia.privacy.FieldCipher;
import org.jujia.shared.Jurisdiction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP adapter of the credit-system port: pushes each PENDING export (a lifelong ban, or its correction) as JSON
 * ({@code POST {url}} with a bearer token and the export's idempotency key) and persists the outcome — SENT with the
 * credit system's reference, or the error and the attempt count (FAILED after {@code max-attempts}). Runs after each
 * decision (event) and every minute (retries). The person's name and ID number leave the platform here: audited EXPORT.
 */
@Component
class CreditSystem {

    static final String SIM_PATH = "/sim/credit/blacklist";
    private static final Logger log = LoggerFactory.getLogger(CreditSystem.class);

    private final JdbcClient jdbc;
    private final CreditSystemProperties props;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Environment env;
    private final Clock clock;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    CreditSystem(JdbcClient jdbc, CreditSystemProperties props, FieldCipher cipher, AuditLog audit, JsonMapper json, Environment env, Clock clock) {
        this.jdbc = jdbc;
        this.props = props;
        this.cipher = cipher;
        this.audit = audit;
        this.json = json;
        this.env = env;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(BlacklistDecided decided) {
        pushPending();
    }

    @Scheduled(fixedDelayString = "${jujia.workforce.credit.retry-interval:PT1M}", initialDelayString = "PT45S")
    @SchedulerLock(name = "workforce.creditExports", lockAtMostFor = "PT10M")
    void retry() {
        pushPending();
    }

    Optional<URI> target() {
        if (props.url() != null && !props.url().isBlank()) {
            return Optional.of(URI.create(props.url()));
        }
        if (props.simulator()) {
            String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
            return Optional.of(URI.create("http://localhost:" + port + SIM_PATH));
        }
        return Optional.empty();
    }

    private record Pending(long id, long entryId, String kind, int attempts) {
    }

    /** Sends every PENDING export once; answers how many were sent. */
    synchronized int pushPending() {
        Optional<URI> url = target();
        if (url.isEmpty()) {
            return 0;
        }
        List<Pending> pending = jdbc.sql("select id, entry_id, kind, attempts from workforce_credit_export where status = 'PENDING' order by id limit 100")
                .query(Pending.class).list();
        int sent = 0;
        for (Pending p : pending) {
            sent += push(url.get(), p) ? 1 : 0;
        }
        return sent;
    }

    private boolean push(URI url, Pending p) {
        record Person(String nameEnc, String idEnc, String reason, String evidence, String decidedBy, Timestamp decidedAt, String note) {
        }
        Person person = jdbc.sql("""
                select coalesce(s.name_enc, s2.name_enc) as name_enc, coalesce(s.id_number_enc, s2.id_number_enc) as id_enc, b.reason, b.evidence,
                       b.decided_by, b.decided_at, b.decision_note as note
                  from workforce_blacklist b left join workforce_staff s on s.id = b.staff_id left join workforce_staff s2 on s2.user_id = b.user_id
                 where b.id = ?
                """).param(p.entryId()).query(Person.class).single();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseRef", "JUJIA-BL-" + p.entryId());
        body.put("action", p.kind());
        body.put("name", person.nameEnc() == null ? null : cipher.open(person.nameEnc()));
        body.put("idNumber", person.idEnc() == null ? null : cipher.open(person.idEnc()));
        body.put("category", "ELDERLY_CARE_WORKER");
        body.put("measure", "BAN".equals(p.kind()) ? "LIFELONG_BAN" : "REMOVE");
        body.put("reason", "BAN".equals(p.kind()) ? person.reason() : person.note());
        body.put("decidedAt", person.decidedAt() == null ? null : person.decidedAt().toInstant().toString());
        String status;
        String ref = null;
        String message;
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(props.timeout()).header("Content-Type", "application/json; charset=utf-8")
                    .header("Accept", "application/json").header("Authorization", "Bearer " + props.token())
                    .header("Idempotency-Key", "jujia-bl-" + p.entryId() + "-" + p.kind())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode answer = r.body() == null || r.body().isBlank() ? null : json.readTree(r.body());
            if (r.statusCode() >= 200 && r.statusCode() < 300 && answer != null && answer.hasNonNull("recordId")) {
                status = "SENT";
                ref = answer.get("recordId").asString();
                message = "HTTP " + r.statusCode();
            } else {
                status = p.attempts() + 1 >= props.maxAttempts() ? "FAILED" : "PENDING";
                message = "HTTP " + r.statusCode() + ": " + (r.body() == null ? "" : r.body().substring(0, Math.min(200, r.body().length())));
            }
        } catch (IOException | RuntimeException e) {
            status = p.attempts() + 1 >= props.maxAttempts() ? "FAILED" : "PENDING";
            message = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        jdbc.sql("update workforce_credit_export set status = ?, attempts = attempts + 1, external_ref = ?, message = ?, sent_at = ? where id = ?")
                .param(status).param(ref).param(message.length() > 500 ? message.substring(0, 500) : message)
                .param("SENT".equals(status) ? Timestamp.from(clock.instant()) : null).param(p.id()).update();
        if ("SENT".equals(status)) {
            audit.record(Jurisdiction.system("/"), AuditAction.EXPORT, Blacklist.SUBJECT, p.entryId(), "name,id_number", "credit system " + p.kind(),
                    "record " + ref);
        } else {
            log.warn("Credit system export {} of case {}: {}", p.kind(), p.entryId(), message);
        }
        return "SENT".equals(status);
    }
}
