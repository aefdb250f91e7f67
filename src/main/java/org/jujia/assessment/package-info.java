/**
 * Geriatric needs assessment (PLATFORM.md §3, ASSESSMENT.md): the scoring engine for the five-in-one sitting
 * (MMSE, Barthel ADL, Lawton IADL, FRAIL, NRS 2002), the Zarit caregiver burden interview, GB/T 42195-2022
 * ability levels, the special-hardship self-care criterion and the four-colour care level, plus the stateless
 * scoring API {@code POST /api/v1/scoring/{instrument}}.
 *
 * <p>The instruments live in {@link org.jujia.assessment.scoring}, published as the named interface
 * {@code scoring} so that other modules can classify answers exactly as stored assessments do. Totals are
 * always computed from item-level answers, never accepted from a client.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "elder", "access", "privacy", "region" })
package org.jujia.assessment;
