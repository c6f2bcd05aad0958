package vn.loa.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.loa.contracts.CloudEventHeaders;
import vn.loa.contracts.EventCodec;
import vn.loa.contracts.EventEnvelope;
import vn.loa.contracts.EventType;
import vn.loa.contracts.LoaEvent;
import vn.loa.contracts.Topics;
import vn.loa.contracts.content.ContentPublished;
import vn.loa.contracts.plan.Due;
import vn.loa.contracts.plan.PlanIssued;
import vn.loa.contracts.plan.PlannedTask;
import vn.loa.contracts.plan.Quota;
import vn.loa.contracts.plan.QuotaPeriod;
import vn.loa.contracts.task.TaskCredited;
import vn.loa.platform.tenancy.CommuneDirectory;
import vn.loa.task.TaskServiceApplication;
import vn.loa.testsupport.LoaInfrastructure;

/**
 * Credit throughput and latency of task-service alone, on this machine, beside the floors measured in the same run.
 *
 * <ol>
 *   <li>Starts the test infrastructure in this JVM (a KRaft broker and mongo-java-server, as the tests use) and
 *       task-service on it; issues a realistic plan (five tasks) for a number of communes.</li>
 *   <li>Floors: produce→consume latency of one message at a time through the same broker ({@code acks=all}, no
 *       linger, idempotent, as the outbox relay sends), the broker's pipelined throughput, and one crediting-like
 *       conditional {@code updateOne} on the same database.</li>
 *   <li>Steady rate: {@code ContentPublished} at a fixed rate; latency from the moment one is produced to the moment
 *       its first {@code TaskCredited} is consumed from {@code task.task.events}.</li>
 *   <li>Burst: a batch produced as fast as the producer goes; sustained credits per second until the last one.</li>
 *   <li>History ({@code -Dbench.history=N}, 0 to skip): one commune's dialogue task is given N credits first (not
 *       measured); then the same paced series of dialogue items is credited on a commune whose task has none and on
 *       that one — what one credit costs against the history of its task.</li>
 * </ol>
 *
 * Threads hand off through blocking queues and latches, and the producer paces itself with {@code parkNanos}: a
 * busy-waiting benchmark starves the two cores it is measuring. Parameters are system properties
 * ({@code -Dbench.rate=40 -Dbench.seconds=30 -Dbench.burst=2000 -Dbench.communes=30 -Dbench.floor.samples=2000
 * -Dbench.history=2000 -Dbench.history.items=200 -Dbench.out=bench/results}).
 */
