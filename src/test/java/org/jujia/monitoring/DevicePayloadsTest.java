package org.jujia.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jujia.monitoring.DevicePayloads.Reason;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DevicePayloadsTest {

    final DevicePayloads payloads = new DevicePayloads(JsonMapper.builder().build());

    DevicePayloads.Parsed parse(String json, DeviceSignal.Kind kind) {
        return payloads.parse(json.getBytes(StandardCharsets.UTF_8), kind);
    }

    void rejected(String json, DeviceSignal.Kind kind, Reason reason, String field) {
        var p = parse(json, kind);
        assertThat(p.ok()).as(json).isFalse();
        assertThat(p.rejection().reason()).as(json).isEqualTo(reason);
        assertThat(p.rejection().field()).as(json).isEqualTo(field);
    }

    @Test
    void aWellFormedEventKeepsItsIdTimeEventAndValues() {
        var p = parse("{\"msgId\":\"42\",\"ts\":\"2026-11-29T14:00:00Z\",\"event\":\"sos\",\"lat\":31.3,\"lon\":120.6,\"note\":\"x\"}",
                DeviceSignal.Kind.EVENT);
        assertThat(p.ok()).isTrue();
        assertThat(p.message().msgId()).isEqualTo("42");
        assertThat(p.message().ts()).isEqualTo(Instant.parse("2026-11-29T14:00:00Z"));
        assertThat(p.message().event()).isEqualTo("SOS");
        assertThat(p.message().values()).containsEntry("lat", 31.3).containsEntry("note", "x");
    }

    @Test
    void numbersKeepTheirIntegralNatureAndTsIsOptional() {
        var p = parse("{\"msgId\":7,\"heartRate\":72,\"breathingRate\":15.5,\"presence\":true}", DeviceSignal.Kind.TELEMETRY);
        assertThat(p.ok()).isTrue();
        assertThat(p.message().ts()).isNull();
        assertThat(p.message().values()).containsEntry("heartRate", 72L).containsEntry("breathingRate", 15.5).containsEntry("presence", true);
    }

    @Test
    void malformedPayloadsAreRejectedWithTheirReasonAndField() {
        rejected("", DeviceSignal.Kind.TELEMETRY, Reason.BAD_JSON, null);
        rejected("{\"msgId\":", DeviceSignal.Kind.TELEMETRY, Reason.BAD_JSON, null);
        rejected("[1,2]", DeviceSignal.Kind.TELEMETRY, Reason.BAD_JSON, null);
        rejected("{\"heartRate\":70}", DeviceSignal.Kind.TELEMETRY, Reason.MISSING_FIELD, "msgId");
        rejected("{\"msgId\":\"\",\"heartRate\":70}", DeviceSignal.Kind.TELEMETRY, Reason.WRONG_TYPE, "msgId");
        rejected("{\"msgId\":{\"a\":1},\"heartRate\":70}", DeviceSignal.Kind.TELEMETRY, Reason.WRONG_TYPE, "msgId");
        rejected("{\"msgId\":\"1\",\"ts\":\"yesterday\",\"heartRate\":70}", DeviceSignal.Kind.TELEMETRY, Reason.WRONG_TYPE, "ts");
        rejected("{\"msgId\":\"1\",\"ts\":1732888800,\"heartRate\":70}", DeviceSignal.Kind.TELEMETRY, Reason.WRONG_TYPE, "ts");
        rejected("{\"msgId\":\"1\",\"heartRate\":\"70\"}", DeviceSignal.Kind.TELEMETRY, Reason.WRONG_TYPE, "heartRate");
        rejected("{\"msgId\":\"1\",\"presence\":1}", DeviceSignal.Kind.TELEMETRY, Reason.WRONG_TYPE, "presence");
        rejected("{\"msgId\":\"1\",\"nested\":{\"a\":1}}", DeviceSignal.Kind.TELEMETRY, Reason.WRONG_TYPE, "nested");
        rejected("{\"msgId\":\"1\"}", DeviceSignal.Kind.TELEMETRY, Reason.MISSING_FIELD, "values");
        rejected("{\"msgId\":\"1\",\"battery\":80}", DeviceSignal.Kind.EVENT, Reason.MISSING_FIELD, "event");
        rejected("{\"msgId\":\"1\",\"event\":\"SOS\"}", DeviceSignal.Kind.TELEMETRY, Reason.WRONG_TYPE, "event");
        rejected("{\"msgId\":\"1\",\"event\":42}", DeviceSignal.Kind.EVENT, Reason.WRONG_TYPE, "event");
    }

    @Test
    void rangesAreCheckedAtTheirBoundaries() {
        assertThat(parse("{\"msgId\":\"1\",\"battery\":0}", DeviceSignal.Kind.STATUS).ok()).isTrue();
        assertThat(parse("{\"msgId\":\"1\",\"battery\":100}", DeviceSignal.Kind.STATUS).ok()).isTrue();
        rejected("{\"msgId\":\"1\",\"battery\":101}", DeviceSignal.Kind.STATUS, Reason.OUT_OF_RANGE, "battery");
        rejected("{\"msgId\":\"1\",\"battery\":-1}", DeviceSignal.Kind.STATUS, Reason.OUT_OF_RANGE, "battery");
        assertThat(parse("{\"msgId\":\"1\",\"lat\":90,\"lon\":-180}", DeviceSignal.Kind.TELEMETRY).ok()).isTrue();
        rejected("{\"msgId\":\"1\",\"lat\":90.01}", DeviceSignal.Kind.TELEMETRY, Reason.OUT_OF_RANGE, "lat");
        rejected("{\"msgId\":\"1\",\"spo2\":100.5}", DeviceSignal.Kind.TELEMETRY, Reason.OUT_OF_RANGE, "spo2");
    }

    @Test
    void aStatusMessageMayBeABareHeartbeat() {
        assertThat(parse("{\"msgId\":\"hb-1\"}", DeviceSignal.Kind.STATUS).ok()).isTrue();
    }

    @Test
    void tooLargePayloadsAreRefusedBeforeParsing() {
        byte[] big = new byte[DevicePayloads.MAX_BYTES + 1];
        assertThat(payloads.parse(big, DeviceSignal.Kind.TELEMETRY).rejection().reason()).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void eventsMustBeOnesTheDeviceTypeSends() {
        var sos = parse("{\"msgId\":\"1\",\"event\":\"SOS\"}", DeviceSignal.Kind.EVENT).message();
        assertThat(DevicePayloads.checkFor(DeviceType.SOS_BUTTON, sos)).isNull();
        assertThat(DevicePayloads.checkFor(DeviceType.WEARABLE, sos)).isNull();
        assertThat(DevicePayloads.checkFor(DeviceType.MATTRESS, sos).reason()).isEqualTo(Reason.UNKNOWN_EVENT);
        var telemetry = parse("{\"msgId\":\"1\",\"heartRate\":60}", DeviceSignal.Kind.TELEMETRY).message();
        assertThat(DevicePayloads.checkFor(DeviceType.MATTRESS, telemetry)).isNull();
        for (DeviceType t : DeviceType.values()) {
            assertThat(DevicePayloads.EVENTS).containsKey(t);
        }
    }
}
