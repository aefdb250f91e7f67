package org.jujia.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jujia.careplan.CarePlan;
import org.jujia.careplan.CarePlanManagement;
import org.jujia.elder.ElderRegistry;
import org.jujia.elder.ElderStatus;
import org.jujia.shared.Jurisdiction;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The daily voice-call round against PostgreSQL and the demo profile's simulated call centre (over HTTP, with
 * scripted outcomes for the elders under test): outcomes recorded per attempt, retries at their times, the urgent
 * visit after three unanswered days published exactly once, the "need help" reply, idempotent re-runs.
 * Runs on dates years ahead so the demo's own call history is not in the way.
 */
@IntegrationTest
class VoiceCallRoundIT {

    @LocalServerPort
    int port;

    @Autowired
    VoiceCallRound round;

    @Autowired
    VoiceCallStore store;

    @Autowired
    VoiceCallUrgentProbe probe;

    @Autowired
    CarePlanManagement plans;

    @Autowired
    ElderRegistry elders;

    @Autowired
    JdbcClient jdbc;

    List<Long> callable;
    LocalDate day1;

    @BeforeEach
    void setUp() {
        callable = new ArrayList<>();
        for (CarePlan p : plans.activeWithItem("VOICE_CALL")) {
            var e = elders.find(p.elderId(), Jurisdiction.system("/"));
            var phone = elders.emergencyProfile(p.elderId(), "test").map(x -> x.phone()).orElse(null);
            if (e.isPresent() && e.get().status() == ElderStatus.ACTIVE && phone != null && !callable.contains(p.elderId())) {
                callable.add(p.elderId());
            }
        }
        assertThat(callable).as("demo elders with a VOICE_CALL line").hasSizeGreaterThanOrEqualTo(3);
        // a fresh week far ahead, different on every run of the suite against the same database
        day1 = LocalDate.now().plusYears(20).plusDays(ThreadLocalRandom.current().nextInt(0, 20_000) * 7L);
    }

    static Instant at(LocalDate d, String time) {
        return d.atTime(LocalTime.parse(time)).atZone(VoiceCallRound.ZONE).toInstant();
    }

    void script(long elderId, String... outcomes) throws Exception {
        String phone = elders.emergencyProfile(elderId, "test").orElseThrow().phone();
        String body = "{\"to\":\"" + phone + "\",\"outcomes\":[" + String.join(",", java.util.Arrays.stream(outcomes).map(o -> "\"" + o + "\"")
                .toList()) + "]}";
        var r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sim/voice/scripts"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer demo-gateway-secret").header("X-Account", "jujia-demo")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** The day's three runs at the attempt times (and one after each, which must place nothing new). */
    void runDay(LocalDate d) {
        for (String t : List.of("09:05", "09:10", "11:05", "11:10", "15:05", "15:10")) {
            round.run(at(d, t));
        }
    }

    long attempts(long elderId, LocalDate d) {
        return jdbc.sql("select count(*) from voice_call_attempt a join voice_call_task t on t.id = a.task_id where t.elder_id = ? and t.call_date = ?")
                .params(elderId, Date.valueOf(d)).query(Long.class).single();
    }

