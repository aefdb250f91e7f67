package org.jujia.careplan;

import java.time.Instant;

/**
 * The signed service agreement of a plan version as stored (immutable): its SM3 hash over the PDF bytes, who signed
 * and how, and when.
 */
public record Agreement(long planId, String sm3, int byteSize, SignerType signerType, String signerName, SignatureMethod method,
        String witnessName, Instant signedAt, String recordedBy) {
}
