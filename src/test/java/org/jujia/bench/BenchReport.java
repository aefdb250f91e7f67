package org.jujia.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the figures of a bench run, prints them as one block at the end and appends the same block to
 * {@code target/bench-results.txt} (or {@code -Dbench.results=...}). Figures are reported, never asserted.
 */
final class BenchReport {

    private final String title;
    private final List<String> lines = new ArrayList<>();

    BenchReport(String title) {
        this.title = title;
    }

    synchronized void line(String format, Object... args) {
        String s = args.length == 0 ? format : String.format(format, args);
        lines.add(s);
        System.out.println("[bench] " + s);
    }

    synchronized void blank() {
        lines.add("");
    }

    synchronized String block() {
        StringBuilder b = new StringBuilder();
        String head = "==== " + title + " — " + OffsetDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(java.time.ZoneId.systemDefault()))
                .substring(0, 19) + " ====";
        b.append(head).append('\n');
        b.append(String.format("machine: %d cpus, java %s, max heap %d MiB, load average %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, loadAverage()));
        for (String l : lines) {
            b.append(l).append('\n');
        }
        b.append("=".repeat(Math.min(100, head.length()))).append('\n');
        return b.toString();
    }

    /** Prints the block and appends it to the results file. */
    void publish() {
        String block = block();
        System.out.println();
        System.out.print(block);
        Path file = Path.of(System.getProperty("bench.results", "target/bench-results.txt"));
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, block + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            System.out.println("[bench] results appended to " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
