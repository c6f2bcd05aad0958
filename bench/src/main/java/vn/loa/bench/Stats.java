package vn.loa.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Percentiles of a sample of durations, in milliseconds (for the benchmarks' tables and JSON). */
public final class Stats {

    private Stats() {
    }

    /** samples, p50Ms, p90Ms, p99Ms, maxMs, meanMs of durations given in nanoseconds. */
    public static Map<String, Object> of(long[] nanos) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("samples", nanos.length);
        if (nanos.length == 0) {
            return s;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        s.put("p50Ms", ms(percentile(sorted, 0.50)));
        s.put("p90Ms", ms(percentile(sorted, 0.90)));
        s.put("p99Ms", ms(percentile(sorted, 0.99)));
        s.put("maxMs", ms(sorted[sorted.length - 1]));
        s.put("meanMs", ms((long) Arrays.stream(sorted).average().orElse(0)));
        return s;
    }

    /** The p-quantile (0 < p ≤ 1) of a sorted sample, nearest-rank. */
    public static long percentile(long[] sorted, double p) {
        return sorted[(int) Math.max(0, Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1))];
    }

    public static double ms(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }
}
