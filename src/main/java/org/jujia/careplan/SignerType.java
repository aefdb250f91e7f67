package org.jujia.careplan;

/** Who signs: the elder, or the guardian (family member) for the elder. */
public enum SignerType {
    ELDER, GUARDIAN
}
