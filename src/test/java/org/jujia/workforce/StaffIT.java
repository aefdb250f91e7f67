package org.jujia.workforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jujia.access.UserAccounts;
import org.jujia.catalogue.CaregiverLevel;
import org.jujia.catalogue.Qualification;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.ResidentIdNumber;
import org.jujia.shared.Sex;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.jujia.support.StaffFixtures;
import org.jujia.support.StaffFixtures.Fresh;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Staff records, certificates, training, assignability at its edges, staffing ratios and the three-party blacklist with
 * its credit-system export, against the real database, over HTTP and through the demo simulator.
 */
@IntegrationTest
class StaffIT {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Jurisdiction ADMIN = new Jurisdiction(0, "system", "/", false, Set.of("STAFF_READ", "STAFF_ADMIN", "USER_ADMIN"));

    @LocalServerPort
    int port;

    @Autowired
    Workforce workforce;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    java.time.Clock clock;

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
    }

    long id(String username) {
        return users.findByUsername(username).orElseThrow().id();
    }

    /** A new caregiver account at caregiver1's provider with a profile (level 3) and a staff record with an ID number. */
    Fresh freshCaregiver() {
        return StaffFixtures.newCaregiver(users, workforce, "测试护理员" + SEQ.incrementAndGet(), "白班", today());
    }

    void attend(long staffId, String course, LocalDate on, int minutes, Boolean exam) {
        workforce.recordAttendance(staffId, new Staff.AttendanceInput(course, on, minutes, on.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(), exam),
                ADMIN);
    }

    /** Full pre-job training except the AED practical, which is {@code aedMinutes} long. */
    void preJob(long staffId, LocalDate on, int aedMinutes) {
        attend(staffId, "PJ-LAW", on, 1440, null);
        attend(staffId, "PJ-PSY", on, 1440, null);
        attend(staffId, "PJ-FIRSTAID", on, 1920, null);
        attend(staffId, "PJ-TURNING", on, 1440, true);
        attend(staffId, "PJ-HEIMLICH", on, 1440, true);
        attend(staffId, "PJ-AED", on, aedMinutes, true);
    }

    Eligibility assignable(long user, LocalDate date) {
        return workforce.assignability(user, Qualification.CAREGIVER, CaregiverLevel.LEVEL_4, date);
    }

    @Test
    void assignabilityAtEveryEdgeAgainstTheDatabase() {
        Fresh f = freshCaregiver();
        LocalDate today = today();
        assertThat(assignable(f.userId(), today)).isEqualTo(Eligibility.CERTIFICATE_INVALID);
        workforce.addCertificate(f.staffId(), new Staff.CertificateInput("CAREGIVER", "IT-" + f.userId(), CaregiverLevel.LEVEL_3, "苏州市人社局",
                today.minusYears(2), today), ADMIN);
        assertThat(assignable(f.userId(), today)).as("no training yet").isEqualTo(Eligibility.TRAINING_INCOMPLETE);
        preJob(f.staffId(), today.minusMonths(4), 1920 - 30);
        assertThat(assignable(f.userId(), today)).as("159.5 hours").isEqualTo(Eligibility.TRAINING_INCOMPLETE);
        attend(f.staffId(), "PJ-AED", today.minusMonths(4).plusDays(1), 30, false);
        assertThat(assignable(f.userId(), today)).as("a failed practical exam does not count").isEqualTo(Eligibility.TRAINING_INCOMPLETE);
        attend(f.staffId(), "PJ-AED", today.minusMonths(4).plusDays(2), 30, true);
        assertThat(assignable(f.userId(), today)).as("160 hours, certificate expiring today").isEqualTo(Eligibility.ELIGIBLE);
        assertThat(assignable(f.userId(), today.plusDays(1))).as("the certificate expired").isEqualTo(Eligibility.CERTIFICATE_INVALID);
        assertThat(workforce.assignability(java.util.List.of(f.userId(), id("trainee1")), Qualification.CAREGIVER, CaregiverLevel.LEVEL_4, today))
                .containsEntry(f.userId(), Eligibility.ELIGIBLE).containsEntry(id("trainee1"), Eligibility.TRAINING_INCOMPLETE);

        var training = Api.as(port, "provider1").get("/api/v1/staff/members/" + f.staffId() + "/training");
        assertThat(training.status()).isEqualTo(200);
        assertThat(training.json().get("preJobComplete").asBoolean()).isTrue();
        assertThat(training.json().get("practiceMinutes").asInt()).isEqualTo(4800);
        var http = Api.as(port, "provider1").get("/api/v1/staff/assignability?userId=" + f.userId() + "&minLevel=LEVEL_4&date=" + today.plusDays(1));
        assertThat(http.json().get("eligibility").asString()).isEqualTo("CERTIFICATE_INVALID");
    }

    @Test
    void theDemoShowsEveryReasonAndARatioShortfall() {
        LocalDate today = today();
        assertThat(assignable(id("caregiver1"), today)).isEqualTo(Eligibility.ELIGIBLE);
        assertThat(assignable(id("trainee1"), today)).isEqualTo(Eligibility.TRAINING_INCOMPLETE);
        assertThat(assignable(id("lapsed1"), today)).isEqualTo(Eligibility.CERTIFICATE_INVALID);
        assertThat(assignable(id("unchecked1"), today)).isEqualTo(Eligibility.BACKGROUND_CHECK_MISSING);
        assertThat(assignable(id("suspect1"), today)).isEqualTo(Eligibility.BLACKLIST_PENDING);

        // the demo's snapshot of this month (other tests may add care plans to the live report later)
        JsonNode history = Api.as(port, "admin").get("/api/v1/staff/ratios/history").json();
        String month = YearMonth.from(today).atDay(1).toString();
        Map<String, Integer> shortfalls = new HashMap<>();
        int lines = 0;
        for (JsonNode l : history) {
            if (l.get("month").asString().equals(month)) {
                lines++;
                int shortfall = Math.max(0, l.get("required").asInt() - l.get("actual").asInt());
                if (shortfall > 0) {
                    shortfalls.merge(l.get("providerId").asLong() + "/" + l.get("role").asString(), shortfall, Integer::sum);
                }
            }
        }
        assertThat(lines).as("5 ratio lines per provider").isEqualTo(15);
        assertThat(shortfalls).hasSize(1);
        assertThat(shortfalls.keySet().iterator().next()).endsWith("/COMMUNITY_NURSE");
        assertThat(shortfalls.values()).containsExactly(1);
        assertThat(history.size()).isGreaterThanOrEqualTo(6 * 15);
        JsonNode live = Api.as(port, "street1").get("/api/v1/staff/ratios").json();
        assertThat(live.size()).isPositive();
        for (JsonNode l : live) {
            assertThat(l.get("shortfall").asInt()).isEqualTo(Math.max(0, l.get("required").asInt() - l.get("actual").asInt()));
        }

        long provider = users.findByUsername("caregiver1").orElseThrow().organisationId();
        assertThat(workforce.staffingCompliance(provider, YearMonth.now(clock).getYear())).isPresent();
        var training = workforce.trainingCompliance(provider, today.minusMonths(1).getYear());
        assertThat(training).isPresent();
        assertThat(training.getAsDouble()).isBetween(0.5, 0.999);

        JsonNode pending = Api.as(port, "police1").get("/api/v1/staff/blacklist?status=PROPOSED").json();
        assertThat(pending.size()).isGreaterThanOrEqualTo(1);
        JsonNode expiring = Api.as(port, "provider1").get("/api/v1/staff/certificates/expiring?days=60").json();
        assertThat(expiring.size()).isGreaterThan(0);
    }

    @Test
    void threePartiesThreePeopleThenALifelongBanExportedAndCorrectedOnlyByCivilAffairs() throws Exception {
        Fresh f = freshCaregiver();
        LocalDate today = today();
        Api provider = Api.as(port, "provider1");
        var noEvidence = provider.post("/api/v1/staff/blacklist", Map.of("staffId", f.staffId(), "reason", "abuse"));
        assertThat(noEvidence.status()).isEqualTo(400);
        assertThat(noEvidence.body()).contains("evidence");
        var proposed = provider.post("/api/v1/staff/blacklist", Map.of("staffId", f.staffId(), "source", "ABUSE_COMPLAINT", "reason",
                "推搡老人", "evidence", "投诉 C-1 与监控录像"));
        assertThat(proposed.status()).isEqualTo(201);
        long caseId = proposed.json().get("id").asLong();
        assertThat(assignable(f.userId(), today)).isEqualTo(Eligibility.BLACKLIST_PENDING);

        String confirm = "/api/v1/staff/blacklist/" + caseId + "/confirmations";
        assertThat(provider.post(confirm, Map.of()).status()).as("a provider cannot confirm").isEqualTo(403);
        assertThat(Api.as(port, "street1").post(confirm, Map.of("note", "核实")).status()).isEqualTo(200);
        assertThat(Api.as(port, "street1").post(confirm, Map.of("note", "again")).status()).as("the same user twice").isEqualTo(409);
        var two = Api.as(port, "police1").post(confirm, Map.of("note", "属实"));
        assertThat(two.json().get("status").asString()).as("two of three is not enough").isEqualTo("PROPOSED");
        assertThat(Api.as(port, "street2").post(confirm, Map.of()).status()).as("street2 is outside the case's street").isEqualTo(404);
        var three = Api.as(port, "admin").post(confirm, Map.of("party", "CIVIL_AFFAIRS"));
        assertThat(three.status()).isEqualTo(200);
        assertThat(three.json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(assignable(f.userId(), today)).isEqualTo(Eligibility.BLACKLISTED);
        assertThat(assignable(f.userId(), today.plusYears(30))).as("lifelong").isEqualTo(Eligibility.BLACKLISTED);

        // the ban follows the person: a new staff record with the same ID number is refused at any provider
        long other = users.findByUsername("caregiver2").orElseThrow().organisationId();
        var again = Api.as(port, "admin").get("/api/v1/staff/members/" + f.staffId());
        assertThat(again.status()).isEqualTo(200);
        var rehire = Api.as(port, "provider1").post("/api/v1/staff/members", Map.of("providerId", users.findByUsername("provider1").orElseThrow()
                .organisationId(), "role", "COMMUNITY_NURSE", "name", "换个名字", "idNumber", f.idNumber(), "hiredOn", today.toString()));
        assertThat(rehire.status()).isEqualTo(400);
        assertThat(rehire.body()).contains("idNumber").contains("blacklist");
        assertThat(other).isPositive();

        // exported to the (simulated) credit system over HTTP, outcome persisted
        String sent = awaitExport(caseId, "BAN");
        assertThat(sent).startsWith("XY-");

        String correct = "/api/v1/staff/blacklist/" + caseId + "/correction";
        assertThat(Api.as(port, "street1").post(correct, Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(Api.as(port, "police1").post(correct, Map.of("reason", "x")).status()).isEqualTo(403);
        var noReason = Api.as(port, "admin").post(correct, Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        var corrected = Api.as(port, "admin").post(correct, Map.of("reason", "复议撤销：监控录像显示系他人"));
        assertThat(corrected.json().get("status").asString()).isEqualTo("CORRECTED");
        assertThat(awaitExport(caseId, "CORRECTION")).startsWith("XY-");
        long audited = jdbc.sql("select count(*) from privacy_audit_log where subject_type = 'BLACKLIST' and subject_id = ?").param(String.valueOf(caseId))
                .query(Long.class).single();
        assertThat(audited).as("proposal, 3 confirmations, decision, export, correction, export").isGreaterThanOrEqualTo(8);
    }

    private String awaitExport(long caseId, String kind) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(until)) {
            var ref = jdbc.sql("select external_ref from workforce_credit_export where entry_id = ? and kind = ? and status = 'SENT'").param(caseId)
                    .param(kind).query(String.class).optional();
            if (ref.isPresent()) {
                return ref.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + kind + " export SENT for case " + caseId + ": "
                + jdbc.sql("select status || ' ' || coalesce(message, '') from workforce_credit_export where entry_id = ?").param(caseId).query(String.class).list());
    }

    @Test
    void providersSeeAndManageTheirOwnStaffWithFieldNamedErrors() {
        Api provider = Api.as(port, "provider1");
        long own = users.findByUsername("provider1").orElseThrow().organisationId();
        JsonNode list = provider.get("/api/v1/staff/members").json();
        assertThat(list.size()).isGreaterThan(5);
        for (JsonNode m : list) {
            assertThat(m.get("providerId").asLong()).isEqualTo(own);
            assertThat(m.get("idNumberMasked").asString()).contains("********");
        }
        long foreign = workforce.staffIdOf(id("caregiver2")).orElseThrow();
        assertThat(provider.get("/api/v1/staff/members/" + foreign).status()).isEqualTo(404);
        var bad = provider.post("/api/v1/staff/members", Map.of("providerId", own, "role", "COMMUNITY_NURSE", "idNumber", "123", "hiredOn",
                today().toString()));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("name").contains("idNumber");
        long otherProvider = users.findByUsername("caregiver2").orElseThrow().organisationId();
        var elsewhere = provider.post("/api/v1/staff/members", Map.of("providerId", otherProvider, "role", "DATA_OPERATOR", "name", "某某",
                "idNumber", ResidentIdNumber.of("320508", LocalDate.of(1990, 5, 5), Sex.MALE, 17).value(), "hiredOn", today().toString()));
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.body()).contains("providerId");
        assertThat(Api.as(port, "family1").get("/api/v1/staff/members").status()).isEqualTo(403);

        long mine = list.get(0).get("id").asLong();
        var reveal = provider.post("/api/v1/staff/members/" + mine + "/reveal", Map.of("purpose", "社保登记"));
        assertThat(reveal.status()).isEqualTo(200);
        assertThat(ResidentIdNumber.isValid(reveal.json().get("idNumber").asString())).isTrue();
        String stored = jdbc.sql("select id_number_enc from workforce_staff where id = ?").param(mine).query(String.class).single();
        assertThat(stored).doesNotContain(reveal.json().get("idNumber").asString().substring(0, 10));
    }

    @Test
    void theHoursOfAShiftPatternAreTheCaregiversDayForPlanning() {
        Fresh day = freshCaregiver();
        Fresh evening = StaffFixtures.newCaregiver(users, workforce, "测试护理员晚班", "晚班 14:00-22:00", today());
        assertThat(workforce.shiftHours(List.of(day.userId(), evening.userId())))
                .as("'白班' names no hours; the evening shift does")
                .containsOnlyKeys(evening.userId())
                .containsEntry(evening.userId(), new ShiftHours(java.time.LocalTime.of(14, 0), java.time.LocalTime.of(22, 0)));
    }

    @Test
    void promotionRaisesPayFifteenPercentAlongThePath() {
        Fresh f = freshCaregiver();
        Api provider = Api.as(port, "provider1");
        var first = provider.post("/api/v1/staff/members/" + f.staffId() + "/promotions", Map.of("reason", "考核优秀"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("toGrade").asString()).isEqualTo("SENIOR");
        assertThat(first.json().get("payAfterFen").asLong()).isEqualTo(575_000);
        var second = provider.post("/api/v1/staff/members/" + f.staffId() + "/promotions", Map.of());
        assertThat(second.json().get("toGrade").asString()).isEqualTo("TECHNICIAN");
        assertThat(second.json().get("payAfterFen").asLong()).isEqualTo(661_250);
        assertThat(provider.post("/api/v1/staff/members/" + f.staffId() + "/promotions", Map.of()).status()).isEqualTo(409);
    }
}
