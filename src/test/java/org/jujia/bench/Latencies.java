package org.jujia.bench;

import java.util.Arrays;

/** Latency samples of one measured run, in nanoseconds, and the wall-clock time the run took. */
final class Latencies {

    private final long[] samples;
    private int count;
    private int errors;
    private long wallNanos;

    Latencies(int capacity) {
        samples = new long[capacity];
    }

    synchronized void add(long nanos, boolean ok) {
        if (!ok) {
            errors++;
        }
        if (count < samples.length) {
            samples[count++] = nanos;
        }
    }

    void wall(long nanos) {
        wallNanos = nanos;
    }

    int count() {
        return count;
    }

    int errors() {
        return errors;
    }

    /** Nearest-rank percentile in milliseconds. */
    synchronized double percentileMs(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }

    synchronized double maxMs() {
        return count == 0 ? Double.NaN : Arrays.stream(samples, 0, count).max().orElse(0) / 1e6;
    }

    double throughput() {
        return wallNanos == 0 ? Double.NaN : count / (wallNanos / 1e9);
    }

    /** One aligned line: label, n, p50/p95/p99/max, req/s, errors, and whether p95 meets the target. */
    String line(String label, double targetP95Ms) {
        double p95 = percentileMs(95);
        return String.format("%-34s n=%4d  p50=%7.2f  p95=%7.2f  p99=%7.2f  max=%8.2f ms  %7.1f req/s  err=%d  %s", label, count,
                percentileMs(50), p95, percentileMs(99), maxMs(), throughput(), errors,
                p95 < targetP95Ms ? "ok (<" + (int) targetP95Ms + ")" : "MISS (p95>=" + (int) targetP95Ms + ")");
    }
}
