package org.jujia.dispatch.internal.planning;

/**
 * Priority of a visit, from the order's colour: the weight multiplies the medium penalty of leaving it unassigned,
 * so one urgent visit outweighs any number of lower ones up to its weight (urgent > red > orange > yellow > green).
 */
public enum Priority {
    URGENT(1000), RED(100), ORANGE(30), YELLOW(10), GREEN(3);

    private final int unassignedWeight;

    Priority(int unassignedWeight) {
        this.unassignedWeight = unassignedWeight;
    }

    public int unassignedWeight() {
        return unassignedWeight;
    }
}
