package vn.loa.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.contracts.EventCodec;
import vn.loa.contracts.EventEnvelope;
import vn.loa.contracts.Topics;
import vn.loa.contracts.channel.EngagementBasis;
import vn.loa.contracts.channel.PublicationEngaged;

/**
 * Issue 21's figures, against the running stack ({@code ./loa bench engagement}):
 * <ol>
 *   <li><b>Overhead of counting on a page view.</b> An open-loop read load of {@code bench.rate} (500) page views a
 *       second for {@code bench.seconds} (20) on 127.0.0.1, straight at the portal (port 8085), spread over Kim
 *       Thành's published items, every request a new visitor (its own {@code X-Forwarded-For}: each view hashes and
 *       adds a key — counting's worst case); latency p50/p99 with counting, then with the portal restarted with
 *       {@code LOA_CHANNEL_ENGAGEMENT_ENABLED=false}, then the portal restarted as it was.</li>
 *   <li><b>Engagement events the pipeline absorbs under that load.</b> While the same read load runs,
 *       {@code bench.events} (5,000) distinct {@code PublicationEngaged} windows are produced to
 *       {@code channel.engagement.events} as fast as the producer goes; absorbed = events / time until the
 *       report-service and content-service groups have committed them all.</li>
 *   <li><b>End to end.</b> The views the portal counted in the first phase, read back from the commune's dashboard
 *       (report-service) after the last window was flushed: every one counted once.</li>
 * </ol>
 * Floor: the broker's pipelined produce→consume rate of one partition ({@link Floors#kafka()}), measured in the same
 * run. Writes bench/results/engagement-&lt;date&gt;.md and .json.
 */
public final class EngagementBenchmark {

    private static final Logger log = LoggerFactory.getLogger(EngagementBenchmark.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BASE = System.getProperty("bench.url", "http://127.0.0.1:8080");
    private static final String PORTAL = System.getProperty("bench.portal", "http://127.0.0.1:8085");
    private static final String KAFKA = System.getProperty("bench.kafka", "127.0.0.1:19092");
    private static final String MONGO = System.getProperty("bench.mongo", "mongodb://127.0.0.1:27027");
    private static final String TENANT = "10804";
    private static final int RATE = Integer.getInteger("bench.rate", 500);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int EVENTS = Integer.getInteger("bench.events", 5_000);
    /** Page views in flight at most: beyond, the load waits (an unbounded backlog made the 192 MB portal run out). */
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 32);
    private static final int ITEMS = Integer.getInteger("bench.items", 10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final BenchApi api = new BenchApi(BASE);
    private final String stamp = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicInteger visitor = new AtomicInteger();


    /** One load phase: latencies of the page views answered 200, and how many were not. */
    private record Load(long[] nanos, int failed, double achievedPerSecond) {
        Map<String, Object> figures() {
            Map<String, Object> m = new LinkedHashMap<>(Stats.of(nanos));
            m.put("failed", failed);
            m.put("achievedPerSecond", Math.round(achievedPerSecond));
            return m;
        }
    }

    public static void main(String[] args) throws Exception {
        new EngagementBenchmark().run();
    }

    private void run() throws Exception {
        String editor = token("kim-thanh.editor");
        String leader = token("kim-thanh.leader");
        List<String> items = publish(editor, leader);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("date", LocalDate.now().toString());
        result.put("readLoadPerSecond", RATE);
        result.put("readLoadSeconds", SECONDS);
        result.put("items", items.size());
        result.put("kafkaFloor", new Floors(KAFKA, MONGO, 2000, 500).kafka());

        long viewsBefore = dashboardViews(editor, items);
        Load warmUp = load(items, 3); // counted too
        Load with = load(items, SECONDS);
        log.info("with counting: {}", with.figures());
        result.put("pageViewWithCounting", with.figures());

        // the pipeline under the read load: synthetic windows of a commune of their own, produced at once
        // on a thread of its own: the common pool (one worker on 2 cores) runs the HTTP client's and the timeouts'
        // completions, and a load blocked on its in-flight bound there would starve them
        java.util.concurrent.ExecutorService loader = java.util.concurrent.Executors.newSingleThreadExecutor();
        CompletableFuture<Load> underLoad = CompletableFuture.supplyAsync(() -> load(items, SECONDS), loader);
        Map<String, Object> absorbed = absorb();
        Load during = underLoad.join();
        loader.shutdown();
        @SuppressWarnings("unchecked")
        Object floor = ((Map<String, Object>) result.get("kafkaFloor")).get("pipelinedPerSecond");
        if (floor instanceof Number f && absorbed.get("report-serviceEventsPerSecond") instanceof Number r) {
            absorbed.put("reportServiceToKafkaFloor", Math.round(r.doubleValue() / f.doubleValue() * 10_000) / 10_000.0);
        }
        result.put("engagementEventsAbsorbed", absorbed);
        result.put("pageViewWhileAbsorbing", during.figures());

        // every view counted by the portal reaches the dashboard once (the last window is flushed within 10 s)
        long expected = (long) warmUp.nanos().length + with.nanos().length + during.nanos().length;
        long start = System.nanoTime();
        long seen = viewsBefore;
        while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(90)) {
            seen = dashboardViews(editor, items);
            if (seen - viewsBefore >= expected) {
                break;
            }
            Thread.sleep(1000);
        }
        Map<String, Object> e2e = new LinkedHashMap<>();
        e2e.put("viewsSent", expected);
        e2e.put("viewsOnTheDashboard", seen - viewsBefore);
        e2e.put("secondsAfterLoadUntilAllShown", Math.round(Stats.ms(System.nanoTime() - start) / 100) / 10.0);
        result.put("viewsEndToEnd", e2e);

        // the same read load without counting: the portal restarted with the switch off, then as it was
        restartPortal(false);
        load(items, 3);
        Load without = load(items, SECONDS);
        log.info("without counting: {}", without.figures());
        result.put("pageViewWithoutCounting", without.figures());
        restartPortal(true);

        Map<String, Object> overhead = new LinkedHashMap<>();
        overhead.put("p50Ms", round2((double) with.figures().get("p50Ms") - (double) without.figures().get("p50Ms")));
        overhead.put("p99Ms", round2((double) with.figures().get("p99Ms") - (double) without.figures().get("p99Ms")));
        result.put("countingOverhead", overhead);
        write(result);
    }

