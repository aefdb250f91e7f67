package org.jujia.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jujia.access.UserAccounts;
import org.jujia.assessment.AssessmentManagement;
import org.jujia.assessment.AssessmentTask;
import org.jujia.assessment.HealthEventType;
import org.jujia.careplan.CarePlan;
import org.jujia.careplan.CarePlanManagement;
import org.jujia.careplan.CarePlanStatus;
import org.jujia.careplan.CarePlanManagement.LineInput;
import org.jujia.careplan.EndReason;
import org.jujia.careplan.Frequency.Period;
import org.jujia.careplan.SignatureMethod;
import org.jujia.careplan.SignerType;
import org.jujia.elder.ElderRegistry;
import org.jujia.elder.ElderStatus;
import org.jujia.shared.Jurisdiction;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Orders follow care plans against the real database: signing a plan generates its orders for the horizon (visits
 * only: no voice calls, no monthly subscriptions) at the lines' frozen prices; generating again creates nothing; a
 * new version cancels the old version's orders that have not started and brings its own; ending the plan cancels
 * its orders that have not started, and so does the elder's death (which also abandons a plan in preparation and closes
 * the elder's open assessment tasks).
 */
@IntegrationTest
class OrderGenerationIT {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    CarePlanManagement plans;

    @Autowired
    DispatchManagement dispatch;

    @Autowired
    UserAccounts users;

    @Autowired
    ElderRegistry elders;

    @Autowired
    AssessmentManagement assessments;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    Jurisdiction street() {
        return users.jurisdictionOf("street1").orElseThrow();
    }

    long freshElder() {
        return jdbc.sql("""
                select e.id from elder e where e.status = 'ACTIVE' and e.region_path like ?
                   and not exists (select 1 from careplan p where p.elder_id = e.id)
                   and not exists (select 1 from dispatch_order o where o.elder_id = e.id)
                   and not exists (select 1 from elder_contact c where c.elder_id = e.id and c.user_id is not null)
                 order by e.id desc limit 1""").param(street().likePattern()).query(Long.class).single();
    }

    CarePlan signed(long elderId, List<LineInput> lines, Jurisdiction j) {
        return signedWith(plans.providersFor(elderId, j).get(0).id(), elderId, lines, j);
    }

    static LineInput line(String item, int count, Period period, List<Integer> weekdays, String from, String to) {
        return new LineInput(item, count, period, weekdays, LocalTime.parse(from), LocalTime.parse(to), null);
    }

