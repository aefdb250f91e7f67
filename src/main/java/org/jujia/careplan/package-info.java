/**
 * Care plans and service agreements (PLATFORM.md §5): one household, one plan — versioned per elder, built from the
 * service catalogue with frequency, weekdays, time windows and durations; prices frozen when a line is drafted; the
 * monthly estimate per line and per payer from the catalogue's funding rule; consent to any excess beyond the
 * entitlements; the Chinese service agreement signed by the elder or guardian (drawn signature or recorded method),
 * stored immutably with its SM3 hash; activation supersedes the previous version and closes the 48-hour remake task.
 * Publishes {@link org.jujia.careplan.CarePlanActivated} and {@link org.jujia.careplan.CarePlanEnded} for dispatch.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "privacy", "elder", "assessment",
        "catalogue" })
package org.jujia.careplan;
