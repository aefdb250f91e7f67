package org.jujia.demo;

import java.util.Random;
import org.jujia.elder.EconomicCategory;
import org.jujia.elder.ElderInput;
import org.jujia.elder.HardshipSelfCare;

/**
 * Realistic enrolment values for the demo city's elders (issue #4): about four in five enrolled in Suzhou's
 * long-term-care insurance, about one in six with commercial supplementary insurance, and every special-hardship
 * (特困) elder with a self-care category. Deterministic: drawn from a random generator of its own per elder (seed and
 * index), so the rest of the demo city is generated exactly as before.
 */
final class DemoEnrolment {

    private static final String[] INSURERS = { "中国人寿保险股份有限公司苏州分公司", "中国平安人寿保险股份有限公司苏州分公司", "中国太平洋人寿保险股份有限公司苏州分公司",
            "泰康养老保险股份有限公司江苏分公司" };
    private static final String[] INSURER_CODES = { "CL", "PA", "CP", "TK" };

    private DemoEnrolment() {
    }

    static ElderInput enrol(ElderInput in, long seed, int index) {
        Random r = new Random(seed * 31 + index);
        boolean ltc = index == 0 || r.nextInt(100) < 80;
        String ltcNumber = ltc ? "3205" + String.format("%012d", Math.floorMod(r.nextLong(), 1_000_000_000_000L)) : null;
        boolean commercial = index == 0 || r.nextInt(100) < 16;
        int insurer = r.nextInt(INSURERS.length);
        String policy = commercial ? INSURER_CODES[insurer] + "-" + (2019 + r.nextInt(7)) + "-" + String.format("%08d", r.nextInt(100_000_000)) : null;
        HardshipSelfCare hardship = null;
        if (in.economicCategory() == EconomicCategory.SPECIAL_HARDSHIP) {
            int h = r.nextInt(100);
            hardship = h < 30 ? HardshipSelfCare.SELF_CARE_CAPABLE : h < 70 ? HardshipSelfCare.PARTIALLY_LOST : HardshipSelfCare.FULLY_LOST;
        }
        return in.withEnrolment(ltc, ltcNumber, commercial, commercial ? INSURERS[insurer] : null, policy, hardship);
    }
}
