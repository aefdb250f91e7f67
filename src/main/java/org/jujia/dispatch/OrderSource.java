package org.jujia.dispatch;

/** Where an order came from. */
public enum OrderSource {
    /** generated from an active care plan's recurring line */
    CARE_PLAN,
    /** booked by the elder or a family member ("order online, served offline") */
    BOOKING,
    /** created by street, community or provider staff */
    STAFF,
    /** raised by the platform itself, e.g. three consecutive unanswered daily voice calls */
    URGENT
}
