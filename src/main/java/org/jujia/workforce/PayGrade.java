package org.jujia.workforce;

import java.util.Optional;

/**
 * The caregiver promotion path 护理员 → 高级护理员 → 技师 (PLATFORM.md §9): each step raises the monthly pay by 15%
 * of the pay before the step, rounded half up to the fen.
 */
public enum PayGrade {
    CAREGIVER, SENIOR, TECHNICIAN;

    /** Percent added to the pay by one promotion step. */
    public static final int RAISE_PERCENT = 15;

    /** The next grade on the path, empty at the top. */
    public Optional<PayGrade> next() {
        return this == TECHNICIAN ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }

    /** The monthly pay after one promotion step from {@code payFen}: +15%, half up. */
    public static long raised(long payFen) {
        return Math.addExact(payFen, (payFen * RAISE_PERCENT + 50) / 100);
    }
}
