package org.jujia.workforce;

import java.util.List;

/**
 * The staffing ratio (PLATFORM.md §9): per 100 red and orange elders served a provider needs 6 caregivers of level 3
 * or above, 2 community nurses, 1 rehab therapist, 1 social worker and 1 data operator, rounded up (101 elders need 7
 * caregivers, 3 nurses and 2 of each other role; no elders, no requirement).
 */
final class StaffingRatio {

    /** The roles the ratio counts, with how many per hundred elders served. */
    enum Line {
        CAREGIVER_L3(6), COMMUNITY_NURSE(2), REHAB_THERAPIST(1), SOCIAL_WORKER(1), DATA_OPERATOR(1);

        final int perHundred;

        Line(int perHundred) {
            this.perHundred = perHundred;
        }
    }

    private StaffingRatio() {
    }

    static int required(Line line, int served) {
        if (served < 0) {
            throw new IllegalArgumentException("served must not be negative");
        }
        return (served * line.perHundred + 99) / 100;
    }

    /** One line of a compliance report: required, actual, shortfall (never negative). */
    record Row(Line line, int served, int required, int actual) {

        int shortfall() {
            return Math.max(0, required - actual);
        }

        boolean met() {
            return actual >= required;
        }
    }

    /** The report for {@code served} elders and the actual head count per line (in {@link Line} order). */
    static List<Row> report(int served, int[] actual) {
        Line[] lines = Line.values();
        if (actual.length != lines.length) {
            throw new IllegalArgumentException("one head count per line");
        }
        java.util.ArrayList<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            rows.add(new Row(lines[i], served, required(lines[i], served), actual[i]));
        }
        return rows;
    }
}
