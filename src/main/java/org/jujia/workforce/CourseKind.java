package org.jujia.workforce;

/** Pre-job THEORY and PRACTICE (160 h together) or monthly IN_SERVICE training. */
public enum CourseKind {
    THEORY, PRACTICE, IN_SERVICE
}
