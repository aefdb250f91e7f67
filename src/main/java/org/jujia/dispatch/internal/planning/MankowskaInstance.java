package org.jujia.dispatch.internal.planning;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Mankowska, Meisel &amp; Bierwirth (2014) home-health-care instance (HHCRSP keyword format: {@code nbNodes nbVehi
 * nbServi r DS a x y d p mind maxd e l}). Node 0 and node {@code nbNodes-1} are the depot; each patient needs one
 * service, or two (a double service, {@code DS}) done by two caregivers either simultaneously ({@code mind = maxd = 0})
 * or with the lower-numbered service first and the second starting {@code mind..maxd} later. Service may start at
 * {@code e}; starting after {@code l} is tardiness (soft). Objective: (travel + total tardiness + max tardiness) / 3.
 */
public record MankowskaInstance(String name, int nodes, int vehicles, int services, int[][] requires, Set<Integer> doubleService,
        int[][] qualified, double[][] distance, double[][] processing, double[] minDelay, double[] maxDelay, double[] earliest,
        double[] latest) {

    /** Times in hundredths: the scale used in the planning problem. */
    public static final double SCALE = 100;

    public static MankowskaInstance read(Path file) throws IOException {
        List<String> tokens = new ArrayList<>(Arrays.asList(Files.readString(file).trim().split("\\s+")));
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (Character.isLetter(t.charAt(0))) {
                at.put(t, i + 1);
            }
        }
        int n = Integer.parseInt(tokens.get(at.get("nbNodes")));
        int v = Integer.parseInt(tokens.get(at.get("nbVehi")));
        int s = Integer.parseInt(tokens.get(at.get("nbServi")));
        int[][] r = new int[n][s];
        int p = at.get("r");
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < s; k++) {
                r[i][k] = (int) Double.parseDouble(tokens.get(p++));
            }
        }
        Set<Integer> ds = new HashSet<>();
        for (int i = at.get("DS"); i < at.get("a") - 1; i++) {
            ds.add(Integer.parseInt(tokens.get(i)) - 1);
        }
        int[][] a = new int[v][s];
        p = at.get("a");
        for (int j = 0; j < v; j++) {
            for (int k = 0; k < s; k++) {
                a[j][k] = (int) Double.parseDouble(tokens.get(p++));
            }
        }
        double[][] d = new double[n][n];
        p = at.get("d");
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = Double.parseDouble(tokens.get(p++));
            }
        }
        double[][] proc = new double[n][s];
        p = at.get("p");
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < v; j++) {
                for (int k = 0; k < s; k++) {
                    double value = Double.parseDouble(tokens.get(p++));
                    if (j == 0) {
                        proc[i][k] = value;
                    }
                }
            }
        }
        return new MankowskaInstance(file.getFileName().toString().replace(".txt", ""), n, v, s, r, ds, a, d, proc,
                doubles(tokens, at.get("mind"), n), doubles(tokens, at.get("maxd"), n), doubles(tokens, at.get("e"), n),
                doubles(tokens, at.get("l"), n));
    }

    private static double[] doubles(List<String> tokens, int from, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = Double.parseDouble(tokens.get(from + i));
        }
        return values;
    }

    public int patients() {
        return nodes - 2;
    }

    /** Services of a patient node, in increasing order. */
    public List<Integer> servicesOf(int node) {
        List<Integer> list = new ArrayList<>();
        for (int k = 0; k < services; k++) {
            if (requires[node][k] == 1) {
                list.add(k);
            }
        }
        return list;
    }

    /** Visit id of service {@code k} at {@code node}. */
    static String visitId(int node, int k) {
        return node + "/" + k;
    }

    /** The planning problem: one route per caregiver from and to the depot, one visit per required service. */
    public RoutePlan toPlan() {
        ExplicitMatrix matrix = new ExplicitMatrix(distance, SCALE);
        List<CaregiverRoute> routes = new ArrayList<>();
        for (int j = 0; j < vehicles; j++) {
            Map<String, Integer> quals = new HashMap<>();
            for (int k = 0; k < services; k++) {
                if (qualified[j][k] == 1) {
                    quals.put("s" + k, 0);
                }
            }
            routes.add(new CaregiverRoute("c" + j, 0, nodes - 1, 0, Long.MAX_VALUE / 4, Long.MAX_VALUE / 4, quals, false, TransportMode.CAR,
                    0, matrix));
        }
        List<Visit> visits = new ArrayList<>();
        for (int i = 1; i < nodes - 1; i++) {
            List<Visit> ofPatient = new ArrayList<>();
            for (int k : servicesOf(i)) {
                Visit visit = new Visit(visitId(i, k), i, scaled(earliest[i]), scaled(latest[i]), Long.MAX_VALUE / 4,
                        scaled(processing[i][k]), "s" + k, 0, Priority.GREEN, null);
                ofPatient.add(visit);
                visits.add(visit);
            }
            if (ofPatient.size() == 2) {
                Visit.synchronise(ofPatient.get(0), ofPatient.get(1), scaled(minDelay[i]), scaled(maxDelay[i]));
            } else if (ofPatient.size() > 2) {
                throw new IllegalArgumentException("node " + i + " needs " + ofPatient.size() + " services");
            }
        }
        return new RoutePlan(routes, visits, mankowskaWeights());
    }

    private static long scaled(double value) {
        return Math.round(value * SCALE);
    }

    /** Travel, total tardiness and maximum tardiness count, equally; nothing else soft. */
    static ConstraintWeightOverrides<HardMediumSoftScore> mankowskaWeights() {
        Map<String, HardMediumSoftScore> w = new HashMap<>();
        w.put(RoutingConstraints.LATENESS, HardMediumSoftScore.ONE_SOFT);
        w.put(RoutingConstraints.MAX_LATENESS, HardMediumSoftScore.ONE_SOFT);
        w.put(RoutingConstraints.CONTINUITY_OF_CARE, HardMediumSoftScore.ZERO);
        w.put(RoutingConstraints.WORKLOAD_IMBALANCE, HardMediumSoftScore.ZERO);
        return ConstraintWeightOverrides.of(w);
    }

    /**
     * The published objective of a schedule: {@code (travel + Σ tardiness + max tardiness) / 3}, with travel summed
     * in double precision over every route (depot to depot) and tardiness from the service start times.
     *
     * @param routes    per caregiver, the patient nodes in visiting order
     * @param startTime start time of each service, by {@link #visitId(int, int)}
     */
    public Cost cost(List<List<Integer>> routes, Map<String, Double> startTime) {
        double travel = 0;
        for (List<Integer> route : routes) {
            int prev = 0;
            for (int node : route) {
                travel += distance[prev][node];
                prev = node;
            }
            if (!route.isEmpty()) {
                travel += distance[prev][nodes - 1];
            }
        }
        double total = 0;
        double max = 0;
        for (Map.Entry<String, Double> e : startTime.entrySet()) {
            int node = Integer.parseInt(e.getKey().substring(0, e.getKey().indexOf('/')));
            double late = Math.max(0, e.getValue() - latest[node]);
            total += late;
            max = Math.max(max, late);
        }
        return new Cost(travel, total, max);
    }

    /** The published objective of a solved plan. */
    public Cost cost(RoutePlan plan) {
        List<List<Integer>> routes = new ArrayList<>();
        Map<String, Double> starts = new HashMap<>();
        for (CaregiverRoute r : plan.getRoutes()) {
            routes.add(r.getVisits().stream().map(Visit::getLocation).toList());
            for (Visit v : r.getVisits()) {
                starts.put(v.getId(), v.getStartTime() / SCALE);
            }
        }
        return cost(routes, starts);
    }

    /** @return the Mankowska objective {@code (travel + totalTardiness + maxTardiness) / 3} */
    public record Cost(double travel, double totalTardiness, double maxTardiness) {
        public double objective() {
            return (travel + totalTardiness + maxTardiness) / 3;
        }
    }
}
