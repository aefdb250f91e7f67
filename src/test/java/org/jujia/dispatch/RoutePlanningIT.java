package org.jujia.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jujia.access.UserAccounts;
import org.jujia.shared.ConflictException;
import org.jujia.shared.Jurisdiction;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Route planning jobs against the demo city: one solve per provider and day (a second is a 409 problem, DB-enforced),
 * cancelling, applying a plan as assignments (all or nothing, once), a re-plan of today with a caregiver off sick that
 * keeps started visits pinned, the SSE stream, and bad requests answered as problems naming the fields.
 */
@IntegrationTest
class RoutePlanningIT {

    @LocalServerPort
    int port;

    @Autowired
    RoutePlanning planning;

    @Autowired
    DispatchManagement dispatch;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    Jurisdiction op() {
        return users.jurisdictionOf("provider1").orElseThrow();
    }

    long provider1() {
        return users.findByUsername("provider1").orElseThrow().organisationId();
    }

    PlanningJob await(long id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            PlanningJob job = planning.get(id, op());
            if (!job.status().active()) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("planning job " + id + " did not finish");
    }

    /** Waits until the provider's day has no active job (another test's job may still be finishing). */
    void awaitIdle(LocalDate day) throws InterruptedException {
        for (PlanningJob j : planning.list(day, op())) {
            if (j.status().active()) {
                await(j.id());
            }
        }
    }

    @Test
    void oneSolvePerProviderAndDayAtATimeAndCancelling() throws InterruptedException {
        LocalDate day = dispatch.today().plusDays(11);
        awaitIdle(day);
        PlanningJob first = planning.request(day, PlanningJob.Kind.PLAN, 60, List.of(), op());
        assertThat(first.status()).isIn(PlanningJob.Status.QUEUED, PlanningJob.Status.SOLVING);

        Api.Response second = Api.as(port, "provider1").post("/api/v1/planning-jobs", Map.of("date", day.toString(), "kind", "PLAN", "budgetSeconds", 5));
        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(second.json().get("errors").findValuesAsString("field")).contains("date");
        // the database itself refuses a second active job for the day
        assertThatThrownBy(() -> jdbc.sql("""
                insert into dispatch_planning_job (provider_id, service_date, kind, status, time_limit_seconds, requested_by, requested_at)
                values (?, ?, 'PLAN', 'QUEUED', 5, 'test', now())""").params(provider1(), day).update())
                .hasMessageContaining("dispatch_planning_job_one_active");

        PlanningJob cancelled = planning.cancel(first.id(), op());
        assertThat(cancelled.status()).isEqualTo(PlanningJob.Status.CANCELLED);
        assertThat(cancelled.endedAt()).isNotNull();
        assertThat(await(first.id()).status()).isEqualTo(PlanningJob.Status.CANCELLED);
        assertThatThrownBy(() -> planning.cancel(first.id(), op())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> planning.apply(first.id(), op())).isInstanceOf(ConflictException.class);

        // the day is free again
        PlanningJob again = planning.request(day, PlanningJob.Kind.PLAN, 1, List.of(), op());
        assertThat(await(again.id()).status()).isEqualTo(PlanningJob.Status.DONE);
        assertThat(planning.cancel(again.id(), op()).status()).as("a finished plan is discarded").isEqualTo(PlanningJob.Status.CANCELLED);
    }

