package org.jujia.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.jujia.access.UserAccounts;
import org.jujia.dispatch.OrderAssigned;
import org.jujia.dispatch.OrderPriority;
import org.jujia.elder.ElderRegistry;
import org.jujia.notification.Notifications;
import org.jujia.shared.GeoPoint;
import org.jujia.shared.Jurisdiction;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Complaints, follow-up calls and the performance score through the real API, events and database. */
@IntegrationTest
class OversightIT {

    private static final AtomicLong IDS = new AtomicLong(8_000_000_000L + (System.nanoTime() % 1_000_000) * 1000);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts users;
    @Autowired
    ElderRegistry elders;
    @Autowired
    Complaints complaints;
    @Autowired
    PerformanceScores scores;
    @Autowired
    Ledger ledger;
    @Autowired
    Notifications notifications;
    @Autowired
    OversightEventProbe probe;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    org.jujia.monitoring.AlarmCentre alarms;

    long provider1() {
        return users.findByUsername("provider1").orElseThrow().organisationId();
    }

    long userId(String username) {
        return users.findByUsername(username).orElseThrow().id();
    }

    /** The last caregiver (by id) of the provider: the least used by other tests. */
    long lastCaregiverOf(long provider) {
        return jdbc.sql("select user_id from workforce_caregiver where provider_id = ? order by user_id desc limit 1").param(provider).query(Long.class)
                .single();
    }

    long family1Elder() {
        return jdbc.sql("select c.elder_id from elder_contact c join access_user u on u.id = c.user_id where u.username = 'family1' order by c.elder_id limit 1")
                .query(Long.class).single();
    }

    long otherElder() {
        return jdbc.sql("""
                select e.id from elder e where e.status = 'ACTIVE' and e.latitude is not null
                   and not exists (select 1 from elder_contact c join access_user u on u.id = c.user_id where c.elder_id = e.id and u.username = 'family1')
                 order by e.id desc limit 1""").query(Long.class).single();
    }

