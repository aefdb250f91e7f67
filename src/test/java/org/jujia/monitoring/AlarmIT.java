package org.jujia.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jujia.shared.Jurisdiction;
import org.jujia.support.Api;
import org.jujia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The whole alarm path against the real platform: a device message through the HTTP ingest → rules → alarm →
 * notifications enqueued and delivered by the notification module's demo simulators (120, SMS, app, worker) →
 * timeline; merging of repeated triggers; the lifecycle through the REST API with its guards; escalation at exactly
 * the acknowledgement timeout; jurisdiction scoping; the stateful rules across batches; vital-sign thresholds.
 */
@IntegrationTest
class AlarmIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Jurisdiction READER = new Jurisdiction(0, "system", "/", false, Set.of("ALARM_READ"));
    private static final Jurisdiction INSTALLER = new Jurisdiction(0, "system", "/", false, Set.of("DEVICE_ADMIN"));

    @LocalServerPort
    int port;
    @Autowired
    Devices devices;
    @Autowired
    SignalProcessor processor;
    @Autowired
    AlarmCentre centre;
    @Autowired
    ScheduledChecks checks;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    // ------------------------------------------------------------------ helpers

    private long familyElder() {
        return Api.as(port, "family1").get("/api/v1/elders").json().get("content").get(0).get("id").asLong();
    }

    /** An elder of the given street officer's street, the {@code n}-th newest (tests use different ones). */
    private long elderOf(String officer, int n) {
        return Api.as(port, officer).get("/api/v1/elders?size=50&sort=id,desc&status=ACTIVE").json().get("content").get(n).get("id").asLong();
    }

    private DeviceCredentials install(DeviceType type, long elderId) {
        String serial = "IT-" + type.name().replace("_", "") + "-" + UUID.randomUUID().toString().substring(0, 8);
        return devices.register(new DeviceRegistration(serial, type, elderId, "卧室", LocalDate.now(ZONE), "1.0.0", null), INSTALLER);
    }

    private HttpResponse<String> ingest(DeviceCredentials d, String json) throws Exception {
        String auth = Base64.getEncoder().encodeToString((d.device().serial() + ":" + d.secret()).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ingest/devices/" + d.device().serial() + "/messages"))
                .header("Authorization", "Basic " + auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode waitFor(String what, java.util.function.Supplier<JsonNode> probe, Predicate<JsonNode> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = probe.get();
            if (last != null && done.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what + "; last: " + last);
    }

    private static JsonNode find(JsonNode list, long elderId, String type) {
        for (JsonNode a : list) {
            if (a.get("elderId").asLong() == elderId && a.get("type").asText().equals(type)) {
                return a;
            }
        }
        return null;
    }

    private static List<String> kinds(JsonNode timeline) {
        List<String> out = new ArrayList<>();
        timeline.forEach(e -> out.add(e.get("kind").asText()));
        return out;
    }

    private static DeviceSignal signal(long deviceId, DeviceType type, long elderId, DeviceSignal.Kind kind, String event, Map<String, Object> values,
            Instant at) {
        return new DeviceSignal(deviceId, "SIG-" + deviceId, type, elderId, "卧室", kind, event, values, at, Instant.now(), UUID.randomUUID().toString());
    }

    private void process(DeviceSignal... signals) {
        tx.executeWithoutResult(s -> processor.process(List.of(signals)));
    }

    private Alarm openAlarm(long elderId, AlarmType type) {
        return centre.search(elderId, null, type, null, 0, 10, READER).stream()
                .filter(Alarm::open).findFirst().orElse(null);
    }

    /**
     * Waits until every notification of the alarm is delivered and its receipt is in the timeline: the receipts update
     * the alarm row asynchronously, and a scheduled check skips a row that is locked at that moment.
     */
    private void settle(long alarmId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            var sent = centre.notifications(alarmId, READER);
            long receipts = centre.timeline(alarmId, READER).stream().filter(e -> e.kind().equals("NOTIFIED")).count();
            if (sent.stream().allMatch(n -> n.status().equals("DELIVERED")) && receipts == sent.size()) {
                Thread.sleep(200);
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("notifications of alarm " + alarmId + " did not settle");
    }

    // ------------------------------------------------------------------ the whole path

    @Test
    void anSosThroughTheHttpIngestReaches120TheFamilyAndTheWorkerAndIsHandledToTheEnd() throws Exception {
        long elderId = familyElder();
        DeviceCredentials sos = install(DeviceType.SOS_BUTTON, elderId);
        Api operator = Api.as(port, "operator1");

        String msg = UUID.randomUUID().toString();
        HttpResponse<String> sent = ingest(sos, "{\"msgId\":\"" + msg + "\",\"ts\":\"" + Instant.now() + "\",\"event\":\"SOS\"}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);

        JsonNode alarm = waitFor("the SOS alarm on the board", () -> find(operator.get("/api/v1/alarms").json(), elderId, "SOS"), a -> true);
        long id = alarm.get("id").asLong();
        assertThat(alarm.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(alarm.get("deviceSerial").asText()).isEqualTo(sos.device().serial());
        assertThat(alarm.get("occurredAt").isNull()).isFalse();
        assertThat(alarm.get("receivedAt").isNull()).isFalse();

        // notifications: 120, the family's phone and app, the community worker — delivered by the simulators
        JsonNode detail = waitFor("every notification delivered and the alarm NOTIFIED", () -> operator.get("/api/v1/alarms/" + id).json(), d -> {
            boolean allDelivered = d.get("notifications").size() >= 4;
            for (JsonNode n : d.get("notifications")) {
                allDelivered &= n.get("status").asText().equals("DELIVERED");
            }
            long notifiedEntries = 0;
            for (JsonNode e : d.get("timeline")) {
                notifiedEntries += e.get("kind").asText().equals("NOTIFIED") ? 1 : 0;
            }
            return allDelivered && notifiedEntries == d.get("notifications").size() && d.get("alarm").get("status").asText().equals("NOTIFIED");
        });
        List<String> channels = new ArrayList<>();
        detail.get("notifications").forEach(n -> channels.add(n.get("channel").asText()));
        assertThat(channels).contains("EMERGENCY_120", "SMS", "FAMILY_APP", "COMMUNITY_WORKER");
        assertThat(kinds(detail.get("timeline"))).startsWith("RAISED", "NOTIFICATIONS_QUEUED").contains("NOTIFIED");
        List<String> notifiedBy = new ArrayList<>();
        detail.get("timeline").forEach(e -> {
            if (e.get("kind").asText().equals("NOTIFIED")) {
                notifiedBy.add(e.get("actor").asText());
            }
        });
        assertThat(notifiedBy).contains("EMERGENCY_120", "FAMILY_APP", "COMMUNITY_WORKER");
        assertThat(detail.get("alarm").get("notifiedAt").isNull()).isFalse();

        // a repeated trigger merges into the open alarm; the same message again is a duplicate and changes nothing
        assertThat(ingest(sos, "{\"msgId\":\"" + UUID.randomUUID() + "\",\"event\":\"SOS\"}").statusCode()).isEqualTo(202);
        JsonNode merged = waitFor("the repeated trigger merged", () -> operator.get("/api/v1/alarms/" + id).json(),
                d -> d.get("alarm").get("triggerCount").asInt() == 2);
        assertThat(kinds(merged.get("timeline"))).contains("TRIGGERED_AGAIN");
        assertThat(ingest(sos, "{\"msgId\":\"" + msg + "\",\"event\":\"SOS\"}").body()).contains("DUPLICATE");
        assertThat(find(operator.get("/api/v1/alarms").json(), elderId, "SOS").get("id").asLong()).isEqualTo(id);
        assertThat(operator.get("/api/v1/alarms/" + id).json().get("alarm").get("triggerCount").asInt()).isEqualTo(2);

        // the family sees it too
        Api family = Api.as(port, "family1");
        assertThat(family.get("/api/v1/alarms/" + id).status()).isEqualTo(200);

        // lifecycle with its guards
        assertThat(operator.post("/api/v1/alarms/" + id + "/dispatch", Map.of()).status()).as("dispatch before acknowledgement").isEqualTo(409);
        assertThat(operator.post("/api/v1/alarms/" + id + "/resolve", Map.of("outcome", "SAFE_AT_HOME", "note", "ok")).status()).isEqualTo(409);
        JsonNode acked = operator.post("/api/v1/alarms/" + id + "/acknowledge", Map.of()).json();
        assertThat(acked.get("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(acked.get("acknowledgedBy").asText()).isEqualTo("operator1");
        Api.Response twice = operator.post("/api/v1/alarms/" + id + "/acknowledge", Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("status");

        JsonNode candidates = operator.get("/api/v1/alarms/" + id + "/responders").json();
        assertThat(candidates.size()).isGreaterThan(0);
        double previous = -1;
        long nearestAvailable = -1;
        for (JsonNode c : candidates) {
            assertThat(c.get("km").asDouble()).isGreaterThanOrEqualTo(previous);
            previous = c.get("km").asDouble();
            if (nearestAvailable < 0 && c.get("responder").get("onDuty").asBoolean() && !c.get("responder").get("busy").asBoolean()) {
                nearestAvailable = c.get("responder").get("userId").asLong();
            }
        }
        JsonNode dispatched = operator.post("/api/v1/alarms/" + id + "/dispatch", Map.of()).json();
        assertThat(dispatched.get("status").asText()).isEqualTo("DISPATCHED");
        assertThat(dispatched.get("responderId").asLong()).as("the nearest available responder").isEqualTo(nearestAvailable);

        Api.Response noOutcome = operator.post("/api/v1/alarms/" + id + "/resolve", Map.of("note", "到场"));
        assertThat(noOutcome.status()).isEqualTo(400);
        assertThat(noOutcome.json().get("errors").get(0).get("field").asText()).isEqualTo("outcome");
        Api.Response badOutcome = operator.post("/api/v1/alarms/" + id + "/resolve", Map.of("outcome", "MAYBE", "note", "到场"));
        assertThat(badOutcome.status()).isEqualTo(400);
        assertThat(operator.get("/api/v1/alarms/" + id).json().get("alarm").get("status").asText()).as("nothing half-done").isEqualTo("DISPATCHED");

        JsonNode resolved = operator.post("/api/v1/alarms/" + id + "/resolve", Map.of("outcome", "FALL", "note", "老人卧室跌倒，已扶起，无明显外伤")).json();
        assertThat(resolved.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.get("outcome").asText()).isEqualTo("FALL");
        assertThat(operator.post("/api/v1/alarms/" + id + "/false-alarm", Map.of("note", "x y")).status()).isEqualTo(409);
        JsonNode timeline = operator.get("/api/v1/alarms/" + id + "/timeline").json();
        assertThat(kinds(timeline)).contains("ACKNOWLEDGED", "DISPATCHED", "RESOLVED", "REASSESSMENT_REQUESTED");
        // the fall asked the assessment module for a reassessment
        JsonNode tasks = Api.as(port, "street1").get("/api/v1/assessment-tasks?kind=REASSESSMENT").json();
        boolean found = false;
        for (JsonNode t : tasks) {
            found |= t.get("elderId").asLong() == elderId;
        }
        assertThat(found).as("a reassessment task for the elder").isTrue();

        // a new SOS after resolution is a new alarm
        assertThat(ingest(sos, "{\"msgId\":\"" + UUID.randomUUID() + "\",\"event\":\"SOS\"}").statusCode()).isEqualTo(202);
        JsonNode again = waitFor("a new alarm", () -> find(operator.get("/api/v1/alarms").json(), elderId, "SOS"), a -> true);
        assertThat(again.get("id").asLong()).isNotEqualTo(id);
        operator.post("/api/v1/alarms/" + again.get("id").asLong() + "/false-alarm", Map.of("note", "测试按键"));
    }

    @Test
    void gasClosesTheValveAndTheCommandIsInTheTimeline() throws Exception {
        long elderId = elderOf("street1", 3);
        DeviceCredentials gas = install(DeviceType.GAS, elderId);
        assertThat(ingest(gas, "{\"msgId\":\"" + UUID.randomUUID() + "\",\"event\":\"GAS\",\"ppm\":850}").statusCode()).isEqualTo(202);
        Alarm a = openAlarm(elderId, AlarmType.GAS);
        assertThat(a).isNotNull();
        assertThat(a.severity()).isEqualTo(AlarmSeverity.CRITICAL);
        List<AlarmEvent> timeline = centre.timeline(a.id(), READER);
        assertThat(timeline).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("COMMAND_SENT");
            assertThat(e.detail()).contains("CLOSE_VALVE", gas.device().serial(), "queued");
        });
        assertThat(jdbc.sql("select count(*) from monitoring_command where serial = ? and command = 'CLOSE_VALVE'").param(gas.device().serial())
                .query(Long.class).single()).isEqualTo(1);
        // the valve confirms, the detector clears: both in the timeline, the alarm stays for the operator to close
        assertThat(ingest(gas, "{\"msgId\":\"" + UUID.randomUUID() + "\",\"event\":\"VALVE_CLOSED\"}").statusCode()).isEqualTo(202);
        assertThat(ingest(gas, "{\"msgId\":\"" + UUID.randomUUID() + "\",\"event\":\"GAS_CLEARED\"}").statusCode()).isEqualTo(202);
        assertThat(centre.timeline(a.id(), READER)).extracting(AlarmEvent::kind).contains("VALVE_CLOSED", "DEVICE_CLEARED");
        assertThat(openAlarm(elderId, AlarmType.GAS).id()).isEqualTo(a.id());
        Api.as(port, "operator1").post("/api/v1/alarms/" + a.id() + "/false-alarm", Map.of("note", "燃气表检修"));
    }

    // ------------------------------------------------------------------ scoping

    @Test
    void theAlarmApiIsScopedToTheCallersJurisdiction() {
        long elderId = elderOf("street2", 1);
        process(signal(900_001, DeviceType.WATER_LEAK, elderId, DeviceSignal.Kind.EVENT, "WATER_LEAK", Map.of(), Instant.now()));
        long id = openAlarm(elderId, AlarmType.WATER_LEAK).id();

        assertThat(Api.as(port, "street2").get("/api/v1/alarms/" + id).status()).isEqualTo(200);
        assertThat(Api.as(port, "operator1").get("/api/v1/alarms/" + id).status()).isEqualTo(200);
        assertThat(Api.as(port, "street1").get("/api/v1/alarms/" + id).status()).isEqualTo(404);
        assertThat(Api.as(port, "street1").get("/api/v1/alarms/" + id + "/timeline").status()).isEqualTo(404);
        assertThat(Api.as(port, "family1").get("/api/v1/alarms/" + id).status()).isEqualTo(404);
        assertThat(Api.as(port, "street1").get("/api/v1/alarms?open=false&size=200").body()).doesNotContain("\"id\":" + id + ",");
        assertThat(Api.as(port, "family1").get("/api/v1/alarms?open=false&size=200").json()).allSatisfy(a ->
                assertThat(a.get("elderId").asLong()).isEqualTo(familyElder()));
        assertThat(Api.as(port, "street2").post("/api/v1/alarms/" + id + "/acknowledge", Map.of()).status()).as("no ALARM_HANDLE").isEqualTo(403);
        assertThat(Api.as(port, "caregiver1").get("/api/v1/alarms/" + id).status()).as("no ALARM_READ").isEqualTo(403);
        assertThat(Api.anonymous(port).get("/api/v1/alarms").status()).isEqualTo(401);
        Api.as(port, "operator1").post("/api/v1/alarms/" + id + "/false-alarm", Map.of("note", "传感器受潮"));
    }

    // ------------------------------------------------------------------ escalation

    @Test
    void anUnacknowledgedCriticalAlarmEscalatesAtExactlyTheTimeoutAndAgainByLevel() throws InterruptedException {
        long elderId = elderOf("street2", 2);
        process(signal(900_002, DeviceType.FALL_RADAR, elderId, DeviceSignal.Kind.EVENT, "FALL", Map.of(), Instant.now()));
        Alarm a = openAlarm(elderId, AlarmType.FALL);
        assertThat(a.nextEscalationAt()).isEqualTo(a.raisedAt().plus(Duration.ofSeconds(60)));
        settle(a.id());

        centre.escalateDue(a.raisedAt().plus(Duration.ofSeconds(60)).minusMillis(1));
        assertThat(openAlarm(elderId, AlarmType.FALL).escalationLevel()).as("59.999 s: not yet").isZero();

        centre.escalateDue(a.raisedAt().plus(Duration.ofSeconds(60)));
        settle(a.id());
        Alarm once = openAlarm(elderId, AlarmType.FALL);
        assertThat(once.escalationLevel()).as("at 60 s exactly").isEqualTo(1);
        assertThat(once.nextEscalationAt()).isEqualTo(a.raisedAt().plus(Duration.ofSeconds(120)));
        List<AlarmEvent> timeline = centre.timeline(a.id(), READER);
        assertThat(timeline).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("ESCALATED");
            assertThat(e.detail()).contains("level 1", "operator1", "street2");
        });

        centre.escalateDue(a.raisedAt().plus(Duration.ofSeconds(120)));
        settle(a.id());
        assertThat(openAlarm(elderId, AlarmType.FALL).escalationLevel()).isEqualTo(2);
        assertThat(centre.timeline(a.id(), READER)).filteredOn(e -> e.kind().equals("ESCALATED"))
                .last().satisfies(e -> assertThat(e.detail()).contains("level 2", "admin"));

        assertThat(Api.as(port, "operator1").post("/api/v1/alarms/" + a.id() + "/acknowledge", Map.of()).status()).isEqualTo(200);
        centre.escalateDue(a.raisedAt().plus(Duration.ofSeconds(180)));
        Alarm acked = centre.get(a.id(), READER);
        assertThat(acked.escalationLevel()).as("acknowledged: no more escalation").isEqualTo(2);
        assertThat(acked.nextEscalationAt()).isNull();
        Api.as(port, "operator1").post("/api/v1/alarms/" + a.id() + "/resolve", Map.of("outcome", "SAFE_AT_HOME", "note", "误触，老人安好"));
    }

    // ------------------------------------------------------------------ stateful rules, thresholds

    @Test
    void nightVitalsCountConsecutiveReadingsAcrossBatchesWithTheEldersOwnThresholds() {
        long elderId = elderOf("street1", 4);
        long mattress = 900_003;
        Instant night = LocalDateTime.now(ZONE).minusDays(1).withHour(3).withMinute(0).withSecond(0).withNano(0).atZone(ZONE).toInstant();
        Api street1 = Api.as(port, "street1");

        // personal thresholds: a resting heart rate of 40 is normal for this elder
        Map<String, Object> own = Map.of("heartRateMin", 38, "heartRateMax", 110, "breathingRateMin", 8, "breathingRateMax", 28, "spo2Min", 90,
                "systolicMin", 90, "systolicMax", 180, "diastolicMin", 50, "diastolicMax", 110);
        assertThat(street1.put("/api/v1/elders/" + elderId + "/vital-thresholds", own).status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            process(signal(mattress, DeviceType.MATTRESS, elderId, DeviceSignal.Kind.TELEMETRY, null,
                    Map.of("heartRate", 40, "breathingRate", 14, "presence", true), night.plusSeconds(30L * i)));
        }
        assertThat(openAlarm(elderId, AlarmType.NIGHT_VITALS)).isNull();

        // breathing stops: three readings, one batch each (as if on different nodes), raise the alarm at the third
        Instant later = night.plus(Duration.ofMinutes(10));
        process(signal(mattress, DeviceType.MATTRESS, elderId, DeviceSignal.Kind.TELEMETRY, null, Map.of("heartRate", 60, "breathingRate", 0,
                "presence", true), later));
        process(signal(mattress, DeviceType.MATTRESS, elderId, DeviceSignal.Kind.TELEMETRY, null, Map.of("heartRate", 60, "breathingRate", 0,
                "presence", true), later.plusSeconds(10)));
        assertThat(openAlarm(elderId, AlarmType.NIGHT_VITALS)).isNull();
        assertThat(jdbc.sql("select counter from monitoring_rule_state where device_id = ? and rule = 'NIGHT_VITALS'").param(mattress)
                .query(Integer.class).single()).as("the count survives in the state table").isEqualTo(2);
        process(signal(mattress, DeviceType.MATTRESS, elderId, DeviceSignal.Kind.TELEMETRY, null, Map.of("heartRate", 60, "breathingRate", 0,
                "presence", true), later.plusSeconds(20)));
        Alarm a = openAlarm(elderId, AlarmType.NIGHT_VITALS);
        assertThat(a).isNotNull();
        assertThat(a.severity()).isEqualTo(AlarmSeverity.CRITICAL);
        assertThat(a.summary()).contains("breathing rate 0");

        // two more in one batch: merged, counted
        process(signal(mattress, DeviceType.MATTRESS, elderId, DeviceSignal.Kind.TELEMETRY, null, Map.of("heartRate", 60, "breathingRate", 0,
                "presence", true), later.plusSeconds(30)),
                signal(mattress, DeviceType.MATTRESS, elderId, DeviceSignal.Kind.TELEMETRY, null, Map.of("heartRate", 60, "breathingRate", 0,
                        "presence", true), later.plusSeconds(40)));
        assertThat(openAlarm(elderId, AlarmType.NIGHT_VITALS).triggerCount()).isEqualTo(3);
        assertThat(openAlarm(elderId, AlarmType.NIGHT_VITALS).id()).isEqualTo(a.id());
        Api.as(port, "operator1").post("/api/v1/alarms/" + a.id() + "/false-alarm", Map.of("note", "床垫传感器移位"));
    }

    @Test
    void outOfBedAtNightIsFoundByTheScheduledCheck() {
        long elderId = elderOf("street1", 5);
        DeviceCredentials mattress = install(DeviceType.MATTRESS, elderId);
        Instant exit = LocalDateTime.now(ZONE).minusDays(1).withHour(2).withMinute(0).withSecond(0).withNano(0).atZone(ZONE).toInstant();
        process(signal(mattress.device().id(), DeviceType.MATTRESS, elderId, DeviceSignal.Kind.EVENT, "BED_EXIT", Map.of(), exit));
        assertThat(openAlarm(elderId, AlarmType.OUT_OF_BED)).isNull();
        tx.executeWithoutResult(s -> checks.checkOutOfBed(exit.plus(Duration.ofMinutes(29))));
        assertThat(openAlarm(elderId, AlarmType.OUT_OF_BED)).isNull();
        tx.executeWithoutResult(s -> checks.checkOutOfBed(exit.plus(Duration.ofMinutes(30))));
        Alarm a = openAlarm(elderId, AlarmType.OUT_OF_BED);
        assertThat(a).isNotNull();
        assertThat(a.deviceSerial()).isEqualTo(mattress.device().serial());
        tx.executeWithoutResult(s -> checks.checkOutOfBed(exit.plus(Duration.ofMinutes(45))));
        assertThat(openAlarm(elderId, AlarmType.OUT_OF_BED).triggerCount()).as("once per absence").isEqualTo(1);
        Api.as(port, "operator1").post("/api/v1/alarms/" + a.id() + "/false-alarm", Map.of("note", "老人起夜在客厅"));
    }

    @Test
    void anOfflineDeviceHeardAgainClosesItsAlarmByItself() throws Exception {
        long elderId = elderOf("street1", 7);
        DeviceCredentials door = install(DeviceType.DOOR_CONTACT, elderId);
        Instant now = Instant.now();
        tx.executeWithoutResult(s -> centre.raise(List.of(new Trigger(AlarmType.DEVICE_OFFLINE, elderId, door.device().id(), door.device().serial(),
                DeviceType.DOOR_CONTACT, "入户门", "no heartbeat for 3 h", Map.of(), now, now))));
        Alarm offline = openAlarm(elderId, AlarmType.DEVICE_OFFLINE);
        assertThat(offline).isNotNull();

        centre.clearRecovered(Instant.now());
        // (its status may move from RAISED to NOTIFIED meanwhile: the family and worker notifications are delivered)
        assertThat(centre.get(offline.id(), READER).status().open()).as("not heard since").isTrue();
        assertThat(Api.as(port, "operator1").post("/api/v1/alarms/" + offline.id() + "/resolve",
                Map.of("outcome", "DEVICE_RECOVERED", "note", "设备好了")).status()).as("system only").isEqualTo(400);

        assertThat(ingest(door, "{\"msgId\":\"" + UUID.randomUUID() + "\",\"kind\":\"status\",\"battery\":80}").statusCode()).isEqualTo(202);
        centre.clearRecovered(Instant.now());
        Alarm closed = centre.get(offline.id(), READER);
        assertThat(closed.status()).isEqualTo(AlarmStatus.RESOLVED);
        assertThat(closed.outcome()).isEqualTo(AlarmOutcome.DEVICE_RECOVERED);
        assertThat(closed.closedBy()).isEqualTo("system");
        assertThat(kinds(Api.as(port, "operator1").get("/api/v1/alarms/" + offline.id()).json().get("timeline"))).contains("RESOLVED");
    }

    @Test
    void thresholdsAreValidatedAndOnlyDeviceAdminsEditThem() {
        long elderId = elderOf("street1", 6);
        Api street1 = Api.as(port, "street1");
        JsonNode current = street1.get("/api/v1/elders/" + elderId + "/vital-thresholds").json();
        assertThat(current.get("thresholds").get("heartRateMin").asInt()).isEqualTo(45);
        Api.Response bad = street1.put("/api/v1/elders/" + elderId + "/vital-thresholds", Map.of("heartRateMin", 120, "heartRateMax", 100,
                "breathingRateMin", 8, "breathingRateMax", 28, "spo2Min", 90, "systolicMin", 90, "systolicMax", 180, "diastolicMin", 50,
                "diastolicMax", 110));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("heartRateMax");
        Map<String, Object> valid = Map.of("heartRateMin", 40, "heartRateMax", 100, "breathingRateMin", 8, "breathingRateMax", 28, "spo2Min", 90,
                "systolicMin", 90, "systolicMax", 180, "diastolicMin", 50, "diastolicMax", 110);
        assertThat(Api.as(port, "operator1").put("/api/v1/elders/" + elderId + "/vital-thresholds", valid).status()).isEqualTo(403);
        assertThat(street1.get("/api/v1/elders/" + elderId + "/vital-thresholds").json().get("own").asBoolean()).as("nothing saved").isFalse();
        assertThat(Api.as(port, "street2").get("/api/v1/elders/" + elderId + "/vital-thresholds").status()).isEqualTo(404);
    }

    @Test
    void aBatchOfNormalNightTelemetryRaisesNothingAndStaysCheap() {
        JsonNode elders = Api.as(port, "street1").get("/api/v1/elders?size=100&sort=id,asc&status=ACTIVE").json().get("content");
        Instant night = LocalDateTime.now(ZONE).minusDays(1).withHour(1).withMinute(0).withSecond(0).withNano(0).atZone(ZONE).toInstant();
        // (their door and motion events are a day old: the scheduled inactivity check may rightly raise INACTIVITY meanwhile)
        String count = "select count(*) from monitoring_alarm where type <> 'INACTIVITY' and elder_id in (select (e->>'id')::bigint from jsonb_array_elements(cast(? as jsonb)) e)";
        long before = jdbc.sql(count).param(elders.toString()).query(Long.class).single();
        long[] timings = new long[5];
        for (int round = 0; round < timings.length; round++) {
            List<DeviceSignal> batch = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                long elderId = elders.get(20 + i % 60).get("id").asLong();
                Instant at = night.plusSeconds(round * 60L + i / 60);
                batch.add(switch (i % 5) {
                    case 0 -> signal(700_000 + i % 60, DeviceType.MATTRESS, elderId, DeviceSignal.Kind.TELEMETRY, null,
                            Map.of("heartRate", 62, "breathingRate", 15, "presence", true), at);
                    case 1 -> signal(710_000 + i % 60, DeviceType.WEARABLE, elderId, DeviceSignal.Kind.TELEMETRY, null,
                            Map.of("heartRate", 70, "spo2", 97, "systolic", 128, "diastolic", 80, "steps", 1200), at);
                    case 2 -> signal(720_000 + i % 60, DeviceType.DOOR_CONTACT, elderId, DeviceSignal.Kind.EVENT, "DOOR_CLOSED", Map.of(), at);
                    case 3 -> signal(730_000 + i % 60, DeviceType.SMOKE, elderId, DeviceSignal.Kind.STATUS, null, Map.of("battery", 80), at);
                    default -> signal(740_000 + i % 60, DeviceType.FALL_RADAR, elderId, DeviceSignal.Kind.EVENT, "MOTION", Map.of(), at);
                });
            }
            long t0 = System.nanoTime();
            tx.executeWithoutResult(s -> processor.process(batch));
            timings[round] = (System.nanoTime() - t0) / 1_000_000;
        }
        System.out.println("[AlarmIT] 500-signal night batches through the alarm rules, ms: " + java.util.Arrays.toString(timings));
        assertThat(jdbc.sql(count).param(elders.toString()).query(Long.class).single()).as("normal readings raise nothing").isEqualTo(before);
        assertThat(java.util.Arrays.stream(timings).skip(1).min().orElseThrow()).as("ms for 500 signals").isLessThan(2_000);
    }

    @Test
    void statisticsCountPerTypeWithResponseTimesAndTheFalseAlarmRate() {
        JsonNode s = Api.as(port, "operator1").get("/api/v1/alarms/statistics?days=30").json();
        assertThat(s.get("total").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(s.has("ack_p50")).isTrue();
        assertThat(s.has("false_alarm_rate")).isTrue();
        assertThat(s.get("per_type").isArray()).isTrue();
    }
}
