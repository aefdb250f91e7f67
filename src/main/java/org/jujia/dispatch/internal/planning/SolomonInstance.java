package org.jujia.dispatch.internal.planning;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Solomon VRPTW instance (original text format: name, {@code VEHICLE NUMBER CAPACITY}, then rows
 * {@code CUST_NO X Y DEMAND READY_TIME DUE_DATE SERVICE_TIME}, customer 0 = depot). Planned under the distance-only
 * convention: travel time = Euclidean distance truncated to one decimal, times in tenths, objective = total distance.
 */
public record SolomonInstance(String name, int vehicles, int capacity, double[] x, double[] y, int[] demand, int[] ready, int[] due,
        int[] service) {

    public static SolomonInstance read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String name = lines.getFirst().trim();
        int vehicles = 0;
        int capacity = 0;
        List<int[]> rows = new ArrayList<>();
        List<double[]> xy = new ArrayList<>();
        boolean customers = false;
        boolean vehicleNext = false;
        for (String raw : lines.subList(1, lines.size())) {
            String line = raw.trim();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("VEHICLE")) {
                vehicleNext = true;
                continue;
            }
            if (line.startsWith("CUSTOMER")) {
                customers = true;
                continue;
            }
            String[] t = line.split("\\s+");
            if (!Character.isDigit(t[0].charAt(0))) {
                continue;
            }
            if (vehicleNext && !customers) {
                vehicles = Integer.parseInt(t[0]);
                capacity = Integer.parseInt(t[1]);
                vehicleNext = false;
            } else if (customers) {
                xy.add(new double[] { Double.parseDouble(t[1]), Double.parseDouble(t[2]) });
                rows.add(new int[] { Integer.parseInt(t[3]), Integer.parseInt(t[4]), Integer.parseInt(t[5]), Integer.parseInt(t[6]) });
            }
        }
        int n = rows.size();
        double[] x = new double[n];
        double[] y = new double[n];
        int[] demand = new int[n];
        int[] ready = new int[n];
        int[] due = new int[n];
        int[] service = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = xy.get(i)[0];
            y[i] = xy.get(i)[1];
            demand[i] = rows.get(i)[0];
            ready[i] = rows.get(i)[1];
            due[i] = rows.get(i)[2];
            service[i] = rows.get(i)[3];
        }
        return new SolomonInstance(name, vehicles, capacity, x, y, demand, ready, due, service);
    }

    public int customers() {
        return x.length - 1;
    }

    /** The planning problem: one route per vehicle of the file, one visit per customer (id = customer number). */
    public RoutePlan toPlan() {
        EuclideanMatrix matrix = new EuclideanMatrix(x, y);
        List<CaregiverRoute> routes = new ArrayList<>();
        for (int v = 0; v < vehicles; v++) {
            routes.add(new CaregiverRoute("v" + v, 0, 0, ready[0] * 10L, due[0] * 10L, Long.MAX_VALUE / 4, Map.of(), false,
                    TransportMode.CAR, capacity, matrix));
        }
        List<Visit> visits = new ArrayList<>();
        for (int i = 1; i < x.length; i++) {
            visits.add(new Visit(Integer.toString(i), i, ready[i] * 10L, due[i] * 10L, (due[i] + service[i]) * 10L, service[i] * 10L, null,
                    0, Priority.GREEN, null).withDemand(demand[i]));
        }
        return new RoutePlan(routes, visits, distanceOnlyWeights());
    }

    /** Only travel counts among the soft goals. */
    static ConstraintWeightOverrides<HardMediumSoftScore> distanceOnlyWeights() {
        Map<String, HardMediumSoftScore> w = new HashMap<>();
        w.put(RoutingConstraints.LATENESS, HardMediumSoftScore.ZERO);
        w.put(RoutingConstraints.MAX_LATENESS, HardMediumSoftScore.ZERO);
        w.put(RoutingConstraints.CONTINUITY_OF_CARE, HardMediumSoftScore.ZERO);
        w.put(RoutingConstraints.WORKLOAD_IMBALANCE, HardMediumSoftScore.ZERO);
        return ConstraintWeightOverrides.of(w);
    }

    /** Routes of a solved plan as customer numbers. */
    public static List<List<Integer>> routesOf(RoutePlan plan) {
        List<List<Integer>> routes = new ArrayList<>();
        for (CaregiverRoute r : plan.getRoutes()) {
            if (!r.getVisits().isEmpty()) {
                routes.add(r.getVisits().stream().map(Visit::getLocation).toList());
            }
        }
        return routes;
    }

    /** Distance-only cost: every edge truncated to one decimal, summed (depot to depot per route). */
    public double truncatedDistance(List<List<Integer>> routes) {
        long tenths = 0;
        for (List<Integer> route : routes) {
            int prev = 0;
            for (int c : route) {
                tenths += EuclideanMatrix.truncatedTenths(dist(prev, c));
                prev = c;
            }
            tenths += EuclideanMatrix.truncatedTenths(dist(prev, 0));
        }
        return tenths / 10.0;
    }

    /** Hierarchical-convention distance: double precision edges. */
    public double doubleDistance(List<List<Integer>> routes) {
        double sum = 0;
        for (List<Integer> route : routes) {
            int prev = 0;
            for (int c : route) {
                sum += dist(prev, c);
                prev = c;
            }
            sum += dist(prev, 0);
        }
        return sum;
    }

    /**
     * Checks capacity and time windows (service must start by the due date, back at the depot by its due date) with
     * double-precision travel, or truncated travel when {@code truncated}; returns the violations found (empty if feasible).
     */
    public List<String> violations(List<List<Integer>> routes, boolean truncated) {
        List<String> problems = new ArrayList<>();
        boolean[] seen = new boolean[x.length];
        for (List<Integer> route : routes) {
            double t = ready[0];
            int load = 0;
            int prev = 0;
            for (int c : route) {
                if (seen[c]) {
                    problems.add("customer " + c + " twice");
                }
                seen[c] = true;
                t = Math.max(t + travel(prev, c, truncated), ready[c]);
                if (t > due[c] + 1e-6) {
                    problems.add("customer " + c + " starts at " + t + " after " + due[c]);
                }
                t += service[c];
                load += demand[c];
                prev = c;
            }
            if (t + travel(prev, 0, truncated) > due[0] + 1e-6) {
                problems.add("route " + route + " returns late");
            }
            if (load > capacity) {
                problems.add("route " + route + " carries " + load);
            }
        }
        for (int c = 1; c < x.length; c++) {
            if (!seen[c]) {
                problems.add("customer " + c + " not served");
            }
        }
        return problems;
    }

    private double travel(int a, int b, boolean truncated) {
        return truncated ? EuclideanMatrix.truncatedTenths(dist(a, b)) / 10.0 : dist(a, b);
    }

    private double dist(int a, int b) {
        return Math.hypot(x[a] - x[b], y[a] - y[b]);
    }

    /**
     * Reads an LKH-3 tour ({@code TOUR_SECTION}, node 1 = depot, nodes 2..n+1 = customers 1..n, nodes above = depot
     * copies separating routes, {@code -1} ends).
     */
    public List<List<Integer>> readLkhTour(Path file) throws IOException {
        List<List<Integer>> routes = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        boolean in = false;
        int n = x.length;
        for (String raw : Files.readAllLines(file)) {
            String line = raw.trim();
            if (line.equals("TOUR_SECTION")) {
                in = true;
                continue;
            }
            if (!in || line.isEmpty()) {
                continue;
            }
            int node = Integer.parseInt(line);
            if (node == -1) {
                break;
            }
            if (node == 1 || node > n) {
                if (!current.isEmpty()) {
                    routes.add(current);
                }
                current = new ArrayList<>();
            } else {
                current.add(node - 1);
            }
        }
        if (!current.isEmpty()) {
            routes.add(current);
        }
        return routes;
    }

    /** Reads a SINTEF solution file ({@code Route k : c1 c2 …}). */
    public static List<List<Integer>> readSintefRoutes(Path file) throws IOException {
        List<List<Integer>> routes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.trim().startsWith("Route")) {
                String[] t = line.substring(line.indexOf(':') + 1).trim().split("\\s+");
                List<Integer> r = new ArrayList<>();
                for (String s : t) {
                    r.add(Integer.parseInt(s));
                }
                routes.add(r);
            }
        }
        return routes;
    }
}
