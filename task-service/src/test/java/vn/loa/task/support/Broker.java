package vn.loa.task.support;

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
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
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
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.loa.contracts.CloudEventHeaders;
import vn.loa.contracts.EventCodec;
import vn.loa.contracts.EventEnvelope;
import vn.loa.contracts.EventType;
import vn.loa.contracts.LoaEvent;
import vn.loa.contracts.Topics;
import vn.loa.contracts.task.TaskEvent;
import vn.loa.testsupport.LoaInfrastructure;

/**
 * The test broker seen from outside task-service: sends events as their producers would (binary-mode CloudEvents),
 * tells when a consumer group has processed everything on a topic, and reads a topic to its end — so tests wait for
 * facts, never for time.
 */
public final class Broker implements AutoCloseable {

    private final String bootstrap = LoaInfrastructure.endpoints().kafkaBootstrapServers();
    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, byte[]> producer;
    private final Admin admin;

    public Broker() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /** Sends an event as its producing service would, and returns the record it became. */
    public ProducerRecord<String, byte[]> send(LoaEvent event) {
        String service = switch (EventType.of(event).type().split("\\.")[2]) {
            case "plan" -> "plan-service";
            case "content" -> "content-service";
            default -> "task-service";
        };
        EventEnvelope envelope = EventEnvelope.wrap(event, service, Instant.now(), codec);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventType.of(event).topicFor(event),
                event.subject(), envelope.data());
        envelope.headers().forEach((name, value) ->
                record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        send(record);
        return record;
    }

    /** Sends a record as it is (a duplicate, a replay, a poison message). */
    public RecordMetadata send(ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(),
                    record.headers())).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not send to " + record.topic(), e);
        }
    }

    /** Whether the group has committed everything now on the topics: then it has processed all of it. */
    public boolean caughtUp(String group, String... topics) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                    partitions(topics).stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                    .all().get();
            return ends.entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                    || (committed.get(end.getKey()) != null
                            && committed.get(end.getKey()).offset() >= end.getValue().offset()));
        } catch (InterruptedException | ExecutionException e) {
            return false;
        }
    }

    /** How many members of the group hold partitions of the topic. */
    public long membersConsuming(String group, String topic) {
        try {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                    .describedGroups().get(group).get();
            return description.members().stream()
                    .filter(m -> m.assignment().topicPartitions().stream().anyMatch(tp -> tp.topic().equals(topic)))
                    .count();
        } catch (InterruptedException | ExecutionException e) {
            return 0;
        }
    }

    /** Everything on the topic now, read to its end offsets. */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            Set<TopicPartition> partitions = partitions(topic);
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

    /** The task events of one task on {@code task.task.events}, in order, with their records. */
    public List<ConsumerRecord<String, byte[]>> taskRecords(String taskId) {
        return readAll(Topics.TASK_EVENTS).stream().filter(r -> taskId.equals(r.key())).toList();
    }

    public TaskEvent decode(ConsumerRecord<String, byte[]> record) {
        Map<String, Object> headers = new HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), h.value()));
        return (TaskEvent) codec.decode(EventEnvelope.fromHeaders(headers, record.value()));
    }

    public List<TaskEvent> taskEvents(String taskId) {
        return taskRecords(taskId).stream().map(this::decode).toList();
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String type(ConsumerRecord<String, byte[]> record) {
        return header(record, CloudEventHeaders.TYPE);
    }

    private Set<TopicPartition> partitions(String... topics) {
        try {
            return admin.describeTopics(List.of(topics)).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toSet());
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("cannot describe " + List.of(topics), e);
        }
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }
}
