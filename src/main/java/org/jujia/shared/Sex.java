package org.jujia.shared;

/** Sex as recorded on a Chinese resident identity card. */
public enum Sex {
    MALE,
    FEMALE
}
