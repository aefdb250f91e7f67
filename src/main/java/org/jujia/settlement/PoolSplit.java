package org.jujia.settlement;

/**
 * How a contribution to the city special pool is attributed to its sources (PLATFORM.md §7): welfare lottery 55%,
 * general budget 30%, social capital 15%, in whole fen. Each share is first floored; the 0–2 fen left over go one
 * each to the shares with the largest remainders (ties: lottery, then budget, then social capital), so the three
 * always add up to the contribution and none is more than 1 fen from its exact share.
 *
 * @param welfareLotteryFen 55%
 * @param generalBudgetFen  30%
 * @param socialCapitalFen  15%
 */
record PoolSplit(long welfareLotteryFen, long generalBudgetFen, long socialCapitalFen) {

    static final int WELFARE_LOTTERY_PERCENT = 55;
    static final int GENERAL_BUDGET_PERCENT = 30;
    static final int SOCIAL_CAPITAL_PERCENT = 15;

    static PoolSplit of(long fen) {
        if (fen <= 0) {
            throw new IllegalArgumentException("a contribution must be positive");
        }
        int[] pct = { WELFARE_LOTTERY_PERCENT, GENERAL_BUDGET_PERCENT, SOCIAL_CAPITAL_PERCENT };
        long[] share = new long[3];
        long[] rem = new long[3];
        long left = fen;
        for (int i = 0; i < 3; i++) {
            long scaled = Math.multiplyExact(fen, pct[i]);
            share[i] = scaled / 100;
            rem[i] = scaled % 100;
            left -= share[i];
        }
        while (left > 0) {
            int best = 0;
            for (int i = 1; i < 3; i++) {
                if (rem[i] > rem[best]) {
                    best = i;
                }
            }
            share[best]++;
            rem[best] = -1;
            left--;
        }
        return new PoolSplit(share[0], share[1], share[2]);
    }

    long total() {
        return welfareLotteryFen + generalBudgetFen + socialCapitalFen;
    }
}
