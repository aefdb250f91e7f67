package org.jujia.dispatch;

import org.jujia.shared.CareColour;

/**
 * How soon an order must be served, most urgent first (PLATFORM.md §6: red first). URGENT is reserved for orders the
 * platform raises itself (e.g. three unanswered daily voice calls); the rest follow the elder's care colour.
 */
public enum OrderPriority {
    URGENT, RED, ORANGE, YELLOW, GREEN;

    /** The priority of an ordinary order for an elder of this colour (no assessment yet counts as GREEN). */
    public static OrderPriority of(CareColour colour) {
        if (colour == null) {
            return GREEN;
        }
        return switch (colour) {
            case RED -> RED;
            case ORANGE -> ORANGE;
            case YELLOW -> YELLOW;
            case GREEN -> GREEN;
        };
    }
}
