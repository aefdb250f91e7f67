package org.jujia.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jujia.dispatch.internal.planning.DistrictDay;
import org.jujia.dispatch.internal.planning.MankowskaInstance;
import org.jujia.dispatch.internal.planning.RoutePlan;
import org.jujia.dispatch.internal.planning.RouteSolver;
import org.jujia.dispatch.internal.planning.SolomonInstance;

/**
 * {@code bench routing}: solves public routing benchmarks with the dispatch planner (pure solver, no Spring) and
 * prints one {@code BENCH routing …} line per instance and seed plus a median-gap summary per instance; or, with
 * {@code --district}, a generated Suzhou day ({@code --visits 1500 --caregivers 120}).
 * Solomon instances (C101, R201…) use the distance-only convention (edges truncated to one decimal, BKS column
 * {@code dist_only_distance_trunc1}); Mankowska instances (A1…G10, or file names) use (travel + Σ tardiness + max
 * tardiness) / 3 against {@code BKS_min}.
 */
final class RoutingBench {

    static final List<String> ANCHORS = List.of("C101", "R101", "RC101", "R201", "B1", "C2");

    private RoutingBench() {
    }

    static int run(BenchOptions options) throws IOException {
        int budget = options.integer("budget", 10);
        int seeds = options.integer("seeds", 1);
        if (options.values().containsKey("district")) {
            return district(options.integer("visits", 1500), options.integer("caregivers", 120), budget, seeds);
        }
        Path data = Path.of(options.text("data", "../shared/bench/routing"));
        List<String> instances = options.values().containsKey("instances")
                ? Arrays.asList(options.text("instances", "").split(","))
                : ANCHORS;
        Map<String, String[]> solomonBks = csv(data.resolve("solomon/solomon_bks.csv"));
        Map<String, String[]> mankowskaBks = csv(data.resolve("mankowska/mankowska_bks.csv"));
        Map<String, List<Double>> gaps = new LinkedHashMap<>();
        for (String name : instances) {
            for (int seed = 1; seed <= seeds; seed++) {
                Line line;
                if (solomonBks.containsKey(name)) {
                    line = solomon(data, name, Double.parseDouble(solomonBks.get(name)[4]), budget, seed);
                } else if (mankowskaBks.containsKey(name)) {
                    String[] row = mankowskaBks.get(name);
                    line = mankowska(data.resolve("mankowska/instances").resolve(row[1]), name, Double.parseDouble(row[9]), budget, seed);
                } else {
                    System.err.println("unknown instance " + name);
                    return 2;
                }
                System.out.println(line.format(budget, seed));
                System.out.flush();
                gaps.computeIfAbsent(name, k -> new ArrayList<>()).add(line.gap());
            }
        }
        StringBuilder summary = new StringBuilder("BENCH routing summary budget=" + budget + "s seeds=" + seeds);
        gaps.forEach((name, g) -> summary.append(String.format(Locale.ROOT, " %s=%.2f%%", name, median(g))));
        System.out.println(summary);
        return 0;
    }

    private static Line solomon(Path data, String name, double bks, int budget, int seed) throws IOException {
        SolomonInstance instance = SolomonInstance.read(data.resolve("solomon/instances/" + name + ".txt"));
        RouteSolver.Result result = RouteSolver.solve(instance.toPlan(), Duration.ofSeconds(budget), seed);
        RoutePlan plan = result.plan();
        double objective = instance.truncatedDistance(SolomonInstance.routesOf(plan));
        return new Line(name, "dist-only", objective, bks, plan);
    }

    private static Line mankowska(Path file, String name, double bks, int budget, int seed) throws IOException {
        MankowskaInstance instance = MankowskaInstance.read(file);
        RouteSolver.Result result = RouteSolver.solve(instance.toPlan(), Duration.ofSeconds(budget), seed);
        RoutePlan plan = result.plan();
        double objective = instance.cost(plan).objective();
        return new Line(name, "mankowska", objective, bks, plan);
    }

    private static int district(int visits, int caregivers, int budget, int seeds) {
        for (int seed = 1; seed <= seeds; seed++) {
            long t0 = System.nanoTime();
            RoutePlan problem = DistrictDay.generate(visits, caregivers, seed);
            long setupMillis = (System.nanoTime() - t0) / 1_000_000;
            RouteSolver.Result result = RouteSolver.solve(problem, Duration.ofSeconds(budget), seed);
            RoutePlan plan = result.plan();
            System.out.printf(Locale.ROOT,
                    "BENCH routing district visits=%d caregivers=%d budget=%ds seed=%d feasible=%s hard=%d unassigned=%d score=%s "
                            + "setup=%dms first_feasible=%s peak_heap=%dMB%n",
                    visits, caregivers, budget, seed, plan.getScore().isFeasible(), -plan.getScore().hardScore(), plan.unassignedCount(),
                    plan.getScore(), setupMillis, result.firstFeasibleMillis() < 0 ? "never" : result.firstFeasibleMillis() + "ms",
                    peakHeapMegabytes());
        }
        return 0;
    }

    static long peakHeapMegabytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum / (1024 * 1024);
    }

    private static Map<String, String[]> csv(Path file) throws IOException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return rows;
        }
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            rows.put(cells[0], cells);
        }
        return rows;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private record Line(String name, String convention, double objective, double bks, RoutePlan plan) {

        double gap() {
            return 100 * (objective - bks) / bks;
        }

        String format(int budget, int seed) {
            return String.format(Locale.ROOT,
                    "BENCH routing instance=%s convention=%s budget=%ds seed=%d objective=%.2f bks=%.2f gap=%.2f%% vehicles=%d hard=%d unassigned=%d",
                    name, convention, budget, seed, objective, bks, gap(), plan.usedRoutes(), -plan.getScore().hardScore(),
                    plan.unassignedCount());
        }
    }
}