    // ---------------------------------------------------------------- the read load

    private Load load(List<String> items, int seconds) {
        int total = RATE * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / RATE;
        ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(CONCURRENCY);
        List<CompletableFuture<?>> inFlight = new ArrayList<>(total);
        long begin = System.nanoTime();
        for (int n = 0; n < total; n++) {
            long due = begin + n * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int v = visitor.incrementAndGet();
            String address = "10." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
            HttpRequest request = HttpRequest.newBuilder(URI.create(PORTAL + "/p/" + TENANT + "/cchc/"
                            + items.get(n % items.size()))).timeout(Duration.ofSeconds(30))
                    .header("X-Forwarded-For", address).header("User-Agent", "loa-bench/" + stamp).GET().build();
            slots.acquireUninterruptibly();
            long sent = System.nanoTime();
            // a bounded wait whatever happens to the exchange: a permit is never kept by a request that hangs
            inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .orTimeout(30, TimeUnit.SECONDS).handle((r, e) -> {
                slots.release();
                if (e == null && r.statusCode() == 200) {
                    nanos.add(System.nanoTime() - sent);
                } else {
                    failed.incrementAndGet();
                }
                return null;
            }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        double elapsed = (System.nanoTime() - begin) / 1e9;
        long[] sample = nanos.stream().mapToLong(Long::longValue).toArray();
        return new Load(sample, failed.get(), total / elapsed);
    }

    // ---------------------------------------------------------------- the pipeline

    private Map<String, Object> absorb() throws Exception {
        EventCodec codec = new EventCodec();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        Set<String> groups = Set.of("report-service", "content-service");
        Map<String, Object> out = new LinkedHashMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA));
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                        new ByteArraySerializer())) {
            // Bạch Mai's (Hà Nội) figures: a commune the read load does not touch
            Instant base = Instant.now().minusSeconds(3600);
            long start = System.nanoTime();
            for (int i = 0; i < EVENTS; i++) {
                Instant from = base.plusMillis(i * 10L);
                PublicationEngaged e = new PublicationEngaged("00292", "bench-" + stamp + "-" + (i % 200), "portal",
                        null, "bench-" + stamp, EngagementBasis.COUNTED_IN_WINDOW, from, from.plusMillis(10),
                        new PublicationEngaged.Figures(1, 0, 0, 0, 0, 0, 0));
                EventEnvelope env = EventEnvelope.wrap(e, "portal-channel", Instant.now(), codec);
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ENGAGEMENT_EVENTS, e.subject(),
                        env.data());
                env.headers().forEach((k, v) -> record.headers().add(new RecordHeader(k,
                        v.getBytes(StandardCharsets.UTF_8))));
                producer.send(record);
            }
            producer.flush();
            long produced = System.nanoTime() - start;
            out.put("events", EVENTS);
            out.put("produceSeconds", round2(produced / 1e9));
            Map<TopicPartition, Long> ends = new LinkedHashMap<>();
            for (var end : admin.listOffsets(partitions(admin).stream().collect(java.util.stream.Collectors.toMap(
                    tp -> tp, tp -> OffsetSpec.latest()))).all().get().entrySet()) {
                ends.put(end.getKey(), end.getValue().offset());
            }
            Set<String> waiting = new java.util.HashSet<>(groups);
            while (!waiting.isEmpty() && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(10)) {
                for (String group : Set.copyOf(waiting)) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get();
                    boolean done = ends.entrySet().stream().allMatch(en -> committed.get(en.getKey()) != null
                            && committed.get(en.getKey()).offset() >= en.getValue());
                    if (done) {
                        double seconds = (System.nanoTime() - start) / 1e9;
                        out.put(group + "Seconds", round2(seconds));
                        out.put(group + "EventsPerSecond", Math.round(EVENTS / seconds));
                        log.info("{}: {} events absorbed in {} s", group, EVENTS, round2(seconds));
                        waiting.remove(group);
                    }
                }
                Thread.sleep(100);
            }
            waiting.forEach(g -> out.put(g + "Seconds", "not caught up within 10 min"));
        }
        return out;
    }

    private static List<TopicPartition> partitions(Admin admin) throws Exception {
        return admin.describeTopics(List.of(Topics.ENGAGEMENT_EVENTS)).allTopicNames().get()
                .get(Topics.ENGAGEMENT_EVENTS).partitions().stream()
                .map(pi -> new TopicPartition(Topics.ENGAGEMENT_EVENTS, pi.partition())).toList();
    }

    // ---------------------------------------------------------------- the stack

    /** Items published on Kim Thành's portal for the load (created, approved, published; waits for the pages). */
    private List<String> publish(String editor, String leader) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            Map<String, Object> draft = new LinkedHashMap<>();
            draft.put("title", "Tin đo tải trang công khai " + stamp + " số " + (i + 1));
            draft.put("body", "<p>Bộ phận một cửa hướng dẫn nộp hồ sơ trực tuyến.</p>");
            draft.put("kind", "NEWS");
            draft.put("channels", List.of("portal"));
            String id = BenchApi.ok(api.call("POST", "/api/contents", draft, editor), 201).json().path("id").asString();
            BenchApi.ok(api.call("POST", "/api/contents/" + id + "/submit", null, editor), 200);
            BenchApi.ok(api.call("POST", "/api/contents/" + id + "/approve", null, leader), 200);
            BenchApi.ok(api.call("POST", "/api/contents/" + id + "/publish", Map.of(), leader), 200);
            ids.add(id);
        }
        for (String id : ids) {
            for (int t = 0; t < 120 && api.call("GET", "/p/" + TENANT + "/cchc/" + id, null, null).status() != 200; t++) {
                Thread.sleep(500);
            }
        }
        return ids;
    }

    private long dashboardViews(String token, List<String> items) {
        long n = 0;
        for (JsonNode item : BenchApi.ok(api.call("GET", "/api/dashboard", null, token), 200).json().path("engagement")
                .path("topItems")) {
            if (items.contains(item.path("itemId").asString())) {
                for (JsonNode f : item.path("figures")) {
                    if ("views".equals(f.path("key").asString())) {
                        n += f.path("count").asLong();
                    }
                }
            }
        }
        return n;
    }

    /** Stops the portal and starts it again, with counting on or off (./loa __kill / __start). */
    private void restartPortal(boolean counting) throws IOException, InterruptedException {
        run("./loa", "__kill", "portal-channel");
        ProcessBuilder start = new ProcessBuilder("./loa", "__start").inheritIO();
        if (!counting) {
            start.environment().put("LOA_CHANNEL_ENGAGEMENT_ENABLED", "false");
        }
        if (start.start().waitFor() != 0) {
            throw new IllegalStateException("./loa __start failed");
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        if (new ProcessBuilder(command).inheritIO().start().waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    private String token(String user) {
        return api.token(user, "demo");
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static void write(Map<String, Object> result) throws IOException {
        Path dir = BenchApi.resultsDirectory();
        String name = "engagement-" + result.get("date");
        Files.writeString(dir.resolve(name + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        StringBuilder md = new StringBuilder("# Engagement — ").append(result.get("date")).append("\n\n")
                .append("`./loa bench engagement` on the embedded default (`./loa up`), issue 21. The read load goes")
                .append(" straight to the portal (127.0.0.1:8085), open loop, every request a new visitor (its own")
                .append(" X-Forwarded-For), at most ").append(CONCURRENCY).append(" in flight, spread over ").append(result.get("items")).append(" published items of")
                .append(" Xã Kim Thành. Without counting = the portal restarted with")
                .append(" `LOA_CHANNEL_ENGAGEMENT_ENABLED=false`. Events absorbed = distinct `PublicationEngaged`")
                .append(" windows produced to `channel.engagement.events` while the read load runs, until each")
                .append(" consumer group has committed them all. 2 CPU cores shared with other work: noisy.\n\n")
                .append("| figure | value |\n|---|---|\n");
        result.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        Files.writeString(dir.resolve(name + ".md"), md.toString());
        log.info("results in {}", dir.resolve(name + ".md"));
    }
}
