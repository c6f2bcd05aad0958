package vn.loa.bench.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Memory and CPU of each part of the stack, read from {@code /proc}: every part is the leader of its own process
 * group ({@code data/run/PART.pid}), so a part's figures are its whole group's (Keycloak's kc.sh and its JVM).
 */
final class Footprint {

    private static final long PAGE = 4096;
    private static final double TICKS = 100.0; // USER_HZ on Linux

    private final Path run;

    Footprint(Path data) {
        this.run = data.resolve("run");
    }

    /** part → process group id, for the parts running now. */
    Map<String, Integer> parts() {
        Map<String, Integer> parts = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(run)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".pid")).sorted().toList()) {
                String part = f.getFileName().toString().replace(".pid", "");
                if (!part.equals("aot-training")) {
                    parts.put(part, Integer.parseInt(Files.readString(f).strip()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("no " + run + ": is the stack running (./loa up)?", e);
        }
        return parts;
    }

    /**
     * One reading: per part, resident memory (bytes), proportional set size (bytes: shared pages divided among the
     * processes that map them, so the parts' PSS add up to what the stack really occupies) and CPU time used so far
     * (seconds).
     */
    record Reading(long nanoTime, Map<String, Long> rss, Map<String, Long> pss, Map<String, Double> cpuSeconds) {

        long totalRss() {
            return rss.values().stream().mapToLong(Long::longValue).sum();
        }

        long totalPss() {
            return pss.values().stream().mapToLong(Long::longValue).sum();
        }

        /** CPU used per part between two readings, in % of one core. */
        Map<String, Double> cpuPercentSince(Reading earlier) {
            double seconds = (nanoTime - earlier.nanoTime) / 1e9;
            Map<String, Double> pct = new LinkedHashMap<>();
            cpuSeconds.forEach((part, s) -> pct.put(part,
                    Math.round((s - earlier.cpuSeconds.getOrDefault(part, s)) / seconds * 1000) / 10.0));
            return pct;
        }
    }

    /** Reads every process's stat once and adds it up per part (by process group); "bench" is this JVM. */
    Reading read() {
        Map<Integer, String> byGroup = new HashMap<>();
        parts().forEach((part, pgid) -> byGroup.put(pgid, part));
        long self = ProcessHandle.current().pid();
        Map<String, Long> rss = new LinkedHashMap<>();
        Map<String, Long> pss = new LinkedHashMap<>();
        Map<String, Double> cpu = new LinkedHashMap<>();
        byGroup.values().forEach(p -> {
            rss.put(p, 0L);
            pss.put(p, 0L);
            cpu.put(p, 0.0);
        });
        rss.put("bench", 0L);
        pss.put("bench", 0L);
        cpu.put("bench", 0.0);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                String stat;
                try {
                    stat = Files.readString(p.resolve("stat"));
                } catch (IOException gone) {
                    continue; // the process ended meanwhile
                }
                // fields after "(comm)": state ppid pgrp … utime(14) stime(15) … rss(24)
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                int pgrp = Integer.parseInt(f[2]);
                long pid = Long.parseLong(p.getFileName().toString());
                String part = pid == self ? "bench" : byGroup.get(pgrp);
                if (part == null) {
                    continue;
                }
                rss.merge(part, Long.parseLong(f[21]) * PAGE, Long::sum);
                pss.merge(part, pssOf(p), Long::sum);
                cpu.merge(part, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS, Double::sum);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc", e);
        }
        return new Reading(System.nanoTime(), rss, pss, cpu);
    }

    /** The process's proportional set size from /proc/PID/smaps_rollup ("Pss: N kB"), 0 when it cannot be read. */
    private static long pssOf(Path proc) {
        try {
            for (String line : Files.readAllLines(proc.resolve("smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended meanwhile, or the kernel has no smaps_rollup
        }
        return 0;
    }

    static Map<String, Object> rssTable(Reading r) {
        Map<String, Object> m = new LinkedHashMap<>();
        r.rss().forEach((part, bytes) -> m.put(part, mib(bytes)));
        m.put("totalStackMiB", mib(r.totalRss() - r.rss().getOrDefault("bench", 0L)));
        return m;
    }

    /** PSS per part (MiB) and the stack's total without the benchmark's own JVM. */
    static Map<String, Object> pssTable(Reading r) {
        Map<String, Object> m = new LinkedHashMap<>();
        r.pss().forEach((part, bytes) -> m.put(part, mib(bytes)));
        m.put("totalStackMiB", mib(r.totalPss() - r.pss().getOrDefault("bench", 0L)));
        return m;
    }

    static long mib(long bytes) {
        return Math.round(bytes / (1024.0 * 1024));
    }

    /** The part using the most CPU in a window, and how much of the machine all parts used. */
    static String busiest(Map<String, Double> pct) {
        return pct.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(3)
                .map(e -> e.getKey() + " " + e.getValue() + "%").reduce((a, b) -> a + ", " + b).orElse("-");
    }
}
