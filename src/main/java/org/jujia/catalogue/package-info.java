/**
 * The city's service catalogue (PLATFORM.md §4): service items with versioned prices, quality standards and
 * measurable checks; the three packages (BASIC, UPGRADE, PERSONAL) and their monthly entitlements; the funding rule
 * of PLATFORM.md §7 ({@link org.jujia.catalogue.FundingRule}, one implementation reused by care plans and
 * settlement); quotes ("how much will this cost us?") over the API and the console.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "elder", "assessment", "access", "privacy", "region" })
package org.jujia.catalogue;
