package org.jujia.elder;

/** An emergency contact or a family member (who may have a family app account). */
public enum ContactKind {
    EMERGENCY, FAMILY
}
