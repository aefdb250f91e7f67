/**
 * Workforce (PLATFORM.md §9): the caregiver profile behind each CAREGIVER account — provider, professional
 * qualifications and vocational skill level, home base, background check, the enrolled face photo that visit
 * verification compares check-in photos against (SM4-sealed) — and the blacklist: proposals (e.g. after a confirmed
 * fraud) and decisions. A caregiver with a confirmed or pending blacklist entry is never assigned.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "privacy", "catalogue" })
package org.jujia.workforce;
