package vn.loa.platform.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.loa.contracts.CloudEventHeaders;
import vn.loa.contracts.EventCodec;
import vn.loa.contracts.EventEnvelope;
import vn.loa.contracts.Topics;
import vn.loa.contracts.content.ContentRetracted;
import vn.loa.platform.outbox.Outbox;
import vn.loa.testsupport.EventSchemas;
import vn.loa.testsupport.Events;
import vn.loa.testsupport.LoaInfrastructure;

/**
 * The wiring of every Loa service, end to end on a real broker and database: a write with its event in the outbox,
 * the relay sending it as a binary-mode CloudEvent, a Spring Cloud Stream consumer reading it and writing to
 * MongoDB; a duplicate changing nothing; a poison message going to the dead-letter topic while the rest flows.
 */
@SpringBootTest(classes = SmokeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "spring.application.name=smoke",
        "loa.outbox.collections=" + SmokeApplication.PLANS,
        "spring.cloud.function.definition=onPlanEvent",
        "spring.cloud.stream.bindings.onPlanEvent-in-0.destination=" + Topics.PLAN_EVENTS,
        "spring.cloud.stream.bindings.onPlanEvent-in-0.group=smoke",
        "spring.cloud.stream.kafka.bindings.onPlanEvent-in-0.consumer.start-offset=earliest",
        "loa.consumer.retry.first-pause=20ms", "loa.consumer.retry.passing-first-pause=20ms",
        "loa.consumer.retry.passing-max-pause=80ms"})
class WiringSmokeTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LoaInfrastructure.register(registry, "smoke");
    }

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Outbox outbox;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void theDatabaseHealthIsUpOnEveryMongoCompatibleServer() {
        var health = context.getBean("mongoHealthIndicator",
                org.springframework.boot.health.contributor.HealthIndicator.class);
        assertThat(health).isInstanceOf(vn.loa.platform.health.DatabaseHealth.class);
        assertThat(health.health(true).getStatus())
                .isEqualTo(org.springframework.boot.health.contributor.Status.UP);
    }

    @Test
    void anEventLeavesThroughTheOutboxAsACloudEventAndIsConsumedIntoMongo() {
        String planId = "plan-" + UUID.randomUUID();
        try (Events events = Events.on(Topics.PLAN_EVENTS)) {
            SmokeApplication.closePlan(mongo, outbox, "10804", planId);

            ConsumerRecord<String, byte[]> record = awaitRecordWithKey(events, planId);
            Map<String, String> h = Events.headers(record);
            assertThat(h).containsEntry(CloudEventHeaders.SPEC_VERSION, "1.0")
                    .containsEntry(CloudEventHeaders.TYPE, "vn.loa.plan.PlanClosed.v1")
                    .containsEntry(CloudEventHeaders.SOURCE, "/loa/smoke")
                    .containsEntry(CloudEventHeaders.SUBJECT, planId)
                    .containsEntry(CloudEventHeaders.TENANT_ID, "10804")
                    .containsEntry(CloudEventHeaders.CONTENT_TYPE, "application/json")
                    .containsKey(CloudEventHeaders.TIME);
            String ceId = h.get(CloudEventHeaders.ID);
            assertThat(UUID.fromString(ceId).toString()).isEqualTo(ceId);
            assertThat(EventSchemas.violations(h.get(CloudEventHeaders.TYPE), record.value())).isEmpty();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Document received = SmokeApplication.received(mongo, ceId);
                assertThat(received).isNotNull();
                assertThat(received.getString("planId")).isEqualTo(planId);
                assertThat(received.getString("tenantId")).isEqualTo("10804");
            });
            // the outbox entry is removed once the broker acknowledged it
            await().atMost(Duration.ofSeconds(10)).until(() -> mongo.findById(planId, Document.class,
                    SmokeApplication.PLANS).getList(Outbox.FIELD, Object.class).isEmpty());
        }
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicWithItsReasonAndTheRestKeepsFlowing() {
        String deadLetters = Topics.deadLetter(Topics.PLAN_EVENTS, "smoke");
        String poisonKey = "poison-" + UUID.randomUUID();
        String planId = "plan-" + UUID.randomUUID();
        try (Events dlq = Events.on(deadLetters); KafkaProducer<String, byte[]> producer = producer()) {
            ProducerRecord<String, byte[]> poison = new ProducerRecord<>(Topics.PLAN_EVENTS, poisonKey,
                    "{not json".getBytes(StandardCharsets.UTF_8));
            poison.headers().add(new RecordHeader(CloudEventHeaders.TYPE,
                    "vn.loa.plan.PlanClosed.v1".getBytes(StandardCharsets.UTF_8)));
            producer.send(poison);
            producer.flush();
            SmokeApplication.closePlan(mongo, outbox, "11791", planId);

            // a well-formed event of another kind on the plan topic: the binding reads PlanEvent only
            String strayKey = "stray-" + UUID.randomUUID();
            EventEnvelope stray = EventEnvelope.wrap(new ContentRetracted("10804", "item-1", "portal",
                    Instant.parse("2025-12-31T10:00:00Z"), "leader"), "smoke", Instant.now(), new EventCodec());
            ProducerRecord<String, byte[]> strayRecord = new ProducerRecord<>(Topics.PLAN_EVENTS, strayKey,
                    stray.data());
            stray.headers().forEach((name, value) -> strayRecord.headers()
                    .add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
            producer.send(strayRecord);
            producer.flush();

            ConsumerRecord<String, byte[]> dead = awaitRecordWithKey(dlq, poisonKey);
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
            assertThat(Events.headers(dead).get("x-exception-message")).contains("ce_specversion");
            assertThat(Events.headers(awaitRecordWithKey(dlq, strayKey)).get("x-exception-message"))
                    .contains("ContentRetracted is not a PlanEvent");

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> count("planId", planId, SmokeApplication.RECEIVED) == 1);
        }
    }

    @Test
    void anEventThatMeetsADatabaseThatPassesIsTriedUntilItIsBackAndOtherFaultsThreeTimes() {
        String deadLetters = Topics.deadLetter(Topics.PLAN_EVENTS, "smoke");
        String waiting = SmokeApplication.DATABASE_DOWN + UUID.randomUUID();
        String broken = SmokeApplication.BROKEN + UUID.randomUUID();
        try (Events dlq = Events.on(deadLetters); Events events = Events.on(Topics.PLAN_EVENTS)) {
            SmokeApplication.closePlan(mongo, outbox, "10804", waiting);
            SmokeApplication.closePlan(mongo, outbox, "10804", broken);
            String waitingId = Events.headers(awaitRecordWithKey(events, waiting)).get(CloudEventHeaders.ID);
            String brokenId = Events.headers(awaitRecordWithKey(events, broken)).get(CloudEventHeaders.ID);

            // more failures than the three tries of any other fault, and still written, once
            await().atMost(Duration.ofSeconds(30)).until(() -> SmokeApplication.received(mongo, waitingId) != null);
            assertThat(count("ceId", waitingId, SmokeApplication.DELIVERIES))
                    .isEqualTo(SmokeApplication.DATABASE_DOWN_TRIES + 1);

            ConsumerRecord<String, byte[]> dead = awaitRecordWithKey(dlq, broken);
            assertThat(Events.headers(dead).get("x-exception-message")).contains("does not pass");
            assertThat(count("ceId", brokenId, SmokeApplication.DELIVERIES)).isEqualTo(3);
            assertThat(SmokeApplication.received(mongo, brokenId)).isNull();
            assertThat(dlq.await(Integer.MAX_VALUE, Duration.ofSeconds(2)).stream()
                    .filter(r -> waiting.equals(r.key()))).isEmpty();
        }
    }

    @Test
    void aDuplicateDeliveryChangesNothing() {
        String planId = "plan-" + UUID.randomUUID();
        try (Events events = Events.on(Topics.PLAN_EVENTS); KafkaProducer<String, byte[]> producer = producer()) {
            SmokeApplication.closePlan(mongo, outbox, "00292", planId);
            ConsumerRecord<String, byte[]> original = awaitRecordWithKey(events, planId);
            String ceId = Events.headers(original).get(CloudEventHeaders.ID);
            await().atMost(Duration.ofSeconds(30)).until(() -> SmokeApplication.received(mongo, ceId) != null);

            // the same record again, as a producer retry or a replay would deliver it
            ProducerRecord<String, byte[]> again = new ProducerRecord<>(Topics.PLAN_EVENTS, planId, original.value());
            original.headers().forEach(again.headers()::add);
            producer.send(again);
            producer.flush();

            await().atMost(Duration.ofSeconds(30)).until(() -> count("ceId", ceId, SmokeApplication.DELIVERIES) == 2);
            assertThat(count("planId", planId, SmokeApplication.RECEIVED)).isEqualTo(1);
        }
    }

    private long count(String field, String value, String collection) {
        return mongo.count(Query.query(Criteria.where(field).is(value)), collection);
    }

    private static ConsumerRecord<String, byte[]> awaitRecordWithKey(Events events, String key) {
        List<ConsumerRecord<String, byte[]>> found = List.of();
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            found = events.await(Integer.MAX_VALUE, Duration.ofMillis(300)).stream()
                    .filter(r -> key.equals(r.key())).toList();
            if (!found.isEmpty()) {
                return found.get(0);
            }
        }
        throw new AssertionError("no record with key " + key + " arrived within 30 s");
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers",
                LoaInfrastructure.endpoints().kafkaBootstrapServers()), new StringSerializer(),
                new ByteArraySerializer());
    }
}
