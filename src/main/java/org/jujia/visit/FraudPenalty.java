package org.jujia.visit;

/**
 * The fine of a confirmed fake check-in or inflated duration (PLATFORM.md §6, §7): three times the amount the visit
 * would have obtained, in fen.
 */
final class FraudPenalty {

    static final int MULTIPLE = 3;

    private FraudPenalty() {
    }

    static long of(long amountFen) {
        return Math.multiplyExact(amountFen, MULTIPLE);
    }
}