public final class CreditingBenchmark {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CreditingBenchmark.class);

    private static final int RATE = Integer.getInteger("bench.rate", 40);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    private static final int BURST = Integer.getInteger("bench.burst", 2000);
    private static final int COMMUNES = Integer.getInteger("bench.communes", 30);
    private static final int FLOOR_SAMPLES = Integer.getInteger("bench.floor.samples", 2000);
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 300);
    private static final int HISTORY = Integer.getInteger("bench.history", 2000);
    private static final int HISTORY_ITEMS = Integer.getInteger("bench.history.items", 200);
    private static final int HISTORY_RATE = 20;
    /** Round trips before the floors are sampled, so the JIT has compiled the client code they run through. */
    private static final int FLOOR_WARM_UP = 1000;

    private final EventCodec codec = new EventCodec();
    private final String bootstrap;
    private final String mongoUri;
    private final KafkaProducer<String, byte[]> producer;
    private final List<String> communes;
    /** Two communes outside the round robin: one whose dialogue task gets a history of credits, one without. */
    private final String withHistory;
    private final String withoutHistory;
    /** itemId → nanoTime it was produced at. */
    private final Map<String, Long> producedAt = new ConcurrentHashMap<>();
    /** Latencies (ns) of the items credited in the current phase, handed over by the reader thread. */
    private final BlockingQueue<Latency> latencies = new LinkedBlockingQueue<>();
    /** The latencies of the last phase, each with its item. */
    private List<Latency> lastPhase = List.of();

    /** From the publication produced to its first {@code TaskCredited} consumed. */
    private record Latency(String itemId, long nanos) {
    }
    private final AtomicLong creditedEvents = new AtomicLong();
    private volatile boolean reading = true;
    /** Opened once the reader sits at the end of task.task.events, so that no credit goes by unseen. */
    private final CountDownLatch readerReady = new CountDownLatch(1);
    private int itemCounter;

    private CreditingBenchmark(LoaInfrastructure.Endpoints infra) {
        this.bootstrap = infra.kafkaBootstrapServers();
        this.mongoUri = infra.mongoUri();
        this.producer = new KafkaProducer<>(Floors.producerConfig(bootstrap), new StringSerializer(), new ByteArraySerializer());
        List<String> province = CommuneDirectory.instance().province("31").orElseThrow().communes().stream()
                .map(CommuneDirectory.Commune::code).limit(COMMUNES + 2L).toList();
        this.communes = province.subList(0, COMMUNES);
        this.withHistory = province.get(COMMUNES);
        this.withoutHistory = province.get(COMMUNES + 1);
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("loa.test.infra") == null) {
            System.setProperty("loa.test.infra", "embedded"); // the floors mean "this JVM, this machine"
        }
        long started = System.nanoTime();
        LoaInfrastructure.Endpoints infra = LoaInfrastructure.endpoints();
        CreditingBenchmark bench = new CreditingBenchmark(infra);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("machine", Floors.machine(infra.kind()));
        results.put("parameters", Map.of("rate", RATE, "seconds", SECONDS, "burst", BURST, "communes", COMMUNES,
                "floorSamples", FLOOR_SAMPLES, "warmUp", WARM_UP, "history", HISTORY, "historyItems", HISTORY_ITEMS));

        Floors floors = new Floors(infra.kafkaBootstrapServers(), infra.mongoUri(), FLOOR_SAMPLES, FLOOR_WARM_UP);
        results.put("kafkaFloor", floors.kafka());
        results.put("mongoFloor", floors.mongo());

        // as command-line arguments: they must win over the platform's defaults (SpringApplicationBuilder.properties
        // would not)
        ConfigurableApplicationContext app = new SpringApplicationBuilder(TaskServiceApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + infra.mongoUri() + "/task-service-bench",
                        "--loa.tasks.closing.initial-delay=PT1H",
                        "--spring.main.banner-mode=off");
        try {
            Thread reader = Thread.ofPlatform().name("task-events-reader").start(bench::readCredits);
            bench.readerReady.await();
            bench.issuePlans();
            bench.phase("warm-up", WARM_UP, 0);
            results.put("steady", bench.phase("steady", RATE * SECONDS, RATE));
            results.put("burst", bench.phase("burst", BURST, 0));
            if (HISTORY > 0) {
                results.put("history", bench.history());
            }
            bench.reading = false;
            reader.join(5_000);
        } finally {
            app.close();
            bench.producer.close();
        }
        results.put("runSeconds", (System.nanoTime() - started) / 1_000_000_000.0);
        Report.write(results);
        System.exit(0); // the embedded broker's threads are not daemons
    }

    // ---- crediting ---------------------------------------------------------------------------------------------

    private void issuePlans() {
        for (String commune : communes) {
            send(plan(commune));
        }
        send(plan(withHistory));
        send(plan(withoutHistory));
    }

    /**
     * Credits {@link #HISTORY} dialogue items on one commune's task (as fast as they go, not measured), then one
     * paced series that alternates between a task without history and that one, so that both halves meet the same
     * machine at the same moments (the other work on it included). Each dialogue item credits exactly that task.
     */
    private Map<String, Object> history() throws InterruptedException {
        log.info("history: giving one task {} prior credits…", HISTORY);
        phase("history-preload", HISTORY, 0, () -> dialogue(withHistory));
        int[] turn = {0};
        phase("history-alternating", 2 * HISTORY_ITEMS, HISTORY_RATE,
                () -> dialogue(turn[0]++ % 2 == 0 ? withoutHistory : withHistory));
        Map<String, Object> none = statsOf(withoutHistory);
        Map<String, Object> prior = statsOf(withHistory);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("priorCredits", HISTORY);
        out.put("withNoPriorCredits", none);
        out.put("withPriorCredits", prior);
        out.put("p50Ratio", Math.round(100.0 * (double) prior.get("p50Ms") / (double) none.get("p50Ms")) / 100.0);
        out.put("p99Ratio", Math.round(100.0 * (double) prior.get("p99Ms") / (double) none.get("p99Ms")) / 100.0);
        return out;
    }

    /** The last phase's latencies of one commune's dialogue items. */
    private Map<String, Object> statsOf(String commune) {
        String prefix = "bench-dialogue-" + commune + "-";
        Map<String, Object> stats = Stats.of(lastPhase.stream().filter(l -> l.itemId().startsWith(prefix))
                .mapToLong(Latency::nanos).toArray());
        stats.put("items", HISTORY_ITEMS);
        return stats;
    }

    private ContentPublished dialogue(String commune) {
        int n = itemCounter++;
        String item = "bench-dialogue-" + commune + "-" + n + "-" + UUID.randomUUID();
        Instant at = inTheQuarter(n);
        return new ContentPublished(commune, item, "meeting", "Hội nghị đối thoại số " + n, List.of(), List.of(),
                "Công chức Văn phòng - Thống kê", null, at, null);
    }

    /**
     * Produces {@code count} publications, at {@code rate} per second (0: as fast as possible), and waits until
     * each has been credited. Returns the end-to-end latencies and the throughput.
     */
    private Map<String, Object> phase(String name, int count, int rate) throws InterruptedException {
        return phase(name, count, rate, this::publication);
    }

    private Map<String, Object> phase(String name, int count, int rate,
            java.util.function.Supplier<ContentPublished> next) throws InterruptedException {
        latencies.clear();
        long creditedBefore = creditedEvents.get();
        long interval = rate == 0 ? 0 : 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (interval > 0) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            send(next.get());
        }
        long producedIn = System.nanoTime() - start;
        long[] latency = new long[count];
        List<Latency> seen = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Latency l = latencies.poll(120, TimeUnit.SECONDS);
            if (l == null) {
                throw new IllegalStateException(name + ": only " + i + " of " + count + " items were credited");
            }
            latency[i] = l.nanos();
            seen.add(l);
        }
        lastPhase = seen;
        long elapsed = System.nanoTime() - start;
        Map<String, Object> stats = Stats.of(latency);
        stats.put("items", count);
        stats.put("producedPerSecond", Math.round(count / (producedIn / 1e9)));
        stats.put("itemsCreditedPerSecond", Math.round(count / (elapsed / 1e9)));
        stats.put("taskCreditedEventsPerSecond",
                Math.round((creditedEvents.get() - creditedBefore) / (elapsed / 1e9)));
        log.info(String.format(Locale.ROOT, "%s: %d items, p50 %.2f ms, p99 %.2f ms, %s items/s", name, count,
                (double) stats.get("p50Ms"), (double) stats.get("p99Ms"), stats.get("itemsCreditedPerSecond")));
        return stats;
    }

    /** Reads task.task.events from its end; the first TaskCredited of an item gives that item's latency. */
    private void readCredits() {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TASK_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            readerReady.countDown();
            while (reading) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    Map<String, Object> headers = new HashMap<>();
                    record.headers().forEach(h -> headers.put(h.key(), h.value()));
                    if (!EventType.TASK_CREDITED.type().equals(text(headers.get(CloudEventHeaders.TYPE)))) {
                        continue;
                    }
                    creditedEvents.incrementAndGet();
                    TaskCredited credited = (TaskCredited) codec.decode(EventEnvelope.fromHeaders(headers,
                            record.value()));
                    Long t0 = producedAt.remove(credited.itemId());
                    if (t0 != null) {
                        latencies.add(new Latency(credited.itemId(), now - t0));
                    }
                }
            }
        }
    }

    private void send(LoaEvent event) {
        EventEnvelope envelope = EventEnvelope.wrap(event, event instanceof PlanIssued ? "plan-service"
                : "content-service", Instant.now(), codec);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventType.of(event).topicFor(event),
                event.subject(), envelope.data());
        envelope.headers().forEach((k, v) -> record.headers().add(new RecordHeader(k,
                v.getBytes(StandardCharsets.UTF_8))));
        if (event instanceof ContentPublished published) {
            producedAt.put(published.itemId(), System.nanoTime());
        }
        producer.send(record);
    }

    // ---- the commune's plan and its publications -----------------------------------------------------------------

    private static final String[][] MIX = {
        // kind, channel: each credits at least one task of the plan below (October to December)
        {"news", "portal"}, {"article", "zalo-oa"}, {"radio", "loa-truyen-thanh"}, {"meeting", null},
        {"news", "zalo-oa"}, {"infographic", "portal"}};

    private ContentPublished publication() {
        int n = itemCounter++;
        String commune = communes.get(n % communes.size());
        String[] kindChannel = MIX[(n / communes.size()) % MIX.length];
        Instant at = inTheQuarter(n);
        String item = "bench-" + n + "-" + UUID.randomUUID();
        return new ContentPublished(commune, item, kindChannel[0], "Tin tuyên truyền cải cách hành chính số " + n,
                List.of("cai-cach-hanh-chinh"), List.of(), "Văn phòng HĐND và UBND xã", kindChannel[1], at,
                kindChannel[1] == null ? null : "https://xa.gov.vn/tin-tuc/" + item);
    }

    /** The n-th item's publication, spread over October–December 2025, where every task of the plan takes credit. */
    private static Instant inTheQuarter(int n) {
        return Instant.parse("2025-10-01T01:00:00Z").plusSeconds((n * 7_919L) % (90L * 86_400));
    }

    private static PlanIssued plan(String commune) {
        String plan = "bench-plan-" + commune;
        List<PlannedTask> tasks = List.of(
                new PlannedTask(plan + "-01", 1, "Đăng tải tin, bài về dịch vụ công trực tuyến",
                        "Văn phòng HĐND và UBND xã", List.of("Công chức Văn hóa - Xã hội"),
                        List.of("news", "article"), List.of("portal", "zalo-oa"),
                        new Quota(1, QuotaPeriod.MONTH, YearMonth.of(2025, 8), YearMonth.of(2025, 12)),
                        new Due(LocalDate.of(2025, 12, 31), "Tháng 12/2025")),
                new PlannedTask(plan + "-02", 2, "Tổ chức hội nghị đối thoại về cải cách hành chính",
                        "Công chức Văn phòng - Thống kê", List.of("Ủy ban MTTQ Việt Nam xã"), List.of("meeting"),
                        List.of(), new Quota(1, QuotaPeriod.PLAN, null, null), new Due(null, "Quý IV/2025")),
                new PlannedTask(plan + "-03", 3, "Phát thanh chuyên mục \"Cải cách hành chính\"",
                        "Công chức Văn hóa - Xã hội", List.of(), List.of("radio"), List.of("loa-truyen-thanh"),
                        new Quota(2, QuotaPeriod.QUARTER, YearMonth.of(2025, 10), null), null),
                new PlannedTask(plan + "-04", 4, "Hướng dẫn thanh toán trực tuyến phí, lệ phí",
                        "Văn phòng HĐND và UBND xã", List.of("Bộ phận Một cửa xã"), List.of("news", "infographic"),
                        List.of("portal"), new Quota(1, QuotaPeriod.HALF_YEAR, YearMonth.of(2025, 10), null),
                        new Due(LocalDate.of(2025, 12, 15), "Trước ngày 15/12/2025")),
                new PlannedTask(plan + "-05", 5, "Theo dõi, tổng hợp phản ánh, kiến nghị về thủ tục hành chính",
                        "Bộ phận Một cửa xã", List.of(), List.of("report"), List.of(), null,
                        new Due(LocalDate.of(2025, 12, 20), null)));
        return new PlanIssued(commune, plan, 1, "21/KH-UBND", "Kế hoạch tuyên truyền cải cách hành chính năm 2025",
                LocalDate.of(2025, 8, 1), LocalDate.of(2025, 12, 31), LocalDate.of(2025, 7, 28),
                Instant.parse("2025-07-28T03:20:00Z"), "u-chu-tich-ubnd", tasks);
    }

    // ---- plumbing ------------------------------------------------------------------------------------------------

    private KafkaConsumer<String, byte[]> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static String text(Object header) {
        return header instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : null;
    }

    /** The figures as a Markdown table and as JSON, under bench/results/. */
    static final class Report {

        @SuppressWarnings("unchecked")
        static void write(Map<String, Object> r) throws IOException {
            Map<String, Object> kafka = (Map<String, Object>) r.get("kafkaFloor");
            Map<String, Object> mongo = (Map<String, Object>) r.get("mongoFloor");
            Map<String, Object> steady = (Map<String, Object>) r.get("steady");
            Map<String, Object> burst = (Map<String, Object>) r.get("burst");
            Map<String, Object> machine = (Map<String, Object>) r.get("machine");
            double floorP50 = (double) kafka.get("p50Ms");
            double floorP99 = (double) kafka.get("p99Ms");
            List<String> lines = new ArrayList<>();
            lines.add("# Crediting benchmark, " + machine.get("date"));
            lines.add("");
            lines.add("Machine: " + machine.get("processors") + " processors, " + machine.get("memoryGiB")
                    + " GiB memory, max heap " + machine.get("maxHeapMiB") + " MiB, " + machine.get("java") + ", "
                    + machine.get("os") + "; infrastructure: " + machine.get("infrastructure")
                    + " (Kafka broker KRaft and mongo-java-server in the benchmark's JVM, with task-service).");
            lines.add("Parameters: " + r.get("parameters") + ". Run time: "
                    + String.format(Locale.ROOT, "%.0f s", (double) r.get("runSeconds")) + ".");
            lines.add("");
            lines.add("| measure | p50 (ms) | p99 (ms) | max (ms) | throughput | p50 / floor | p99 / floor |");
            lines.add("|---|---|---|---|---|---|---|");
            lines.add(row("Floor: Kafka produce→consume, one message at a time", kafka,
                    kafka.get("pipelinedPerSecond") + " msg/s pipelined", floorP50, floorP99));
            lines.add(row("Floor: crediting-like `updateOne` (`$ne` + `$push` + `$inc`)", mongo,
                    mongo.get("updatesPerSecond") + " updates/s, one client", floorP50, floorP99));
            lines.add(row("ContentPublished → TaskCredited at " + steady.get("producedPerSecond") + " items/s", steady,
                    steady.get("itemsCreditedPerSecond") + " items/s, " + steady.get("taskCreditedEventsPerSecond")
                            + " TaskCredited/s", floorP50, floorP99));
            lines.add(row("Burst of " + burst.get("items") + " (produced at " + burst.get("producedPerSecond")
                    + "/s; latency is queueing)", burst, burst.get("itemsCreditedPerSecond") + " items/s sustained, "
                            + burst.get("taskCreditedEventsPerSecond") + " TaskCredited/s", floorP50, floorP99));
            Map<String, Object> history = (Map<String, Object>) r.get("history");
            if (history != null) {
                lines.add(row("One credit on a task with no prior credit (" + HISTORY_ITEMS + " items, alternating"
                        + " with the next row, " + HISTORY_RATE + "/s together)", (Map<String, Object>) history.get("withNoPriorCredits"), "—",
                        floorP50, floorP99));
                lines.add(row("One credit on a task with " + history.get("priorCredits") + " prior credits (same series)",
                        (Map<String, Object>) history.get("withPriorCredits"), "p50 ×" + history.get("p50Ratio")
                                + ", p99 ×" + history.get("p99Ratio") + " the task without history", floorP50,
                        floorP99));
            }
            lines.add("");
            double sustained = ((Number) burst.get("itemsCreditedPerSecond")).doubleValue();
            lines.add(String.format(Locale.ROOT, "Sustained crediting: %.0f items/s = %.2f%% of the broker's pipelined"
                    + " rate, %.0f%% of one client's update rate on the same database.", sustained,
                    100 * sustained / ((Number) kafka.get("pipelinedPerSecond")).doubleValue(),
                    100 * sustained / ((Number) mongo.get("updatesPerSecond")).doubleValue()));
            lines.add("");
            lines.add("Latency is from `ContentPublished` handed to the producer to its item's first `TaskCredited`"
                    + " consumed from `task.task.events`: two trips through the broker, and in between the ledger"
                    + " write, the query for the tasks the item may concern, one revision-guarded write per task it"
                    + " credits (events in its outbox), the ledger version check, and the outbox relay's claim, send"
                    + " and removal — about six database round trips per item, each costlier than the floor's since"
                    + " a task document carries its credits. An item may credit two tasks (news on the portal"
                    + " matches two), hence more TaskCredited than items. The burst's latencies are mostly queueing:"
                    + " its figure is the sustained rate.");
            String markdown = String.join("\n", lines) + "\n";
            log.info("\n{}", markdown);

            Path dir = Path.of(System.getProperty("bench.out",
                    Files.isDirectory(Path.of("bench")) ? "bench/results" : "results"));
            Files.createDirectories(dir);
            String date = LocalDate.now().toString();
            Files.writeString(dir.resolve("crediting-" + date + ".md"), markdown);
            Files.writeString(dir.resolve("crediting-" + date + ".json"), Json.write(r) + "\n");
            log.info("Written to {}", dir.toAbsolutePath().resolve("crediting-" + date + ".{md,json}"));
        }

        private static String row(String name, Map<String, Object> s, String throughput, double floorP50,
                double floorP99) {
            return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %s | ×%.1f | ×%.1f |", name,
                    (double) s.get("p50Ms"), (double) s.get("p99Ms"), (double) s.get("maxMs"), throughput,
                    (double) s.get("p50Ms") / floorP50, (double) s.get("p99Ms") / floorP99);
        }
    }

    /** Just enough JSON for nested maps of numbers and strings. */
    static final class Json {

        static String write(Object value) {
            if (value instanceof Map<?, ?> map) {
                List<String> fields = new ArrayList<>();
                map.forEach((k, v) -> fields.add("\"" + k + "\": " + write(v)));
                return "{" + String.join(", ", fields) + "}";
            }
            if (value instanceof Number || value instanceof Boolean) {
                return value.toString();
            }
            return "\"" + String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }
}
