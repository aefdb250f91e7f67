/**
 * Settlement and funds (PLATFORM.md §7, issue #8): billable visits received from {@link org.jujia.visit.VisitVerified}
 * (idempotent on the visit), fraud fines from {@link org.jujia.visit.VisitFraudConfirmed}, monthly settlement runs
 * per month and region (a persisted job with progress: preview any number of times, then close; a closed month is
 * immutable, late visits become adjustment lines of a later month), pricing with the price version in force on the
 * visit date and the catalogue's one {@link org.jujia.catalogue.FundingRule}, statements per provider, per elder and
 * per insurer (Excel, PDF, CSV), the city special pool's double-entry ledger and provider budgets tied to the annual
 * performance score (two consecutive years below 80 revoke the provider's qualification through
 * {@link org.jujia.region.RegionDirectory#revokeQualification}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "privacy", "elder", "catalogue",
        "visit", "oversight" })
package org.jujia.settlement;
