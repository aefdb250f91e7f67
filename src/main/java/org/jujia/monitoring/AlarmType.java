package org.jujia.monitoring;

/** What an alarm is about (PLATFORM.md §8), with its severity and whether it is about one device rather than the home. */
public enum AlarmType {
    SOS(AlarmSeverity.CRITICAL, false),
    SMOKE(AlarmSeverity.CRITICAL, false),
    GAS(AlarmSeverity.CRITICAL, false),
    FALL(AlarmSeverity.CRITICAL, false),
    /** heart or breathing rate out of the elder's thresholds for N consecutive mattress readings during night watch */
    NIGHT_VITALS(AlarmSeverity.CRITICAL, false),
    WATER_LEAK(AlarmSeverity.HIGH, false),
    /** a door opened at night in the home of an elder with cognitive impairment */
    NIGHT_DOOR(AlarmSeverity.HIGH, false),
    /** out of bed at night for longer than the threshold */
    OUT_OF_BED(AlarmSeverity.HIGH, false),
    /** wearable vital signs (heart rate, SpO2, blood pressure) out of the elder's thresholds */
    VITALS(AlarmSeverity.HIGH, false),
    /** no door, motion or mattress event for the configured number of hours */
    INACTIVITY(AlarmSeverity.HIGH, false),
    DEVICE_OFFLINE(AlarmSeverity.LOW, true),
    LOW_BATTERY(AlarmSeverity.LOW, true);

    private final AlarmSeverity severity;
    private final boolean perDevice;

    AlarmType(AlarmSeverity severity, boolean perDevice) {
        this.severity = severity;
        this.perDevice = perDevice;
    }

    public AlarmSeverity severity() {
        return severity;
    }

    /** Device faults merge per device; everything else merges per elder (two smoke sensors of one home: one alarm). */
    public boolean perDevice() {
        return perDevice;
    }
}
