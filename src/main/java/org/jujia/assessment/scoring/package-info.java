/**
 * The scoring engine: one small scorer per instrument of ASSESSMENT.md, each with typed input and result
 * records and its named rules as pure functions, and {@link org.jujia.assessment.scoring.ScoringEngine}, which
 * dispatches by instrument name and validates generic (JSON) input as ASSESSMENT.md §0 prescribes.
 *
 * <p>Every rule here is the rule of ASSESSMENT.md; change a rule only together with
 * {@link org.jujia.assessment.scoring.ScoringEngine#SCORER_VERSION}.
 */
@org.springframework.modulith.NamedInterface("scoring")
package org.jujia.assessment.scoring;
