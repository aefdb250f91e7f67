package org.jujia.bench;

import java.util.Arrays;

/** {@code bench <name> [options]}: dispatches to a benchmark. */
public final class BenchCommand {

    private BenchCommand() {
    }

    public static boolean isBench(String[] args) {
        return args != null && args.length > 0 && "bench".equals(args[0]);
    }

    /** Runs the benchmark named by {@code args[1]} and returns the process exit code. */
    public static int run(String[] args, Class<?> application) throws Exception {
        String name = args.length > 1 ? args[1] : "";
        String[] rest = args.length > 2 ? Arrays.copyOfRange(args, 2, args.length) : new String[0];
        switch (name) {
            case "alarms":
                return AlarmBench.run(BenchOptions.parse(rest), application);
            case "orders":
                return OrderBench.run(BenchOptions.parse(rest), application);
            case "checkins":
                return CheckInBench.run(BenchOptions.parse(rest), application);
            case "settlement":
                return SettlementBench.run(BenchOptions.parse(rest), application);
            case "routing":
                return RoutingBench.run(BenchOptions.parse(rest));
            default:
                System.err.println("""
                        usage: java -jar jujia.jar bench alarms [--devices 10000] [--rate 5000] [--duration 60] [--alarms-per-second 20]
                               [--devices-per-connection 10] [--warmup 15] [--ingest-workers 2] [--notification-concurrency 16] [--db-pool 16] [--data <dir>] [--mqtt-url tcp://host:1883 --mqtt-username u --mqtt-password p]
                               [--db-url jdbc:postgresql://… --db-username u --db-password p] [--drain 60] [--checkpoint-at <s>]
                       java -jar jujia.jar bench orders [--elders 2000] [--days 14] [--threads 1] [--data <dir>]
                       java -jar jujia.jar bench checkins [--caregivers 200] [--duration 30] [--visits-per-caregiver 150] [--data <dir>]
                       java -jar jujia.jar bench routing [--data ../shared/bench/routing] [--budget 10] [--seeds 1] [--instances C101,R101,RC101,R201,B1,C2]
                       java -jar jujia.jar bench routing --district [--visits 1500] [--caregivers 120] [--budget 60] [--seeds 1]
                       java -jar jujia.jar bench settlement [--visits 1000000] [--data <dir>] [--db-url jdbc:postgresql://… --db-username u --db-password p]""");
                return 2;
        }
    }
}
