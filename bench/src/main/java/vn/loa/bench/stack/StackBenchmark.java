package vn.loa.bench.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import vn.loa.bench.Floors;
import vn.loa.bench.Stats;
import vn.loa.bench.stack.Http.As;
import vn.loa.platform.tenancy.CommuneDirectory.Commune;

/**
 * The end-to-end benchmark on the running embedded stack ({@code ./loa up}; run by {@code ./loa bench e2e}).
 *
 * <ol>
 *   <li><b>Communes</b>: {@code bench.communes} (default 50) communes, each with a Keycloak user, an issued 2026 plan
 *       (Tiên Minh's real annex + a monthly portal-news quota) and approved news items for the portal.</li>
 *   <li><b>Floors</b> on the same broker and database: produce→consume of one message, one conditional update.</li>
 *   <li><b>Latency</b> at a steady {@code bench.rate} (200) publications/s for {@code bench.seconds} (60) after a
 *       warm-up: from sending {@code POST /api/contents/{id}/publish} to the gateway (with the commune's token) to
 *       (a) the item's first {@code TaskCredited} read from Kafka and (b) that credit's line on the commune's open
 *       dashboard stream (SSE through the gateway). The path: gateway → content-service → outbox → Kafka →
 *       portal-channel → outbox → Kafka → content-service → outbox → Kafka → task-service → outbox → Kafka
 *       (→ report-service → change log → SSE): four broker hops to the credit, five to the dashboard.</li>
 *   <li><b>Throughput</b>: rising offered rates ({@code bench.steps}) for {@code bench.step-seconds} each, at most
 *       {@code bench.in-flight} requests open; a step is sustained when the gateway accepted ≥ 95 % of the offer and
 *       the credits and dashboards kept up (≥ 95 % of the accepted items credited within 3 s of the step's end).
 *       CPU per process during each step names where it saturates.</li>
 *   <li><b>Footprint</b>: resident memory of every part (its whole process group) and the stack's last start-up
 *       time ({@code data/run/ready-seconds}, written by {@code ./loa up}).</li>
 * </ol>
 * Results: {@code bench/results/e2e-DATE.md}, {@code .json} and two PNG charts (latency over time, throughput).
 */
