package org.jujia.monitoring;

import java.time.Instant;
import java.util.Map;

/**
 * One accepted, persisted, de-duplicated device message, as the ingest hands it to the alarm rules. This is the
 * contract between the ingest side (broker, registry, persistence) and the rules/alarm side of the module.
 *
 * @param deviceId    the registry id of the device the message is about (a gateway may relay for its sensors)
 * @param serial      the device's serial
 * @param deviceType  its type
 * @param elderId     the elder the device is installed for (null for a device not yet bound to a home)
 * @param room        where in the home it is installed (may be null)
 * @param kind        event, telemetry or status (heartbeat)
 * @param event       for {@link Kind#EVENT}: the event name of the payload schema (SOS, SMOKE, GAS, FALL, WATER_LEAK,
 *                    DOOR_OPEN, DOOR_CLOSED, MOTION, BED_ENTER, BED_EXIT, VALVE_CLOSED, PILL_TAKEN, PILL_MISSED…);
 *                    null otherwise
 * @param values      telemetry/status values by their schema names (heartRate, breathingRate, presence, spo2,
 *                    systolic, diastolic, steps, battery, lat, lon, rssi, firmware…); numbers are {@link Number}s
 * @param occurredAt  when the device says it happened (payload {@code ts}); never null (receipt time if absent)
 * @param receivedAt  when the platform received it
 * @param messageId   the device's message id (unique per device)
 */
record DeviceSignal(long deviceId, String serial, DeviceType deviceType, Long elderId, String room, Kind kind, String event,
        Map<String, Object> values, Instant occurredAt, Instant receivedAt, String messageId) {

    enum Kind {
        EVENT, TELEMETRY, STATUS
    }

    DeviceSignal {
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    /** A numeric value, or null when absent or not a number. */
    Double number(String name) {
        return values.get(name) instanceof Number n ? n.doubleValue() : null;
    }
}
