package org.jujia.shared;

/**
 * The four-colour care level (PLATFORM.md §3, ASSESSMENT.md §8), from least to most severe: GREEN self-care,
 * YELLOW mild, ORANGE moderate, RED severe disability.
 */
public enum CareColour {
    GREEN, YELLOW, ORANGE, RED;

    /** One step more severe, capped at RED. */
    public CareColour oneStepWorse() {
        return this == RED ? RED : values()[ordinal() + 1];
    }

    /** The more severe of two colours. */
    public CareColour atLeast(CareColour floor) {
        return floor.ordinal() > ordinal() ? floor : this;
    }

    public boolean isWorseThan(CareColour other) {
        return ordinal() > other.ordinal();
    }
}
