/**
 * Workforce (PLATFORM.md §9): staff records for everyone a provider employs (caregivers with their accounts, nurses,
 * therapists, social workers, data operators, assessors; name and ID number SM4-sealed), certificates, background
 * checks, pre-job and in-service training, promotions, the caregiver profile behind each CAREGIVER account (the
 * enrolled face photo visit verification compares against), the one assignability policy dispatch and the route
 * optimiser use, staffing-ratio compliance per provider and street with monthly history, and the three-party
 * blacklist exported to the credit system.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "privacy", "catalogue", "careplan" })
package org.jujia.workforce;
