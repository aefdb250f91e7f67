package org.jujia.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jujia.visit.VisitFixtures.north;
import static org.jujia.visit.VisitFixtures.photo;
import static org.jujia.visit.VisitFixtures.reading;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.jujia.shared.GeoPoint;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The visit's whole path against PostgreSQL over HTTP: dispatch's OrderAssigned schedules a visit (moved on
 * reassignment, withdrawn on cancellation unless started), check-in and check-out with verification, a flagged visit
 * reviewed as fraud (3× penalty, blacklist proposal), confirmation by PIN and by the family, a dispute opening a
 * complaint, rating once.
 */
@IntegrationTest
class VisitFlowIT {

    @LocalServerPort
    int port;

    @Autowired
    VisitFixtures fx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    VisitEventProbe probe;

    static Instant hoursAgo(double h) {
        return Instant.now().minus(Duration.ofMinutes((long) (h * 60))).truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * About {@code h} hours ago, moved by whole hours (closest first) to a time when the caregiver has no other visit
     * within two hours — the demo's visits depend on the time of day the tests run, and an overlap would flag the visit.
     */
    Instant freeHoursAgo(long caregiver, double h) {
        for (int d = 0; d <= 10; d++) {
            for (int sign : new int[] { -1, 1 }) {
                double hours = h + sign * d;
                if (hours < 4 || hours > 68) {
                    continue; // keep the visit in the past and its capture inside the 72-hour limit
                }
                Instant at = hoursAgo(hours);
                long busy = jdbc.sql("""
                        select count(*) from visit where caregiver_user_id = ? and status <> 'CANCELLED'
                           and coalesce(in_captured_at, window_start) < ? and coalesce(out_captured_at, window_end) > ?""")
                        .params(caregiver, java.sql.Timestamp.from(at.plus(Duration.ofHours(2))), java.sql.Timestamp.from(at.minus(Duration.ofHours(2))))
                        .query(Long.class).single();
                if (busy == 0) {
                    return at;
                }
            }
        }
        throw new IllegalStateException("caregiver " + caregiver + " has no free slot near " + h + " hours ago");
    }

    @Test
    void an_assignment_schedules_a_visit_that_follows_reassignment_and_cancellation() {
        long cg2 = fx.userId("caregiver2");
        long cg5 = fx.userId("caregiver5");
        long elder = fx.otherElder(3);
        Instant start = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES);
        long[] ov = fx.assign(elder, "BATHING_HOME", cg2, start, 60, 13500);
        long visit = ov[1];
        Api c2 = Api.as(port, "caregiver2");
        JsonNode v = c2.get("/api/v1/visits/" + visit).json();
        assertThat(v.get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(v.get("amountFen").asLong()).isEqualTo(13500);
        assertThat(v.get("itemName").asText()).contains("助浴");
        assertThat(v.get("checks").size()).isEqualTo(3);
        assertThat(v.get("elder").get("latitude").isNumber()).isTrue();
        assertThat(v.has("pin")).isFalse();
        assertThat(v.get("confirmationPin").isNull()).isTrue();

        // moved to another caregiver: the same visit, the old caregiver no longer sees it
        fx.reassign(ov[0], elder, "BATHING_HOME", cg2, cg5, start);
        fx.awaitCaregiver(visit, cg5);
        assertThat(c2.get("/api/v1/visits/" + visit).status()).isEqualTo(404);
        assertThat(Api.as(port, "caregiver5").get("/api/v1/visits/" + visit).json().get("status").asText()).isEqualTo("SCHEDULED");
        assertThat(jdbc.sql("select count(*) from visit where order_id = ?").param(ov[0]).query(Long.class).single()).isEqualTo(1);

        // a stale unassignment of the previous caregiver changes nothing; cancellation withdraws the visit
        fx.unassign(ov[0], cg2);
        fx.cancel(ov[0], cg5);
        fx.awaitStatus(visit, "CANCELLED");

        // a started visit is never dropped
        long[] started = fx.assign(elder, "HOME_VISIT", cg5, Instant.now().truncatedTo(ChronoUnit.MINUTES), 30, 3000);
        GeoPoint home = fx.home(elder);
        Api c5 = Api.as(port, "caregiver5");
        assertThat(c5.post("/api/v1/visits/" + started[1] + "/check-in", reading(home, 10, Instant.now(), photo())).status()).isEqualTo(200);
        fx.cancel(started[0], cg5);
        VisitFixtures.await(() -> jdbc.sql("select 1::bigint from visit where id = ? and order_cancelled_at is not null").param(started[1])
                .query(Long.class).optional());
        assertThat(fx.status(started[1])).isEqualTo("IN_PROGRESS");
    }

    @Test
    void a_verified_visit_is_confirmed_by_pin_and_rated_once_by_the_family() {
        long cg1 = fx.userId("caregiver1");
        long elder = fx.family1Elder();
        GeoPoint home = fx.home(elder);
        Instant in = freeHoursAgo(cg1, 50);
        long visit = fx.assign(elder, "BATHING_HOME", cg1, in.minus(Duration.ofMinutes(5)), 60, 13500)[1];
        Api caregiver = Api.as(port, "caregiver1");
        Api family = Api.as(port, "family1");

        Api.Response r = caregiver.post("/api/v1/visits/" + visit + "/check-in", reading(north(home, 40), 15, in, photo()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode v = r.json();
        assertThat(v.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(v.get("flags").size()).isZero();
        assertThat(v.get("checkIn").get("faceScore").asInt()).isBetween(92, 99);
        assertThat(v.get("checkIn").get("distanceMeters").asDouble()).isBetween(39.0, 41.0);
        assertThat(v.get("checkIn").get("serviceType").asText()).isEqualTo("BATHING_HOME");
        assertThat(v.get("checkIn").get("caregiverUserId").asLong()).isEqualTo(cg1);

        Map<String, Object> out = reading(north(home, 20), 8, in.plus(Duration.ofMinutes(55)), photo());
        out.put("record", Map.of("measurements", Map.of("water_temperature_c", 39.5, "heart_rate_bpm", 82, "spo2_percent", 97), "notes", "顺利",
                "tasks", java.util.List.of("助浴", "更衣")));
        r = caregiver.post("/api/v1/visits/" + visit + "/check-out", out);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        v = r.json();
        assertThat(v.get("status").asText()).as(r.body()).isEqualTo("VERIFIED");
        assertThat(v.get("billable").asBoolean()).isTrue();
        assertThat(v.get("actualMinutes").asInt()).isEqualTo(55);
        assertThat(v.get("record").get("outOfBounds").get(0).asText()).isEqualTo("water_temperature_c");
        assertThat(v.get("record").get("measurements").get("water_temperature_c").asDouble()).isEqualTo(39.5);
        assertThat(probe.of(VisitVerified.class)).anyMatch(e -> e.visitId() == visit && e.amountFen() == 13500);
        assertThat(probe.of(VisitCompleted.class)).anyMatch(e -> e.visitId() == visit && e.actualMinutes() == 55);

        // the family sees the PIN, the caregiver does not
        String pin = family.get("/api/v1/visits/" + visit).json().get("confirmationPin").asText();
        assertThat(pin).hasSize(4);
        assertThat(caregiver.get("/api/v1/visits/" + visit).json().get("confirmationPin").isNull()).isTrue();
        String wrong = pin.equals("0000") ? "1111" : "0000";
        r = caregiver.post("/api/v1/visits/" + visit + "/confirmation", Map.of("outcome", "CONFIRMED", "method", "PIN", "code", wrong));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("code");
        r = caregiver.post("/api/v1/visits/" + visit + "/confirmation", Map.of("outcome", "CONFIRMED", "method", "PIN", "code", pin));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(r.json().get("confirmation").get("method").asText()).isEqualTo("PIN");
        assertThat(probe.of(VisitConfirmed.class)).anyMatch(e -> e.visitId() == visit && e.method() == ConfirmationMethod.PIN);

        r = family.post("/api/v1/visits/" + visit + "/rating", Map.of("stars", 5, "comment", "很细心"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("rating").get("stars").asInt()).isEqualTo(5);
        assertThat(family.post("/api/v1/visits/" + visit + "/rating", Map.of("stars", 4)).status()).isEqualTo(409);
        assertThat(family.post("/api/v1/visits/" + visit + "/rating", Map.of("stars", 6)).json().get("field").asText()).isEqualTo("stars");
        assertThat(caregiver.post("/api/v1/visits/" + visit + "/rating", Map.of("stars", 1)).status()).isEqualTo(403);
    }

    @Test
    void a_flagged_visit_reviewed_as_fraud_records_three_times_the_amount_and_proposes_the_blacklist() {
        long cg4 = fx.userId("caregiver4");
        long elder = fx.family1Elder();
        GeoPoint home = fx.home(elder);
        Instant in = freeHoursAgo(cg4, 30);
        long visit = fx.assign(elder, "HOME_VISIT", cg4, in, 30, 3000)[1];
        Api caregiver = Api.as(port, "caregiver4");
        JsonNode v = caregiver.post("/api/v1/visits/" + visit + "/check-in", reading(north(home, 800), 10, in, photo())).json();
        assertThat(v.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(v.get("flags").toString()).contains("OUTSIDE_GEOFENCE");
        v = caregiver.post("/api/v1/visits/" + visit + "/check-out", reading(north(home, 800), 10, in.plus(Duration.ofMinutes(5)), photo())).json();
        assertThat(v.get("status").asText()).isEqualTo("FLAGGED");
        assertThat(v.get("flags").toString()).contains("OUTSIDE_GEOFENCE", "TOO_SHORT");
        assertThat(v.get("billable").asBoolean()).isFalse();
        assertThat(v.get("findings").toString()).contains("800 m from home");
        assertThat(probe.of(VisitFlagged.class)).anyMatch(e -> e.visitId() == visit && e.flags().contains(VisitFlag.TOO_SHORT));

        Api provider = Api.as(port, "provider1");
        assertThat(provider.get("/api/v1/visits/review-queue").json().findValuesAsString("id")).isNotNull();
        assertThat(provider.get("/api/v1/visits/review-queue").body()).contains("\"id\":" + visit + ",");
        assertThat(caregiver.post("/api/v1/visits/" + visit + "/review", Map.of("decision", "FRAUD", "note", "x")).status()).isEqualTo(403);
        Api.Response r = provider.post("/api/v1/visits/" + visit + "/review", Map.of("decision", "FRAUD"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("note");

        // the reviewer looks at the photo next to the enrolled face: audited
        assertThat(provider.getBytes("/api/v1/visits/" + visit + "/photos/CHECK_IN").statusCode()).isEqualTo(200);
        assertThat(provider.getBytes("/api/v1/visits/" + visit + "/enrolled-face").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from privacy_audit_log where subject_type = 'VISIT' and subject_id = ? and fields = 'check_in_photo'")
                .param(String.valueOf(visit)).query(Long.class).single()).isEqualTo(1);
        assertThat(caregiver.getBytes("/api/v1/visits/" + visit + "/photos/CHECK_IN").statusCode()).isEqualTo(403);

        r = provider.post("/api/v1/visits/" + visit + "/review", Map.of("decision", "FRAUD", "note", "定位在 800 米外，五分钟签退"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        v = r.json();
        assertThat(v.get("status").asText()).isEqualTo("FRAUD_CONFIRMED");
        assertThat(v.get("billable").asBoolean()).isFalse();
        assertThat(v.get("penalty").get("penaltyFen").asLong()).isEqualTo(9000);
        assertThat(jdbc.sql("select status from workforce_blacklist where user_id = ? and reference = ?").params(cg4, "visit:" + visit)
                .query(String.class).single()).isEqualTo("PROPOSED");
        assertThat(probe.of(VisitFraudConfirmed.class)).anyMatch(e -> e.visitId() == visit && e.penaltyFen() == 9000 && e.amountFen() == 3000);
        assertThat(provider.post("/api/v1/visits/" + visit + "/review", Map.of("decision", "CLEAR", "note", "again")).status()).isEqualTo(409);

        JsonNode counts = provider.get("/api/v1/visits/flag-counts").json();
        assertThat(counts.get("caregivers").toString()).contains("\"key\":" + cg4);
        // every IT of this JVM shares the database: leave caregiver4 assignable for the others
        jdbc.sql("delete from workforce_blacklist where user_id = ? and reference = ?").params(cg4, "visit:" + visit).update();
    }

    @Test
    void a_check_out_without_check_in_is_kept_and_flagged_then_cleared_with_a_note() {
        long cg7 = fx.userId("caregiver7");
        long elder = fx.otherElder(5);
        GeoPoint home = fx.home(elder);
        Instant at = freeHoursAgo(cg7, 20);
        long visit = fx.assign(elder, "HOME_VISIT", cg7, at.minus(Duration.ofMinutes(30)), 30, 3000)[1];
        JsonNode v = Api.as(port, "caregiver7").post("/api/v1/visits/" + visit + "/check-out", reading(home, 5, at, photo())).json();
        assertThat(v.get("status").asText()).isEqualTo("FLAGGED");
        assertThat(v.get("flags").toString()).contains("NO_CHECK_IN");
        assertThat(v.get("checkIn").isNull()).isTrue();
        Api street = Api.as(port, "admin");
        v = street.post("/api/v1/visits/" + visit + "/review", Map.of("decision", "CLEAR", "note", "签到时手机无信号，家属电话确认上门")).json();
        assertThat(v.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(v.get("billable").asBoolean()).isTrue();
        assertThat(v.get("review").get("note").asText()).contains("家属电话确认");
        assertThat(probe.of(VisitVerified.class)).anyMatch(e -> e.visitId() == visit && e.cleared());
    }

    @Test
    void the_family_confirms_in_the_app_and_a_dispute_opens_a_complaint() {
        long cg1 = fx.userId("caregiver1");
        long elder = fx.family1Elder();
        GeoPoint home = fx.home(elder);
        Api caregiver = Api.as(port, "caregiver1");
        Api family = Api.as(port, "family1");
        long[] visits = new long[2];
        for (int i = 0; i < 2; i++) {
            Instant in = hoursAgo(60 - i * 3);
            visits[i] = fx.assign(elder, "HOME_VISIT", cg1, in, 30, 3000)[1];
            assertThat(caregiver.post("/api/v1/visits/" + visits[i] + "/check-in", reading(north(home, 10 + i), 5, in, photo())).status()).isEqualTo(200);
            JsonNode v = caregiver.post("/api/v1/visits/" + visits[i] + "/check-out",
                    reading(north(home, 12 + i), 5, in.plus(Duration.ofMinutes(35)), photo())).json();
            assertThat(v.get("status").asText()).as(v.toString()).isEqualTo("VERIFIED");
        }
        JsonNode v = family.post("/api/v1/visits/" + visits[0] + "/confirmation", Map.of("outcome", "CONFIRMED", "method", "APP")).json();
        assertThat(v.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(v.get("billable").asBoolean()).isTrue();

        Api.Response r = family.post("/api/v1/visits/" + visits[1] + "/confirmation", Map.of("outcome", "DISPUTED", "method", "APP"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("reason");
        Map<String, Object> body = new HashMap<>(Map.of("outcome", "DISPUTED", "method", "APP", "reason", "护理员没有来"));
        v = family.post("/api/v1/visits/" + visits[1] + "/confirmation", body).json();
        assertThat(v.get("status").asText()).isEqualTo("DISPUTED");
        assertThat(v.get("billable").asBoolean()).isFalse();
        assertThat(v.get("dispute").get("status").asText()).isEqualTo("OPEN");
        assertThat(jdbc.sql("select reason from visit_dispute where visit_id = ?").param(visits[1]).query(String.class).single()).isEqualTo("护理员没有来");
        assertThat(probe.of(VisitDisputed.class)).anyMatch(e -> e.visitId() == visits[1]);
        assertThat(Api.as(port, "street1").get("/api/v1/visits/review-queue").body()).contains("\"id\":" + visits[1] + ",");
        // the caregiver cannot confirm in the family's place
        assertThat(caregiver.post("/api/v1/visits/" + visits[0] + "/confirmation", Map.of("outcome", "CONFIRMED", "method", "APP")).status())
                .isEqualTo(403);
    }

    @Test
    void capture_times_in_the_future_or_older_than_72_hours_are_refused_naming_captured_at() {
        long cg1 = fx.userId("caregiver1");
        long elder = fx.otherElder(7);
        GeoPoint home = fx.home(elder);
        long visit = fx.assign(elder, "HOME_VISIT", cg1, Instant.now(), 30, 3000)[1];
        Api caregiver = Api.as(port, "caregiver1");
        Api.Response r = caregiver.post("/api/v1/visits/" + visit + "/check-in", reading(home, 5, Instant.now().plus(Duration.ofMinutes(10)), photo()));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("capturedAt");
        r = caregiver.post("/api/v1/visits/" + visit + "/check-in", reading(home, 5, Instant.now().minus(Duration.ofHours(73)), photo()));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("capturedAt");
        r = caregiver.post("/api/v1/visits/" + visit + "/check-in", Map.of("longitude", 120.6, "accuracyMeters", 5, "capturedAt", Instant.now().toString()));
        assertThat(r.json().get("field").asText()).isEqualTo("latitude");
        // an empty photo does not match in the demo simulator
        r = caregiver.post("/api/v1/visits/" + visit + "/check-in", reading(home, 5, Instant.now(), ""));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("flags").toString()).contains("FACE_MISMATCH");
        assertThat(r.json().get("checkIn").get("delayedSync").asBoolean()).isFalse();
        assertThat(caregiver.post("/api/v1/visits/" + visit + "/check-in", reading(home, 5, Instant.now(), photo())).status()).isEqualTo(409);
    }

    @Test
    void the_caregiver_records_the_confirmation_with_an_sms_code_sent_to_the_family() {
        long cg1 = fx.userId("caregiver1");
        long elder = fx.family1Elder();
        GeoPoint home = fx.home(elder);
        Instant in = freeHoursAgo(cg1, 40);
        long visit = fx.assign(elder, "HOME_VISIT", cg1, in, 30, 3000)[1];
        Api caregiver = Api.as(port, "caregiver1");
        assertThat(caregiver.post("/api/v1/visits/" + visit + "/confirmation-code", Map.of()).status()).isEqualTo(409);
        caregiver.post("/api/v1/visits/" + visit + "/check-in", reading(north(home, 15), 6, in, photo()));
        caregiver.post("/api/v1/visits/" + visit + "/check-out", reading(north(home, 18), 6, in.plus(Duration.ofMinutes(32)), photo()));
        long before = jdbc.sql("select coalesce(max(id), 0) from notification_sim_message").query(Long.class).single();
        Api.Response r = caregiver.post("/api/v1/visits/" + visit + "/confirmation-code", Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("sentTo").asText()).contains("****");
        // the simulated SMS gateway received the text with the code
        String payload = jdbc.sql("select payload from notification_sim_message where gateway = 'SMS' and id > ? and payload like ? order by id desc limit 1")
                .params(before, "%确认码%").query(String.class).optional().orElse(null);
        for (int i = 0; i < 200 && payload == null; i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            payload = jdbc.sql("select payload from notification_sim_message where gateway = 'SMS' and id > ? and payload like ? order by id desc limit 1")
                    .params(before, "%确认码%").query(String.class).optional().orElse(null);
        }
        assertThat(payload).isNotNull();
        var m = java.util.regex.Pattern.compile("确认码 (\\d{6})").matcher(payload);
        assertThat(m.find()).isTrue();
        String code = m.group(1);
        String wrong = code.equals("000000") ? "111111" : "000000";
        r = caregiver.post("/api/v1/visits/" + visit + "/confirmation", Map.of("outcome", "CONFIRMED", "method", "SMS", "code", wrong));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("code");
        r = caregiver.post("/api/v1/visits/" + visit + "/confirmation", Map.of("outcome", "CONFIRMED", "method", "SMS", "code", code));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(r.json().get("confirmation").get("method").asText()).isEqualTo("SMS");
    }

    @Test
    void a_drawn_signature_confirms_at_the_door() {
        long cg4 = fx.userId("caregiver4");
        long elder = fx.otherElder(9);
        GeoPoint home = fx.home(elder);
        Instant in = freeHoursAgo(cg4, 10);
        long visit = fx.assign(elder, "HOME_VISIT", cg4, in, 30, 3000)[1];
        Api caregiver = Api.as(port, "caregiver4");
        caregiver.post("/api/v1/visits/" + visit + "/check-in", reading(north(home, 15), 6, in, photo()));
        caregiver.post("/api/v1/visits/" + visit + "/check-out", reading(north(home, 18), 6, in.plus(Duration.ofMinutes(32)), photo()));
        Api.Response r = caregiver.post("/api/v1/visits/" + visit + "/confirmation", Map.of("outcome", "CONFIRMED", "method", "SIGNATURE",
                "signaturePng", java.util.Base64.getEncoder().encodeToString("not a png".getBytes())));
        assertThat(r.json().get("field").asText()).isEqualTo("signaturePng");
        var img = new java.awt.image.BufferedImage(120, 40, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        var out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(img, "png", out);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        r = caregiver.post("/api/v1/visits/" + visit + "/confirmation", Map.of("outcome", "CONFIRMED", "method", "SIGNATURE",
                "signaturePng", "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(out.toByteArray())));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("confirmation").get("signature").asBoolean()).isTrue();
        assertThat(jdbc.sql("select signature_enc from visit where id = ?").param(visit).query(String.class).single()).doesNotContain("iVBOR");
    }

    @Test
    void five_wrong_pins_lock_the_pin() {
        long cg = fx.userId("caregiver7");
        long elder = fx.otherElder(27);
        GeoPoint home = fx.home(elder);
        Instant in = freeHoursAgo(cg, 44);
        long visit = fx.assign(elder, "HOME_VISIT", cg, in, 30, 3000)[1];
        Api caregiver = Api.as(port, "caregiver7");
        caregiver.post("/api/v1/visits/" + visit + "/check-in", reading(north(home, 15), 6, in, photo()));
        caregiver.post("/api/v1/visits/" + visit + "/check-out", reading(north(home, 18), 6, in.plus(Duration.ofMinutes(31)), photo()));
        String pin = jdbc.sql("select pin from visit where id = ?").param(visit).query(String.class).single();
        String wrong = pin.equals("0000") ? "1111" : "0000";
        for (int i = 0; i < 5; i++) {
            assertThat(caregiver.post("/api/v1/visits/" + visit + "/confirmation", Map.of("outcome", "CONFIRMED", "method", "PIN", "code", wrong))
                    .json().get("errors").get(0).get("code").asText()).isEqualTo("mismatch");
        }
        Api.Response r = caregiver.post("/api/v1/visits/" + visit + "/confirmation", Map.of("outcome", "CONFIRMED", "method", "PIN", "code", pin));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("code").asText()).isEqualTo("attempts");
        assertThat(fx.status(visit)).isEqualTo("VERIFIED");
    }
}