    @Test
    void applyingAPlanAssignsEveryPlannedOrderOnceAndOnlyWhenNothingChanged() throws InterruptedException {
        LocalDate day = dispatch.today().plusDays(12);
        awaitIdle(day);
        Jurisdiction op = op();
        // three accepted home visits without a caregiver, for elders of provider1
        List<Long> elders = dispatch.list(new OrderQuery(dispatch.today(), dispatch.today().plusDays(13), null, null, null, null, null), op).stream()
                .map(Order::elderId).distinct().limit(3).toList();
        List<Long> booked = new ArrayList<>();
        int hour = 9;
        for (long elder : elders) {
            Order o = dispatch.book(new DispatchManagement.BookingInput(elder, "HOME_VISIT", day, LocalTime.of(hour, 0), LocalTime.of(hour + 2, 0), 1,
                    "route planning test"), op);
            booked.add(dispatch.accept(o.id(), op).id());
            hour += 2;
        }

        PlanningJob job = await(planning.request(day, PlanningJob.Kind.PLAN, 3, List.of(), op).id());
        assertThat(job.status()).as(job.error()).isEqualTo(PlanningJob.Status.DONE);
        assertThat(job.bestHard()).isZero();
        assertThat(job.progress()).isNotEmpty();
        assertThat(job.startedAt()).isNotNull();
        PlanningJob.PlanView plan = job.result();
        Map<Long, Long> planned = new HashMap<>();
        plan.routes().forEach(r -> r.stops().forEach(s -> planned.put(s.orderId(), r.caregiverUserId())));
        List<Long> left = plan.unassigned().stream().map(PlanningJob.UnassignedView::orderId).toList();
        for (long id : booked) {
            assertThat(planned.containsKey(id) || left.contains(id)).as("order " + id + " is planned or explained").isTrue();
        }
        assertThat(plan.unassigned()).allSatisfy(u -> assertThat(u.reason()).isNotBlank());
        assertThat(plan.proposed().assigned()).isEqualTo(planned.size());
        assertThat(plan.proposed().assigned()).isGreaterThanOrEqualTo(plan.current().assigned());
        assertThat(booked).as("booked orders fit, or are explained: " + plan.unassigned()).anyMatch(planned::containsKey);

        // a plan made before an order changed is refused whole
        Order firstBooked = dispatch.get(booked.get(0), op);
        PlanningJob stale = await(planning.request(day, PlanningJob.Kind.PLAN, 1, List.of(), op).id());
        Map<Long, Long> stalePlan = new HashMap<>();
        stale.result().routes().forEach(r -> r.stops().forEach(s -> stalePlan.put(s.orderId(), r.caregiverUserId())));
        Api.Response applied = Api.as(port, "provider1").post("/api/v1/planning-jobs/" + job.id() + "/apply", Map.of());
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(applied.json().get("status").asString()).isEqualTo("APPLIED");
        for (var e : planned.entrySet()) {
            Order o = dispatch.get(e.getKey(), op);
            assertThat(o.status()).isEqualTo(OrderStatus.ASSIGNED);
            assertThat(o.caregiverUserId()).as("order " + o.id()).isEqualTo(e.getValue());
        }
        assertThat(dispatch.history(firstBooked.id(), op)).extracting(OrderEvent::action).contains("ASSIGNED");
        Api.Response twice = Api.as(port, "provider1").post("/api/v1/planning-jobs/" + job.id() + "/apply", Map.of());
        assertThat(twice.status()).isEqualTo(409);
        Api.Response staleApply = Api.as(port, "provider1").post("/api/v1/planning-jobs/" + stale.id() + "/apply", Map.of());
        assertThat(staleApply.status()).as(staleApply.body()).isEqualTo(409);
        assertThat(staleApply.json().get("errors").findValuesAsString("field")).contains("orderId");
        assertThat(planning.get(stale.id(), op).status()).as("nothing of a refused apply is kept").isEqualTo(PlanningJob.Status.DONE);

        // planning the day again now: every assigned order is a promise, kept
        PlanningJob next = await(planning.request(day, PlanningJob.Kind.PLAN, 2, List.of(), op).id());
        assertThat(next.result().current().assigned()).isGreaterThanOrEqualTo(planned.size());
        assertThat(next.result().current().hardPenalty()).as("the applied plan scores feasible as the current plan").isZero();
    }

