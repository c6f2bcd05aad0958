package vn.loa.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import vn.loa.contracts.CloudEventHeaders;
import vn.loa.contracts.EventCodec;
import vn.loa.contracts.EventEnvelope;
import vn.loa.contracts.EventType;
import vn.loa.contracts.LoaEvent;
import vn.loa.contracts.channel.ChannelRegistered;
import vn.loa.contracts.channel.PublicationEngaged;
import vn.loa.contracts.channel.PublicationFailed;
import vn.loa.contracts.channel.PublicationRequested;
import vn.loa.contracts.channel.PublicationSucceeded;

/**
 * The test broker ({@link LoaInfrastructure}) seen from outside the service under test: sends events as their
 * producing service would (binary-mode CloudEvents, keyed by subject), sends records as they are (a redelivery, a
 * poison message), reads a topic to its end offsets, and tells when a consumer group has processed everything on
 * its topics — so tests wait for facts, never for time.
 */
public final class TestBroker implements AutoCloseable {

    /**
     * How a test waits for what has to go through the broker and a service: up to 45 s (a cold consumer group's
     * first assignment on a loaded machine), looking every 100 ms.
     */
    public static ConditionFactory eventually() {
        return eventually(Duration.ofSeconds(45));
    }

    /** The same with another bound, for a service slower by nature (speech synthesis, a third channel's start). */
    public static ConditionFactory eventually(Duration atMost) {
        return Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(100));
    }

    private final String bootstrap = LoaInfrastructure.endpoints().kafkaBootstrapServers();
    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, byte[]> producer;
    private final Admin admin;

    public TestBroker() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /** Sends an event as the service that produces it in Loa would ({@link #producerOf}); returns the record sent. */
    public ProducerRecord<String, byte[]> send(LoaEvent event) {
        return send(event, producerOf(event));
    }

    /**
     * Sends an event as the service {@code source} would: a binary-mode CloudEvent with a fresh {@code ce_id} on
     * every call, on the event's topic, keyed by its subject. Returns the record sent, to send again as it is.
     */
    public ProducerRecord<String, byte[]> send(LoaEvent event, String source) {
        EventEnvelope envelope = EventEnvelope.wrap(event, source, Instant.now(), codec);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventType.of(event).topicFor(event),
                event.subject(), envelope.data());
        envelope.headers().forEach((name, value) ->
                record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        send(record);
        return record;
    }

    /** Sends a record as it is (a redelivery keeps its {@code ce_id}; a poison message stays unreadable). */
    public RecordMetadata send(ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(),
                    record.headers())).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not send to " + record.topic(), e);
        }
    }

    /** Everything on the topic now, read to its end offsets (empty when the topic does not exist yet). */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Set<TopicPartition> partitions = partitions(topic);
        if (partitions.isEmpty()) {
            return List.of();
        }
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The records of one key (an item, a task…) on a topic, in order. */
    public List<ConsumerRecord<String, byte[]>> records(String topic, String key) {
        return readAll(topic).stream().filter(r -> key.equals(r.key())).toList();
    }

    /** The decoded events on a topic, in the order read. */
    public List<LoaEvent> events(String topic) {
        return readAll(topic).stream().map(this::decode).toList();
    }

    /** The event a binary-mode CloudEvent record carries. */
    public LoaEvent decode(ConsumerRecord<String, byte[]> record) {
        Map<String, Object> headers = new HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), h.value()));
        return codec.decode(EventEnvelope.fromHeaders(headers, record.value()));
    }

    /**
     * Whether the group has committed everything now on the topics: then it has processed all of it. False while a
     * topic does not exist yet.
     */
    public boolean caughtUp(String group, String... topics) {
        Set<TopicPartition> partitions = partitions(topics);
        if (partitions.isEmpty()) {
            return false;
        }
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                    partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all().get();
            return ends.entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                    || (committed.get(end.getKey()) != null
                            && committed.get(end.getKey()).offset() >= end.getValue().offset()));
        } catch (InterruptedException | ExecutionException e) {
            return false;
        }
    }

    /** How many members of the group hold partitions of the topic (0 while the group is unknown). */
    public long membersConsuming(String group, String topic) {
        try {
            return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get().members().stream()
                    .filter(m -> m.assignment().topicPartitions().stream().anyMatch(tp -> tp.topic().equals(topic)))
                    .count();
        } catch (InterruptedException | ExecutionException e) {
            return 0;
        }
    }

    /**
     * The service that produces an event in Loa, as its CloudEvents source names it: plan-, task- and
     * content-service their own events and the publication requests; a channel ({@code channel-<id>}) its
     * registration and its answers.
     */
    public static String producerOf(LoaEvent event) {
        return switch (event) {
            case PublicationRequested ignored -> "content-service";
            case PublicationSucceeded succeeded -> "channel-" + succeeded.channel();
            case PublicationFailed failed -> "channel-" + failed.channel();
            case ChannelRegistered registered -> "channel-" + registered.channelId();
            case PublicationEngaged engaged -> engaged.counter().startsWith("manual:") ? "content-service"
                    : "channel-" + engaged.channel();
            default -> EventType.of(event).type().split("\\.")[2] + "-service";
        };
    }

    /** The last value of a header, as a string (null when absent). */
    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        return header(record.headers(), name);
    }

    /** The last value of a header of a record sent, as a string (null when absent). */
    public static String header(ProducerRecord<String, byte[]> record, String name) {
        return header(record.headers(), name);
    }

    /** The CloudEvents type of a record ({@code ce_type}). */
    public static String type(ConsumerRecord<String, byte[]> record) {
        return header(record, CloudEventHeaders.TYPE);
    }

    private static String header(Headers headers, String name) {
        var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The partitions of the topics; empty when one of them does not exist (yet). */
    private Set<TopicPartition> partitions(String... topics) {
        try {
            return admin.describeTopics(List.of(topics)).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toSet());
        } catch (InterruptedException | ExecutionException e) {
            return Set.of();
        }
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }
}
