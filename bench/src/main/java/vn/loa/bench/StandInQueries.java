package vn.loa.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.bench.stack.Charts;

/**
 * What the embedded default's database costs per query as its store grows ({@code ./loa bench standin}, issue 17):
 * the stand-in ({@code vn.loa.devstack.MongoStandIn}, started as {@code ./loa up} starts it, 512 MB heap) is filled
 * with {@code bench.sizes} content items (2,000, 20,000, 100,000: a commune's year, a province's, years of a
 * province's) of 20 communes with 40 tasks each over a year, content-service's indexes declared, and then asked, 200
 * times each, what the services ask most: an item by id (the floor: the unique index), a commune's first page newest
 * first (the web app's list), a commune's items for a task from a date and their count (the list filtered by task;
 * the fault suite's ground truth), and the items due for publication (the scheduler). Figures: each query's p50 and
 * p99, its p50 as a ratio to the floor of the same store, and the stand-in's live heap after a full collection.
 *
 * <p>{@code -Dbench.compare=<classpath>} also runs another build of the stand-in the same way (e.g. the classes of an
 * earlier commit, {@code -Dbench.compareLabel=before}), one store size after the other, so both are measured in the
 * same run. Writes bench/results/standin-&lt;date&gt;.md, .json and a chart.
 */
public final class StandInQueries {