    static Map<String, Object> hotline(long elder, Long provider, Long caregiver, String category, String phone) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("category", category);
        m.put("elderId", elder);
        m.put("providerId", provider);
        m.put("caregiverUserId", caregiver);
        m.put("complainantName", "李强");
        m.put("complainantPhone", phone);
        m.put("description", "护理员态度恶劣，推搡老人");
        return m;
    }

    @Test
    void a_hotline_complaint_is_scoped_handled_closed_and_an_upheld_abuse_proposes_the_blacklist() {
        Api operator = Api.as(port, "operator1");
        Api provider = Api.as(port, "provider1");
        Api admin = Api.as(port, "admin");
        Api family = Api.as(port, "family1");
        long p1 = provider1();
        long caregiver = lastCaregiverOf(p1);
        long elder = otherElder();

        Api.Response missing = operator.post("/api/v1/oversight/complaints", hotline(elder, p1, caregiver, "ABUSE", null));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("complainantPhone");

        JsonNode filed = operator.post("/api/v1/oversight/complaints", hotline(elder, p1, caregiver, "ABUSE", "13962100009")).json();
        long id = filed.get("complaint").get("id").asLong();
        JsonNode c = filed.get("complaint");
        assertThat(c.get("channel").asText()).isEqualTo("HOTLINE");
        assertThat(c.get("status").asText()).isEqualTo("OPEN");
        assertThat(c.get("assignee").asText()).isEqualTo("PROVIDER");
        assertThat(c.get("complainantPhoneMasked").asText()).doesNotContain("62100009");
        Instant filedAt = Instant.parse(c.get("filedAt").asText());
        WorkingDays wd = new WorkingDays(Set.of());
        assertThat(Instant.parse(c.get("ackDueAt").asText())).isEqualTo(wd.deadline(filedAt, 1));
        assertThat(Instant.parse(c.get("resolveDueAt").asText())).isEqualTo(wd.deadline(filedAt, 7));

        // the family did not file it, the provider concerned sees it
        assertThat(family.get("/api/v1/oversight/complaints/" + id).status()).isEqualTo(404);
        assertThat(provider.get("/api/v1/oversight/complaints/" + id).status()).isEqualTo(200);
        for (JsonNode v : provider.get("/api/v1/oversight/complaints").json()) {
            assertThat(v.get("complaint").get("providerId").asLong()).isEqualTo(p1);
        }
        // the operator files and reads but does not handle
        assertThat(operator.post("/api/v1/oversight/complaints/" + id + "/acknowledge", Map.of()).status()).isEqualTo(403);

        assertThat(provider.post("/api/v1/oversight/complaints/" + id + "/acknowledge", Map.of()).json().get("complaint").get("status").asText())
                .isEqualTo("ACKNOWLEDGED");
        assertThat(provider.post("/api/v1/oversight/complaints/" + id + "/acknowledge", Map.of()).status()).isEqualTo(409);
        assertThat(provider.post("/api/v1/oversight/complaints/" + id + "/assignment", Map.of("assignee", "STREET")).status()).isEqualTo(403);
        Api.Response noOutcome = admin.post("/api/v1/oversight/complaints/" + id + "/resolution", Map.of("resolution", "核实"));
        assertThat(noOutcome.status()).isEqualTo(400);
        assertThat(noOutcome.body()).contains("outcome");
        try {
            JsonNode resolved = admin.post("/api/v1/oversight/complaints/" + id + "/resolution",
                    Map.of("outcome", "UPHELD", "resolution", "监控与家属陈述一致，情况属实")).json();
            assertThat(resolved.get("complaint").get("status").asText()).isEqualTo("RESOLVED");
            assertThat(jdbc.sql("select status from workforce_blacklist where user_id = ? and reference = ?").param(caregiver).param("complaint:" + id)
                    .query(String.class).single()).isEqualTo("PROPOSED");
            JsonNode closed = admin.post("/api/v1/oversight/complaints/" + id + "/satisfaction", Map.of("satisfaction", 4)).json();
            assertThat(closed.get("complaint").get("status").asText()).isEqualTo("CLOSED");
            List<String> kinds = new ArrayList<>();
            closed.get("timeline").forEach(e -> kinds.add(e.get("kind").asText()));
            assertThat(kinds).containsExactly("FILED", "ACKNOWLEDGED", "RESOLVED", "BLACKLIST_PROPOSED", "CLOSED");

            assertThat(admin.get("/api/v1/oversight/complaints/" + id + "/contact").status()).isEqualTo(400);
            assertThat(admin.get("/api/v1/oversight/complaints/" + id + "/contact?purpose=callback").json().get("phone").asText()).isEqualTo("13962100009");
            assertThat(jdbc.sql("select count(*) from privacy_audit_log where subject_type = 'COMPLAINT' and subject_id = ? and action = 'REVEAL'")
                    .param(Long.toString(id)).query(Long.class).single()).isEqualTo(1);
        } finally {
            // other tests assign this caregiver: withdraw the proposal this test made
            jdbc.sql("delete from workforce_blacklist where reference = ?").param("complaint:" + id).update();
        }
    }

    @Test
    void the_family_files_on_its_page_and_sees_only_its_own() {
        Api family = Api.as(port, "family1");
        long mine = family1Elder();
        Api.Response other = family.post("/api/v1/oversight/complaints",
                Map.of("category", "MISSED_OR_LATE", "elderId", otherElder(), "description", "没来"));
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.body()).contains("elderId");

        JsonNode filed = family.post("/api/v1/oversight/complaints",
                Map.of("category", "MISSED_OR_LATE", "elderId", mine, "description", "周三的助浴没有来")).json();
        long id = filed.get("complaint").get("id").asLong();
        assertThat(filed.get("complaint").get("channel").asText()).isEqualTo("FAMILY_PAGE");
        assertThat(filed.get("complaint").get("assignee").asText()).isEqualTo("STREET");
        JsonNode list = family.get("/api/v1/oversight/complaints").json();
        assertThat(list.toString()).contains("\"id\":" + id + ",");
        for (JsonNode v : list) {
            assertThat(v.get("complaint").get("filedByUserId").asLong()).isEqualTo(userId("family1"));
        }
        assertThat(Api.as(port, "operator1").get("/api/v1/oversight/complaints/" + id).status()).isEqualTo(200);
        // the family cannot handle it
        assertThat(family.post("/api/v1/oversight/complaints/" + id + "/resolution", Map.of("outcome", "NOT_UPHELD", "resolution", "x")).status())
                .isEqualTo(403);
    }

    @Test
    void overdue_complaints_escalate_once_per_level_and_notify_the_street() {
        Api operator = Api.as(port, "operator1");
        long elder = family1Elder();
        JsonNode c = operator.post("/api/v1/oversight/complaints", hotline(elder, null, null, "ATTITUDE", "13962100008")).json().get("complaint");
        long id = c.get("id").asLong();
        Instant ackDue = Instant.parse(c.get("ackDueAt").asText());
        Instant resolveDue = Instant.parse(c.get("resolveDueAt").asText());
        Jurisdiction system = Jurisdiction.system("/");

        complaints.escalateDue(ackDue.minusSeconds(1));
        assertThat(complaints.get(id, system).complaint().escalationLevel()).isZero();
        complaints.escalateDue(ackDue);
        assertThat(complaints.get(id, system).complaint().escalationLevel()).isEqualTo(1);
        assertThat(complaints.list(new ComplaintStore.Filter(null, true, null, null, null, null, null), system)).isNotNull();
        complaints.escalateDue(ackDue.plusSeconds(3600));
        assertThat(complaints.get(id, system).complaint().escalationLevel()).isEqualTo(1);
        assertThat(notifications.forReference("complaint:" + id + ":1")).isNotEmpty();
        complaints.escalateDue(resolveDue);
        Complaints.View v = complaints.get(id, system);
        assertThat(v.complaint().escalationLevel()).isEqualTo(2);
        assertThat(notifications.forReference("complaint:" + id + ":2")).isNotEmpty();
        assertThat(v.timeline().stream().filter(e -> e.kind().equals("ESCALATED")).count()).isEqualTo(2);
    }

    @Test
    void a_completed_visit_reaches_the_ledger_and_a_dispute_becomes_a_complaint() {
        long elder = family1Elder();
        long caregiver = userId("caregiver1");
        long provider = jdbc.sql("select provider_id from workforce_caregiver where user_id = ?").param(caregiver).query(Long.class).single();
        String path = elders.find(elder, Jurisdiction.system("/")).orElseThrow().regionPath();
        Instant start = Instant.now().minus(Duration.ofMinutes(50));
        long order = IDS.incrementAndGet();
        tx.executeWithoutResult(s -> events.publishEvent(new OrderAssigned(order, elder, path, "HOME_VISIT", provider, caregiver, null,
                OrderPriority.GREEN, start, start.plus(Duration.ofMinutes(60)), 30, 3000, 1, null, Instant.now())));
        long visit = await(() -> jdbc.sql("select id from visit where order_id = ?").param(order).query(Long.class).optional());
        // the order ledger has it from the same event
        await(() -> jdbc.sql("select order_id from oversight_order where order_id = ?").param(order).query(Long.class).optional());

        GeoPoint home = elders.location(elder, Jurisdiction.system("/")).orElseThrow();
        Api cg = Api.as(port, "caregiver1");
        assertThat(cg.post("/api/v1/visits/" + visit + "/check-in", reading(home, start.plus(Duration.ofMinutes(2)))).status()).isEqualTo(200);
        JsonNode out = cg.post("/api/v1/visits/" + visit + "/check-out", reading(home, Instant.now().minusSeconds(30))).json();
        String status = out.get("status").asText();
        assertThat(status).isIn("VERIFIED", "FLAGGED");
        long inLedger = await(() -> jdbc.sql("select visit_id from oversight_visit where visit_id = ?").param(visit).query(Long.class).optional());
        assertThat(inLedger).isEqualTo(visit);
        Map<String, Object> row = jdbc.sql("select verified, flagged, provider_id from oversight_visit where visit_id = ?").param(visit).query().singleRow();
        assertThat(row.get("verified")).isEqualTo(status.equals("VERIFIED"));
        assertThat(row.get("flagged")).isEqualTo(status.equals("FLAGGED"));
        assertThat(((Number) row.get("provider_id")).longValue()).isEqualTo(provider);

        Api family = Api.as(port, "family1");
        assertThat(family.post("/api/v1/visits/" + visit + "/confirmation", Map.of("outcome", "DISPUTED", "method", "APP", "reason", "护理员只待了十分钟"))
                .status()).isEqualTo(200);
        long complaint = await(() -> jdbc.sql("select id from oversight_complaint where visit_id = ? and channel = 'VISIT_DISPUTE'").param(visit)
                .query(Long.class).optional());
        Complaints.View v = complaints.get(complaint, Jurisdiction.system("/"));
        assertThat(v.complaint().providerId()).isEqualTo(provider);
        assertThat(v.complaint().caregiverUserId()).isEqualTo(caregiver);
        assertThat(v.complaint().description()).isEqualTo("护理员只待了十分钟");
        assertThat(Api.as(port, "provider1").get("/api/v1/oversight/complaints/" + complaint).status())
                .isEqualTo(provider == provider1() ? 200 : 404);
    }

    @Test
    void follow_up_sample_calls_and_satisfaction() {
        long p1 = provider1();
        long caregiver = lastCaregiverOf(p1);
        long elder = otherElder();
        String path = elders.find(elder, Jurisdiction.system("/")).orElseThrow().regionPath();
        // 21 verified visits in February 2024 (a month nothing else touches): ceil(2.1) = 3 calls
        for (int i = 0; i < 21; i++) {
            long v = IDS.incrementAndGet();
            ledger.visit(v, v, elder, path, p1, caregiver, "HOME_VISIT", LocalDate.of(2024, 2, 1 + i), false, Instant.parse("2024-02-28T00:00:00Z"));
        }
        Api operator = Api.as(port, "operator1");
        JsonNode sample = operator.post("/api/v1/oversight/follow-ups/samples", Map.of("providerId", p1, "month", "2024-02")).json();
        assertThat(sample.get("verified").asInt()).isEqualTo(21);
        assertThat(sample.get("sampled").asInt()).isEqualTo(3);
        assertThat(operator.post("/api/v1/oversight/follow-ups/samples", Map.of("providerId", p1, "month", "2024-02")).status()).isEqualTo(409);

        JsonNode calls = operator.get("/api/v1/oversight/follow-ups?month=2024-02&providerId=" + p1).json();
        assertThat(calls.size()).isEqualTo(3);
        long first = calls.get(0).get("id").asLong();
        long second = calls.get(1).get("id").asLong();
        long third = calls.get(2).get("id").asLong();
        Api.Response noScore = operator.post("/api/v1/oversight/follow-ups/" + first, Map.of("outcome", "REACHED"));
        assertThat(noScore.status()).isEqualTo(400);
        assertThat(noScore.body()).contains("satisfaction");
        assertThat(operator.post("/api/v1/oversight/follow-ups/" + first, Map.of("outcome", "REACHED", "satisfaction", 5)).json().get("status").asText())
                .isEqualTo("DONE");
        assertThat(operator.post("/api/v1/oversight/follow-ups/" + first, Map.of("outcome", "REACHED", "satisfaction", 5)).status()).isEqualTo(409);
        JsonNode withComplaint = operator.post("/api/v1/oversight/follow-ups/" + second, Map.of("outcome", "REACHED", "satisfaction", 2,
                "complaintCategory", "SERVICE_QUALITY", "complaintText", "打扫不干净")).json();
        long complaint = withComplaint.get("complaintId").asLong();
        assertThat(complaints.get(complaint, Jurisdiction.system("/")).complaint().channel()).isEqualTo(Complaint.Channel.FOLLOW_UP_CALL);
        assertThat(operator.post("/api/v1/oversight/follow-ups/" + third, Map.of("outcome", "NO_ANSWER")).status()).isEqualTo(200);

        JsonNode rates = operator.get("/api/v1/oversight/follow-ups/satisfaction?by=provider&from=2024-02&to=2024-02").json();
        JsonNode mine = null;
        for (JsonNode r : rates) {
            if (r.get("key").asText().equals(Long.toString(p1))) {
                mine = r;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("reached").asLong()).isEqualTo(2);
        assertThat(mine.get("satisfied").asLong()).isEqualTo(1);
        assertThat(mine.get("rate").asDouble()).isEqualTo(0.5);
        // a provider sees only the calls made
        assertThat(Api.as(port, "provider1").get("/api/v1/oversight/follow-ups?month=2024-02").json().size()).isEqualTo(3);
        assertThat(Api.as(port, "family1").get("/api/v1/oversight/follow-ups?month=2024-02").status()).isEqualTo(403);
    }

    @Test
    void the_annual_score_is_computed_from_the_evidence_stored_published_and_scoped() {
        long p1 = provider1();
        long caregiver = lastCaregiverOf(p1);
        long elder = otherElder();
        String path = elders.find(elder, Jurisdiction.system("/")).orElseThrow().regionPath();
        ScorePolicy.Evidence before = scores.evidence(p1, 2025);
        for (int i = 0; i < 12; i++) {
            long o = IDS.incrementAndGet();
            ledger.order(o, elder, p1, LocalDate.of(2025, 5, 1 + i));
            if (i < 10) {
                ledger.visit(o, o, elder, path, p1, caregiver, "HOME_VISIT", LocalDate.of(2025, 5, 1 + i), i == 0, i == 9 ? null : Instant.parse("2025-05-20T00:00:00Z"));
            }
        }
        ScorePolicy.Evidence after = scores.evidence(p1, 2025);
        assertThat(after.plannedOrders() - before.plannedOrders()).isEqualTo(12);
        assertThat(after.completedVisits() - before.completedVisits()).isEqualTo(10);
        assertThat(after.verifiedVisits() - before.verifiedVisits()).isEqualTo(9);
        assertThat(after.cleanVisits() - before.cleanVisits()).isEqualTo(8);
        assertThat(after.staffing()).isEmpty(); // workforce gives no evidence on this branch: the line says so

        Api admin = Api.as(port, "admin");
        assertThat(admin.post("/api/v1/oversight/evaluations", Map.of("providerId", p1, "evaluator", "苏州市社会组织评估中心", "evaluatedOn", "2025-11-20",
                "score", 88.5, "findings", "台账完整，夜间应急响应偏慢")).status()).isEqualTo(200);
        Api.Response badScore = admin.post("/api/v1/oversight/evaluations", Map.of("providerId", p1, "evaluator", "x", "evaluatedOn", "2025-11-20",
                "score", 101, "findings", "x"));
        assertThat(badScore.status()).isEqualTo(400);
        assertThat(badScore.body()).contains("score");

        Api.Response unfinished = admin.post("/api/v1/oversight/scores/" + LocalDate.now().getYear() + "/" + p1, Map.of());
        assertThat(unfinished.status()).isEqualTo(400);
        assertThat(unfinished.body()).contains("year");
        assertThat(Api.as(port, "provider1").post("/api/v1/oversight/scores/2025/" + p1, Map.of()).status()).isEqualTo(403);

        int published = probe.scores().size();
        JsonNode card = admin.post("/api/v1/oversight/scores/2025/" + p1, Map.of()).json();
        ScorePolicy.Result expected = ScorePolicy.score(scores.evidence(p1, 2025));
        assertThat(card.get("score").decimalValue()).isEqualByComparingTo(expected.score());
        assertThat(card.get("lines").size()).isEqualTo(8);
        JsonNode staffing = null;
        for (JsonNode l : card.get("lines")) {
            if (l.get("criterion").asText().equals("STAFFING")) {
                staffing = l;
            }
        }
        assertThat(staffing.get("missing").asBoolean()).isTrue();
        await(() -> probe.scores().size() > published ? Optional.of(1L) : Optional.empty());
        PerformanceScoreComputed e = probe.scores().get(probe.scores().size() - 1);
        assertThat(e.providerId()).isEqualTo(p1);
        assertThat(e.year()).isEqualTo(2025);
        assertThat(e.score()).isEqualByComparingTo(expected.score());

        // stored and readable with its breakdown; a provider sees only its own, a family nothing
        assertThat(admin.get("/api/v1/oversight/scores/2025/" + p1).json().get("score").decimalValue()).isEqualByComparingTo(expected.score());
        JsonNode own = Api.as(port, "provider1").get("/api/v1/oversight/scores?year=2025").json();
        assertThat(own.size()).isEqualTo(1);
        assertThat(own.get(0).get("providerId").asLong()).isEqualTo(p1);
        assertThat(Api.as(port, "family1").get("/api/v1/oversight/scores?year=2025").status()).isEqualTo(403);
    }

    @Test
    void alarm_evidence_counts_the_alarms_of_the_elders_acknowledged_within_the_escalation_timeout() {
        long elder = otherElder();
        String path = elders.find(elder, Jurisdiction.system("/")).orElseThrow().regionPath();
        Instant raised = Instant.parse("2024-03-05T02:00:00Z");
        // closed alarms of a past month (monitoring's table written here as fixture: no device traffic runs in tests):
        // acknowledged after 59 s, 60 s (in time), 61 s (late), never; and one of the elder outside the period
        Integer[] ackAfter = { 59, 60, 61, null };
        for (int i = 0; i < ackAfter.length; i++) {
            Instant at = raised.plus(Duration.ofHours(i));
            alarm(elder, path, at, ackAfter[i] == null ? null : at.plusSeconds(ackAfter[i]));
        }
        alarm(elder, path, Instant.parse("2024-04-01T00:00:00Z"), Instant.parse("2024-04-01T00:00:10Z"));
        Instant from = Instant.parse("2024-03-01T00:00:00Z");
        Instant to = Instant.parse("2024-04-01T00:00:00Z");
        org.jujia.monitoring.AlarmCentre.AlarmHandling h = alarms.handling(List.of(elder), from, to);
        assertThat(h.alarms()).isEqualTo(4);
        assertThat(h.inTime()).isEqualTo(2);
        assertThat(alarms.handling(List.of(elder + 1_000_000), from, to).alarms()).isZero();
        assertThat(alarms.handling(List.of(), from, to).alarms()).isZero();
    }

    void alarm(long elder, String path, Instant raised, Instant acknowledged) {
        jdbc.sql("""
                insert into monitoring_alarm (type, severity, status, dedup_key, elder_id, region_path, summary, occurred_at, received_at, raised_at,
                    last_triggered_at, acknowledged_at, acknowledged_by, closed_at, closed_by, outcome, updated_at)
                values ('SOS', 'CRITICAL', 'RESOLVED', ?, ?, ?, 'test', ?, ?, ?, ?, ?, 'operator1', ?, 'operator1', 'SAFE_AT_HOME', ?)
                """).param("SOS:" + elder + ":" + raised).param(elder).param(path).param(java.sql.Timestamp.from(raised))
                .param(java.sql.Timestamp.from(raised)).param(java.sql.Timestamp.from(raised)).param(java.sql.Timestamp.from(raised))
                .param(acknowledged == null ? null : java.sql.Timestamp.from(acknowledged)).param(java.sql.Timestamp.from(raised.plusSeconds(600)))
                .param(java.sql.Timestamp.from(raised.plusSeconds(600))).update();
    }

    // ------------------------------------------------------------------ helpers

    static long await(Supplier<Optional<Long>> probe) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(probe::get, Optional::isPresent)
                .get();
    }

    static Map<String, Object> reading(GeoPoint p, Instant capturedAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("latitude", p.latitude());
        m.put("longitude", p.longitude());
        m.put("accuracyMeters", 5);
        m.put("capturedAt", capturedAt.toString());
        m.put("photo", photo());
        return m;
    }

    static String photo() {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(240, 205, 170));
        g.fillOval(12, 8, 40, 50);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpg", out);
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
