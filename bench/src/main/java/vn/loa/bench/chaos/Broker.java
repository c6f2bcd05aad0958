package vn.loa.bench.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.loa.client.GatewayClient;
import vn.loa.contracts.CloudEventHeaders;
import vn.loa.contracts.Topics;

/**
 * What the suite does with the broker directly: end offsets of every topic (to count the run's events and to read the
 * dead letters it caused), consumer-group lag (quiescence), and the poison messages it injects on purpose.
 */
final class Broker implements AutoCloseable {

    private final String bootstrap;
    private final Admin admin;

    Broker(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        admin = Admin.create(p);
    }

    /** End offset of every partition of every topic (internal ones excluded), retried while the broker is away. */
    Map<TopicPartition, Long> endOffsets(Instant deadline) {
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                Set<String> topics = admin.listTopics().names().get(15, TimeUnit.SECONDS);
                Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                        .get(15, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
                described.values().forEach(d -> d.partitions().forEach(
                        p -> specs.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> r = admin.listOffsets(specs).all()
                        .get(15, TimeUnit.SECONDS);
                Map<TopicPartition, Long> out = new HashMap<>();
                r.forEach((tp, info) -> out.put(tp, info.offset()));
                return out;
            } catch (Exception e) {
                last = new IllegalStateException("broker: " + e, e);
                Api.pause(1000);
            }
        }
        throw last == null ? new IllegalStateException("broker: deadline passed") : last;
    }

    /** Messages per topic between two snapshots of end offsets. */
    static Map<String, Long> delta(Map<TopicPartition, Long> before, Map<TopicPartition, Long> after) {
        Map<String, Long> out = new TreeMap<>();
        after.forEach((tp, end) -> {
            long d = end - before.getOrDefault(tp, 0L);
            if (d != 0) {
                out.merge(tp.topic(), d, Long::sum);
            }
        });
        return out;
    }

    /** Lag (end offset − committed offset) per consumer group, summed over its partitions; groups not found: absent. */
    Map<String, Long> lag(Collection<String> groups, Map<TopicPartition, Long> ends) {
        Map<String, Long> out = new TreeMap<>();
        for (String group : groups) {
            try {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
                if (committed.isEmpty()) {
                    continue;
                }
                long lag = 0;
                for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
                    if (e.getValue() != null && ends.containsKey(e.getKey())) {
                        lag += Math.max(0, ends.get(e.getKey()) - e.getValue().offset());
                    }
                }
                out.put(group, lag);
            } catch (Exception e) {
                out.put(group, -1L); // unknown now (broker away): not quiet
            }
        }
        return out;
    }

    /**
     * The consumer groups that read {@code topic}: those with committed offsets on it (every Loa consumer has, once it
     * has read anything). The poison sent there must reach each one's dead-letter topic.
     */
    List<String> groupsReading(String topic) {
        List<String> out = new ArrayList<>();
        try {
            for (var listing : admin.listConsumerGroups().all().get(15, TimeUnit.SECONDS)) {
                String group = listing.groupId();
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
                if (committed.keySet().stream().anyMatch(tp -> tp.topic().equals(topic))) {
                    out.add(group);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("consumer groups of " + topic + ": " + e, e);
        }
        out.sort(null);
        return out;
    }

    /** A poison message: where it went, which dead-letter topics must receive it, its marker. */
    record Poison(String marker, String topic, String kind, List<String> deadLetters, Instant at) {
    }

    /**
     * Sends one malformed message to {@code topic}: {@code garbage} = bytes that are no JSON and no CloudEvents
     * headers at all; otherwise complete, valid CloudEvents headers of {@code ceType} with a body that is JSON but not
     * the event (the schema's required fields missing). Both are unreadable: not retried, straight to the dead letters
     * of every group that consumes the topic.
     */
    Poison inject(String runId, int n, String topic, boolean garbage, String ceType, String tenant,
            List<String> groups, Instant deadline) {
        String marker = "chaos-poison-" + runId + "-" + n;
        List<Header> headers = new ArrayList<>();
        byte[] value;
        if (garbage) {
            value = ("\u0000\u00ff{{" + marker + " not json").getBytes(StandardCharsets.UTF_8);
        } else {
            value = ("{\"chaosPoison\":\"" + marker + "\"}").getBytes(StandardCharsets.UTF_8);
            header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
            header(headers, CloudEventHeaders.ID, UUID.randomUUID().toString());
            header(headers, CloudEventHeaders.SOURCE, "/loa/chaos-suite");
            header(headers, CloudEventHeaders.TYPE, ceType);
            header(headers, CloudEventHeaders.SUBJECT, marker);
            header(headers, CloudEventHeaders.TENANT_ID, tenant);
            header(headers, CloudEventHeaders.TIME, Instant.now().toString());
            header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                    new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(topic, null, marker, value, headers)).get(70, TimeUnit.SECONDS);
                List<String> dlq = groups.stream().map(g -> Topics.deadLetter(topic, g)).toList();
                return new Poison(marker, topic, garbage ? "garbage bytes, no headers"
                        : "CloudEvents headers (" + ceType + "), body not the event", dlq, Instant.now());
            } catch (Exception e) {
                last = e;
                Api.pause(1000);
            }
        }
        throw new IllegalStateException("could not inject poison on " + topic + ": " + last, last);
    }

    private static void header(List<Header> headers, String name, String value) {
        headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** One record found in a dead-letter topic during the run. */
    record DeadLetter(String topic, int partition, long offset, String key, String marker, String reason) {
    }

    /**
     * Every record written to the {@code error.*} topics since {@code start} (offsets of the suite's start; a topic
     * that did not exist then is read from its beginning), with the poison marker it carries, if any.
     */
    List<DeadLetter> deadLetters(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end, String runId) {
        List<TopicPartition> parts = end.keySet().stream().filter(tp -> tp.topic().startsWith("error."))
                .filter(tp -> end.get(tp) > start.getOrDefault(tp, 0L)).toList();
        List<DeadLetter> out = new ArrayList<>();
        if (parts.isEmpty()) {
            return out;
        }
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(parts);
            parts.forEach(tp -> consumer.seek(tp, start.getOrDefault(tp, 0L)));
            Map<TopicPartition, Long> remaining = parts.stream().collect(Collectors.toMap(tp -> tp, end::get));
            long until = System.currentTimeMillis() + 60_000;
            while (!remaining.isEmpty() && System.currentTimeMillis() < until) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    Long stop = remaining.get(tp);
                    if (stop == null || r.offset() >= stop) {
                        continue;
                    }
                    String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
                    String value = r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8);
                    String marker = marker(key, runId);
                    if (marker == null) {
                        marker = marker(value, runId);
                    }
                    Header reason = r.headers().lastHeader("x-exception-message");
                    out.add(new DeadLetter(r.topic(), r.partition(), r.offset(), key, marker,
                            reason == null ? null
                                    : GatewayClient.abbreviate(new String(reason.value(), StandardCharsets.UTF_8))));
                    if (r.offset() + 1 >= stop) {
                        remaining.remove(tp);
                    }
                }
                remaining.keySet().removeIf(tp -> consumer.position(tp) >= remaining.get(tp));
            }
        }
        return out;
    }

    private static String marker(String text, String runId) {
        if (text == null) {
            return null;
        }
        String prefix = "chaos-poison-" + runId + "-";
        int i = text.indexOf(prefix);
        if (i < 0) {
            return null;
        }
        int j = i + prefix.length();
        while (j < text.length() && Character.isDigit(text.charAt(j))) {
            j++;
        }
        return text.substring(i, j);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