    List<Map<String, Object>> ordersOf(long planId) {
        return jdbc.sql("select id, item_code, status, service_date, window_start, unit_price_fen, provider_id, plan_line from dispatch_order"
                + " where care_plan_id = ? order by id").param(planId).query().listOfRows();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    /** Waits until the plan's order count stops moving (the asynchronous listener has finished). */
    int settled(long planId) throws InterruptedException {
        await("orders of plan " + planId, () -> !ordersOf(planId).isEmpty());
        int before;
        int after = ordersOf(planId).size();
        do {
            before = after;
            Thread.sleep(300);
            after = ordersOf(planId).size();
        } while (after != before);
        return after;
    }

    @Test
    void signingGeneratesTheHorizonOnceAndRegeneratingIsIdempotent() throws Exception {
        Jurisdiction j = street();
        long elderId = freshElder();
        CarePlan plan = signed(elderId, List.of(
                line("MEAL_LUNCH", 1, Period.DAY, List.of(), "11:00", "12:30"),
                line("HOME_VISIT", 1, Period.WEEK, List.of(3), "09:00", "11:00"),
                line("VOICE_CALL", 1, Period.DAY, List.of(), "09:00", "10:00"),
                line("EMERGENCY_BUTTON", 1, Period.MONTH, List.of(), "00:00", "23:59")), j);
        int count = settled(plan.id());
        List<Map<String, Object>> orders = ordersOf(plan.id());
        assertThat(orders).extracting(r -> r.get("item_code")).containsOnly("MEAL_LUNCH", "HOME_VISIT");
        assertThat(orders).extracting(r -> r.get("status")).containsOnly("PENDING");
        assertThat(orders).extracting(r -> ((Number) r.get("provider_id")).longValue()).containsOnly(plan.providerId());

        LocalDate today = dispatch.today();
        Instant now = Instant.now();
        long meals = 0;
        long visits = 0;
        for (int d = 0; d < dispatch.horizonDays(); d++) {
            LocalDate day = today.plusDays(d);
            if (day.atTime(12, 30).atZone(ZONE).toInstant().isAfter(now)) {
                meals++;
            }
            if (day.getDayOfWeek().getValue() == 3 && day.atTime(11, 0).atZone(ZONE).toInstant().isAfter(now)) {
                visits++;
            }
        }
        assertThat(orders.stream().filter(r -> r.get("item_code").equals("MEAL_LUNCH")).count()).isEqualTo(meals);
        assertThat(orders.stream().filter(r -> r.get("item_code").equals("HOME_VISIT")).count()).isEqualTo(visits);
        long mealPrice = plan.lines().stream().filter(l -> l.itemCode().equals("MEAL_LUNCH")).findFirst().orElseThrow().unitPriceFen();
        assertThat(orders.stream().filter(r -> r.get("item_code").equals("MEAL_LUNCH")).map(r -> ((Number) r.get("unit_price_fen")).longValue()))
                .containsOnly(mealPrice);

        // again, twice: nothing new, the same orders
        assertThat(dispatch.generate(plan.id(), today, today.plusDays(dispatch.horizonDays() - 1L), now)).isZero();
        assertThat(dispatch.extendHorizon()).isGreaterThanOrEqualTo(0);
        assertThat(ordersOf(plan.id())).isEqualTo(orders).hasSize(count);
        // a longer range adds only the new days
        int more = dispatch.generate(plan.id(), today, today.plusDays(dispatch.horizonDays() + 6L), now);
        assertThat(more).isEqualTo(7 + (int) today.plusDays(dispatch.horizonDays()).datesUntil(today.plusDays(dispatch.horizonDays() + 7L))
                .filter(d -> d.getDayOfWeek().getValue() == 3).count());
        assertThat(dispatch.generate(plan.id(), today, today.plusDays(dispatch.horizonDays() + 6L), now)).isZero();
    }

    @Test
    void aNewVersionCancelsTheOldVersionsFutureOrdersAndEndingCancelsTheRest() throws Exception {
        Jurisdiction j = street();
        long elderId = freshElder();
        CarePlan v1 = signed(elderId, List.of(line("HOME_VISIT", 2, Period.WEEK, List.of(), "09:00", "11:00"),
                line("ERRAND", 4, Period.MONTH, List.of(), "14:00", "17:00")), j);
        settled(v1.id());
        // provider1 accepts and assigns one of the old version's orders: it is cancelled all the same, naming the caregiver
        Jurisdiction op = users.jurisdictionOf("provider1").orElseThrow();
        Instant soon = Instant.now().plusSeconds(3600);
        long firstVisit = ordersOf(v1.id()).stream().filter(r -> ((java.sql.Timestamp) r.get("window_start")).toInstant().isAfter(soon))
                .map(r -> ((Number) r.get("id")).longValue()).findFirst().orElseThrow();
        boolean ownProvider = dispatch.operatorProvider(op) == v1.providerId();
        if (ownProvider) {
            dispatch.accept(firstVisit, op);
        }

        Instant signedAt = Instant.now();
        CarePlan v2 = signed(elderId, List.of(line("HOME_VISIT", 1, Period.WEEK, List.of(5), "09:00", "11:00")), j);
        settled(v2.id());
        await("old version's orders cancelled", () -> ordersOf(v1.id()).stream()
                .filter(r -> ((java.sql.Timestamp) r.get("window_start")).toInstant().isAfter(signedAt)).allMatch(r -> r.get("status").equals("CANCELLED")));
        assertThat(ordersOf(v1.id())).isNotEmpty();
        assertThat(ordersOf(v2.id())).extracting(r -> r.get("status")).containsOnly("PENDING");
        assertThat(jdbc.sql("select count(*) from dispatch_order_event e join dispatch_order o on o.id = e.order_id where o.care_plan_id = ? and e.action = 'CANCELLED'")
                .param(v1.id()).query(Long.class).single()).isPositive();
        if (ownProvider) {
            assertThat(dispatch.get(firstVisit, op).status()).isEqualTo(OrderStatus.CANCELLED);
        }

        Instant endedAt = Instant.now();
        plans.end(v2.id(), EndReason.WITHDRAWN, "家属申请退出", j);
        await("ended plan's orders cancelled", () -> ordersOf(v2.id()).stream()
                .filter(r -> ((java.sql.Timestamp) r.get("window_start")).toInstant().isAfter(endedAt)).allMatch(r -> r.get("status").equals("CANCELLED")));
        // an ended plan generates nothing more
        assertThat(dispatch.generate(v2.id(), dispatch.today(), dispatch.today().plusDays(30), Instant.now())).isZero();
    }

    @Test
    void anElderWhoDiesLeavesNoActivePlanNoPlanInPreparationNoUnstartedOrdersAndNoOpenTask() throws Exception {
        Jurisdiction j = street();
        long elderId = freshElder();
        CarePlan active = signed(elderId, List.of(line("HOME_VISIT", 2, Period.WEEK, List.of(), "09:00", "11:00")), j);
        settled(active.id());
        CarePlan draft = plans.draft(elderId, new CarePlanManagement.NewPlan(active.providerId(), "加一项助浴", true), j);
        Jurisdiction events = new Jurisdiction(0, "system", "/", false, java.util.Set.of("ASSESSMENT_EVENTS"));
        AssessmentTask reassessment = assessments.recordHealthEvent(elderId, HealthEventType.FALL, LocalDate.now(ZONE), "卫生间滑倒", events);
        assertThat(reassessment.status()).isEqualTo(AssessmentTask.Status.OPEN);

        Instant diedAt = Instant.now();
        elders.changeStatus(elderId, ElderStatus.DECEASED, LocalDate.now(ZONE), j);

        await("the active plan ended", () -> plans.get(active.id(), j).status() == CarePlanStatus.ENDED);
        assertThat(plans.get(active.id(), j).milestones().endReason()).isEqualTo(EndReason.DECEASED);
        assertThat(plans.get(draft.id(), j).status()).isEqualTo(CarePlanStatus.ENDED);
        assertThat(plans.get(draft.id(), j).milestones().endReason()).isEqualTo(EndReason.ABANDONED);
        await("its unstarted orders cancelled", () -> ordersOf(active.id()).stream()
                .filter(r -> ((java.sql.Timestamp) r.get("window_start")).toInstant().isAfter(diedAt)).allMatch(r -> r.get("status").equals("CANCELLED")));
        assertThat(plans.active(elderId, j)).isEmpty();
        await("the reassessment task closed", () -> jdbc.sql("select status from assessment_task where id = ?").param(reassessment.id())
                .query(String.class).single().equals("DONE"));
    }

    @Test
    void aNewVersionKeepsTheCaregiverOfTheSameVisitWhereItCan() throws Exception {
        Jurisdiction j = street();
        Jurisdiction op = users.jurisdictionOf("provider1").orElseThrow();
        long provider = dispatch.operatorProvider(op);
        long elderId = freshElder();
        List<LineInput> lines = List.of(line("HOME_VISIT", 1, Period.WEEK, List.of(4), "09:00", "11:00"));
        CarePlan v1 = signedWith(provider, elderId, lines, j);
        settled(v1.id());
        Instant soon = Instant.now().plusSeconds(3600);
        List<Long> future = ordersOf(v1.id()).stream().filter(r -> ((java.sql.Timestamp) r.get("window_start")).toInstant().isAfter(soon))
                .map(r -> ((Number) r.get("id")).longValue()).toList();
        assertThat(future).hasSizeGreaterThanOrEqualTo(2);
        long kept = future.get(0);
        dispatch.accept(kept, op);
        long caregiver = dispatch.eligibleCaregivers(kept, op).stream().filter(DispatchManagement.CaregiverOption::assignable).findFirst()
                .orElseThrow().userId();
        dispatch.assign(kept, caregiver, op);
        Instant keptStart = dispatch.get(kept, op).windowStart();

        // version 2: the same weekly visit plus a new errand line
        CarePlan v2 = signedWith(provider, elderId, List.of(lines.get(0), line("ERRAND", 4, Period.MONTH, List.of(), "14:00", "17:00")), j);
        settled(v2.id());
        await("the caregiver carried over", () -> jdbc.sql("select count(*) from dispatch_order where care_plan_id = ? and status = 'ASSIGNED'")
                .param(v2.id()).query(Long.class).single() == 1);
        assertThat(dispatch.get(kept, op).status()).isEqualTo(OrderStatus.CANCELLED);
        Map<String, Object> same = jdbc.sql("select id, status, caregiver_user_id from dispatch_order where care_plan_id = ? and window_start = ?")
                .params(v2.id(), java.sql.Timestamp.from(keptStart)).query().singleRow();
        assertThat(same.get("status")).isEqualTo("ASSIGNED");
        assertThat(((Number) same.get("caregiver_user_id")).longValue()).isEqualTo(caregiver);
        assertThat(jdbc.sql("select detail from dispatch_order_event where order_id = ? and action = 'ACCEPTED'")
                .param(((Number) same.get("id")).longValue()).query(String.class).single()).contains("carried over");
        // every other order of the new version waits for the provider, the unassigned old ones were not carried
        assertThat(ordersOf(v2.id())).filteredOn(r -> !r.get("id").equals(same.get("id"))).extracting(r -> r.get("status")).containsOnly("PENDING");
    }

    CarePlan signedWith(long provider, long elderId, List<LineInput> lines, Jurisdiction j) {
        CarePlan d = plans.draft(elderId, new CarePlanManagement.NewPlan(provider, "IT", false), j);
        d = plans.replaceLines(d.id(), lines, j);
        if (d.needsConsent()) {
            plans.recordConsent(d.id(), new CarePlanManagement.ConsentInput("李伟", "子女", d.excessFen()), j);
        }
        plans.submit(d.id(), j);
        return plans.sign(d.id(), new CarePlanManagement.SignInput(SignerType.ELDER, "老人", SignatureMethod.FINGERPRINT, null, "社工 王丽"), j);
    }

    @Test
    void anUrgentRequestBecomesOneUrgentHomeVisit() {
        long elderId = freshElder();
        var first = dispatch.requestUrgentVisit(new UrgentVisitRequested(elderId, "VOICE_CALLS_UNANSWERED", "voice-call:IT-" + elderId + ":1", "连续三天未接听",
                Instant.now()));
        assertThat(first).isPresent();
        assertThat(first.get().priority()).isEqualTo(OrderPriority.URGENT);
        assertThat(first.get().source()).isEqualTo(OrderSource.URGENT);
        assertThat(first.get().itemCode()).isEqualTo("HOME_VISIT");
        assertThat(first.get().status()).isEqualTo(OrderStatus.PENDING);
        // the same reference again, or another while one is open: nothing new
        assertThat(dispatch.requestUrgentVisit(new UrgentVisitRequested(elderId, "VOICE_CALLS_UNANSWERED", "voice-call:IT-" + elderId + ":1", null,
                Instant.now()))).isEmpty();
        assertThat(dispatch.requestUrgentVisit(new UrgentVisitRequested(elderId, "VOICE_CALLS_UNANSWERED", "voice-call:IT-" + elderId + ":2", null,
                Instant.now()))).isEmpty();
        assertThat(jdbc.sql("select count(*) from dispatch_order where elder_id = ? and source = 'URGENT'").param(elderId).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void theUrgentVisitEventIsHeardAfterItsTransactionCommits() throws Exception {
        long elderId = freshElder();
        tx.executeWithoutResult(s -> events.publishEvent(new UrgentVisitRequested(elderId, "VOICE_CALLS_UNANSWERED", "voice-call:IT-event-" + elderId,
                "连续三天未接听", Instant.now())));
        await("the urgent order", () -> jdbc.sql("select count(*) from dispatch_order where elder_id = ? and source = 'URGENT' and priority = 'URGENT'")
                .param(elderId).query(Long.class).single() == 1);
    }
}
