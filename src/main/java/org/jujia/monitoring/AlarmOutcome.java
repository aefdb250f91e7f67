package org.jujia.monitoring;

/**
 * How a resolved alarm ended. {@link #FALL} and {@link #HOSPITAL} make the assessment module open an immediate
 * reassessment.
 */
public enum AlarmOutcome {
    /** help arrived, the elder is safe at home */
    SAFE_AT_HOME,
    /** the elder had fallen */
    FALL,
    /** the elder was taken to hospital */
    HOSPITAL,
    /** a hazard (gas, smoke, water) was dealt with */
    HAZARD_CLEARED,
    /** the device was faulty, replaced or repaired */
    DEVICE_SERVICED,
    /** the device recovered by itself (heard again, battery back above the low mark): closed by the platform */
    DEVICE_RECOVERED,
    OTHER
}
