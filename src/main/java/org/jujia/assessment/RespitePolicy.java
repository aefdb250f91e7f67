package org.jujia.assessment;

import org.jujia.assessment.scoring.ZbiScorer;

/**
 * The respite rule (PLATFORM.md §3, ASSESSMENT.md §6): a household whose family caregiver's <em>latest</em> Zarit
 * interview totals 40 or more — the scorer's {@code highRiskCaregiver} — is on the respite list, entitled to at
 * least 4 hours of replacement care a month paid entirely by government; a later interview below 40 takes it off.
 * A caregiver who no longer cares (inactive record) keeps no household on the list [D].
 *
 * <p>The threshold itself is the scorer's ({@link ZbiScorer#highRiskCaregiver(int)}), never repeated here.
 */
public final class RespitePolicy {

    /** PLATFORM.md §3: at least 4 hours of replacement care per month. */
    public static final int MINIMUM_MONTHLY_HOURS = 4;

    /** What one interview (or a change of the caregiver's active flag) does to the caregiver's place on the list. */
    public enum Transition {
        /** joins the list: an entry opens and {@link HighRiskCaregiverIdentified} is published */
        ENTER,
        /** already on the list and stays there: nothing new is published */
        STAY,
        /** leaves the list: the open entry is closed, its history kept */
        LEAVE,
        /** not on the list and stays off */
        NONE;

        public boolean listedAfter() {
            return this == ENTER || this == STAY;
        }
    }

    private final RespiteEntitlement entitlement;

    /**
     * @param monthlyHours the hours granted a month; never below {@link #MINIMUM_MONTHLY_HOURS}
     */
    public RespitePolicy(int monthlyHours) {
        this.entitlement = new RespiteEntitlement(monthlyHours, RespitePayer.GOVERNMENT);
    }

    /** The platform's policy: exactly the minimum, 4 hours a month, paid by government. */
    public static RespitePolicy standard() {
        return new RespitePolicy(MINIMUM_MONTHLY_HOURS);
    }

    /** Whether a caregiver with this latest interview result belongs on the list. */
    public boolean qualifies(ZbiScorer.Result latest, boolean caregiverActive) {
        return caregiverActive && latest != null && latest.highRiskCaregiver();
    }

    /**
     * The change to the list given whether the caregiver is on it now, whether the record is active and the result
     * of their latest interview ({@code null} when never interviewed).
     */
    public Transition next(boolean listedNow, boolean caregiverActive, ZbiScorer.Result latest) {
        boolean qualifies = qualifies(latest, caregiverActive);
        if (qualifies) {
            return listedNow ? Transition.STAY : Transition.ENTER;
        }
        return listedNow ? Transition.LEAVE : Transition.NONE;
    }

    /** What a listed household receives each month. */
    public RespiteEntitlement entitlement() {
        return entitlement;
    }
}
