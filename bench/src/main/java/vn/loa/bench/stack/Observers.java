package vn.loa.bench.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import vn.loa.contracts.CloudEventHeaders;
import vn.loa.contracts.EventCodec;
import vn.loa.contracts.EventEnvelope;
import vn.loa.contracts.EventType;
import vn.loa.contracts.Topics;
import vn.loa.contracts.task.TaskCredited;

/**
 * What the benchmark watches while it publishes: {@code TaskCredited} on the broker (read from the end of
 * {@code task.task.events}) and the live dashboards' Server-Sent Events through the gateway, each stamped with
 * {@code System.nanoTime()} when it arrives here.
 */
final class Observers implements AutoCloseable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Observers.class);

    /** itemId → when its first TaskCredited arrived. */
    final Map<String, Long> creditedAt = new ConcurrentHashMap<>();
    /** tenant|task → the items credited to it, in the topic's order (one task is one key, one partition). */
    final Map<String, List<String>> creditOrder = new ConcurrentHashMap<>();
    /** tenant|task → when each "task changed by TaskCredited" line arrived on the SSE stream, in order. */
    final Map<String, List<Long>> sseArrivals = new ConcurrentHashMap<>();
    final AtomicLong creditEvents = new AtomicLong();
    final AtomicLong sseLines = new AtomicLong();

    private final EventCodec codec = new EventCodec();
    private final String bootstrap;
    private final Http http;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    Observers(String bootstrap, Http http) {
        this.bootstrap = bootstrap;
        this.http = http;
    }

    /** Starts reading task.task.events from its end; returns once the reader sits there. */
    void readCredits() throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(1);
        Thread t = Thread.ofPlatform().name("credit-reader").start(() -> {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = consumer.partitionsFor(Topics.TASK_EVENTS).stream()
                        .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                partitions.forEach(consumer::position);
                ready.countDown();
                while (running) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                        long now = System.nanoTime();
                        Map<String, Object> headers = new HashMap<>();
                        r.headers().forEach(h -> headers.put(h.key(), h.value()));
                        Object type = headers.get(CloudEventHeaders.TYPE);
                        if (!(type instanceof byte[] b) || !EventType.TASK_CREDITED.type().equals(
                                new String(b, StandardCharsets.UTF_8))) {
                            continue;
                        }
                        TaskCredited c = (TaskCredited) codec.decode(EventEnvelope.fromHeaders(headers, r.value()));
                        creditEvents.incrementAndGet();
                        creditedAt.putIfAbsent(c.itemId(), now);
                        creditOrder.computeIfAbsent(c.tenantId() + "|" + c.taskId(),
                                k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(c.itemId());
                    }
                }
            }
        });
        threads.add(t);
        if (!ready.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("could not read " + Topics.TASK_EVENTS + " at " + bootstrap);
        }
    }

    /** Opens one commune's live dashboard stream through the gateway, as its leader. */
    void watchDashboard(String gateway, String tenant, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/dashboard/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        Thread t = Thread.ofVirtual().name("sse-" + tenant).start(() -> {
            try {
                HttpResponse<Stream<String>> r = http.client().send(request, HttpResponse.BodyHandlers.ofLines());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("dashboard stream of " + tenant + ": HTTP " + r.statusCode());
                }
                try (Stream<String> lines = r.body()) {
                    lines.takeWhile(l -> running).forEach(line -> onLine(line, System.nanoTime()));
                }
            } catch (IOException | InterruptedException | RuntimeException e) {
                if (running) {
                    log.warn("dashboard stream of {} ended: {}", tenant, e.toString());
                }
            }
        });
        threads.add(t);
    }

    private void onLine(String line, long now) {
        if (!line.startsWith("data:")) {
            return;
        }
        JsonNode change = Http.JSON.readTree(line.substring(5).strip());
        if ("task".equals(change.path("area").asString()) && "TaskCredited".equals(change.path("cause").asString())) {
            sseLines.incrementAndGet();
            sseArrivals.computeIfAbsent(change.path("tenant").asString() + "|" + change.path("subject").asString(),
                    k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(now);
        }
    }

    /**
     * When each item's first credit reached a dashboard: the k-th SSE line of a task belongs to the k-th item
     * credited to it (report-service applies one task's events in the topic's order).
     */
    Map<String, Long> sseAtByItem() {
        Map<String, Long> first = new HashMap<>();
        creditOrder.forEach((key, items) -> {
            List<Long> arrivals = sseArrivals.getOrDefault(key, List.of());
            synchronized (items) {
                synchronized (arrivals) {
                    for (int k = 0; k < Math.min(items.size(), arrivals.size()); k++) {
                        first.merge(items.get(k), arrivals.get(k), Math::min);
                    }
                }
            }
        });
        return first;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            if (t.isVirtual()) {
                t.interrupt(); // an SSE stream blocked in a read
            } else {
                t.join(5_000); // the Kafka reader sees `running` within one poll
            }
        }
    }
}
