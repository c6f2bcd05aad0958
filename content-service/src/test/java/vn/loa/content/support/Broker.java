package vn.loa.content.support;

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
import vn.loa.testsupport.LoaInfrastructure;

/**
 * The test broker seen from outside content-service: sends events as a channel service would (binary-mode
 * CloudEvents), tells when content-service's group has processed a topic, and reads a topic to its end.
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

    /** Sends an event as the channel {@code channel} would (a fresh ce_id every call), and returns the record. */
    public ProducerRecord<String, byte[]> send(LoaEvent event, String channel) {
        EventEnvelope envelope = EventEnvelope.wrap(event, "channel-" + channel, Instant.now(), codec);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventType.of(event).topicFor(event),
                event.subject(), envelope.data());
        envelope.headers().forEach((name, value) ->
                record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return send(record);
    }

    /** Sends a record as it is (a redelivery keeps its ce_id). */
    public ProducerRecord<String, byte[]> send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(),
                    record.headers())).get();
            return record;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not send to " + record.topic(), e);
        }
    }

    /** Whether the group has committed everything now on the topic: then it has processed all of it. */
    public boolean caughtUp(String group, String topic) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                    partitions(topic).stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                    .all().get();
            return ends.entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                    || (committed.get(end.getKey()) != null
                            && committed.get(end.getKey()).offset() >= end.getValue().offset()));
        } catch (InterruptedException | ExecutionException e) {
            return false;
        }
    }

    /** Everything on the topic now, read to its end offsets (empty if the topic does not exist). */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            Set<TopicPartition> partitions;
            try {
                partitions = partitions(topic);
            } catch (IllegalStateException missing) {
                return List.of();
            }
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

    /** The records of one item (key) on a topic, in order. */
    public List<ConsumerRecord<String, byte[]>> records(String topic, String key) {
        return readAll(topic).stream().filter(r -> key.equals(r.key())).toList();
    }

    public LoaEvent decode(ConsumerRecord<String, byte[]> record) {
        Map<String, Object> headers = new HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), h.value()));
        return codec.decode(EventEnvelope.fromHeaders(headers, record.value()));
    }

    public static String type(ConsumerRecord<String, byte[]> record) {
        var header = record.headers().lastHeader(CloudEventHeaders.TYPE);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private Set<TopicPartition> partitions(String topic) {
        try {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toSet());
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("cannot describe " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }
}
