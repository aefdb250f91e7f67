package org.jujia.demo;

import java.util.Random;

/** Realistic distributions for generated elders, shared by the demo city and the benchmarks. */
public final class Population {

    private static final String[] MOBILE_PREFIXES = { "138", "139", "135", "136", "137", "150", "151", "152", "158", "159", "186", "187",
            "189", "133", "180" };

    private Population() {
    }

    /** Ages 60–104: about half in their sixties, a third in their seventies, the rest older. */
    public static int age(Random rnd) {
        int r = rnd.nextInt(1000);
        if (r < 500) {
            return 60 + rnd.nextInt(10);
        }
        if (r < 820) {
            return 70 + rnd.nextInt(10);
        }
        if (r < 970) {
            return 80 + rnd.nextInt(10);
        }
        return 90 + rnd.nextInt(15);
    }

    /** A mainland mobile number with a common carrier prefix. */
    public static String mobile(Random rnd) {
        return MOBILE_PREFIXES[rnd.nextInt(MOBILE_PREFIXES.length)] + String.format("%08d", rnd.nextInt(100_000_000));
    }
}
