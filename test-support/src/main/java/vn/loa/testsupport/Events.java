package vn.loa.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what reached a topic, with a plain Kafka consumer: what an outside consumer would see. */
public final class Events implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    private Events(String bootstrap, List<String> topics) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(topics);
    }

    public static Events on(String... topics) {
        return new Events(LoaInfrastructure.endpoints().kafkaBootstrapServers(), List.of(topics));
    }

    /** Polls until {@code count} records arrived or the timeout passed; returns all seen so far. */
    public List<ConsumerRecord<String, byte[]>> await(int count, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (seen.size() < count && System.nanoTime() < end) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    /** The record's headers as strings (last value of each name). */
    public static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> h = new HashMap<>();
        record.headers().forEach(header -> h.put(header.key(), new String(header.value(), StandardCharsets.UTF_8)));
        return h;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
