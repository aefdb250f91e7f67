/**
 * Oversight (PLATFORM.md §10): complaints with deadlines and outcomes, follow-up calls (回访) on a sample of verified
 * visits, third-party evaluations and provider ratings, and each provider's annual performance score (0–100) computed
 * from documented, weighted evidence. The score is published as {@link org.jujia.oversight.PerformanceScoreComputed}
 * for settlement's budget rule. Listens to visit's and dispatch's events for its own visit and order ledgers; reads
 * monitoring's alarm handling and workforce's compliance through their facades.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Oversight", allowedDependencies = { "shared", "region", "access", "privacy",
        "elder", "workforce", "dispatch", "visit", "monitoring", "notification" })
package org.jujia.oversight;