    @Test
    void replanningTodayKeepsStartedVisitsAndGivesNothingToACaregiverOffSick() throws InterruptedException {
        LocalDate today = dispatch.today();
        awaitIdle(today);
        Jurisdiction op = op();
        Instant now = clock.instant();
        List<Order> assigned = dispatch.list(new OrderQuery(today, today, EnumSet.of(OrderStatus.ASSIGNED), null, null, null, null), op);
        long caregiver1 = users.findByUsername("caregiver1").orElseThrow().id();
        List<Order> started = assigned.stream().filter(o -> !o.windowStart().isAfter(now) && o.caregiverUserId() == caregiver1).toList();
        assertThat(started).as("the demo has caregiver1's visits of today already begun").isNotEmpty();
        // someone else with visits still to come today calls in sick
        Long sick = assigned.stream().filter(o -> o.caregiverUserId() != caregiver1 && o.windowStart().isAfter(now)).map(Order::caregiverUserId)
                .findFirst().orElse(null);
        List<Long> off = sick == null ? List.of() : List.of(sick);

        PlanningJob job = await(planning.request(today, PlanningJob.Kind.REPLAN, 3, off, op).id());
        assertThat(job.status()).as(job.error()).isEqualTo(PlanningJob.Status.DONE);
        PlanningJob.PlanView plan = job.result();
        Map<Long, PlanningJob.StopView> stops = new HashMap<>();
        Map<Long, Long> caregiverOf = new HashMap<>();
        plan.routes().forEach(r -> r.stops().forEach(s -> {
            stops.put(s.orderId(), s);
            caregiverOf.put(s.orderId(), r.caregiverUserId());
        }));
        for (Order o : started) {
            assertThat(stops).containsKey(o.id());
            assertThat(stops.get(o.id()).pinned()).as("order " + o.id() + " begun: pinned").isTrue();
            assertThat(caregiverOf.get(o.id())).isEqualTo(caregiver1);
        }
        assertThat(plan.pinned()).isGreaterThanOrEqualTo(started.size());
        plan.routes().forEach(r -> r.stops().stream().filter(s -> !s.pinned())
                .forEach(s -> assertThat(s.start()).as("nothing unstarted begins before now").isAfterOrEqualTo(now.minusSeconds(1))));
        if (sick != null) {
            assertThat(plan.routes()).noneMatch(r -> r.caregiverUserId() == sick);
            List<Long> sickOrders = assigned.stream().filter(o -> o.caregiverUserId().equals(sick) && o.windowStart().isAfter(now)).map(Order::id).toList();
            for (long id : sickOrders) {
                assertThat(caregiverOf.containsKey(id) || plan.unassigned().stream().anyMatch(u -> u.orderId() == id)).isTrue();
            }
        }
        // the re-plan of today is discarded: other tests use today's demo assignments
        planning.cancel(job.id(), op);
    }

    @Test
    void progressStreamsAndBadRequestsAreProblemsNamingTheFields() throws InterruptedException {
        Api api = Api.as(port, "provider1");
        LocalDate today = dispatch.today();
        Api.Response bad = api.post("/api/v1/planning-jobs", Map.of("date", today.plusDays(1).toString(), "kind", "REPLAN", "budgetSeconds", 0,
                "unavailableCaregiverIds", List.of(-5)));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field")).contains("kind", "budgetSeconds", "unavailableCaregiverIds");
        Api.Response past = api.post("/api/v1/planning-jobs", Map.of("date", today.minusDays(1).toString()));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().get("errors").findValuesAsString("field")).contains("date");
        assertThat(Api.as(port, "caregiver1").get("/api/v1/planning-jobs").status()).isEqualTo(403);
        assertThat(Api.as(port, "street1").post("/api/v1/planning-jobs", Map.of("date", today.plusDays(1).toString())).status()).isEqualTo(403);

        LocalDate day = today.plusDays(10);
        awaitIdle(day);
        Api.Response created = api.post("/api/v1/planning-jobs", Map.of("date", day.toString(), "budgetSeconds", 2));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        // the stream ends with the final status (after the progress events, if it joined while solving)
        Api.Response events = api.get("/api/v1/planning-jobs/" + id + "/events");
        assertThat(events.status()).isEqualTo(200);
        assertThat(events.body()).contains("event:end").contains("DONE");
        PlanningJob job = await(id);
        assertThat(job.status()).isEqualTo(PlanningJob.Status.DONE);
        JsonNode read = api.get("/api/v1/planning-jobs/" + id).json();
        assertThat(read.get("result").get("routes").isArray()).isTrue();
        assertThat(read.get("progress").size()).isPositive();
        planning.cancel(id, op());
    }
}
