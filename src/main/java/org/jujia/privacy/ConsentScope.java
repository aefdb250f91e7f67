package org.jujia.privacy;

/** What an elder (or guardian) consented to (知情同意范围). */
public enum ConsentScope {
    /** collection and storage of the elder record */
    RECORD,
    /** health data: conditions, medications, assessments */
    HEALTH_DATA,
    /** home devices and monitoring (sensors, wearables, cameras excluded) */
    DEVICE_MONITORING,
    /** sharing with hospitals, insurers and emergency services */
    DATA_SHARING
}
