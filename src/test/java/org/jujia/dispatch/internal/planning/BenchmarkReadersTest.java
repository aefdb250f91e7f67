package org.jujia.dispatch.internal.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The readers of {@code ../shared/bench/routing} (override with {@code -Djujia.bench.routing=<dir>}): the best-known
 * routes shipped with the data recompute to their published costs, both by the readers' evaluators and as a solution
 * of the planning model (feasible, soft score = the distance in tenths).
 */
class BenchmarkReadersTest {

    static final Path DATA = Path.of(System.getProperty("jujia.bench.routing", "../shared/bench/routing"));

    @BeforeAll
    static void dataPresent() {
        assumeTrue(Files.isDirectory(DATA.resolve("solomon")), "benchmark data folder not found at " + DATA.toAbsolutePath());
    }

    static SolomonInstance solomon(String name) throws IOException {
        return SolomonInstance.read(DATA.resolve("solomon/instances/" + name + ".txt"));
    }

    static Path tour(String convention, String name) throws IOException {
        try (Stream<Path> files = Files.list(DATA.resolve("solomon/lkh3_tours/" + convention))) {
            return files.filter(p -> p.getFileName().toString().startsWith(name + ".")).findFirst().orElseThrow();
        }
    }

    @Test
    void solomonReaderParsesTheHeaderAndEveryCustomer() throws IOException {
        SolomonInstance c101 = solomon("C101");
        assertThat(c101.name()).isEqualTo("C101");
        assertThat(c101.vehicles()).isEqualTo(25);
        assertThat(c101.capacity()).isEqualTo(200);
        assertThat(c101.customers()).isEqualTo(100);
        assertThat(c101.due()[0]).isEqualTo(1236);
        assertThat(c101.x()[1]).isEqualTo(45);
        assertThat(c101.ready()[1]).isEqualTo(912);
        assertThat(c101.service()[1]).isEqualTo(90);
        assertThat(c101.demand()[100]).isPositive();
    }

    @ParameterizedTest
    @CsvSource({ "C101,10,827.3", "R101,20,1637.7", "RC101,15,1619.8", "R201,8,1143.2", "C201,3,589.1", "RC201,9,1261.8" })
    void lkhDistanceOnlyToursRecomputeToTheirPublishedCost(String name, int vehicles, double cost) throws IOException {
        SolomonInstance instance = solomon(name);
        List<List<Integer>> routes = instance.readLkhTour(tour("dist_only_trunc1", name));
        assertThat(routes).hasSize(vehicles);
        assertThat(instance.violations(routes, true)).isEmpty();
        assertThat(instance.truncatedDistance(routes)).isCloseTo(cost, within(1e-6));

        RoutePlan plan = instance.toPlan();
        Map<Integer, Visit> byCustomer = new HashMap<>();
        plan.getVisits().forEach(v -> byCustomer.put(v.getLocation(), v));
        for (int r = 0; r < routes.size(); r++) {
            plan.getRoutes().get(r).setVisits(new ArrayList<>(routes.get(r).stream().map(byCustomer::get).toList()));
        }
        SolutionManager.updateShadowVariables(plan);
        assertThat(SolomonInstance.routesOf(plan)).isEqualTo(routes);
        SolutionManager<RoutePlan, HardMediumSoftScore> manager = SolutionManager.create(
                SolverFactory.<RoutePlan>create(RouteSolver.config(Duration.ofSeconds(1), 1)));
        HardMediumSoftScore score = manager.update(plan);
        assertThat(score.hardScore()).isZero();
        assertThat(score.mediumScore()).isZero();
        assertThat(-score.softScore()).isEqualTo(Math.round(cost * 10));
    }

