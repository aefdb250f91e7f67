package org.jujia.visit;

/** How the elder or family confirmed (or disputed) a visit. */
public enum ConfirmationMethod {
    /** the family member in their app */
    APP,
    /** at the door: the visit PIN shown on the family page, entered on the caregiver's phone */
    PIN,
    /** at the door: a code sent by SMS to the family's phone */
    SMS,
    /** at the door: the elder's or family's drawn signature */
    SIGNATURE
}
