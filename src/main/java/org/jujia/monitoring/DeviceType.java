package org.jujia.monitoring;

/** The kinds of home device the platform speaks to (PLATFORM.md §8). */
public enum DeviceType {
    SOS_BUTTON, SMOKE, GAS, WATER_LEAK, DOOR_CONTACT, FALL_RADAR, MATTRESS, WEARABLE, PILL_BOX, GATEWAY
}
