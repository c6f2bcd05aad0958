package vn.loa.bench.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What happened in each second of the run, by series ("answered", "retried", "created", "credits on dashboards"…):
 * the per-fault figures (rate before a kill, lowest rate, time until the rate is back) and the chart are read from it.
 */
final class Timeline {

    static final String ANSWERED = "answered";
    static final String RETRIED = "retried";
    static final String GAVE_UP = "gave up";
    static final String CREATED = "items created";
    static final String READS = "reads";
    static final String DASHBOARD_CREDITS = "credits on dashboards";

    private final Instant t0;
    private final int seconds;
    private final Map<String, AtomicLongArray> series = new ConcurrentHashMap<>();

    Timeline(Instant t0, Duration length) {
        this.t0 = t0;
        this.seconds = (int) length.toSeconds() + 1;
    }

    void mark(String name) {
        add(name, Duration.between(t0, Instant.now()).toSeconds(), 1);
    }

    void add(String name, long second, long n) {
        if (second >= 0 && second < seconds) {
            series.computeIfAbsent(name, k -> new AtomicLongArray(seconds)).addAndGet((int) second, n);
        }
    }

    /** Seconds since the start of the run. */
    double now() {
        return Duration.between(t0, Instant.now()).toMillis() / 1000.0;
    }

    long at(String name, int second) {
        AtomicLongArray a = series.get(name);
        return a == null || second < 0 || second >= seconds ? 0 : a.get(second);
    }

    /** The mean per second over [from, to). */
    double rate(String name, int from, int to) {
        return to <= from ? 0 : (double) sum(name, from, to) / (to - from);
    }

    /** The median of the per-second counts over [from, to): the usual rate, whatever the dips and catch-ups. */
    double median(String name, int from, int to) {
        if (to <= from) {
            return 0;
        }
        long[] v = new long[to - from];
        for (int s = from; s < to; s++) {
            v[s - from] = at(name, s);
        }
        java.util.Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
    }

    long sum(String name, int from, int to) {
        long sum = 0;
        for (int s = from; s < to; s++) {
            sum += at(name, s);
        }
        return sum;
    }

    /**
     * How a rate went through a fault killed at {@code killedAt}: the lowest 3-second mean between the kill and
     * {@code until}, and the seconds from the kill until the 3-second mean is back at {@code share} of
     * {@code normal} after that lowest point (0: it never fell below; -1: not back before {@code until}).
     */
    Dip dip(String name, double killedAt, double until, double normal, double share) {
        int from = (int) Math.floor(killedAt);
        int to = (int) Math.ceil(until);
        double lowest = Double.MAX_VALUE;
        int lowestAt = from;
        for (int s = from; s + 3 <= to; s++) {
            double r = rate(name, s, s + 3);
            if (r < lowest) {
                lowest = r;
                lowestAt = s;
            }
        }
        if (lowest == Double.MAX_VALUE) {
            return new Dip(rate(name, from, to), 0);
        }
        double threshold = normal * share;
        if (lowest >= threshold) {
            return new Dip(lowest, 0);
        }
        for (int s = lowestAt + 1; s + 3 <= to; s++) {
            if (rate(name, s, s + 3) >= threshold) {
                return new Dip(lowest, s + 3 - killedAt);
            }
        }
        return new Dip(lowest, -1);
    }

    record Dip(double lowest, double backAfterSeconds) {
    }

    /** Every series, second by second up to {@code last}. */
    Map<String, long[]> export(int last) {
        Map<String, long[]> out = new TreeMap<>();
        int n = Math.min(seconds, last + 1);
        series.forEach((name, a) -> {
            long[] v = new long[n];
            for (int s = 0; s < n; s++) {
                v[s] = a.get(s);
            }
            out.put(name, v);
        });
        return out;
    }
}