public final class StackBenchmark {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StackBenchmark.class);

    private static final int COMMUNES = Integer.getInteger("bench.communes", 50);
    private static final int RATE = Integer.getInteger("bench.rate", 200);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 60);
    private static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup", 10);
    private static final int STEP_SECONDS = Integer.getInteger("bench.step-seconds", 10);
    private static final int IN_FLIGHT = Integer.getInteger("bench.in-flight", 128);
    private static final String STEPS = System.getProperty("bench.steps", "300,450,650,900,1200");
    private static final int FLOOR_SAMPLES = Integer.getInteger("bench.floor.samples", 2000);
    /** Approved items published all at once after the throughput steps (0: no burst phase). */
    private static final int BURST = Integer.getInteger("bench.burst", 0);
    private static final Path OUT = Path.of(System.getProperty("bench.out", "bench/results"));
    /** Added to the result files' names (e2e-DATE-TAG.md), so that runs with other settings sit side by side. */
    private static final String TAG = System.getProperty("bench.tag", "").isBlank() ? ""
            : "-" + System.getProperty("bench.tag").strip();

    private final StackEndpoints stack = StackEndpoints.local();
    private final Http http = new Http();
    private final BenchCommunes communes = new BenchCommunes(http, stack);
    private final Footprint footprint = new Footprint(stack.data());
    private List<Commune> chosen;
    /** Approved items waiting to be published, per commune (round robin). */
    private final Map<String, Deque<String>> ready = new ConcurrentHashMap<>();
    private int next;

    /** One publish request: when it left, when the answer came, and what it was. */
    record Sent(String item, String tenant, long sentAt, long answeredAt, int status) {
    }

    public static void main(String[] args) throws Exception {
        String scale = System.getProperty("bench.scale");
        if (scale == null) {
            new StackBenchmark(COMMUNES).run();
        } else {
            List<Integer> sizes = Arrays.stream(scale.split(",")).map(String::strip).map(Integer::valueOf).toList();
            new StackBenchmark(sizes.getLast()).scale(sizes);
        }
        System.exit(0);
    }

    private StackBenchmark(int communes) {
        this.chosen = BenchCommunes.pick(communes);
    }

    private static void say(String format, Object... args) {
        log.info(String.format(Locale.ROOT, format, args));
    }

    private void run() throws Exception {
        long started = System.nanoTime();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("machine", Floors.machine("embedded stack (./loa up): Kafka KRaft broker, mongo-java-server "
                + "(H2), Keycloak, 8 services, each its own JVM"));
        results.put("parameters", Map.of("communes", COMMUNES, "rate", RATE, "seconds", SECONDS, "warmUpSeconds",
                WARM_UP_SECONDS, "steps", STEPS, "stepSeconds", STEP_SECONDS, "inFlight", IN_FLIGHT, "burst", BURST));
        Footprint.Reading idle = footprint.read();
        results.put("footprintIdleMiB", Footprint.rssTable(idle));
        results.put("footprintIdlePssMiB", Footprint.pssTable(idle));
        Path readyFile = stack.data().resolve("run/ready-seconds");
        results.put("startUpSeconds", Files.exists(readyFile) ? Files.readString(readyFile).strip() : "unknown");
        say("Bộ nhớ lúc nghỉ / idle RSS: %s", results.get("footprintIdleMiB"));

        say("Chuẩn bị %d xã (người dùng, kế hoạch 2026) / preparing communes…", COMMUNES);
        communes.prepare(chosen, n -> {
            if (n % 10 == 0 || n == chosen.size()) {
                say("  %d/%d", n, chosen.size());
            }
        });

        say("Sàn đo / floors (Kafka produce→consume, MongoDB update), %d mẫu…", FLOOR_SAMPLES);
        Floors floors = new Floors(stack.kafka(), stack.mongo(), FLOOR_SAMPLES, 1000);
        results.put("kafkaFloor", floors.kafka());
        results.put("mongoFloor", floors.mongo());
        say("  Kafka %s | Mongo %s", results.get("kafkaFloor"), results.get("mongoFloor"));

        try (Observers observers = new Observers(stack.kafka(), http)) {
            observers.readCredits();
            for (Commune c : chosen) {
                observers.watchDashboard(stack.gateway(), c.code(), communes.token(c.code()));
            }
            int warm = RATE * WARM_UP_SECONDS;
            int measured = RATE * SECONDS;
            prepareItems(warm + measured);
            say("Khởi động nóng / warm-up: %d s at %d/s", WARM_UP_SECONDS, RATE);
            List<Sent> warmUp = publish(warm, RATE, IN_FLIGHT, "warm-up");
            awaitCredits(observers, warmUp, 30);
            Footprint.Reading before = footprint.read();
            DatabaseOperations operations = new DatabaseOperations(http, stack);
            Map<String, Double> operationsBefore = operations.read();
            say("Đo độ trễ / latency: %d s at %d/s", SECONDS, RATE);
            long phaseStart = System.currentTimeMillis();
            List<Sent> steady = publish(measured, RATE, IN_FLIGHT, "latency");
            long phaseEnd = System.currentTimeMillis();
            awaitCredits(observers, steady, 60);
            Footprint.Reading after = footprint.read();
            results.put("latency", latency(observers, steady, after.cpuPercentSince(before)));
            results.put("databaseOperationsPerPublication", DatabaseOperations.perPublication(operationsBefore,
                    operations.read(), (int) steady.stream().filter(s -> s.status() == 200).count()));
            say("Thao tác CSDL mỗi lần đăng / database operations per publication: %s",
                    results.get("databaseOperationsPerPublication"));
            results.put("hopTimes", HopTimes.read(stack.kafka(), phaseStart, phaseEnd));
            results.put("footprintUnderLoadMiB", Footprint.rssTable(after));
            results.put("footprintUnderLoadPssMiB", Footprint.pssTable(after));
            series(observers, steady);
            results.put("throughput", throughput(observers));
            if (BURST > 0) {
                results.put("burst", burst(observers));
            }
            results.put("footprintAfterMiB", Footprint.rssTable(footprint.read()));
        }
        results.put("runSeconds", Math.round((System.nanoTime() - started) / 1e9));
        Report.write(OUT, results, latencySeries, throughputPoints);
    }

    // ---- scale ------------------------------------------------------------------------------------------------

    private static final int SCALE_RATE = Integer.getInteger("bench.scale.rate", 10);
    private static final int SCALE_SECONDS = Integer.getInteger("bench.scale.seconds", 20);

    /**
     * How the costs grow with the number of communes on one deployment: for each size, the communes (users, issued
     * plans) are added to those already there, then measured: publish → TaskCredited at a low steady rate spread over
     * all of them, a commune's dashboard, the province's dashboard and annual report (Hải Phòng, through the gateway
     * as its reviewer), a commune's annual report, and the memory of every part.
     */
    private void scale(List<Integer> sizes) throws Exception {
        long started = System.nanoTime();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("machine", Floors.machine("embedded stack (./loa up)"));
        results.put("parameters", Map.of("sizes", sizes, "rate", SCALE_RATE, "seconds", SCALE_SECONDS));
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Commune> all = chosen;
        String viewer = http.form(stack.keycloak() + "/realms/loa/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "loa-web", "username", "hai-phong.viewer", "password", "demo"))
                .expect("token of hai-phong.viewer").json().path("access_token").asString();
        try (Observers observers = new Observers(stack.kafka(), http)) {
            observers.readCredits();
            for (int size : sizes) {
                chosen = all.subList(0, size);
                long t0 = System.nanoTime();
                say("Quy mô / scale: %d xã — chuẩn bị / preparing…", size);
                communes.prepare(chosen, n -> {
                    if (n % 100 == 0) {
                        say("  %d/%d", n, size);
                    }
                });
                double prepareSeconds = (System.nanoTime() - t0) / 1e9;
                Thread.sleep(5000); // let the plans' events settle
                communes.renewTokens();
                prepareItems(SCALE_RATE * SCALE_SECONDS);
                try (ExecutorService pool = Executors.newFixedThreadPool(4)) { // tokens first, outside the figures
                    for (Commune c : chosen) {
                        if (ready.containsKey(c.code())) {
                            pool.submit(() -> communes.token(c.code()));
                        }
                    }
                }
                List<Sent> sent = publish(SCALE_RATE * SCALE_SECONDS, SCALE_RATE, IN_FLIGHT, size + " communes");
                awaitCredits(observers, sent, 60);
                long[] credit = sent.stream().filter(x -> observers.creditedAt.containsKey(x.item()))
                        .mapToLong(x -> observers.creditedAt.get(x.item()) - x.sentAt()).toArray();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("communes", size);
                row.put("prepareSeconds", Math.round(prepareSeconds));
                row.put("toTaskCredited", Stats.of(credit));
                row.put("notCredited", sent.size() - credit.length);
                String code = chosen.getFirst().code();
                row.put("communeDashboard", timed(10, stack.gateway() + "/api/dashboard", communes.token(code)));
                row.put("provinceDashboard", timed(5, stack.gateway() + "/api/dashboard/province", viewer));
                row.put("communeAnnualReportDocx", timed(3, stack.gateway() + "/api/reports/2026?format=docx",
                        communes.token(code)));
                row.put("provinceAnnualReportXlsx", timed(3, stack.gateway() + "/api/reports/2026/province"
                        + "?format=xlsx", viewer));
                row.put("rssMiB", Footprint.rssTable(footprint.read()));
                say("  %s", row);
                rows.add(row);
            }
        }
        results.put("rows", rows);
        results.put("runSeconds", Math.round((System.nanoTime() - started) / 1e9));
        Report.writeScale(OUT, results, rows);
    }

    /** p50/max of a GET answered 200, {@code n} times one after the other. */
    private Map<String, Object> timed(int n, String url, String token) {
        long[] took = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            http.get(url, As.token(token)).expect(url);
            took[i] = System.nanoTime() - t0;
        }
        return Stats.of(took);
    }

    // ---- items -----------------------------------------------------------------------------------------------

    private void prepareItems(int count) throws Exception {
        say("Chuẩn bị %d tin đã duyệt / preparing approved items (not measured)…", count);
        long t0 = System.nanoTime();
        AtomicInteger made = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String code = chosen.get(i % chosen.size()).code();
                all.add(pool.submit(() -> {
                    String id = communes.approvedItem(code);
                    ready.computeIfAbsent(code, k -> new java.util.concurrent.ConcurrentLinkedDeque<>()).add(id);
                    int n = made.incrementAndGet();
                    if (n % 1000 == 0) {
                        say("  %d/%d (%.0f/s)", n, count, n / ((System.nanoTime() - t0) / 1e9));
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
        Thread.sleep(3000); // let the approvals' events settle before measuring
    }

    private String[] nextItem() {
        for (int tries = 0; tries < chosen.size(); tries++) {
            String code = chosen.get(next++ % chosen.size()).code();
            String id = ready.getOrDefault(code, new ArrayDeque<>()).poll();
            if (id != null) {
                return new String[] {code, id};
            }
        }
        throw new IllegalStateException("no approved item left");
    }

    // ---- publishing --------------------------------------------------------------------------------------------

    /** Sends {@code count} publish requests at {@code rate}/s through the gateway, at most {@code inFlight} open. */
    private List<Sent> publish(int count, int rate, int inFlight, String phase) throws InterruptedException {
        List<Sent> sent = java.util.Collections.synchronizedList(new ArrayList<>(count));
        Semaphore open = new Semaphore(inFlight);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            open.acquire();
            String[] item = nextItem();
            As leader = As.token(communes.token(item[0])); // (a token asked for now is not part of the latency)
            long t0 = System.nanoTime();
            http.postAsync(stack.gateway() + "/api/contents/" + item[1] + "/publish", leader).whenComplete((r, e) -> {
                        sent.add(new Sent(item[1], item[0], t0, System.nanoTime(), e == null ? r.statusCode() : -1));
                        open.release();
                    });
            if ((i + 1) % (rate * 5) == 0) {
                say("  %s: %d/%d sent (%.0f/s)", phase, i + 1, count, (i + 1) / ((System.nanoTime() - start) / 1e9));
            }
        }
        open.acquire(inFlight);
        open.release(inFlight);
        return new ArrayList<>(sent);
    }

    /**
     * {@code bench.burst} approved items published at once (as fast as the gateway takes them, 256 in flight): how
     * long until the last one is credited, counted from the first request.
     */
    private Map<String, Object> burst(Observers observers) throws Exception {
        prepareItems(BURST);
        say("Đăng dồn / burst: %d tin đã duyệt cùng lúc / approved items at once", BURST);
        List<Sent> sent = publish(BURST, 100_000, 256, "burst");
        awaitCredits(observers, sent, 120);
        List<Sent> accepted = sent.stream().filter(x -> x.status() == 200).toList();
        long first = sent.stream().mapToLong(Sent::sentAt).min().orElse(0);
        long lastAnswer = sent.stream().mapToLong(Sent::answeredAt).max().orElse(first);
        long lastCredit = accepted.stream().filter(x -> observers.creditedAt.containsKey(x.item()))
                .mapToLong(x -> observers.creditedAt.get(x.item())).max().orElse(first);
        long credited = accepted.stream().filter(x -> observers.creditedAt.containsKey(x.item())).count();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", BURST);
        m.put("accepted", accepted.size());
        m.put("credited", credited);
        m.put("allAcceptedSeconds", Math.round((lastAnswer - first) / 1e7) / 100.0);
        m.put("creditedWithinSeconds", credited == accepted.size() ? Math.round((lastCredit - first) / 1e7) / 100.0
                : null);
        m.put("creditedPerSecond", Math.round(credited / Math.max(1e-9, (lastCredit - first) / 1e9) * 10) / 10.0);
        say("  burst: %s", m);
        return m;
    }

    /** Waits until every accepted item of a phase has been credited (or the time is up). */
    private static void awaitCredits(Observers observers, List<Sent> sent, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            long missing = sent.stream().filter(s -> s.status() == 200 && !observers.creditedAt.containsKey(s.item()))
                    .count();
            if (missing == 0) {
                return;
            }
            Thread.sleep(200);
        }
    }

    // ---- figures -----------------------------------------------------------------------------------------------

    private Map<String, Object> latency(Observers observers, List<Sent> steady, Map<String, Double> cpu)
            throws InterruptedException {
        Thread.sleep(1500); // the dashboards' last lines
        Map<String, Long> sse = observers.sseAtByItem();
        List<Sent> accepted = steady.stream().filter(s -> s.status() == 200).toList();
        long[] answer = accepted.stream().mapToLong(s -> s.answeredAt() - s.sentAt()).toArray();
        long[] credit = accepted.stream().filter(s -> observers.creditedAt.containsKey(s.item()))
                .mapToLong(s -> observers.creditedAt.get(s.item()) - s.sentAt()).toArray();
        long[] dashboard = accepted.stream().filter(s -> sse.containsKey(s.item()))
                .mapToLong(s -> sse.get(s.item()) - s.sentAt()).toArray();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("offeredPerSecond", RATE);
        m.put("sent", steady.size());
        m.put("accepted", accepted.size());
        m.put("refused", steady.stream().filter(s -> s.status() != 200).map(Sent::status)
                .collect(java.util.stream.Collectors.groupingBy(s -> s, java.util.stream.Collectors.counting())));
        m.put("achievedPerSecond", Math.round(steady.size() / spanSeconds(steady) * 10) / 10.0);
        m.put("publishAnswer", Stats.of(answer));
        m.put("toTaskCredited", Stats.of(credit));
        m.put("toDashboard", Stats.of(dashboard));
        m.put("notCredited", accepted.size() - credit.length);
        m.put("notOnDashboard", accepted.size() - dashboard.length);
        m.put("cpuPercent", cpu);
        return m;
    }

    private static double spanSeconds(List<Sent> sent) {
        long first = sent.stream().mapToLong(Sent::sentAt).min().orElse(0);
        long last = sent.stream().mapToLong(Sent::sentAt).max().orElse(0);
        return Math.max(1e-9, (last - first) / 1e9);
    }

    private final Map<String, List<double[]>> latencySeries = new LinkedHashMap<>();
    private final List<Map<String, Object>> throughputPoints = new ArrayList<>();

    /** p50 and p99 per second of the steady phase, for the chart. */
    private void series(Observers observers, List<Sent> steady) {
        Map<String, Long> sse = observers.sseAtByItem();
        long start = steady.stream().mapToLong(Sent::sentAt).min().orElse(0);
        Map<Integer, List<Long>> credit = new java.util.TreeMap<>();
        Map<Integer, List<Long>> dash = new java.util.TreeMap<>();
        for (Sent s : steady) {
            int second = (int) ((s.sentAt() - start) / 1_000_000_000L);
            Long c = observers.creditedAt.get(s.item());
            if (c != null) {
                credit.computeIfAbsent(second, k -> new ArrayList<>()).add(c - s.sentAt());
            }
            Long d = sse.get(s.item());
            if (d != null) {
                dash.computeIfAbsent(second, k -> new ArrayList<>()).add(d - s.sentAt());
            }
        }
        latencySeries.put("→ TaskCredited p50", perSecond(credit, 0.50));
        latencySeries.put("→ TaskCredited p99", perSecond(credit, 0.99));
        latencySeries.put("→ bảng điều khiển (SSE) p50", perSecond(dash, 0.50));
        latencySeries.put("→ bảng điều khiển (SSE) p99", perSecond(dash, 0.99));
    }

    private static List<double[]> perSecond(Map<Integer, List<Long>> bySecond, double p) {
        List<double[]> points = new ArrayList<>();
        bySecond.forEach((second, values) -> {
            long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
            points.add(new double[] {second, Stats.ms(Stats.percentile(sorted, p))});
        });
        return points;
    }

    private Map<String, Object> throughput(Observers observers) throws Exception {
        int best = 0;
        String saturation = "not reached";
        for (String step : STEPS.split(",")) {
            if (step.isBlank()) {
                continue; // -Dbench.steps= : no throughput steps
            }
            int rate = Integer.parseInt(step.strip());
            communes.renewTokens();
            prepareItems(rate * STEP_SECONDS);
            say("Thông lượng / throughput step: %d/s offered for %d s", rate, STEP_SECONDS);
            long creditEventsBefore = observers.creditEvents.get();
            long sseBefore = observers.sseLines.get();
            Footprint.Reading before = footprint.read();
            List<Sent> sent = publish(rate * STEP_SECONDS, rate, IN_FLIGHT, "step " + rate);
            double seconds = spanSeconds(sent);
            Footprint.Reading during = footprint.read();
            Thread.sleep(3000);
            List<Sent> accepted = sent.stream().filter(s -> s.status() == 200).toList();
            long credited = accepted.stream().filter(s -> observers.creditedAt.containsKey(s.item())).count();
            long[] credit = accepted.stream().filter(s -> observers.creditedAt.containsKey(s.item()))
                    .mapToLong(s -> observers.creditedAt.get(s.item()) - s.sentAt()).toArray();
            Map<String, Double> cpu = during.cpuPercentSince(before);
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("offeredPerSecond", rate);
            point.put("acceptedPerSecond", Math.round(accepted.size() / seconds));
            point.put("creditedItemsWithin3s", credited);
            point.put("creditedShare", accepted.isEmpty() ? 0 : Math.round(credited * 1000.0 / accepted.size()) / 10.0);
            point.put("taskCreditedEvents", observers.creditEvents.get() - creditEventsBefore);
            point.put("dashboardLines", observers.sseLines.get() - sseBefore);
            point.put("toTaskCredited", Stats.of(credit));
            point.put("cpuPercent", cpu);
            point.put("busiest", Footprint.busiest(cpu));
            boolean sustained = accepted.size() >= 0.95 * sent.size() && sent.size() / seconds >= 0.95 * rate
                    && credited >= 0.95 * accepted.size();
            point.put("sustained", sustained);
            throughputPoints.add(point);
            say("  %s", point);
            awaitCredits(observers, sent, 60);
            if (!sustained) {
                saturation = "at " + rate + "/s offered: " + Footprint.busiest(cpu) + " (CPU, % of one core; "
                        + Runtime.getRuntime().availableProcessors() + " cores = "
                        + Runtime.getRuntime().availableProcessors() * 100 + "%)";
                break;
            }
            best = rate;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("highestSustainedPerSecond", best);
        m.put("saturation", saturation);
        m.put("steps", throughputPoints);
        return m;
    }

    /** The Markdown table, the JSON and the charts. */
    static final class Report {

        @SuppressWarnings("unchecked")
        static void write(Path out, Map<String, Object> r, Map<String, List<double[]>> latencySeries,
                List<Map<String, Object>> steps) throws Exception {
            Files.createDirectories(out);
            String date = LocalDate.now() + TAG;
            Files.writeString(out.resolve("e2e-" + date + ".json"),
                    Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(r));
            Map<String, Object> kafka = (Map<String, Object>) r.get("kafkaFloor");
            Map<String, Object> mongo = (Map<String, Object>) r.get("mongoFloor");
            Map<String, Object> lat = (Map<String, Object>) r.get("latency");
            Map<String, Object> thr = (Map<String, Object>) r.get("throughput");
            Map<String, Object> machine = (Map<String, Object>) r.get("machine");
            double hopP50 = (double) kafka.get("p50Ms") + (double) mongo.get("p50Ms");
            double hopP99 = (double) kafka.get("p99Ms") + (double) mongo.get("p99Ms");
            List<String> md = new ArrayList<>();
            md.add("# End-to-end benchmark, " + machine.get("date"));
            md.add("");
            md.add("Machine: " + machine.get("processors") + " processors, " + machine.get("memoryGiB") + " GiB, "
                    + machine.get("java") + ", " + machine.get("os") + ". Stack: " + machine.get("infrastructure")
                    + "; the benchmark's own JVM runs on the same two cores.");
            md.add("Parameters: " + r.get("parameters") + ". Run time: " + r.get("runSeconds") + " s.");
            md.add("");
            md.add("## Latency at " + lat.get("offeredPerSecond") + " publications/s (achieved "
                    + lat.get("achievedPerSecond") + "/s; " + lat.get("accepted") + " of " + lat.get("sent")
                    + " accepted, refused " + lat.get("refused") + ")");
            md.add("");
            md.add("Floor per hop = one Kafka produce→consume + one MongoDB update (p50 " + fmt(hopP50) + " ms, p99 "
                    + fmt(hopP99) + " ms). Hops: 4 broker hops to `TaskCredited`, 5 to the dashboard.");
            md.add("");
            md.add("| from the publish request sent to the gateway to… | p50 ms | p90 ms | p99 ms | max ms | samples |"
                    + " p50 / (hops × floor) | p99 / (hops × floor) |");
            md.add("|---|---|---|---|---|---|---|---|");
            row(md, "…the gateway's answer (202/200)", (Map<String, Object>) lat.get("publishAnswer"), 1, hopP50,
                    hopP99);
            row(md, "…`TaskCredited` on Kafka", (Map<String, Object>) lat.get("toTaskCredited"), 4, hopP50, hopP99);
            row(md, "…the line on the commune's open SSE dashboard", (Map<String, Object>) lat.get("toDashboard"), 5,
                    hopP50, hopP99);
            row(md, "Floor: Kafka produce→consume", kafka, 1, (double) kafka.get("p50Ms"), (double) kafka.get("p99Ms"));
            row(md, "Floor: MongoDB conditional update", mongo, 1, (double) mongo.get("p50Ms"),
                    (double) mongo.get("p99Ms"));
            md.add("");
            md.add("Not credited within 60 s: " + lat.get("notCredited") + "; credited but not seen on a dashboard: "
                    + lat.get("notOnDashboard") + ". CPU during the phase (% of one core): " + lat.get("cpuPercent"));
            md.add("");
            if (r.get("databaseOperationsPerPublication") != null) {
                md.add("Database operations per publication during the phase (the MongoDB driver's command counts of"
                        + " every service, `mongodb.driver.commands`, difference ÷ publications; includes sweeps,"
                        + " schedulers and the observers' dashboard reads): " + r.get("databaseOperationsPerPublication"));
                md.add("");
            }
            if (r.get("hopTimes") instanceof Map<?, ?> hops) {
                md.add("Where the time goes, hop by hop (" + hops.get("publications") + " publications of the phase,"
                        + " read back from the broker: each event's `ce_time` is when its service wrote it into the"
                        + " outbox, the record's timestamp when the relay sent it, and all events of one publish"
                        + " request share its trace id):");
                md.add("");
                md.add("| event | in the outbox p50 / p90 / p99 ms | then until the next event is written | by |");
                md.add("|---|---|---|---|");
                for (Map<String, Object> step : (List<Map<String, Object>>) hops.get("steps")) {
                    md.add("| " + step.get("event") + " | " + triple(step.get("inOutbox")) + " | "
                            + (step.containsKey("toNextEvent") ? triple(step.get("toNextEvent")) : "-") + " | "
                            + step.getOrDefault("nextBy", "-") + " |");
                }
                md.add("");
            }
            md.add("![latency over time](e2e-" + date + "-latency.png)");
            md.add("");
            md.add("## Throughput");
            md.add("");
            md.add(steps.isEmpty() ? "Not measured in this run (no `bench.steps`)."
                    : "Highest sustained: **" + thr.get("highestSustainedPerSecond") + " publications/s**; saturation "
                    + thr.get("saturation") + ".");
            md.add("");
            md.add("| offered /s | accepted /s | credited ≤ 3 s after | TaskCredited events | dashboard lines |"
                    + " p50 ms | p99 ms | busiest (CPU % of one core) | sustained |");
            md.add("|---|---|---|---|---|---|---|---|---|");
            for (Map<String, Object> s : steps) {
                Map<String, Object> c = (Map<String, Object>) s.get("toTaskCredited");
                md.add("| " + s.get("offeredPerSecond") + " | " + s.get("acceptedPerSecond") + " | "
                        + s.get("creditedShare") + " % | " + s.get("taskCreditedEvents") + " | "
                        + s.get("dashboardLines") + " | " + c.getOrDefault("p50Ms", "-") + " | "
                        + c.getOrDefault("p99Ms", "-") + " | " + s.get("busiest") + " | "
                        + (Boolean.TRUE.equals(s.get("sustained")) ? "yes" : "no") + " |");
            }
            md.add("");
            md.add("![throughput](e2e-" + date + "-throughput.png)");
            md.add("");
            if (r.get("burst") instanceof Map<?, ?> b) {
                md.add("## Burst");
                md.add("");
                md.add(b.get("items") + " approved items published at once: accepted by the gateway in "
                        + b.get("allAcceptedSeconds") + " s; " + b.get("credited") + " of " + b.get("accepted")
                        + " credited, the last " + (b.get("creditedWithinSeconds") == null ? "— not all within 120 s"
                        : b.get("creditedWithinSeconds") + " s after the first request") + " ("
                        + b.get("creditedPerSecond") + " items/s).");
                md.add("");
            }
            md.add("## Footprint");
            md.add("");
            md.add("Resident memory per part (MiB; a part is its whole process group): idle "
                    + r.get("footprintIdleMiB") + "; under load " + r.get("footprintUnderLoadMiB") + "; after "
                    + r.get("footprintAfterMiB") + ". Last `./loa up`: ready in " + r.get("startUpSeconds") + " s.");
            md.add("");
            md.add("Proportional set size per part (MiB; shared pages divided among the processes that map them, so"
                    + " the parts add up to what the stack occupies): idle " + r.get("footprintIdlePssMiB")
                    + "; under load " + r.get("footprintUnderLoadPssMiB") + ".");
            Files.write(out.resolve("e2e-" + date + ".md"), md);
            Charts.lines(out.resolve("e2e-" + date + "-latency.png"),
                    "Độ trễ đăng tin → ghi nhận nhiệm vụ / bảng điều khiển, " + lat.get("offeredPerSecond") + " tin/giây",
                    "giây của pha đo", "ms (theo giây gửi)", latencySeries);
            Map<String, List<double[]>> t = new LinkedHashMap<>();
            t.put("được nhận (tin/giây)", steps.stream().map(s -> new double[] {
                    ((Number) s.get("offeredPerSecond")).doubleValue(),
                    ((Number) s.get("acceptedPerSecond")).doubleValue()}).toList());
            t.put("đã ghi nhận trong 3 giây (%)", steps.stream().map(s -> new double[] {
                    ((Number) s.get("offeredPerSecond")).doubleValue(),
                    ((Number) s.get("creditedShare")).doubleValue()}).toList());
            Charts.lines(out.resolve("e2e-" + date + "-throughput.png"), "Thông lượng theo tải đưa vào",
                    "tin/giây đưa vào", "tin/giây · %", t);
            log.info(String.join("\n", md));
        }

        @SuppressWarnings("unchecked")
        static void writeScale(Path out, Map<String, Object> r, List<Map<String, Object>> rows) throws Exception {
            Files.createDirectories(out);
            String date = LocalDate.now().toString();
            Files.writeString(out.resolve("e2e-scale-" + date + ".json"),
                    Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(r));
            Map<String, Object> machine = (Map<String, Object>) r.get("machine");
            List<String> md = new ArrayList<>();
            md.add("# Scale: communes on one deployment, " + machine.get("date"));
            md.add("");
            md.add("Machine: " + machine.get("processors") + " processors, " + machine.get("memoryGiB") + " GiB, "
                    + machine.get("java") + ". Parameters: " + r.get("parameters") + ". Run time: "
                    + r.get("runSeconds") + " s.");
            md.add("");
            md.add("| communes | prepare s | publish→TaskCredited p50 / p99 ms | commune dashboard p50 ms |"
                    + " province dashboard p50 ms | commune annual docx p50 ms | province annual xlsx p50 ms |"
                    + " RSS task / report / mongo / stack MiB |");
            md.add("|---|---|---|---|---|---|---|---|");
            Map<String, List<double[]>> chart = new LinkedHashMap<>();
            for (Map<String, Object> row : rows) {
                Map<String, Object> c = (Map<String, Object>) row.get("toTaskCredited");
                Map<String, Object> rss = (Map<String, Object>) row.get("rssMiB");
                double n = ((Number) row.get("communes")).doubleValue();
                md.add("| " + row.get("communes") + " | " + row.get("prepareSeconds") + " | " + c.get("p50Ms") + " / "
                        + c.get("p99Ms") + " | " + p50(row, "communeDashboard") + " | " + p50(row, "provinceDashboard")
                        + " | " + p50(row, "communeAnnualReportDocx") + " | " + p50(row, "provinceAnnualReportXlsx")
                        + " | " + rss.get("task-service") + " / " + rss.get("report-service") + " / "
                        + rss.get("mongo") + " / " + rss.get("totalStackMiB") + " |");
                for (String key : List.of("communeDashboard", "provinceDashboard", "provinceAnnualReportXlsx")) {
                    chart.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {n, p50(row, key)});
                }
                chart.computeIfAbsent("toTaskCredited", k -> new ArrayList<>())
                        .add(new double[] {n, ((Number) c.getOrDefault("p50Ms", 0)).doubleValue()});
            }
            md.add("");
            md.add("![scale](e2e-scale-" + date + ".png)");
            Files.write(out.resolve("e2e-scale-" + date + ".md"), md);
            Map<String, List<double[]>> named = new LinkedHashMap<>();
            named.put("đăng → ghi nhận nhiệm vụ p50", chart.get("toTaskCredited"));
            named.put("bảng điều khiển xã p50", chart.get("communeDashboard"));
            named.put("bảng điều khiển tỉnh p50", chart.get("provinceDashboard"));
            named.put("báo cáo năm của tỉnh (xlsx) p50", chart.get("provinceAnnualReportXlsx"));
            Charts.lines(out.resolve("e2e-scale-" + date + ".png"), "Chi phí theo số xã trên một hệ thống",
                    "số xã", "ms", named);
            log.info(String.join("\n", md));
        }

        @SuppressWarnings("unchecked")
        private static double p50(Map<String, Object> row, String key) {
            return ((Number) ((Map<String, Object>) row.get(key)).get("p50Ms")).doubleValue();
        }

        private static void row(List<String> md, String label, Map<String, Object> s, int hops, double floorP50,
                double floorP99) {
            if (!s.containsKey("p50Ms")) {
                md.add("| " + label + " | - | - | - | - | 0 | - | - |");
                return;
            }
            md.add("| " + label + " | " + s.get("p50Ms") + " | " + s.get("p90Ms") + " | " + s.get("p99Ms") + " | "
                    + s.get("maxMs") + " | " + s.get("samples") + " | ×" + fmt((double) s.get("p50Ms") / (hops * floorP50))
                    + " | ×" + fmt((double) s.get("p99Ms") / (hops * floorP99)) + " |");
        }

        @SuppressWarnings("unchecked")
        private static String triple(Object stats) {
            Map<String, Object> s = (Map<String, Object>) stats;
            return s.containsKey("p50Ms") ? s.get("p50Ms") + " / " + s.get("p90Ms") + " / " + s.get("p99Ms") : "-";
        }

        private static String fmt(double v) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
    }
}
