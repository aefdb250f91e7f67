/**
 * Oversight (PLATFORM.md §10): complaints with deadlines and outcomes, follow-up calls (回访) on a sample of verified
 * visits, third-party evaluations and provider ratings, and each provider's annual performance score (0–100) computed
 * from documented, weighted evidence. The score is published as {@link org.jujia.oversight.PerformanceScoreComputed}
 * for settlement's budget rule.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Oversight")
package org.jujia.oversight;
