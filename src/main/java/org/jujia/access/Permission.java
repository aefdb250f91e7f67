package org.jujia.access;

/** What a user may do; granted through roles. Checked as authorities {@code PERM_<name>}. */
public enum Permission {
    ELDER_READ, ELDER_WRITE, ELDER_IMPORT, ELDER_EXPORT, SENSITIVE_REVEAL, CONSENT_WRITE,
    USER_ADMIN, REGION_ADMIN, AUDIT_READ, KEY_ADMIN,
    /** see assessments, care colours, reassessment lists and tasks */
    ASSESSMENT_READ,
    /** perform and sign assessments (also needs a valid assessor certificate) */
    ASSESSMENT_PERFORM,
    /** record hospital admissions, falls and major illnesses; family caregivers and their Zarit interviews */
    ASSESSMENT_EVENTS,
    /** work on care-plan remake and reassessment tasks */
    TASK_MANAGE,
    /** see the service catalogue, packages and prices (and ask for quotes) */
    CATALOGUE_READ,
    /** maintain the service catalogue, prices and packages */
    CATALOGUE_ADMIN,
    /** see care plans and their agreements */
    CAREPLAN_READ,
    /** build, sign and activate care plans */
    CAREPLAN_WRITE,
    /** register, edit and retire home devices, per-elder vital-sign thresholds */
    DEVICE_ADMIN,
    /** see alarms and their timelines */
    ALARM_READ,
    /** acknowledge, dispatch help for and resolve alarms (the alarm centre) */
    ALARM_HANDLE,
    /** see caregivers (staff profiles, qualifications, levels, blacklist status) */
    STAFF_READ,
    /** maintain caregiver profiles and enrol their face photos */
    STAFF_ADMIN,
    /** see service orders */
    ORDER_READ,
    /** accept or refuse a provider's orders and assign its caregivers */
    ORDER_MANAGE,
    /** move orders to another provider, create staff orders (street and civil affairs) */
    ORDER_REASSIGN,
    /** book an extra service for an elder (family members for their elder, staff for any elder they cover) */
    BOOKING_CREATE,
    /** see visits and their verification */
    VISIT_READ,
    /** check in and out of one's own visits and record the service (caregivers) */
    VISIT_PERFORM,
    /** work the review queue of flagged visits: clear or confirm fraud; see check-in photos */
    VISIT_REVIEW,
    /** confirm or dispute and rate a visit (the elder's family) */
    VISIT_CONFIRM,
    /** see settlement runs and statements within reach: providers their own, families their elder's bill */
    SETTLEMENT_READ,
    /** run, preview and close monthly settlement; the special pool ledger; provider budgets and annual scores */
    SETTLEMENT_ADMIN,
    /** confirm (or reject) a blacklist proposal as one of the three parties: street, civil affairs, police */
    BLACKLIST_CONFIRM,
    /** file a complaint (hotline operators and staff for anyone they cover, families for their elder) */
    COMPLAINT_FILE,
    /** see complaints within reach (providers: those assigned to them) */
    COMPLAINT_READ,
    /** acknowledge, work on and resolve complaints assigned to one's organisation; escalate */
    COMPLAINT_HANDLE,
    /** make follow-up calls (回访) on sampled visits and record the outcome */
    FOLLOWUP_PERFORM,
    /** see oversight: follow-ups, satisfaction, third-party evaluations, ratings, performance scores */
    OVERSIGHT_READ,
    /** record third-party evaluations and ratings, draw follow-up samples, compute annual performance scores */
    OVERSIGHT_ADMIN;

    public String authority() {
        return "PERM_" + name();
    }
}
