package org.jujia.assessment.scoring;

/**
 * Risk flags shown beside the care colour (ASSESSMENT.md §8.2 step 4): they drive care-plan items but never change
 * the colour. PRE_FRAIL and FRAIL are exclusive.
 */
public enum CareFlag {
    COGNITIVE_IMPAIRMENT, IADL_DEPENDENCE, PRE_FRAIL, FRAIL, NUTRITIONAL_RISK
}
