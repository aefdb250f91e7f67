package org.jujia.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jujia.access.UserAccounts;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.jujia.support.StaffFixtures;
import org.jujia.workforce.Workforce;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Orders and bookings over HTTP: a booking with bad fields answers one problem naming each; a family's booking is
 * priced and scoped to their elder; each role sees only its orders; assignments are refused over HTTP for another
 * provider's caregiver, a missing qualification, and a clash by one minute (touching is fine); the street moves a
 * refused order to another provider; a family cancels their own booking but not others' orders.
 */
@IntegrationTest
class DispatchApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts users;

    @Autowired
    DispatchManagement dispatch;

    @Autowired
    Workforce workforce;

    @Autowired
    DispatchEventProbe probe;

    static void assertProblem(Api.Response r, int status, String... fields) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(r.json().get("errors").findValuesAsString("field")).as(r.body()).contains(fields);
    }

    static Map<String, Object> booking(long elderId, String item, LocalDate date, String from, String to, Integer quantity) {
        Map<String, Object> m = new HashMap<>();
        m.put("elderId", elderId);
        m.put("itemCode", item);
        m.put("date", date.toString());
        m.put("windowFrom", from);
        m.put("windowTo", to);
        m.put("quantity", quantity);
        return m;
    }

    long familyElder() {
        return Api.as(port, "family1").get("/api/v1/elders?size=5").json().get("content").get(0).get("id").asLong();
    }

    long userId(String username) {
        return users.findByUsername(username).orElseThrow().id();
    }

    long provider1() {
        return users.findByUsername("provider1").orElseThrow().organisationId();
    }

    /** An elder of street 1 other than family1's. */
    long otherStreet1Elder(long not) {
        JsonNode page = Api.as(port, "street1").get("/api/v1/elders?size=20&sort=id").json();
        for (JsonNode e : page.get("content")) {
            if (e.get("id").asLong() != not) {
                return e.get("id").asLong();
            }
        }
        throw new AssertionError("no other elder");
    }

    @Test
    void aBookingWithBadFieldsNamesEveryOne() {
        Api family = Api.as(port, "family1");
        long other = otherStreet1Elder(familyElder());
        LocalDate tooLate = dispatch.today().plusDays(61);
        var r = family.post("/api/v1/bookings", booking(other, "VOICE_CALL", tooLate, "11:00", "09:00", 0));
        assertProblem(r, 400, "elderId", "itemCode", "date", "windowTo", "quantity");
        var missing = family.post("/api/v1/bookings", Map.of("note", "x"));
        assertProblem(missing, 400, "elderId", "itemCode", "date", "windowFrom", "windowTo");
        var unknown = family.post("/api/v1/bookings", booking(familyElder(), "NO_SUCH_ITEM", dispatch.today().plusDays(2), "09:00", "10:00", 1));
        assertProblem(unknown, 400, "itemCode");
        var perVisit = family.post("/api/v1/bookings", booking(familyElder(), "HAIRCUT", dispatch.today().plusDays(2), "09:00", "10:00", 2));
        assertProblem(perVisit, 400, "quantity");
        // families book from today on; the last day ahead is accepted
        var yesterday = family.post("/api/v1/bookings", booking(familyElder(), "HAIRCUT", dispatch.today().minusDays(1), "09:00", "10:00", 1));
        assertProblem(yesterday, 400, "date");
        var lastDay = family.post("/api/v1/bookings", booking(familyElder(), "HAIRCUT", dispatch.today().plusDays(60), "09:00", "10:00", 1));
        assertThat(lastDay.status()).as(lastDay.body()).isEqualTo(201);
    }

    @Test
    void aFamilyBookingIsPricedAndScopedAndTheFamilyMayCancelIt() {
        Api family = Api.as(port, "family1");
        long elder = familyElder();
        var r = family.post("/api/v1/bookings", booking(elder, "HAIRCUT", dispatch.today().plusDays(4), "09:00", "11:00", 1));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode o = r.json();
        assertThat(o.get("source").asText()).isEqualTo("BOOKING");
        assertThat(o.get("status").asText()).isEqualTo("PENDING");
        assertThat(o.get("unitPriceFen").asLong()).isEqualTo(2000);
        assertThat(o.get("amountFen").asLong()).isEqualTo(2000);
        assertThat(o.get("providerId").asLong()).isEqualTo(provider1());
        assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/api/v1/orders/" + o.get("id").asLong());

        // the family sees only their elder's orders; another elder's order is not found
        JsonNode mine = family.get("/api/v1/orders?from=" + dispatch.today().minusDays(7) + "&to=" + dispatch.today().plusDays(60)).json();
        assertThat(mine.size()).isPositive();
        assertThat(mine.findValuesAsString("elderId")).containsOnly(String.valueOf(elder));
        long othersOrder = jdbc.sql("select id from dispatch_order where elder_id <> ? order by id limit 1").param(elder).query(Long.class).single();
        assertThat(family.get("/api/v1/orders/" + othersOrder).status()).isEqualTo(404);
        assertThat(family.post("/api/v1/orders/" + othersOrder + "/cancel", Map.of("reason", "x")).status()).isEqualTo(404);
        assertThat(family.post("/api/v1/orders/" + o.get("id").asLong() + "/accept", Map.of()).status()).isEqualTo(403);

        var cancelled = family.post("/api/v1/orders/" + o.get("id").asLong() + "/cancel", Map.of("reason", "改期"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(probe.cancelled()).anyMatch(e -> e.orderId() == o.get("id").asLong() && e.reason().equals("改期") && e.caregiverUserId() == null);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
        JsonNode detail = family.get("/api/v1/orders/" + o.get("id").asLong()).json();
        assertThat(detail.get("history").findValuesAsString("action")).containsExactly("CREATED", "CANCELLED");
    }

    @Test
    void eachRoleSeesOnlyItsOrders() {
        LocalDate from = dispatch.today().minusDays(7);
        LocalDate to = dispatch.today().plusDays(14);
        String range = "?from=" + from + "&to=" + to;
        JsonNode provider = Api.as(port, "provider1").get("/api/v1/orders" + range).json();
        assertThat(provider.size()).isPositive();
        assertThat(provider.findValuesAsString("providerId")).containsOnly(String.valueOf(provider1()));
        JsonNode caregiver = Api.as(port, "caregiver1").get("/api/v1/orders" + range).json();
        assertThat(caregiver.size()).as("the demo keeps caregiver1 busy").isGreaterThanOrEqualTo(8);
        assertThat(caregiver.findValuesAsString("caregiverUserId")).containsOnly(String.valueOf(userId("caregiver1")));
        JsonNode street = Api.as(port, "street1").get("/api/v1/orders" + range).json();
        String streetPath = users.jurisdictionOf("street1").orElseThrow().scopePath();
        assertThat(street.findValuesAsString("regionPath")).allMatch(p -> p.startsWith(streetPath));
        // red first within a day
        JsonNode today = Api.as(port, "street1").get("/api/v1/orders?from=" + dispatch.today() + "&to=" + dispatch.today()).json();
        int last = -1;
        for (JsonNode o : today) {
            int rank = OrderPriority.valueOf(o.get("priority").asText()).ordinal();
            assertThat(rank).isGreaterThanOrEqualTo(last);
            last = rank;
        }
        // a caregiver cannot manage orders
        long any = provider.get(0).get("id").asLong();
        assertThat(Api.as(port, "caregiver1").post("/api/v1/orders/" + any + "/accept", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void thePickerTellsWhoWouldWorkOutsideTheirShift() throws Exception {
        Api op = Api.as(port, "provider1");
        long elder = otherStreet1Elder(familyElder());
        LocalDate day = dispatch.today().plusDays(11);
        // a new caregiver of provider1 on the evening shift
        long evening = StaffFixtures.newCaregiver(users, workforce, "晚班护理员", "晚班 14:00-22:00", dispatch.today()).userId();

        long morning = accepted(op, booking(elder, "HOME_VISIT", day, "09:00", "10:00", 1));
        long afternoon = accepted(op, booking(elder, "HOME_VISIT", day, "15:00", "16:00", 1));
        JsonNode atNine = option(op.get("/api/v1/orders/" + morning + "/eligible-caregivers").json(), evening);
        assertThat(atNine.get("offShift").asBoolean()).isTrue();
        assertThat(atNine.get("shift").get("start").asText()).startsWith("14:00");
        assertThat(option(op.get("/api/v1/orders/" + afternoon + "/eligible-caregivers").json(), evening).get("offShift").asBoolean()).isFalse();
        var page = org.jujia.support.ConsoleLogin.get(org.jujia.support.ConsoleLogin.login(port, "provider1"), port, "/orders/" + morning);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("不在班次内（14:00-22:00）");
    }

    static JsonNode option(JsonNode options, long userId) {
        for (JsonNode c : options) {
            if (c.get("userId").asLong() == userId) {
                return c;
            }
        }
        throw new AssertionError("caregiver " + userId + " is not in the picker");
    }

    @Test
    void assignmentsAreRefusedForAnotherProviderAMissingQualificationAndAClash() {
        Api op = Api.as(port, "provider1");
        long elder = otherStreet1Elder(familyElder());
        LocalDate day = dispatch.today().plusDays(9);
        long cg1 = userId("caregiver1");
        long a = accepted(op, booking(elder, "HOME_VISIT", day, "10:00", "11:00", 1));
        long clash = accepted(op, booking(elder, "HOME_VISIT", day, "10:29", "11:00", 1));
        long touching = accepted(op, booking(elder, "HOME_VISIT", day, "10:30", "11:00", 1));
        long nurse = accepted(op, booking(elder, "NURSE_ROUND", day, "15:00", "16:00", 1));

        // caregiver2 works for provider 2
        assertProblem(op.post("/api/v1/orders/" + a + "/assign", Map.of("caregiverUserId", userId("caregiver2"))), 400, "caregiverUserId");
        assertProblem(op.post("/api/v1/orders/" + a + "/assign", Map.of()), 400, "caregiverUserId");
        var ok = op.post("/api/v1/orders/" + a + "/assign", Map.of("caregiverUserId", cg1));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("status").asText()).isEqualTo("ASSIGNED");
        // 10:00 + 30 minutes: a visit from 10:29 overlaps by one minute, one from 10:30 touches
        var booked = op.post("/api/v1/orders/" + clash + "/assign", Map.of("caregiverUserId", cg1));
        assertProblem(booked, 409, "caregiverUserId");
        assertThat(booked.json().get("detail").asText()).contains("BOOKED");
        var free = op.post("/api/v1/orders/" + touching + "/assign", Map.of("caregiverUserId", cg1));
        assertThat(free.status()).as(free.body()).isEqualTo(200);
        assertThat(probe.created()).anyMatch(e -> e.orderId() == a && e.source() == OrderSource.STAFF);
        OrderAssigned first = probe.assigned().stream().filter(e -> e.orderId() == a).findFirst().orElseThrow();
        assertThat(first.caregiverUserId()).isEqualTo(cg1);
        assertThat(first.previousCaregiverUserId()).isNull();
        assertThat(first.amountFen()).isEqualTo(first.unitPriceFen());
        assertThat(first.elderRegionPath()).startsWith(users.jurisdictionOf("street1").orElseThrow().scopePath());
        // the picker shows caregiver1 booked for the clashing order
        JsonNode options = op.get("/api/v1/orders/" + clash + "/eligible-caregivers").json();
        JsonNode mine = null;
        for (JsonNode c : options) {
            if (c.get("userId").asLong() == cg1) {
                mine = c;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("booked").asBoolean()).isTrue();
        assertThat(mine.get("assignable").asBoolean()).isFalse();
        // caregiver1 is no nurse
        var lacks = op.post("/api/v1/orders/" + nurse + "/assign", Map.of("caregiverUserId", cg1));
        assertProblem(lacks, 409, "caregiverUserId");
        assertThat(lacks.json().get("detail").asText()).contains("LACKS_QUALIFICATION");
        // the clashing order goes to another free caregiver of provider1, then over to caregiver1 later: previousCaregiverUserId names who had it
        long another = -1;
        for (JsonNode c : options) {
            if (c.get("assignable").asBoolean() && c.get("userId").asLong() != cg1) {
                another = c.get("userId").asLong();
                break;
            }
        }
        // unassigning frees the time: 10:29 still overlaps the 10:30 visit, then nothing
        assertThat(op.post("/api/v1/orders/" + a + "/unassign", Map.of("reason", "改派")).json().get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(op.post("/api/v1/orders/" + clash + "/assign", Map.of("caregiverUserId", cg1)).json().get("detail").asText())
                .contains("order " + touching);
        assertThat(op.post("/api/v1/orders/" + touching + "/unassign", Map.of()).status()).isEqualTo(200);
        if (another > 0) {
            assertThat(op.post("/api/v1/orders/" + clash + "/assign", Map.of("caregiverUserId", another)).status()).isEqualTo(200);
        }
        assertThat(op.post("/api/v1/orders/" + clash + "/assign", Map.of("caregiverUserId", cg1)).status()).isEqualTo(200);
        if (another > 0) {
            long previous = another;
            assertThat(probe.assigned()).anyMatch(e -> e.orderId() == clash && e.caregiverUserId() == cg1 && Long.valueOf(previous).equals(e.previousCaregiverUserId()));
        }
        assertThat(probe.unassigned()).anyMatch(e -> e.orderId() == a && e.caregiverUserId() == cg1);
    }

    @Test
    void theStreetMovesARefusedOrderToAnotherProvider() {
        Api op = Api.as(port, "provider1");
        long elder = otherStreet1Elder(familyElder());
        var r = op.post("/api/v1/bookings", booking(elder, "CLEANING_HOME", dispatch.today().plusDays(6), "09:00", "11:00", 1));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        assertProblem(op.post("/api/v1/orders/" + id + "/refuse", Map.of("reason", " ")), 400, "reason");
        var refused = op.post("/api/v1/orders/" + id + "/refuse", Map.of("reason", "人手不足"));
        assertThat(refused.json().get("status").asText()).isEqualTo("REFUSED");

        Api street = Api.as(port, "street1");
        assertThat(op.post("/api/v1/orders/" + id + "/reassign", Map.of("providerId", 1, "reason", "x")).status()).isEqualTo(403);
        assertProblem(street.post("/api/v1/orders/" + id + "/reassign", Map.of("providerId", provider1(), "reason", "同一家")), 400, "providerId");
        long other = jdbc.sql("select id from region_organisation where type = 'SERVICE_PROVIDER' and active and id <> ? order by id limit 1")
                .param(provider1()).query(Long.class).single();
        var moved = street.post("/api/v1/orders/" + id + "/reassign", Map.of("providerId", other, "reason", "原机构人手不足"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("status").asText()).isEqualTo("PENDING");
        assertThat(moved.json().get("providerId").asLong()).isEqualTo(other);
        // provider1 no longer sees it
        assertThat(op.get("/api/v1/orders/" + id).status()).isEqualTo(404);
        assertThat(street.get("/api/v1/orders/" + id).json().get("history").findValuesAsString("action"))
                .containsExactly("CREATED", "REFUSED", "MOVED");
    }

    long accepted(Api op, Map<String, Object> booking) {
        var r = op.post("/api/v1/bookings", booking);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("source").asText()).isEqualTo("STAFF");
        long id = r.json().get("id").asLong();
        var a = op.post("/api/v1/orders/" + id + "/accept", Map.of());
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return id;
    }

    @Test
    void bulkAcceptSkipsOrdersNoLongerPending() {
        Api op = Api.as(port, "provider1");
        long elder = otherStreet1Elder(familyElder());
        LocalDate day = dispatch.today().plusDays(11);
        long x = op.post("/api/v1/bookings", booking(elder, "HAIRCUT", day, "14:00", "15:00", 1)).json().get("id").asLong();
        long y = op.post("/api/v1/bookings", booking(elder, "HAIRCUT", day, "16:00", "17:00", 1)).json().get("id").asLong();
        op.post("/api/v1/orders/" + y + "/accept", Map.of());
        JsonNode r = op.post("/api/v1/orders/accept", Map.of("ids", List.of(x, y))).json();
        assertThat(r.findValuesAsString("id")).containsExactly(String.valueOf(x));
    }
}