    private static final Logger log = LoggerFactory.getLogger(StandInQueries.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int[] SIZES = Arrays.stream(System.getProperty("bench.sizes", "2000,20000,100000")
            .split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray();
    private static final int ASKS = Integer.getInteger("bench.asks", 200);
    private static final int COMMUNES = 20;
    private static final int TASKS = 40;
    private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");
    private static final String BODY = ("Ủy ban nhân dân xã tổ chức tuyên truyền cải cách hành chính, hướng dẫn người dân "
            + "nộp hồ sơ trực tuyến trên Cổng dịch vụ công quốc gia, thanh toán phí, lệ phí không dùng tiền mặt. ")
            .repeat(8);

    /** The queries measured, in the order of the table. */
    private static final List<String> QUERIES = List.of("itemById", "communeFirstPage", "taskFromDate",
            "taskFromDateCount", "scheduledDue");

    private StandInQueries() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> builds = new LinkedHashMap<>();
        builds.put("this build", System.getProperty("bench.standin",
                "devstack/target/classes:devstack/target/lib/*"));
        if (System.getProperty("bench.compare") != null) {
            builds.put(System.getProperty("bench.compareLabel", "compared"), System.getProperty("bench.compare"));
        }
        Map<String, Map<String, Object>> results = new LinkedHashMap<>();
        builds.keySet().forEach(label -> results.put(label, new LinkedHashMap<>()));
        String store = System.getProperty("bench.store");
        if (store != null) { // a copy of a real store (a data folder's mongo/), as it is
            for (var build : builds.entrySet()) {
                log.info("{}, a copy of {}…", build.getKey(), store);
                results.get(build.getKey()).put("store", measure(build.getValue(), 0, Path.of(store)));
            }
        } else {
            for (int size : SIZES) {
                for (var build : builds.entrySet()) {
                    log.info("{}, {} items…", build.getKey(), size);
                    results.get(build.getKey()).put(String.valueOf(size), measure(build.getValue(), size, null));
                }
            }
        }
        write(results, builds, store);
    }

    /**
     * One store on a new stand-in of the given classpath — {@code size} items written, or a copy of the store in
     * {@code copyOf} — and its figures.
     */
    private static Map<String, Object> measure(String classpath, int size, Path copyOf) throws Exception {
        Path dir = Files.createTempDirectory("standin-bench");
        if (copyOf != null) {
            try (var files = Files.list(copyOf)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
            }
        }
        long started = System.nanoTime();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process standIn = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss256k", "-Xmx512m", "-XX:+ExitOnOutOfMemoryError",
                "--enable-native-access=ALL-UNNAMED", "-cp", classpath, "vn.loa.devstack.MongoStandIn",
                dir.toString(), String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(dir.resolve("stand-in.log").toFile()).start();
        try {
            // the driver waits for the server itself (up to 60 s): the first command answers once it listens
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port
                    + "/?serverSelectionTimeoutMS=60000")) {
                ready(client, standIn);
                double startSeconds = (System.nanoTime() - started) / 1e9;
                MongoCollection<Document> contents = client.getDatabase(copyOf == null ? "loa"
                        : contentDatabase(client)).getCollection("contents");
                // content-service's indexes (vn.loa.content.item.Items; a real store has them already)
                contents.createIndex(Indexes.compoundIndex(Indexes.ascending("tenantId"),
                        Indexes.descending("createdAt")));
                contents.createIndex(Indexes.compoundIndex(Indexes.ascending("tenantId", "taskIds"),
                        Indexes.descending("createdAt")));
                contents.createIndex(Indexes.ascending("status", "scheduledAt"));
                contents.createIndex(Indexes.ascending("publications.nextTryAt"));
                Random r = new Random(size);
                long t0 = System.nanoTime();
                Sample sample = copyOf == null ? Sample.written(fill(contents, size, r)) : Sample.of(contents);
                double fillSeconds = (System.nanoTime() - t0) / 1e9;
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("items", copyOf == null ? size : contents.estimatedDocumentCount());
                figures.put(copyOf == null ? "fillSeconds" : "readySeconds", Math.round((copyOf == null ? fillSeconds
                        : startSeconds) * 10) / 10.0);
                Date from = Date.from(sample.now().minus(30, ChronoUnit.DAYS));
                Map<String, Runnable> queries = new LinkedHashMap<>();
                queries.put("itemById", () -> contents.find(Filters.eq("_id", sample.item(r))).first());
                queries.put("communeFirstPage", () -> contents.find(Filters.eq("tenantId", sample.commune(r)))
                        .sort(Sorts.descending("createdAt")).limit(20).into(new ArrayList<>()));
                queries.put("taskFromDate", () -> {
                    String[] task = sample.task(r);
                    contents.find(byTask(task[0], task[1], from)).sort(Sorts.descending("createdAt"))
                            .limit(100).into(new ArrayList<>());
                });
                queries.put("taskFromDateCount", () -> {
                    String[] task = sample.task(r);
                    contents.countDocuments(byTask(task[0], task[1], from));
                });
                queries.put("scheduledDue", () -> contents.find(Filters.and(Filters.eq("status", "APPROVED"),
                        Filters.lte("scheduledAt", Date.from(sample.now())))).into(new ArrayList<>()));
                double floor = 0;
                for (var query : queries.entrySet()) {
                    if (!standIn.isAlive()) {
                        figures.put(query.getKey(), Map.of("failed", "not asked: the stand-in had stopped"));
                        continue;
                    }
                    try {
                        long[] took = time(r, query.getValue());
                        Map<String, Object> stats = Stats.of(took);
                        double p50 = (double) stats.get("p50Ms");
                        floor = floor == 0 ? p50 : floor; // the first: by id
                        stats.put("p50ToFloor", Math.round(p50 / floor * 10) / 10.0);
                        figures.put(query.getKey(), stats);
                    } catch (RuntimeException e) {
                        standIn.waitFor(5, TimeUnit.SECONDS);
                        figures.put(query.getKey(), Map.of("failed", standIn.isAlive() ? e.getClass().getSimpleName()
                                + ": " + e.getMessage() : "the stand-in stopped (exit " + standIn.exitValue() + ")"
                                + stopReason(dir.resolve("stand-in.log"))));
                    }
                }
                figures.put("liveHeapMiB", standIn.isAlive() ? liveHeapMiB(standIn.pid()) : "—");
                figures.put("storeFileMiB", Math.round(Files.size(dir.resolve("loa-bson.mv")) / 1048576.0));
                return figures;
            }
        } finally {
            standIn.destroy();
            if (!standIn.waitFor(30, TimeUnit.SECONDS)) {
                standIn.destroyForcibly();
            }
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** What the queries ask for: items, communes and (commune, task) pairs of the store, and its "now". */
    private record Sample(List<Object> items, List<String> communes, List<String[]> tasks, Instant now) {

        Object item(Random r) {
            return items.get(r.nextInt(items.size()));
        }

        String commune(Random r) {
            return communes.get(r.nextInt(communes.size()));
        }

        String[] task(Random r) {
            return tasks.get(r.nextInt(tasks.size()));
        }

        /** The items {@link #fill} wrote: 20 communes of 40 tasks each. */
        static Sample written(List<String> ids) {
            List<String> communes = new ArrayList<>();
            List<String[]> tasks = new ArrayList<>();
            for (int c = 0; c < COMMUNES; c++) {
                communes.add("2677" + String.format("%02d", c));
                for (int t = 0; t < TASKS; t++) {
                    tasks.add(new String[] {communes.getLast(), communes.getLast() + "-task-" + t});
                }
            }
            return new Sample(new ArrayList<>(ids), communes, tasks, NOW);
        }

        /** Up to 2,000 items of a real store, their communes and tasks; "now" is its newest item's time. */
        static Sample of(MongoCollection<Document> contents) {
            List<Object> items = new ArrayList<>();
            java.util.Set<String> communes = new java.util.TreeSet<>();
            java.util.Set<List<String>> tasks = new java.util.LinkedHashSet<>();
            Instant newest = Instant.EPOCH;
            for (Document d : contents.find().limit(2_000)) {
                items.add(d.get("_id"));
                String tenant = d.getString("tenantId");
                communes.add(tenant);
                for (String task : d.getList("taskIds", String.class, List.of())) {
                    tasks.add(List.of(tenant, task));
                }
                if (d.getDate("createdAt") != null && d.getDate("createdAt").toInstant().isAfter(newest)) {
                    newest = d.getDate("createdAt").toInstant();
                }
            }
            return new Sample(items, new ArrayList<>(communes), tasks.stream().map(t -> t.toArray(String[]::new))
                    .toList(), newest);
        }
    }

    /** The database of a real store that holds the {@code contents} collection (content-service's). */
    private static String contentDatabase(MongoClient client) {
        for (String name : client.listDatabaseNames()) {
            if (client.getDatabase(name).listCollectionNames().into(new ArrayList<>()).contains("contents")) {
                return name;
            }
        }
        throw new IllegalStateException("no contents collection in the store");
    }

    /** The content-service list's filter for a task from a day, as its controller writes it (one $and). */
    private static Bson byTask(String tenant, String task, Date from) {
        return Filters.and(Filters.eq("tenantId", tenant), Filters.eq("taskIds", task), Filters.gte("createdAt", from));
    }

    private static String commune(Random r) {
        return "2677" + String.format("%02d", r.nextInt(COMMUNES));
    }

    private static String task(String tenant, Random r) {
        return tenant + "-task-" + r.nextInt(TASKS);
    }

    /** Items shaped as content-service stores them: most published, some approved for later, some drafts. */
    private static List<String> fill(MongoCollection<Document> contents, int size, Random r) {
        List<String> ids = new ArrayList<>(size);
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String tenant = commune(r);
            Instant created = NOW.minus(r.nextInt(365 * 24 * 60), ChronoUnit.MINUTES);
            int roll = r.nextInt(20);
            String status = roll == 0 ? "DRAFT" : roll == 1 ? "APPROVED" : "PUBLISHED";
            String id = java.util.UUID.nameUUIDFromBytes((size + "/" + i).getBytes()).toString();
            ids.add(id);
            Document item = new Document("_id", id).append("tenantId", tenant).append("revision", 3L)
                    .append("title", "Tin tuyên truyền CCHC số " + i).append("body", BODY).append("kind", "NEWS")
                    .append("themes", List.of("CCHC", "Dịch vụ công trực tuyến"))
                    .append("taskIds", r.nextBoolean() ? List.of(task(tenant, r)) : List.of(task(tenant, r),
                            task(tenant, r)))
                    .append("channels", List.of("portal", "radio")).append("unit", "Văn phòng HĐND và UBND")
                    .append("author", "canbo." + tenant).append("status", status)
                    .append("createdAt", Date.from(created))
                    .append("updatedAt", Date.from(created.plus(2, ChronoUnit.HOURS)))
                    .append("outbox", List.of());
            if (status.equals("APPROVED")) {
                item.append("scheduledAt", Date.from(NOW.plus(r.nextInt(20 * 24) - 24, ChronoUnit.HOURS)));
            }
            if (status.equals("PUBLISHED")) {
                item.append("publications", List.of(
                        new Document("channel", "portal").append("status", "PUBLISHED")
                                .append("publishedAt", Date.from(created.plus(3, ChronoUnit.HOURS))),
                        new Document("channel", "radio").append("status", "PUBLISHED")
                                .append("publishedAt", Date.from(created.plus(5, ChronoUnit.HOURS)))));
            }
            batch.add(item);
            if (batch.size() == 500) {
                contents.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            contents.insertMany(batch);
        }
        return ids;
    }

    /**
     * {@code ASKS} timed runs of a query, after a quarter as many untimed ones; fewer when they take long (warm-up at
     * most 10 s, timed runs at most 40 s: the sample's size is in the figures).
     */
    private static long[] time(Random r, Runnable query) {
        long warmUpEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (int i = 0; i < ASKS / 4 && System.nanoTime() < warmUpEnd; i++) {
            query.run();
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        long[] sample = new long[ASKS];
        int n = 0;
        while (n < ASKS && (n < 5 || System.nanoTime() < end)) {
            long t = System.nanoTime();
            query.run();
            sample[n++] = System.nanoTime() - t;
        }
        return Arrays.copyOf(sample, n);
    }

    /** Why a stand-in stopped, from its log: its OutOfMemoryError, if that was it. */
    private static String stopReason(Path log) throws IOException {
        return Files.readAllLines(log).stream().anyMatch(line -> line.contains("OutOfMemoryError"))
                ? ": OutOfMemoryError (heap 512 MB)" : "";
    }

    /** Waits for the stand-in's first answer; a stand-in that stopped at its start is said so. */
    private static void ready(MongoClient client, Process standIn) throws IOException {
        try {
            client.getDatabase("admin").runCommand(new Document("ping", 1));
        } catch (RuntimeException e) {
            throw new IOException(standIn.isAlive() ? "the stand-in did not answer within 60 s"
                    : "the stand-in stopped at its start (exit " + standIn.exitValue() + ")", e);
        }
    }

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    /** The stand-in's heap in use right after a full collection ({@code jcmd GC.run}, then {@code GC.heap_info}). */
    private static long liveHeapMiB(long pid) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        run(jcmd, String.valueOf(pid), "GC.run");
        String info = run(jcmd, String.valueOf(pid), "GC.heap_info");
        long usedK = 0;
        // SerialGC: "DefNew total …K, used …K" and "Tenured total …K, used …K" (the lines of their spaces are indented)
        for (String line : info.lines().filter(l -> !l.isEmpty() && !Character.isWhitespace(l.charAt(0))).toList()) {
            Matcher m = USED.matcher(line);
            if (m.find()) {
                usedK += Long.parseLong(m.group(1));
            }
        }
        return Math.round(usedK / 1024.0);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void write(Map<String, Map<String, Object>> results, Map<String, String> builds, String store)
            throws IOException {
        String date = LocalDate.now().toString();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", date);
        json.put("machine", Runtime.getRuntime().availableProcessors() + " processors, stand-in -Xmx512m SerialGC");
        json.put("asksPerQuery", ASKS);
        json.put("builds", builds);
        if (store != null) {
            json.put("store", store);
        }
        json.put("results", results);
        Path dir = Path.of(Files.isDirectory(Path.of("bench")) ? "bench/results" : "results");
        Files.createDirectories(dir);
        String name = "standin-" + date + (store == null ? "" : "-store");
        Files.writeString(dir.resolve(name + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        StringBuilder md = new StringBuilder("# The database stand-in's queries as its store grows — ").append(date)
                .append("\n\n`./loa bench standin` (issue 17): a stand-in started as `./loa up` starts it (512 MB heap),")
                .append(store == null ? " filled with content items of 20 communes (40 tasks each, over a year),"
                        : " on a copy of the store `" + store + "` (communes, tasks and items sampled from it; the"
                        + " date filter is 30 days before its newest item; ready s: from the start to the first"
                        + " connection, indexes rebuilt),")
                .append(" content-service's indexes declared; each query asked ").append(ASKS).append(" times after a")
                .append(" warm-up, one at a time (fewer when they took more than 40 s: `samples` in the JSON). The")
                .append(" floor is the lookup of an item by id on the same store. p50 and p99 in ms; ×floor is the p50")
                .append(" over the floor's p50.\n\n");
        for (var build : results.entrySet()) {
            md.append("## ").append(build.getKey()).append(" (`").append(builds.get(build.getKey()))
                    .append("`)\n\n| items | ");
            QUERIES.forEach(q -> md.append(q).append(" p50 / p99 (×floor) | "));
            md.append("live heap MiB | store file MiB | ").append(store == null ? "fill s" : "ready s")
                    .append(" |\n|---|");
            QUERIES.forEach(q -> md.append("---|"));
            md.append("---|---|---|\n");
            for (var size : build.getValue().entrySet()) {
                Map<String, Object> f = (Map<String, Object>) size.getValue();
                md.append("| ").append(String.format("%,d", ((Number) f.get("items")).longValue())).append(" | ");
                for (String q : QUERIES) {
                    Map<String, Object> s = (Map<String, Object>) f.get(q);
                    if (s.containsKey("failed")) {
                        md.append("**failed**: ").append(s.get("failed")).append(" | ");
                    } else {
                        md.append(s.get("p50Ms")).append(" / ").append(s.get("p99Ms")).append(" (×")
                                .append(s.get("p50ToFloor")).append(") | ");
                    }
                }
                md.append(f.get("liveHeapMiB")).append(" | ").append(f.get("storeFileMiB")).append(" | ")
                        .append(f.getOrDefault("fillSeconds", f.get("readySeconds"))).append(" |\n");
                for (String q : List.of("taskFromDate", "communeFirstPage", "taskFromDateCount")) {
                    if (((Map<String, Object>) f.get(q)).containsKey("failed")) {
                        continue;
                    }
                    series.computeIfAbsent(q + " — " + build.getKey(), k -> new ArrayList<>()).add(new double[] {
                            ((Number) f.get("items")).doubleValue(), ((Number) ((Map<String, Object>) f.get(q))
                                    .get("p50ToFloor")).doubleValue()});
                }
            }
            md.append('\n');
        }
        if (store == null) {
            Charts.lines(dir.resolve(name + ".png"), "Truy vấn của CSDL nhúng theo cỡ kho (p50 / sàn)",
                    "số tin, bài trong kho", "p50 ÷ p50 tra theo _id", series, Map.of());
            md.append("![p50 as a ratio to the floor, by store size](").append(name).append(".png)\n");
        }
        Files.writeString(dir.resolve(name + ".md"), md.toString());
        log.info("\n{}", md);
    }
}
