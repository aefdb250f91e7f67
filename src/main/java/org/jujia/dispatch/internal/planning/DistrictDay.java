package org.jujia.dispatch.internal.planning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jujia.shared.GeoPoint;

/**
 * A generated district day for scale tests: {@code visits} elder visits and {@code caregivers} caregivers scattered
 * over about 16 × 16 km around Suzhou's Gusu district (31.30 N, 120.60 E); times in seconds from midnight. Caregivers
 * work 07:00–19:00 with at most 9 hours, by e-bike; 1 in 6 is also a nurse, levels 0..4 spread evenly; two are
 * blacklisted. Visits last 20–45 minutes in two- to four-hour windows between 08:00 and 18:00 (one in five all day);
 * 10% need a nurse, 10% a senior caregiver (level ≥ 2); half have a usual caregiver.
 */
public final class DistrictDay {

    private DistrictDay() {
    }

    public static RoutePlan generate(int visitCount, int caregiverCount, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<GeoPoint> points = new ArrayList<>();
        for (int i = 0; i < caregiverCount + visitCount; i++) {
            points.add(new GeoPoint(31.30 + (random.nextDouble() - 0.5) * 0.144, 120.60 + (random.nextDouble() - 0.5) * 0.168));
        }
        TravelMatrix matrix = new GreatCircleMatrix(points, TravelSpeeds.DEFAULT);
        List<CaregiverRoute> routes = new ArrayList<>();
        for (int c = 0; c < caregiverCount; c++) {
            Map<String, Integer> quals = new HashMap<>();
            quals.put("CAREGIVER", c % 5);
            if (c % 6 == 0) {
                quals.put("NURSE", 0);
            }
            routes.add(new CaregiverRoute("cg" + c, c, c, 7 * 3600, 19 * 3600, 9 * 3600, quals, c == 7 || c == 77, TransportMode.E_BIKE,
                    0, matrix));
        }
        int[] durations = { 20, 30, 30, 45 };
        Priority[] priorities = Priority.values();
        List<Visit> visits = new ArrayList<>();
        for (int i = 0; i < visitCount; i++) {
            long duration = durations[random.nextInt(durations.length)] * 60L;
            long start;
            long end;
            if (random.nextInt(5) == 0) {
                start = 8 * 3600;
                end = 18 * 3600;
            } else {
                long length = (2 + random.nextInt(3)) * 3600L;
                start = 8 * 3600 + random.nextInt((int) (10 * 3600 - length) / 1800 + 1) * 1800L;
                end = start + length;
            }
            int kind = random.nextInt(10);
            String qualification = kind == 0 ? "NURSE" : "CAREGIVER";
            int minLevel = kind == 1 ? 2 : 0;
            String usual = random.nextBoolean() ? "cg" + random.nextInt(caregiverCount) : null;
            Priority priority = priorities[1 + random.nextInt(priorities.length - 1)];
            visits.add(new Visit("v" + i, caregiverCount + i, start, end - duration, end + 15 * 60, duration, qualification, minLevel, priority,
                    usual));
        }
        return new RoutePlan(routes, visits, null);
    }
}
