package vn.loa.task.it;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.task.support.Samples.published;
import static vn.loa.task.support.Samples.retracted;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import vn.loa.contracts.CloudEventHeaders;
import vn.loa.contracts.EventCodec;
import vn.loa.contracts.EventEnvelope;
import vn.loa.contracts.Topics;
import vn.loa.contracts.task.CreditBasis;
import vn.loa.contracts.task.PeriodOutcome;
import vn.loa.contracts.task.TaskCreditWithdrawn;
import vn.loa.contracts.task.TaskCredited;
import vn.loa.contracts.task.TaskPeriodClosed;
import vn.loa.platform.outbox.Outbox;
import vn.loa.task.closing.PeriodCloser;
import vn.loa.task.support.Samples;
import vn.loa.task.support.TaskTopic;
import vn.loa.task.task.Task;
import vn.loa.task.task.Tasks;
import vn.loa.testsupport.EventSchemas;
import vn.loa.testsupport.TestBroker;

/** Plan and content events in through the bindings, task events out through the outbox, on the real broker. */
class CreditingOnTheBrokerTest extends IntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Tasks tasks;

    @Autowired
    PeriodCloser closer;

    private final TestBroker broker = new TestBroker();
    private final String tenant = Samples.someCommune();
    private final String plan = "plan-" + UUID.randomUUID();

    @AfterEach
    void close() {
        broker.close();
    }

    @Test
    void aPublicationAfterThePlanCreditsItsTaskAndTheCreditLeavesAsACloudEvent() {
        broker.send(Samples.plan(tenant, plan));
        String item = "item-" + UUID.randomUUID();
        broker.send(published(tenant, item, "news", "portal", "2025-09-02T01:15:00Z"));

        String newsTask = Samples.news(plan);
        ConsumerRecord<String, byte[]> record = eventually()
                .until(() -> TaskTopic.records(broker, newsTask), records -> !records.isEmpty()).getFirst();

        assertThat(TestBroker.type(record)).isEqualTo("vn.loa.task.TaskCredited.v1");
        assertThat(TestBroker.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/loa/task-service");
        assertThat(TestBroker.header(record, CloudEventHeaders.SUBJECT)).isEqualTo(newsTask);
        assertThat(TestBroker.header(record, CloudEventHeaders.TENANT_ID)).isEqualTo(tenant);
        assertThat(TestBroker.header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(TestBroker.header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(TestBroker.header(record, CloudEventHeaders.ID)).isNotBlank();
        assertThat(EventSchemas.violations(TestBroker.type(record), record.value())).isEmpty();
        TaskCredited credited = (TaskCredited) broker.decode(record);
        assertThat(credited.itemId()).isEqualTo(item);
        assertThat(credited.period()).isEqualTo("2025-09");
        assertThat(credited.basis()).isEqualTo(CreditBasis.MATCHED);
        assertThat(credited.totalCredited()).isEqualTo(1);
    }

    @Test
    void duplicatesASecondChannelAndAReplayOfEverythingCreditEachItemOnce() {
        String first = "item-" + UUID.randomUUID();
        String second = "item-" + UUID.randomUUID();
        List<ProducerRecord<String, byte[]>> sent = List.of(
                broker.send(Samples.plan(tenant, plan)),
                broker.send(published(tenant, first, "news", "portal", "2025-09-02T01:15:00Z")),
                broker.send(published(tenant, first, "news", "zalo-oa", "2025-09-02T02:00:00Z")),
                broker.send(published(tenant, second, "article", "zalo-oa", "2025-10-07T02:00:00Z")));
        // a producer retry: the very same record (same ce_id) again
        broker.send(sent.get(1));
        awaitProcessedAndSent();

        // a replay of everything from the start, as after resetting the group's offsets
        sent.forEach(broker::send);
        awaitProcessedAndSent();

        Task news = tasks.findWhole(Task.id(tenant, Samples.news(plan))).orElseThrow();
        assertThat(news.credited()).isEqualTo(2);
        assertThat(news.bucket("2025-09").orElseThrow().credited()).isEqualTo(1);
        assertThat(news.bucket("2025-10").orElseThrow().credited()).isEqualTo(1);
        assertThat(TaskTopic.events(broker, Samples.news(plan)))
                .extracting(e -> ((TaskCredited) e).itemId()).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void aRetractionFromEveryChannelWithdrawsTheCredit() {
        String item = "item-" + UUID.randomUUID();
        broker.send(Samples.plan(tenant, plan));
        broker.send(published(tenant, item, "news", "portal", "2025-09-02T01:15:00Z"));
        broker.send(published(tenant, item, "news", "zalo-oa", "2025-09-02T01:20:00Z"));
        broker.send(retracted(tenant, item, "portal", "2025-09-03T07:30:00Z"));
        broker.send(retracted(tenant, item, "zalo-oa", "2025-09-03T07:31:00Z"));
        awaitProcessedAndSent();

        List<ConsumerRecord<String, byte[]>> records = TaskTopic.records(broker, Samples.news(plan));
        assertThat(records).extracting(TestBroker::type)
                .containsExactly("vn.loa.task.TaskCredited.v1", "vn.loa.task.TaskCreditWithdrawn.v1");
        records.forEach(r -> assertThat(EventSchemas.violations(TestBroker.type(r), r.value())).isEmpty());
        TaskCreditWithdrawn withdrawn = (TaskCreditWithdrawn) broker.decode(records.get(1));
        assertThat(withdrawn.withdrawnBy()).isNull();
        assertThat(withdrawn.totalCredited()).isZero();
    }

    @Test
    void aPublicationReadBeforeItsPlanCountsOnceThePlanArrives() {
        String item = "item-" + UUID.randomUUID();
        // the two topics have no order between them: the content consumer may well be first
        broker.send(published(tenant, item, "meeting", null, "2025-10-14T17:00:00Z"));
        eventually().until(() -> mongo.exists(Query.query(
                Criteria.where("itemId").is(item)), "items"));
        broker.send(Samples.plan(tenant, plan));

        eventually().untilAsserted(() -> assertThat(TaskTopic.events(broker, Samples.dialogue(plan)))
                .singleElement().isInstanceOfSatisfying(TaskCredited.class, c -> {
                    assertThat(c.itemId()).isEqualTo(item);
                    assertThat(c.period()).isEqualTo("PLAN");
                    assertThat(c.channel()).isNull();
                }));
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicWhileLaterPublicationsAreStillCredited() {
        broker.send(Samples.plan(tenant, plan));
        String poisonKey = "poison-" + UUID.randomUUID();
        // proper CloudEvents headers, data that is not a ContentPublished: it can never be read
        ProducerRecord<String, byte[]> poison = new ProducerRecord<>(Topics.CONTENT_EVENTS, poisonKey,
                ("{\"tenantId\": \"" + tenant + "\", \"itemId\": 42").getBytes(StandardCharsets.UTF_8));
        EventEnvelope.wrap(published(tenant, poisonKey, "news", "portal", "2025-09-02T01:15:00Z"), "content-service",
                Instant.now(), new EventCodec()).headers().forEach((name, value) ->
                        poison.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        broker.send(poison);
        String after = "item-" + UUID.randomUUID();
        broker.send(published(tenant, after, "news", "portal", "2025-10-02T01:15:00Z"));

        String deadLetters = Topics.deadLetter(Topics.CONTENT_EVENTS, GROUP);
        ConsumerRecord<String, byte[]> dead = eventually().until(() -> broker.readAll(deadLetters).stream()
                .filter(r -> poisonKey.equals(r.key())).toList(), found -> !found.isEmpty()).getFirst();
        assertThat(TestBroker.header(dead, "x-exception-message")).contains("cannot be read");
        eventually().untilAsserted(() -> assertThat(TaskTopic.events(broker, Samples.news(plan)))
                .extracting(e -> ((TaskCredited) e).itemId()).contains(after));
    }

    @Test
    void endedPeriodsCloseOnceEvenWithTwoClosersAtWork() throws Exception {
        broker.send(Samples.plan(tenant, plan));
        broker.send(published(tenant, "item-" + UUID.randomUUID(), "news", "portal", "2025-08-12T01:15:00Z"));
        awaitProcessedAndSent();

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> pass = closer::closeEndedPeriods;
            for (Future<Integer> f : pool.invokeAll(List.of(pass, pass))) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        awaitProcessedAndSent();

        List<ConsumerRecord<String, byte[]>> closings = TaskTopic.records(broker, Samples.news(plan)).stream()
                .filter(r -> TestBroker.type(r).equals("vn.loa.task.TaskPeriodClosed.v1")).toList();
        closings.forEach(r -> assertThat(EventSchemas.violations(TestBroker.type(r), r.value())).isEmpty());
        assertThat(closings.stream().map(broker::decode).map(TaskPeriodClosed.class::cast))
                .extracting(c -> c.period() + " " + c.outcome())
                .containsExactly("2025-08 " + PeriodOutcome.MET, "2025-09 MISSED", "2025-10 MISSED",
                        "2025-11 MISSED", "2025-12 MISSED");
    }

    /** Waits until the group processed everything sent so far and every task of this plan emptied its outbox. */
    private void awaitProcessedAndSent() {
        eventually().until(() -> broker.caughtUp(GROUP, Topics.PLAN_EVENTS, Topics.CONTENT_EVENTS));
        eventually().until(() -> mongo.find(Query.query(
                Criteria.where("planId").is(plan)), Document.class,
                Tasks.COLLECTION).stream().allMatch(d -> d.getList(Outbox.FIELD, Object.class, List.of()).isEmpty()));
    }
}
