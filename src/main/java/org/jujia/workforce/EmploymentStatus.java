package org.jujia.workforce;

/** Employment status of a staff member: only ACTIVE staff are assignable and counted for the staffing ratios. */
public enum EmploymentStatus {
    ACTIVE, ON_LEAVE, SUSPENDED, LEFT
}
