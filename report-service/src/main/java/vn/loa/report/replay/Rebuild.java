package vn.loa.report.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import vn.loa.contracts.EventCodec;
import vn.loa.contracts.EventEnvelope;
import vn.loa.contracts.Topics;
import vn.loa.contracts.UnreadableEvent;
import vn.loa.report.live.ChangeLog;
import vn.loa.report.live.Change;
import vn.loa.report.projection.Projection;
import vn.loa.report.projection.ReadModel;

/**
 * Drops the read models and reads every topic again from the start with a plain {@link KafkaConsumer} (assigned
 * partitions, no group, so the live consumer's offsets are untouched), up to the end offsets taken after the drop.
 * The live consumer keeps running: both write through the same idempotent projection, so an event applied twice
 * changes nothing. Progress: events read / total, done.
 */
@Component
public class Rebuild implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);
    static final List<String> TOPICS = List.of(Topics.PLAN_EVENTS, Topics.TASK_EVENTS, Topics.CONTENT_EVENTS,
            Topics.PUBLICATION_EVENTS, Topics.CHANNEL_REGISTRY, Topics.ENGAGEMENT_EVENTS);

    /** Where a rebuild stands. */
    public record Progress(boolean running, boolean done, long read, long total, long applied, long unreadable,
            Instant startedAt, Instant finishedAt, String error) {
    }

    private final MongoTemplate mongo;
    private final Projection projection;
    private final ChangeLog changes;
    private final EventCodec codec;
    private final KafkaProperties kafka;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "report-rebuild");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile String error;
    private volatile boolean done;

    public Rebuild(MongoTemplate mongo, Projection projection, ChangeLog changes, EventCodec codec,
            KafkaProperties kafka, Clock clock) {
        this.mongo = mongo;
        this.projection = projection;
        this.changes = changes;
        this.codec = codec;
        this.kafka = kafka;
        this.clock = clock;
    }

    /** Starts a rebuild; false when one is already running. */
    public boolean start() {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        read.set(0);
        total.set(0);
        applied.set(0);
        unreadable.set(0);
        error = null;
        done = false;
        finishedAt = null;
        startedAt = clock.instant();
        executor.submit(this::run);
        return true;
    }

    public Progress progress() {
        return new Progress(running.get(), done, read.get(), total.get(), applied.get(), unreadable.get(), startedAt,
                finishedAt, error);
    }

    private void run() {
        try {
            ReadModel.ALL.stream().filter(mongo::collectionExists).forEach(mongo::dropCollection);
            ReadModel.ensureIndexes(mongo);
            try (KafkaConsumer<String, byte[]> consumer = consumer()) {
                List<TopicPartition> partitions = new ArrayList<>();
                Map<String, List<PartitionInfo>> topics = consumer.listTopics(Duration.ofSeconds(10));
                for (String topic : TOPICS) {
                    for (PartitionInfo p : topics.getOrDefault(topic, List.of())) {
                        partitions.add(new TopicPartition(topic, p.partition()));
                    }
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions);
                total.set(ends.entrySet().stream()
                        .mapToLong(e -> e.getValue() - begins.getOrDefault(e.getKey(), 0L)).sum());
                List<TopicPartition> remaining = new ArrayList<>(partitions.stream()
                        .filter(tp -> ends.get(tp) > begins.getOrDefault(tp, 0L)).toList());
                while (!remaining.isEmpty()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                        if (record.offset() >= ends.get(tp)) {
                            continue; // newer than the snapshot: the live consumer has it
                        }
                        read.incrementAndGet();
                        apply(record);
                    }
                    remaining.removeIf(tp -> consumer.position(tp) >= ends.get(tp));
                    consumer.pause(partitions.stream().filter(tp -> !remaining.contains(tp)).toList());
                }
            }
            changes.append(new Change(vn.loa.contracts.Tenants.PLATFORM, "rebuild", "read-models", "Rebuild"));
            done = true;
            log.info("Read models rebuilt: {} events read, {} applied, {} unreadable", read.get(), applied.get(),
                    unreadable.get());
        } catch (RuntimeException e) {
            error = "Dựng lại bảng điều khiển thất bại: " + e.getMessage();
            log.error("Rebuild failed", e);
        } finally {
            finishedAt = clock.instant();
            running.set(false);
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        Map<String, Object> headers = new HashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), h.value());
        }
        try {
            EventEnvelope envelope = EventEnvelope.fromHeaders(headers, record.value());
            projection.apply(codec.decode(envelope));
            applied.incrementAndGet();
        } catch (UnreadableEvent e) {
            unreadable.incrementAndGet();
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