    @Test
    void threeUnansweredDaysRequestOneUrgentVisit() throws Exception {
        // an elder without an urgent order of this reason yet (the demo data gave one to its own silent elder)
        long silent = callable.stream().filter(id -> jdbc.sql("select count(*) from dispatch_order where elder_id = ? and urgent_reason = ?")
                .params(id, "VOICE_CALLS_UNANSWERED").query(Long.class).single() == 0).findFirst().orElseThrow();
        script(silent, "NO_ANSWER", "BUSY", "NO_ANSWER", "NO_ANSWER", "NO_ANSWER", "NO_ANSWER", "NO_ANSWER", "NO_ANSWER", "BUSY",
                "NO_ANSWER", "NO_ANSWER", "NO_ANSWER");

        runDay(day1);
        var t1 = store.task(silent, day1).orElseThrow();
        assertThat(t1.status()).isEqualTo("UNANSWERED");
        assertThat(t1.attempts()).isEqualTo(3);
        assertThat(t1.lastOutcome()).isEqualTo("NO_ANSWER");
        assertThat(attempts(silent, day1)).isEqualTo(3);
        assertThat(jdbc.sql("select outcome from voice_call_attempt a join voice_call_task t on t.id = a.task_id where t.elder_id = ? and t.call_date = ? order by attempt")
                .params(silent, Date.valueOf(day1)).query(String.class).list()).containsExactly("NO_ANSWER", "BUSY", "NO_ANSWER");

        runDay(day1.plusDays(1));
        assertThat(store.task(silent, day1.plusDays(1)).orElseThrow().status()).isEqualTo("UNANSWERED");
        assertThat(probe.of(silent, day1)).as("two days are not yet urgent").isEmpty();

        runDay(day1.plusDays(2));
        assertThat(probe.of(silent, day1)).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("VOICE_CALLS_UNANSWERED");
            assertThat(e.reference()).isEqualTo("voice-call:" + day1 + ".." + day1.plusDays(2));
            assertThat(e.note()).contains("3");
        });

        // dispatch turns it into an URGENT home-visit order for the elder's provider (after commit, asynchronously)
        String reference = "voice-call:" + day1 + ".." + day1.plusDays(2);
        long deadline = System.currentTimeMillis() + 20_000;
        java.util.List<java.util.Map<String, Object>> orders;
        do {
            orders = jdbc.sql("select elder_id, item_code, priority, source, urgent_reason from dispatch_order where urgent_reference = ?")
                    .param(reference).query().listOfRows();
            if (orders.isEmpty()) {
                Thread.sleep(200);
            }
        } while (orders.isEmpty() && System.currentTimeMillis() < deadline);
        assertThat(orders).singleElement().satisfies(o -> {
            assertThat(((Number) o.get("elder_id")).longValue()).isEqualTo(silent);
            assertThat(o.get("item_code")).isEqualTo("HOME_VISIT");
            assertThat(o.get("priority")).isEqualTo("URGENT");
            assertThat(o.get("urgent_reason")).isEqualTo("VOICE_CALLS_UNANSWERED");
        });

        // re-running the day (and the closing sweep after the cut-off, and the next morning) changes nothing
        runDay(day1.plusDays(2));
        round.run(at(day1.plusDays(2), "20:30"));
        round.run(at(day1.plusDays(3), "08:00"));
        assertThat(jdbc.sql("select count(*) from voice_call_task where elder_id = ? and call_date = ?").params(silent, Date.valueOf(day1.plusDays(2)))
                .query(Long.class).single()).isEqualTo(1);
        assertThat(attempts(silent, day1.plusDays(2))).isEqualTo(3);

        // a fourth unanswered day continues the same streak: still one request
        runDay(day1.plusDays(3));
        assertThat(store.task(silent, day1.plusDays(3)).orElseThrow().status()).isEqualTo("UNANSWERED");
        assertThat(probe.of(silent, day1)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from voice_call_alert where elder_id = ? and first_date = ?").params(silent, Date.valueOf(day1))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anAnswerEndsTheDayAndRetriesOnlyWhileUnanswered() throws Exception {
        long late = callable.get(1);
        LocalDate d = day1.plusDays(10);
        script(late, "NO_ANSWER", "ANSWERED:1");
        round.run(at(d, "08:59"));
        assertThat(store.task(late, d)).as("no task before the first attempt time").isEmpty();
        round.run(at(d, "09:05"));
        round.run(at(d, "09:05"));
        var first = store.task(late, d).orElseThrow();
        assertThat(first.status()).isEqualTo("PENDING");
        assertThat(first.attempts()).as("idempotent re-run: one attempt").isEqualTo(1);
        round.run(at(d, "10:55"));
        assertThat(store.task(late, d).orElseThrow().attempts()).isEqualTo(1);
        round.run(at(d, "11:00"));
        var answered = store.task(late, d).orElseThrow();
        assertThat(answered.status()).isEqualTo("ANSWERED");
        assertThat(answered.attempts()).isEqualTo(2);
        assertThat(answered.keypad()).isEqualTo("1");
        assertThat(answered.needHelp()).isFalse();
        round.run(at(d, "15:00"));
        assertThat(store.task(late, d).orElseThrow().attempts()).as("no call after an answer").isEqualTo(2);
        assertThat(probe.of(late, d)).isEmpty();
    }

    @Test
    void aNeedHelpReplyRequestsAVisitAtOnce() throws Exception {
        long help = callable.get(2);
        LocalDate d = day1.plusDays(20);
        script(help, "ANSWERED:2");
        round.run(at(d, "09:05"));
        var t = store.task(help, d).orElseThrow();
        assertThat(t.status()).isEqualTo("ANSWERED");
        assertThat(t.needHelp()).isTrue();
        assertThat(probe.of(help, d)).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("VOICE_CALL_HELP");
            assertThat(e.reference()).isEqualTo("voice-call:" + d);
        });
        round.run(at(d, "11:05"));
        assertThat(probe.of(help, d)).hasSize(1);
    }

    @Test
    void callsThatNeverReachTheNetworkMakeAFailedDayThatDoesNotCount() throws Exception {
        long unreachable = callable.get(0);
        LocalDate d = day1.plusDays(30);
        script(unreachable, "NO_ANSWER", "NO_ANSWER", "NO_ANSWER", "FAILED", "FAILED", "FAILED", "NO_ANSWER", "NO_ANSWER", "NO_ANSWER");
        runDay(d);
        runDay(d.plusDays(1));
        assertThat(store.task(unreachable, d.plusDays(1)).orElseThrow().status()).isEqualTo("FAILED");
        runDay(d.plusDays(2));
        assertThat(probe.of(unreachable, d)).isEmpty();
    }

    @Test
    void aPendingDayIsClosedByTheNextMorningsSweep() throws Exception {
        long elder = callable.get(1);
        LocalDate d = day1.plusDays(40);
        script(elder, "NO_ANSWER");
        round.run(at(d, "09:05"));
        assertThat(store.task(elder, d).orElseThrow().status()).isEqualTo("PENDING");
        round.run(at(d.plusDays(1), "07:00"));
        var closed = store.task(elder, d).orElseThrow();
        assertThat(closed.status()).isEqualTo("UNANSWERED");
        assertThat(closed.attempts()).isEqualTo(1);
    }

    @Test
    void anElderWhoMovedAwayIsNotCalledAgainNorVisited() throws Exception {
        long elder = callable.get(2);
        LocalDate d = day1.plusDays(50);
        var writer = new Jurisdiction(0, "system", "/", false, java.util.Set.of("ELDER_WRITE"));
        script(elder, "NO_ANSWER", "NO_ANSWER", "NO_ANSWER", "NO_ANSWER", "NO_ANSWER", "NO_ANSWER", "NO_ANSWER", "NO_ANSWER", "NO_ANSWER");
        runDay(d);
        runDay(d.plusDays(1));
        round.run(at(d.plusDays(2), "09:05"));
        try {
            elders.changeStatus(elder, ElderStatus.MOVED_AWAY, null, writer);
            round.run(at(d.plusDays(2), "11:05"));
            round.run(at(d.plusDays(2), "15:05"));
            var t = store.task(elder, d.plusDays(2)).orElseThrow();
            assertThat(t.status()).as("closed at once").isNotEqualTo("PENDING");
            assertThat(t.attempts()).isEqualTo(2);
            assertThat(t.lastError()).contains("no longer active");
            assertThat(probe.of(elder, d)).as("no urgent visit to an elder who moved away").isEmpty();
            round.run(at(d.plusDays(3), "09:05"));
            assertThat(store.task(elder, d.plusDays(3))).as("no task once moved away").isEmpty();
        } finally {
            elders.changeStatus(elder, ElderStatus.ACTIVE, null, writer);
        }
    }
}