    @ParameterizedTest
    @CsvSource({ "C101,c101.txt,828.94", "R101,r101.txt,1650.80", "RC101,rc101.txt,1696.95", "R201,r201.txt,1252.37" })
    void sintefRoutesRecomputeToTheHierarchicalBestKnownDistance(String name, String file, double cost) throws IOException {
        SolomonInstance instance = solomon(name);
        List<List<Integer>> routes = SolomonInstance.readSintefRoutes(DATA.resolve("solomon/sintef_bks_routes/" + file));
        assertThat(instance.violations(routes, false)).isEmpty();
        assertThat(instance.doubleDistance(routes)).isCloseTo(cost, within(0.005));
    }

    @Test
    void lkhHierarchicalTourOfC101RecomputesInDoublePrecision() throws IOException {
        SolomonInstance instance = solomon("C101");
        List<List<Integer>> routes = instance.readLkhTour(tour("hierarchical_exact", "C101"));
        assertThat(routes).hasSize(10);
        assertThat(instance.violations(routes, false)).isEmpty();
        assertThat(instance.doubleDistance(routes)).isCloseTo(828.937, within(0.001));
    }

    @Test
    void mankowskaReaderParsesServicesQualificationsDoubleServicesAndWindows() throws IOException {
        MankowskaInstance b1 = MankowskaInstance.read(DATA.resolve("mankowska/instances/InstanzCPLEX_HCSRP_25_1.txt"));
        assertThat(b1.nodes()).isEqualTo(27);
        assertThat(b1.patients()).isEqualTo(25);
        assertThat(b1.vehicles()).isEqualTo(5);
        assertThat(b1.services()).isEqualTo(6);
        assertThat(b1.doubleService()).containsExactlyInAnyOrder(18, 19, 20, 21, 22, 23, 24, 25);
        assertThat(b1.servicesOf(1)).containsExactly(3);
        assertThat(b1.servicesOf(18)).containsExactly(4, 5);
        assertThat(b1.qualified()[1]).containsExactly(0, 1, 1, 0, 0, 0);
        assertThat(b1.distance()[0][1]).isEqualTo(49.0408);
        assertThat(b1.distance()[0][26]).isZero();
        assertThat(b1.processing()[1][3]).isEqualTo(14.0);
        assertThat(b1.minDelay()[18]).isZero();
        assertThat(b1.maxDelay()[18]).isZero();
        assertThat(b1.minDelay()[22]).isEqualTo(7);
        assertThat(b1.maxDelay()[22]).isEqualTo(14);
        assertThat(b1.earliest()[1]).isEqualTo(345);
        assertThat(b1.latest()[1]).isEqualTo(465);

        RoutePlan plan = b1.toPlan();
        // 17 single-service patients + 8 double ones
        assertThat(plan.getVisits()).hasSize(17 + 2 * 8);
        assertThat(plan.getVisits().stream().filter(v -> v.getPartner() != null)).hasSize(16);
        assertThat(plan.getRoutes()).hasSize(5);
    }

    @Test
    void mankowskaObjectiveIsTravelPlusTotalAndMaximumTardinessOverThree() throws IOException {
        MankowskaInstance b1 = MankowskaInstance.read(DATA.resolve("mankowska/instances/InstanzCPLEX_HCSRP_25_1.txt"));
        // one caregiver visits patient 1 (window 345..465) starting at 470 (5 late) and patient 2 at 400 (12 late)
        List<List<Integer>> routes = List.of(List.of(1, 2), List.of());
        MankowskaInstance.Cost cost = b1.cost(routes, Map.of("1/3", 470.0, "2/4", 400.0));
        double travel = b1.distance()[0][1] + b1.distance()[1][2] + b1.distance()[2][26];
        assertThat(cost.travel()).isCloseTo(travel, within(1e-9));
        assertThat(cost.totalTardiness()).isCloseTo(5 + 12, within(1e-9));
        assertThat(cost.maxTardiness()).isCloseTo(12, within(1e-9));
        assertThat(cost.objective()).isCloseTo((travel + 17 + 12) / 3, within(1e-9));
    }
}
