package org.jujia.workforce;

/** What a staff member is employed as (PLATFORM.md §9); the staffing ratios count caregivers (level 3+), nurses, therapists, social workers, data operators. */
public enum StaffRole {
    CAREGIVER, COMMUNITY_NURSE, REHAB_THERAPIST, SOCIAL_WORKER, DATA_OPERATOR, ASSESSOR
}
