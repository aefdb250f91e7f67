package org.jujia.careplan;

/**
 * How the elder or guardian signed the agreement: a signature drawn on a phone or tablet (its image is embedded in
 * the signed PDF), a fingerprint on the paper copy, or a proxy signer who signs for an elder who cannot; the last two
 * need a witness.
 */
public enum SignatureMethod {
    DRAWN, FINGERPRINT, PROXY
}
