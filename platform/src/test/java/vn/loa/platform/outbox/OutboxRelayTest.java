package vn.loa.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import vn.loa.contracts.EventCodec;
import vn.loa.contracts.plan.PlanClosed;
import vn.loa.testsupport.LoaInfrastructure;

/**
 * The relay on the real broker and database: a write that names its document is sent at once without a sweep of the
 * collection; what nobody named is found by a sweep; a sweep goes through more documents than one batch holds; and
 * documents leased by another instance are left alone without the sweep going round in circles.
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
}
