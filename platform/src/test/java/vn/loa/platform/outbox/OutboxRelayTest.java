package vn.loa.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import vn.loa.contracts.EventCodec;
import vn.loa.contracts.Topics;
import vn.loa.contracts.plan.PlanClosed;
import vn.loa.testsupport.LoaInfrastructure;

/**
 * The relay on the real broker and database: a write that names its document is sent at once without a sweep of the
 * collection; what nobody named is found by a sweep; a sweep goes through more documents than one batch holds;
 * documents leased by another instance are left alone without the sweep going round in circles; and a burst of named
 * documents leaves in a few batches, every document's events in their order.
 */
class OutboxRelayTest {

    private static final String COLLECTION = "aggregates";

    private MongoTemplate mongo;
    private KafkaTemplate<String, byte[]> kafka;
    private OutboxRelay relay;
    private Outbox outbox;
    private SimpleMeterRegistry meters;

    @BeforeEach
    void setUp() {
        LoaInfrastructure.Endpoints infra = LoaInfrastructure.endpoints();
        mongo = new MongoTemplate(MongoClients.create(infra.mongoUri()), "outbox-relay-" + UUID.randomUUID());
        kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer()));
        meters = new SimpleMeterRegistry();
    }

    @AfterEach
    void tearDown() {
        if (relay != null) {
            relay.stop();
        }
        mongo.getDb().drop();
        kafka.destroy();
    }

    /** A relay (not started) that sweeps only at start or when asked (the interval is an hour), polling every 50 ms. */
    private void newRelay() {
        relay = new OutboxRelay(mongo, kafka, List.of(COLLECTION), Clock.systemUTC(), Duration.ofMillis(50),
                Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofSeconds(15), meters);
        outbox = new Outbox("test-service", new EventCodec(), Clock.systemUTC(), relay);
    }

    private String insertWithEvent() {
        String id = UUID.randomUUID().toString();
        PlanClosed closed = new PlanClosed("10804", id, 1, Instant.parse("2026-11-20T03:00:00Z"), "lanh-dao");
        mongo.insert(new Document("_id", id).append(Outbox.FIELD,
                outbox.entries(List.of(closed)).stream().map(OutboxEntry::toDocument).toList()), COLLECTION);
        return id;
    }

    private boolean pending(String id) {
        Document doc = mongo.findById(id, Document.class, COLLECTION);
        return !doc.getList(Outbox.FIELD, Document.class).isEmpty();
    }

    private double published() {
        return meters.counter("loa.outbox.published").count();
    }

    @Test
    void aNamedDocumentIsSentAtOnceAndOnlyASweepFindsTheUnnamed() {
        newRelay();
        String canary = insertWithEvent(); // sent by the sweep at start: once it is gone, that sweep is over
        relay.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> !pending(canary));
        String named = insertWithEvent();
        String unnamed = insertWithEvent();

        outbox.flush(COLLECTION, named);
        await().atMost(Duration.ofSeconds(30)).until(() -> !pending(named));
        assertThat(published()).isEqualTo(2);
        assertThat(pending(unnamed)).as("nobody named it and no sweep ran").isTrue();

        outbox.flush(); // a sweep
        await().atMost(Duration.ofSeconds(30)).until(() -> !pending(unnamed));
        assertThat(published()).isEqualTo(3);
    }

    @Test
    void theRelayKeepsASparseIndexThatFindsTheDocumentsWithEventsWaiting() {
        newRelay();
        mongo.insert(new Document("_id", "sent").append(Outbox.FIELD, List.of()), COLLECTION);
        String waiting = insertWithEvent();
        relay.start();
        relay.ensurePendingIndexes(); // as a second instance or a restart does: the index exists, which is fine
        Document index = mongo.getCollection(COLLECTION).listIndexes().into(new ArrayList<>()).stream()
                .filter(i -> "outbox_pending".equals(i.getString("name"))).findFirst().orElseThrow();
        assertThat(index.get("key", Document.class)).isEqualTo(new Document(Outbox.PENDING, 1));
        assertThat(index.getBoolean("sparse")).isTrue();
        // the sweep's question, asked by the path the index holds: only documents with an event
        assertThat(mongo.getCollection(COLLECTION).find(new Document(Outbox.PENDING, new Document("$exists", true)))
                .map(d -> d.get("_id")).into(new ArrayList<>())).contains(waiting).doesNotContain("sent");
    }

    @Test
    void aSweepGoesThroughMoreDocumentsThanOneBatch() {
        newRelay(); // not started: the test drives the passes itself
        List<Document> docs = new ArrayList<>();
        PlanClosed closed = new PlanClosed("10804", "plan", 1, Instant.parse("2026-11-20T03:00:00Z"), "lanh-dao");
        for (int i = 0; i < 1_201; i++) {
            docs.add(new Document("_id", "doc-" + i).append(Outbox.FIELD,
                    outbox.entries(List.of(closed)).stream().map(OutboxEntry::toDocument).toList()));
        }
        mongo.insert(docs, COLLECTION);

        assertThat(relay.relayPending()).isEqualTo(1_201);
        assertThat(mongo.getCollection(COLLECTION).countDocuments(new Document(Outbox.FIELD + ".0",
                new Document("$exists", true)))).isZero();
    }

    @Test
    void documentsLeasedByAnotherInstanceAreLeftAloneAndTheSweepEnds() {
        newRelay();
        String leased = insertWithEvent();
        mongo.getCollection(COLLECTION).updateOne(new Document("_id", leased), new Document("$set",
                new Document("outboxLease", Date.from(Instant.now().plusSeconds(60)))));
        String free = insertWithEvent();

        assertThat(relay.relayPending()).isEqualTo(1);
        assertThat(pending(free)).isFalse();
        assertThat(pending(leased)).as("another instance holds it").isTrue();
    }

    @Test
    void aBurstOfNamedDocumentsLeavesInBatchesInEachDocumentsOrder() {
        newRelay();
        relay.start();
        int documents = 1_200;
        List<Document> docs = new ArrayList<>();
        Map<String, List<String>> written = new HashMap<>();
        for (int i = 0; i < documents; i++) {
            String id = "burst-" + UUID.randomUUID();
            List<PlanClosed> events = new ArrayList<>();
            for (int v = 1; v <= 3; v++) {
                events.add(new PlanClosed("10804", id, v, Instant.parse("2026-11-20T03:00:00Z"), "lanh-dao"));
            }
            List<OutboxEntry> entries = outbox.entries(events);
            written.put(id, entries.stream().map(OutboxEntry::id).toList());
            docs.add(new Document("_id", id).append(Outbox.FIELD,
                    entries.stream().map(OutboxEntry::toDocument).toList()));
        }
        try (KafkaConsumer<String, byte[]> consumer = consumerAtTheEnd()) {
            mongo.insert(docs, COLLECTION);
            double passesBefore = meters.summary("loa.outbox.batch").count();
            written.keySet().forEach(id -> outbox.flush(COLLECTION, id));

            Map<String, List<String>> received = new HashMap<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int total = 0;
            while (total < documents * 3 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (written.containsKey(r.key())) {
                        received.computeIfAbsent(r.key(), k -> new ArrayList<>())
                                .add(new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
                        total++;
                    }
                }
            }
            assertThat(received).as("every event, in its document's order").isEqualTo(written);
            double passes = meters.summary("loa.outbox.batch").count() - passesBefore;
            assertThat(passes).as("passes for %d named documents", documents).isPositive()
                    .isLessThan(documents / 10.0);
            assertThat(meters.summary("loa.outbox.batch").max()).isLessThanOrEqualTo(OutboxRelay.BATCH);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection(COLLECTION)
                .countDocuments(new Document(Outbox.FIELD + ".0", new Document("$exists", true))) == 0);
        assertThat(mongo.getCollection(COLLECTION).countDocuments(new Document("outboxLease",
                new Document("$exists", true)))).as("every lease released").isZero();
    }

    private KafkaConsumer<String, byte[]> consumerAtTheEnd() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LoaInfrastructure.endpoints().kafkaBootstrapServers()),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.PLAN_EVENTS, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end now, before anything is sent
        return consumer;
    }
}
