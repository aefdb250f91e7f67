package org.jujia.assessment;

/** Events that call for an immediate reassessment (PLATFORM.md §3). */
public enum HealthEventType {
    HOSPITAL_ADMISSION, FALL, MAJOR_ILLNESS
}
