package vn.loa.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.channel.Engagement.Figure;
import vn.loa.channel.Visitor;
import vn.loa.channel.internal.EngagementCounter;

/**
 * What counting adds to one page view, measured in-process where the stack's noise does not hide it
 * ({@code ./loa bench counting}, issue 21): {@link EngagementCounter#count} for {@code bench.calls} (1,000,000) new
 * visitors (hash, a new key kept, an increment — the worst case), then for the same visitors again (hash, key seen),
 * each call timed; then one flush of a window holding {@code bench.items} (10,000) items. Floor: an empty timed call
 * (the cost of reading the clock twice). Writes bench/results/counting-&lt;date&gt;.md and .json.
 */
public final class CountingCost {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CALLS = Integer.getInteger("bench.calls", 1_000_000);
    private static final int ITEMS = Integer.getInteger("bench.items", 10_000);

    public static void main(String[] args) throws Exception {
        EngagementCounter counter = new EngagementCounter(true, Clock.systemUTC(), "bench", 4_000_000, events -> { });
        Visitor[] visitors = new Visitor[CALLS];
        for (int i = 0; i < CALLS; i++) {
            visitors[i] = new Visitor("10." + ((i >> 16) & 255) + "." + ((i >> 8) & 255) + "." + (i & 255),
                    "Mozilla/5.0 (Linux; Android 14) Chrome/131.0 Mobile");
        }
        // warm-up on another commune
        for (int i = 0; i < 200_000; i++) {
            counter.count("00004", "portal", "warm-" + (i % 100), null, Figure.VIEWS, visitors[i % CALLS]);
        }
        long[] empty = new long[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long t = System.nanoTime();
            empty[i] = System.nanoTime() - t;
        }
        long heapBefore = usedAfterGc();
        long[] fresh = new long[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long t = System.nanoTime();
            counter.count("10804", "portal", "item-" + (i % 10), "req", Figure.VIEWS, visitors[i]);
            fresh[i] = System.nanoTime() - t;
        }
        long[] seen = new long[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long t = System.nanoTime();
            counter.count("10804", "portal", "item-" + (i % 10), "req", Figure.VIEWS, visitors[i]);
            seen[i] = System.nanoTime() - t;
        }
        int keys = counter.keysToday();
        long heapAfter = usedAfterGc();
        counter.flush();
        for (int i = 0; i < ITEMS; i++) {
            counter.count("10804", "portal", "flush-" + i, null, Figure.VIEWS, visitors[i % CALLS]);
        }
        Thread.sleep(2);
        long t = System.nanoTime();
        int windows = counter.flush().size();
        long flush = System.nanoTime() - t;

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("date", LocalDate.now().toString());
        result.put("emptyTimedCallNs", nanos(empty));
        result.put("countNewVisitorNs", nanos(fresh));
        result.put("countSeenVisitorNs", nanos(seen));
        result.put("visitorKeysHeld", keys);
        result.put("bytesPerKeyHeld", Math.round((heapAfter - heapBefore) / (double) CALLS));
        result.put("flushWindowsOf" + ITEMS + "ItemsMs", Math.round(flush / 1e4) / 100.0);
        result.put("windowsFlushed", windows);
        Path dir = Path.of(Files.isDirectory(Path.of("bench")) ? "bench/results" : "results");
        Files.createDirectories(dir);
        String name = "counting-" + result.get("date");
        Files.writeString(dir.resolve(name + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        StringBuilder md = new StringBuilder("# Counting a page view — ").append(result.get("date")).append("\n\n")
                .append("`./loa bench counting` (issue 21): `EngagementCounter.count` in-process, one thread, ")
                .append(CALLS).append(" calls each, every call timed with `System.nanoTime` (its own cost is the")
                .append(" floor, `emptyTimedCallNs`). New visitor = HMAC-SHA256 of the visitor, a new key kept, an")
                .append(" increment (what the read-load bench's every request costs); seen visitor = the hash and a")
                .append(" look-up. Shared 2-core machine.\n\n| figure | value |\n|---|---|\n");
        result.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        Files.writeString(dir.resolve(name + ".md"), md.toString());
        System.out.println(md);
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }

    private static Map<String, Object> nanos(long[] sample) {
        long[] sorted = sample.clone();
        java.util.Arrays.sort(sorted);
        Map<String, Object> m = new LinkedHashMap<>();
        for (var p : List.of(Map.entry("p50", 0.5), Map.entry("p99", 0.99), Map.entry("p999", 0.999))) {
            m.put(p.getKey(), Stats.percentile(sorted, p.getValue()));
        }
        m.put("mean", Math.round(java.util.Arrays.stream(sorted).average().orElse(0)));
        return m;
    }
}
