package vn.loa.channel.radio;

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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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

/** The test broker seen from outside the channel: sends events as content-service would, reads topics to their end. */
public final class TestBroker implements AutoCloseable {

    private final String bootstrap = LoaInfrastructure.endpoints().kafkaBootstrapServers();
    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, byte[]> producer;
    private final Admin admin;

    public TestBroker() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /** Sends an event as content-service would (binary-mode CloudEvent), and returns the record it became. */
    public ProducerRecord<String, byte[]> send(LoaEvent event) {
        EventEnvelope envelope = EventEnvelope.wrap(event, "content-service", Instant.now(), codec);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventType.of(event).topicFor(event),
                event.subject(), envelope.data());
        envelope.headers().forEach((name, value) ->
                record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        send(record);
        return record;
    }

    /** Sends a record as it is (a redelivery, a poison message). */
    public void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(), record.headers()))
                    .get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not send to " + record.topic(), e);
        }
    }

    /** Everything on the topic now (empty when the topic does not exist yet). */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Set<TopicPartition> partitions;
        try {
            partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toSet());
        } catch (InterruptedException | ExecutionException e) {
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

    /** The decoded events on a topic, in the order read. */
    public List<LoaEvent> events(String topic) {
        return readAll(topic).stream().map(this::decode).toList();
    }

    public LoaEvent decode(ConsumerRecord<String, byte[]> record) {
        Map<String, Object> headers = new HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), h.value()));
        return codec.decode(EventEnvelope.fromHeaders(headers, record.value()));
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String header(ProducerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String type(ConsumerRecord<String, byte[]> record) {
        return header(record, CloudEventHeaders.TYPE);
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }
}
