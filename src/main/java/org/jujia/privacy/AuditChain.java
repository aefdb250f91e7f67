package org.jujia.privacy;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Tamper-evident hash chain for audit records: every record's hash covers the previous record's hash, so
 * changing, inserting or deleting any record breaks all later links.
 * <p>
 * {@code hash(n) = SM3(hash(n-1) + "\n" + canonicalRecord(n))} in lowercase hex, with {@link #genesis()} (64
 * zeros) before the first record. The canonical record text must be produced the same way when the chain is
 * verified as when it was written.
 */
public final class AuditChain {

    private static final String GENESIS = "0".repeat(64);
    private static final Pattern HASH_HEX = Pattern.compile("[0-9a-f]{64}");

    private AuditChain() {
    }

    /** The hash that precedes the first record of a chain: 64 zeros. */
    public static String genesis() {
        return GENESIS;
    }

    /**
     * The hash of {@code canonicalRecord} linked to its predecessor.
     *
     * @param previousHashHex hash of the previous record (64 lowercase hex characters), or {@code null} for the
     *        first record of a chain
     * @param canonicalRecord the record in its canonical text form
     * @return 64 lowercase hex characters
     */
    public static String link(String previousHashHex, String canonicalRecord) {
        Objects.requireNonNull(canonicalRecord, "canonicalRecord");
        String previous = previousHashHex == null ? GENESIS : previousHashHex;
        if (!HASH_HEX.matcher(previous).matches()) {
            throw new IllegalArgumentException("Previous audit hash must be 64 lowercase hex characters");
        }
        return Sm3.hashHex(previous + "\n" + canonicalRecord);
    }
}
