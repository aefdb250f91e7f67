package org.jujia.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jujia.access.UserAccounts;
import org.jujia.assessment.scoring.ScoringEngine;
import org.jujia.elder.ElderRegistry;
import org.jujia.privacy.AuditLog;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Assessments over HTTP: draft, sign, care level on the elder, the 10-point rule, health events, tasks and escalation. */
@IntegrationTest
class AssessmentIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AssessmentStore store;

    @Autowired
    ScoringEngine engine;

    @Autowired
    ElderRegistry elders;

    @Autowired
    UserAccounts users;

    @Autowired
    AuditLog audit;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JsonMapper json;

    /** Answers of a sitting whose Barthel items are all at the given fraction of their maximum (0, 0.5 or 1). */
    static Map<String, Object> answers(int feeding, int bathing, int transfer, int mobility) {
        Map<String, Object> a = new HashMap<>();
        a.put("mmse", Map.ofEntries(Map.entry("timeOrientation", 5), Map.entry("placeOrientation", 5), Map.entry("registration", 3),
                Map.entry("attentionCalculation", 4), Map.entry("recall", 3), Map.entry("naming", 2), Map.entry("repetition", 1),
                Map.entry("threeStepCommand", 3), Map.entry("reading", 1), Map.entry("writing", 1), Map.entry("copying", 1),
                Map.entry("education", "PRIMARY")));
        a.put("barthel", Map.of("feeding", feeding, "bathing", bathing, "grooming", 5, "dressing", 10, "bowels", 10, "bladder", 10,
                "toiletUse", 10, "transfer", transfer, "mobility", mobility, "stairs", 10));
        a.put("iadl", Map.of("telephone", "A", "shopping", "A", "foodPreparation", "A", "housekeeping", "A", "laundry", "A",
                "transportation", "A", "medication", "A", "finances", "A"));
        a.put("frail", Map.of("fatigue", false, "resistance", false, "ambulation", false, "illnessCount", 1, "weightLossOver5Percent", false));
        a.put("nrs2002", Map.of("initial", Map.of("lowBmi", false, "weightLoss3Months", false, "reducedIntakeLastWeek", false, "severelyIll", false)));
        return a;
    }

    long elderOfStreet1() {
        JsonNode page = Api.as(port, "street1").get("/api/v1/elders?size=50&sort=id").json();
        for (JsonNode e : page.get("content")) {
            long id = e.get("id").asLong();
            if (jdbc.sql("select count(*) from assessment where elder_id = ?").param(id).query(Long.class).single() == 0) {
                return id;
            }
        }
        throw new AssertionError("no unassessed elder left in street 1");
    }

    JsonNode draftAndSign(Api assessor, long elderId, Map<String, Object> answers) {
        var draft = assessor.post("/api/v1/elders/" + elderId + "/assessments", Map.of("place", "老人家中", "reason", "SCHEDULED", "answers", answers));
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        long id = draft.json().get("id").asLong();
        var signed = assessor.post("/api/v1/assessments/" + id + "/sign", Map.of());
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        return signed.json();
    }

    @Test
    void signingGivesTheElderItsColourAndNextReassessmentDate() {
        Api assessor = Api.as(port, "assessor1");
        long elderId = elderOfStreet1();
        JsonNode signed = draftAndSign(assessor, elderId, answers(10, 5, 15, 15));
        assertThat(signed.get("status").asText()).isEqualTo("SIGNED");
        assertThat(signed.get("barthelTotal").asInt()).isEqualTo(100);
        assertThat(signed.get("colour").asText()).isEqualTo("GREEN");
        assertThat(signed.get("signature").asText()).hasSize(64);
        assertThat(signed.get("scorerVersion").asText()).isEqualTo(ScoringEngine.SCORER_VERSION);

        JsonNode elder = Api.as(port, "street1").get("/api/v1/elders/" + elderId).json();
        assertThat(elder.get("careColour").asText()).isEqualTo("GREEN");
        LocalDate assessedOn = Instant.parse(signed.get("assessedAt").asText()).atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
        assertThat(elder.get("nextReassessmentDue").asText()).isEqualTo(assessedOn.plusMonths(24).toString());
        assertThat(Api.as(port, "street1").get("/api/v1/elders?colour=GREEN&size=200").json().get("totalElements").asLong()).isPositive();

        var change = assessor.put("/api/v1/assessments/" + signed.get("id").asLong(), Map.of("place", "x", "answers", answers(0, 0, 0, 0)));
        assertThat(change.status()).isEqualTo(409);
    }

    @Test
    void aTenPointDropOpensAFortyEightHourRemakeTaskForTheStreet() {
        Api assessor = Api.as(port, "assessor1");
        long elderId = elderOfStreet1();
        JsonNode first = draftAndSign(assessor, elderId, answers(10, 5, 10, 10));
        JsonNode second = draftAndSign(assessor, elderId, answers(10, 5, 5, 5));
        assertThat(first.get("barthelTotal").asInt()).isEqualTo(90);
        assertThat(second.get("barthelTotal").asInt()).isEqualTo(80);
        assertThat(second.get("colour").asText()).isEqualTo(first.get("colour").asText());

        List<JsonNode> tasks = tasksOf(Api.as(port, "street1"), elderId);
        assertThat(tasks).hasSize(1);
        JsonNode task = tasks.get(0);
        assertThat(task.get("kind").asText()).isEqualTo("CARE_PLAN_REMAKE");
        assertThat(task.get("reason").asText()).isEqualTo("BARTHEL_CHANGE");
        assertThat(Duration.between(Instant.parse(task.get("createdAt").asText()), Instant.parse(task.get("dueAt").asText())))
                .isEqualTo(Duration.ofHours(48));
        assertThat(tasksOf(Api.as(port, "street2"), elderId)).isEmpty();

        var done = Api.as(port, "street1").post("/api/v1/assessment-tasks/" + task.get("id").asLong() + "/done", Map.of("note", "已与家属重新制定服务方案"));
        assertThat(done.json().get("status").asText()).isEqualTo("DONE");
    }

    @Test
    void aFivePointChangeOfTheSameColourOpensNoTask() {
        Api assessor = Api.as(port, "assessor1");
        long elderId = elderOfStreet1();
        JsonNode first = draftAndSign(assessor, elderId, answers(10, 5, 10, 10));
        JsonNode second = draftAndSign(assessor, elderId, answers(10, 0, 10, 10));
        assertThat(second.get("barthelTotal").asInt()).isEqualTo(85);
        assertThat(second.get("colour").asText()).isEqualTo(first.get("colour").asText());
        assertThat(tasksOf(Api.as(port, "street1"), elderId)).isEmpty();
    }

    List<JsonNode> tasksOf(Api api, long elderId) {
        List<JsonNode> out = new java.util.ArrayList<>();
        api.get("/api/v1/assessment-tasks?kind=CARE_PLAN_REMAKE&status=OPEN").json().forEach(t -> {
            if (t.get("elderId").asLong() == elderId) {
                out.add(t);
            }
        });
        return out;
    }

    @Test
    void aFallOpensAnImmediateReassessmentThatSigningCloses() {
        long elderId = elderOfStreet1();
        var r = Api.as(port, "community1").post("/api/v1/elders/" + elderId + "/health-events",
                Map.of("type", "FALL", "occurredOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(), "note", "卫生间跌倒"));
        if (r.status() == 404) { // the elder is outside community 1: the street officer records it
            r = Api.as(port, "street1").post("/api/v1/elders/" + elderId + "/health-events", Map.of("type", "FALL", "note", "卫生间跌倒"));
        }
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("kind").asText()).isEqualTo("REASSESSMENT");
        assertThat(r.json().get("reason").asText()).isEqualTo("FALL");
        draftAndSign(Api.as(port, "assessor1"), elderId, answers(10, 5, 15, 15));
        long open = jdbc.sql("select count(*) from assessment_task where elder_id = ? and kind = 'REASSESSMENT' and status = 'OPEN'")
                .param(elderId).query(Long.class).single();
        assertThat(open).isZero();
    }

    @Test
    void correctionsReferenceTheCorrectedAssessment() {
        Api assessor = Api.as(port, "assessor1");
        long elderId = elderOfStreet1();
        long first = draftAndSign(assessor, elderId, answers(10, 5, 15, 15)).get("id").asLong();
        var correction = assessor.post("/api/v1/elders/" + elderId + "/assessments", Map.of("place", "老人家中", "correctsId", first,
                "answers", answers(10, 0, 15, 15)));
        assertThat(correction.status()).isEqualTo(201);
        assertThat(correction.json().get("reason").asText()).isEqualTo("CORRECTION");
        assertThat(correction.json().get("correctsId").asLong()).isEqualTo(first);
        assertThat(Api.as(port, "street1").get("/api/v1/elders/" + elderId + "/assessments").json()).hasSize(2);
    }

    @Test
    void invalidAnswersNameTheField() {
        Map<String, Object> a = answers(10, 5, 15, 15);
        Map<String, Object> barthel = new HashMap<>((Map<String, Object>) a.get("barthel"));
        barthel.remove("feeding");
        a.put("barthel", barthel);
        var r = Api.as(port, "assessor1").post("/api/v1/elders/" + elderOfStreet1() + "/assessments", Map.of("place", "家中", "answers", a));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).isEqualTo("VALIDATION_ERROR");
        assertThat(r.json().get("field").asText()).isEqualTo("answers.barthel.feeding");
    }

    @Test
    void onlyCertifiedAssessorsAssessAndOnlyInTheirArea() {
        long elderId = elderOfStreet1();
        assertThat(Api.as(port, "community1").post("/api/v1/elders/" + elderId + "/assessments", Map.of("place", "家中", "answers", answers(10, 5, 15, 15)))
                .status()).isEqualTo(403);
        long district = Api.as(port, "admin").get("/api/v1/regions?level=DISTRICT").json().get(0).get("id").asLong();
        String name = "assessor" + System.nanoTime() % 100000;
        assertThat(Api.as(port, "admin").post("/api/v1/users", Map.of("username", name, "displayName", "未持证评估员", "password", "Good-pass-2026",
                "roles", List.of("ASSESSOR"), "homeNodeId", district)).status()).isEqualTo(201);
        var uncertified = Api.as(port, name, "Good-pass-2026").post("/api/v1/elders/" + elderId + "/assessments",
                Map.of("place", "家中", "answers", answers(10, 5, 15, 15)));
        assertThat(uncertified.status()).isEqualTo(403);
        long otherStreet = Api.as(port, "street2").get("/api/v1/elders?size=1").json().get("content").get(0).get("id").asLong();
        assertThat(Api.as(port, "street1").get("/api/v1/elders/" + otherStreet + "/assessments").status()).isEqualTo(404);
    }

    @Test
    void overdueRemakeTasksAreEscalatedAndStayOverdueUntilDone() {
        Api assessor = Api.as(port, "assessor1");
        long elderId = elderOfStreet1();
        draftAndSign(assessor, elderId, answers(10, 5, 15, 15));
        draftAndSign(assessor, elderId, answers(0, 0, 5, 5));
        long taskId = tasksOf(Api.as(port, "street1"), elderId).get(0).get("id").asLong();

        var in47h = new AssessmentManagement(store, engine, elders, users, audit, events, json,
                Clock.offset(Clock.systemUTC(), Duration.ofHours(47)));
        assertThat(in47h.escalateOverdueRemakes()).extracting(AssessmentTask::id).doesNotContain(taskId);
        var in49h = new AssessmentManagement(store, engine, elders, users, audit, events, json,
                Clock.offset(Clock.systemUTC(), Duration.ofHours(49)));
        assertThat(in49h.escalateOverdueRemakes()).extracting(AssessmentTask::id).contains(taskId);
        assertThat(in49h.tasks(AssessmentTask.Kind.CARE_PLAN_REMAKE, null, true,
                new org.jujia.shared.Jurisdiction(0, "district", "/", false, java.util.Set.of("ASSESSMENT_READ"))))
                .extracting(AssessmentTask::id).contains(taskId);
    }

    @Test
    void theNightlyJobOpensTasksForEveryDueReassessmentOnce() {
        Api assessor = Api.as(port, "assessor1");
        long elderId = elderOfStreet1();
        draftAndSign(assessor, elderId, answers(0, 0, 0, 0));
        var manager = new AssessmentManagement(store, engine, elders, users, audit, events, json, Clock.systemUTC());
        LocalDate inFourMonths = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(25);
        int opened = manager.openDueReassessments(inFourMonths);
        assertThat(opened).isPositive();
        assertThat(manager.openDueReassessments(inFourMonths)).isZero();
        long open = jdbc.sql("select count(*) from assessment_task where elder_id = ? and kind = 'REASSESSMENT' and status = 'OPEN'")
                .param(elderId).query(Long.class).single();
        assertThat(open).isEqualTo(1);
    }
}
