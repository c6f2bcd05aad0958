package vn.loa.bench.stack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import vn.loa.bench.Stats;
import vn.loa.contracts.CloudEventHeaders;
import vn.loa.contracts.Topics;

/**
 * Where the time of a publication goes, hop by hop, read back from the broker after a phase: every event of one
 * publish request carries the request's W3C trace id ({@code traceparent}), the time its service wrote it into the
 * outbox ({@code ce_time}) and the time the relay sent it (the record's timestamp). So for each step of the chain
 * {@code PublicationRequested → PublicationSucceeded → ContentPublished → TaskCredited}:
 * <ul>
 *   <li><b>in the outbox</b>: sent − written, the relay's share;</li>
 *   <li><b>to the next event</b>: the next event written − this one sent, the broker's delivery plus the consuming
 *       service's queue and work.</li>
 * </ul>
 * All timestamps come from clocks of the same machine.
 */
final class HopTimes {

    /** One event of the chain: its CloudEvents type and the service that writes it. */
    private record Step(String type, String event, String service) {
    }

    private static final List<Step> CHAIN = List.of(
            new Step("vn.loa.channel.PublicationRequested.v1", "PublicationRequested", "content-service"),
            new Step("vn.loa.channel.PublicationSucceeded.v1", "PublicationSucceeded", "portal-channel"),
            new Step("vn.loa.content.ContentPublished.v1", "ContentPublished", "content-service"),
            new Step("vn.loa.task.TaskCredited.v1", "TaskCredited", "task-service"));
    private static final List<String> TYPES = CHAIN.stream().map(Step::type).toList();

    private record Event(String type, long written, long sent) {
    }

    private HopTimes() {
    }

    /**
     * The hop times of the publications whose request was written between {@code from} and {@code to} (epoch ms):
     * for each step its "in the outbox" and "to the next event" figures (samples, p50Ms, p90Ms, p99Ms, maxMs).
     */
    static Map<String, Object> read(String bootstrap, long from, long to) {
        Map<String, Object> settings = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, List<Event>> byTrace = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.channelRequests("portal"), Topics.PUBLICATION_EVENTS,
                    Topics.CONTENT_EVENTS, Topics.TASK_EVENTS)) {
                consumer.partitionsFor(topic).forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> since = new HashMap<>();
            partitions.forEach(tp -> since.put(tp, from));
            consumer.offsetsForTimes(since).forEach((tp, offset) -> {
                if (offset == null) {
                    consumer.seekToEnd(List.of(tp));
                } else {
                    consumer.seek(tp, offset.offset());
                }
            });
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    String type = header(r, CloudEventHeaders.TYPE);
                    String time = header(r, CloudEventHeaders.TIME);
                    String trace = header(r, "traceparent");
                    if (type == null || time == null || trace == null || !TYPES.contains(type)) {
                        continue;
                    }
                    String[] parts = trace.split("-");
                    if (parts.length > 1) {
                        byTrace.computeIfAbsent(parts[1], k -> new ArrayList<>())
                                .add(new Event(type, Instant.parse(time).toEpochMilli(), r.timestamp()));
                    }
                }
            }
        }
        Map<String, List<Long>> outbox = new HashMap<>();
        Map<String, List<Long>> toNext = new HashMap<>();
        TYPES.forEach(t -> {
            outbox.put(t, new ArrayList<>());
            toNext.put(t, new ArrayList<>());
        });
        int chains = 0;
        for (List<Event> events : byTrace.values()) {
            // the first of each type in the chain (a task credited twice by one item counts once)
            Map<String, Event> first = new HashMap<>();
            events.stream().sorted(Comparator.comparingLong(Event::written))
                    .forEach(e -> first.putIfAbsent(e.type(), e));
            Event requested = first.get(TYPES.getFirst());
            if (requested == null || requested.written() < from || requested.written() > to) {
                continue;
            }
            chains++;
            for (int i = 0; i < TYPES.size(); i++) {
                Event e = first.get(TYPES.get(i));
                if (e == null) {
                    break;
                }
                outbox.get(e.type()).add(e.sent() - e.written());
                Event next = i + 1 < TYPES.size() ? first.get(TYPES.get(i + 1)) : null;
                if (next != null) {
                    toNext.get(e.type()).add(next.written() - e.sent());
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("publications", chains);
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int i = 0; i < CHAIN.size(); i++) {
            Step s = CHAIN.get(i);
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("event", s.event() + " (" + s.service() + ")");
            step.put("inOutbox", Stats.of(millisAsNanos(outbox.get(s.type()))));
            if (i + 1 < CHAIN.size()) {
                step.put("toNextEvent", Stats.of(millisAsNanos(toNext.get(s.type()))));
                step.put("nextBy", CHAIN.get(i + 1).service());
            }
            steps.add(step);
        }
        result.put("steps", steps);
        return result;
    }

    private static long[] millisAsNanos(List<Long> millis) {
        return millis.stream().mapToLong(ms -> Math.max(0, ms) * 1_000_000).toArray();
    }

    private static String header(ConsumerRecord<?, ?> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
