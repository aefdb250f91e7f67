package org.jujia.assessment;

/** Why an assessment was made. */
public enum AssessmentReason {
    INITIAL, SCHEDULED, EVENT, CORRECTION
}
