package org.jujia.workforce;

/** Result of a background check (无犯罪记录证明等), required PASSED before a first visit. */
public enum BackgroundCheck {
    PASSED, FAILED, PENDING
}
