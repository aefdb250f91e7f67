package org.jujia.monitoring;

/** A registered device is active until it is retired (its credentials stop working). */
public enum DeviceStatus {
    ACTIVE, RETIRED
}
