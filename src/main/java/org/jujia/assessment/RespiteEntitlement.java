package org.jujia.assessment;

/**
 * A household's monthly respite entitlement: hours of replacement care per month and who pays them. The platform
 * never grants less than {@link RespitePolicy#MINIMUM_MONTHLY_HOURS} hours (PLATFORM.md §3).
 */
public record RespiteEntitlement(int monthlyHours, RespitePayer payer) {

    public RespiteEntitlement {
        if (monthlyHours < RespitePolicy.MINIMUM_MONTHLY_HOURS) {
            throw new IllegalArgumentException("a respite entitlement is at least " + RespitePolicy.MINIMUM_MONTHLY_HOURS
                    + " hours a month (got " + monthlyHours + ")");
        }
        if (payer == null) {
            throw new IllegalArgumentException("payer is required");
        }
    }
}
