package org.jujia.monitoring;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON payload schema of device messages (docs/mqtt.md) and its validation. A message is an object with
 * {@code msgId} (required, unique per device), {@code ts} (ISO-8601 instant, optional: receipt time when absent),
 * {@code event} (required on the events channel, one of the events of the device's type) and values at the top
 * level (numbers, booleans or short strings; known names must have their type and range).
 */
final class DevicePayloads {

    static final int MAX_BYTES = 16 * 1024;

    /** Why a message was refused (stored with the rejected message and counted by reason). */
    enum Reason {
        BAD_JSON, TOO_LARGE, MISSING_FIELD, WRONG_TYPE, OUT_OF_RANGE, UNKNOWN_EVENT, UNKNOWN_DEVICE, RETIRED_DEVICE, BAD_TOPIC,
        NOT_RELAYED, PROCESSING_FAILED
    }

    /** A refused message: the reason, the offending field (may be null) and a description. */
    record Rejection(Reason reason, String field, String detail) {
        String describe() {
            return field == null ? detail : field + ": " + detail;
        }
    }

    /** A well-formed message, still to be matched to its device's type. */
    record Message(String msgId, Instant ts, String event, Map<String, Object> values) {
    }

    /** Either a message or the reason it was refused. */
    record Parsed(Message message, Rejection rejection) {
        boolean ok() {
            return message != null;
        }

        static Parsed reject(Reason r, String field, String detail) {
            return new Parsed(null, new Rejection(r, field, detail));
        }
    }

    private record Range(double min, double max) {
    }

    private static final Map<String, Range> NUMBERS = Map.ofEntries(
            Map.entry("heartRate", new Range(0, 300)), Map.entry("breathingRate", new Range(0, 100)),
            Map.entry("spo2", new Range(0, 100)), Map.entry("systolic", new Range(0, 300)), Map.entry("diastolic", new Range(0, 250)),
            Map.entry("steps", new Range(0, 1_000_000)), Map.entry("battery", new Range(0, 100)),
            Map.entry("lat", new Range(-90, 90)), Map.entry("lon", new Range(-180, 180)), Map.entry("accuracy", new Range(0, 100_000)),
            Map.entry("rssi", new Range(-200, 0)), Map.entry("temperature", new Range(-50, 150)), Map.entry("humidity", new Range(0, 100)),
            Map.entry("gasLel", new Range(0, 100)), Map.entry("smokeDensity", new Range(0, 100)), Map.entry("bodyMovement", new Range(0, 100)),
            Map.entry("bodyTemperature", new Range(25, 45)));
    private static final Set<String> BOOLEANS = Set.of("presence", "valveOpen", "doorOpen", "charging", "tamper", "motion");
    private static final Set<String> RESERVED = Set.of("msgId", "ts", "event", "kind");

    /** The events each device type may send. */
    static final Map<DeviceType, Set<String>> EVENTS = new EnumMap<>(Map.of(
            DeviceType.SOS_BUTTON, Set.of("SOS", "SOS_CANCELLED", "TEST", "TAMPER"),
            DeviceType.SMOKE, Set.of("SMOKE", "SMOKE_CLEARED", "TEST", "TAMPER"),
            DeviceType.GAS, Set.of("GAS", "GAS_CLEARED", "VALVE_CLOSED", "VALVE_OPENED", "TEST", "TAMPER"),
            DeviceType.WATER_LEAK, Set.of("WATER_LEAK", "WATER_LEAK_CLEARED", "TEST", "TAMPER"),
            DeviceType.DOOR_CONTACT, Set.of("DOOR_OPEN", "DOOR_CLOSED", "TAMPER"),
            DeviceType.FALL_RADAR, Set.of("FALL", "MOTION", "NO_MOTION", "TAMPER"),
            DeviceType.MATTRESS, Set.of("BED_ENTER", "BED_EXIT"),
            DeviceType.WEARABLE, Set.of("SOS", "FALL", "MOTION", "REMOVED", "WORN"),
            DeviceType.PILL_BOX, Set.of("PILL_TAKEN", "PILL_MISSED", "TAMPER"),
            DeviceType.GATEWAY, Set.of("POWER_LOST", "POWER_RESTORED", "TAMPER")));

    private final JsonMapper json;

    DevicePayloads(JsonMapper json) {
        this.json = json;
    }

    /** Parses and checks the shape of a payload for a channel (independent of the device's type). */
    Parsed parse(byte[] payload, DeviceSignal.Kind kind) {
        if (payload == null || payload.length == 0) {
            return Parsed.reject(Reason.BAD_JSON, null, "empty payload");
        }
        if (payload.length > MAX_BYTES) {
            return Parsed.reject(Reason.TOO_LARGE, null, "payload of " + payload.length + " bytes exceeds " + MAX_BYTES);
        }
        JsonNode root;
        try {
            root = json.readTree(payload);
        } catch (JacksonException e) {
            return Parsed.reject(Reason.BAD_JSON, null, "not JSON: " + firstLine(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            return Parsed.reject(Reason.BAD_JSON, null, "a JSON object is expected");
        }
        JsonNode id = root.get("msgId");
        if (id == null || id.isNull()) {
            return Parsed.reject(Reason.MISSING_FIELD, "msgId", "required");
        }
        if (!id.isString() && !id.isIntegralNumber()) {
            return Parsed.reject(Reason.WRONG_TYPE, "msgId", "must be a string");
        }
        String msgId = id.asString().trim();
        if (msgId.isEmpty() || msgId.length() > 100) {
            return Parsed.reject(Reason.WRONG_TYPE, "msgId", "must have 1 to 100 characters");
        }
        Instant ts = null;
        JsonNode tsNode = root.get("ts");
        if (tsNode != null && !tsNode.isNull()) {
            if (!tsNode.isString()) {
                return Parsed.reject(Reason.WRONG_TYPE, "ts", "must be an ISO-8601 instant such as 2026-11-29T08:15:30Z");
            }
            try {
                ts = Instant.parse(tsNode.asString());
            } catch (DateTimeParseException e) {
                return Parsed.reject(Reason.WRONG_TYPE, "ts", "must be an ISO-8601 instant such as 2026-11-29T08:15:30Z");
            }
        }
        String event = null;
        JsonNode ev = root.get("event");
        if (ev != null && !ev.isNull()) {
            if (!ev.isString() || ev.asString().isBlank() || ev.asString().length() > 32) {
                return Parsed.reject(Reason.WRONG_TYPE, "event", "must be an event name");
            }
            event = ev.asString().trim().toUpperCase(java.util.Locale.ROOT);
        }
        if (kind == DeviceSignal.Kind.EVENT && event == null) {
            return Parsed.reject(Reason.MISSING_FIELD, "event", "required on the events channel");
        }
        if (kind != DeviceSignal.Kind.EVENT && event != null) {
            return Parsed.reject(Reason.WRONG_TYPE, "event", "events go to the events channel");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            String name = e.getKey();
            if (RESERVED.contains(name)) {
                continue;
            }
            JsonNode v = e.getValue();
            if (v.isNull()) {
                continue;
            }
            if (name.length() > 40) {
                return Parsed.reject(Reason.WRONG_TYPE, name.substring(0, 40), "value name too long");
            }
            Range range = NUMBERS.get(name);
            if (range != null) {
                if (!v.isNumber()) {
                    return Parsed.reject(Reason.WRONG_TYPE, name, "must be a number");
                }
                double d = v.asDouble();
                if (!Double.isFinite(d) || d < range.min() || d > range.max()) {
                    return Parsed.reject(Reason.OUT_OF_RANGE, name, "must be between " + fmt(range.min()) + " and " + fmt(range.max()));
                }
                values.put(name, v.isIntegralNumber() ? (Number) v.asLong() : (Number) d);
            } else if (BOOLEANS.contains(name)) {
                if (!v.isBoolean()) {
                    return Parsed.reject(Reason.WRONG_TYPE, name, "must be true or false");
                }
                values.put(name, v.asBoolean());
            } else if (v.isNumber()) {
                values.put(name, v.isIntegralNumber() ? (Number) v.asLong() : (Number) v.asDouble());
            } else if (v.isBoolean()) {
                values.put(name, v.asBoolean());
            } else if (v.isString() && v.asString().length() <= 100) {
                values.put(name, v.asString());
            } else {
                return Parsed.reject(Reason.WRONG_TYPE, name, "must be a number, true/false or a short string");
            }
        }
        if (kind == DeviceSignal.Kind.TELEMETRY && values.isEmpty()) {
            return Parsed.reject(Reason.MISSING_FIELD, "values", "telemetry needs at least one value");
        }
        return new Parsed(new Message(msgId, ts, event, values), null);
    }

    /** The type-dependent check: an event must be one its device's type sends. Null when fine. */
    static Rejection checkFor(DeviceType type, Message m) {
        if (m.event() != null && !EVENTS.getOrDefault(type, Set.of()).contains(m.event())) {
            return new Rejection(Reason.UNKNOWN_EVENT, "event", "a " + type + " does not send " + m.event());
        }
        return null;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
