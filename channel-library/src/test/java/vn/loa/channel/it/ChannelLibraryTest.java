package vn.loa.channel.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.awaitility.core.ConditionFactory;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.loa.channel.Outcome;
import vn.loa.channel.PendingPublications;
import vn.loa.channel.PendingPublications.Completion;
import vn.loa.channel.internal.Heartbeat;
import vn.loa.contracts.CloudEventHeaders;
import vn.loa.contracts.EventCodec;
import vn.loa.contracts.EventEnvelope;
import vn.loa.contracts.LoaEvent;
import vn.loa.contracts.Tenants;
import vn.loa.contracts.Topics;
import vn.loa.contracts.channel.ChannelRegistered;
import vn.loa.contracts.channel.PublicationFailed;
import vn.loa.contracts.channel.PublicationRequested;
import vn.loa.contracts.channel.PublicationSucceeded;
import vn.loa.contracts.content.ContentRetracted;
import vn.loa.testsupport.EventSchemas;
import vn.loa.testsupport.LoaInfrastructure;
import vn.loa.testsupport.TestBroker;

/** The library inside a one-bean channel app, on the real broker and a MongoDB-compatible database. */
@SpringBootTest(classes = EchoChannelApp.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
    "spring.application.name=echo-channel",
    "loa.channel.ids=echo",
    "loa.outbox.poll-interval=200ms",
    "loa.channel.heartbeat=PT1H"})
class ChannelLibraryTest {

    static final String GROUP = "echo-channel";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LoaInfrastructure.register(registry, "channel-library-it");
    }

    @Autowired
    EchoChannelApp.EchoChannel channel;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Heartbeat heartbeat;

    @Autowired
    PendingPublications pending;

    private final TestBroker broker = new TestBroker();
    private final String tenant = "10804";

    @AfterEach
    void close() {
        broker.close();
    }

    static ConditionFactory eventually() {
        return TestBroker.eventually();
    }

    private static PublicationRequested request(String tenant, String item, String kind, String title) {
        return new PublicationRequested(tenant, item + ":echo:1", item, "echo", kind, title, "Tóm tắt",
                "<p>Nội dung</p>", List.of(), Instant.parse("2025-09-02T01:15:00Z"));
    }

    private List<LoaEvent> resultsOf(String requestId) {
        return broker.events(Topics.PUBLICATION_EVENTS).stream().filter(e -> switch (e) {
            case PublicationSucceeded s -> s.requestId().equals(requestId);
            case PublicationFailed f -> f.requestId().equals(requestId);
            default -> false;
        }).toList();
    }

    private void awaitFinishedAndSent(String requestId) {
        eventually().until(() -> {
            Document d = mongo.findById(requestId, Document.class, "channel_requests");
            return d != null && !"IN_PROGRESS".equals(d.getString("state"))
                    && d.getList("outbox", Document.class, List.of()).isEmpty();
        });
    }

    private double duplicates() {
        var c = meters.find("loa.channel.duplicates").tag("channel", "echo").counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void aRequestDeliveredTwiceIsPublishedOnceAndAnsweredOnce() {
        String item = "item-" + UUID.randomUUID();
        PublicationRequested request = request(tenant, item, "news", "Xã Kim Thành đẩy mạnh dịch vụ công");
        double before = duplicates();
        ProducerRecord<String, byte[]> sent = broker.send(request);
        broker.send(sent); // the very same record again (a producer retry)
        broker.send(request); // the same request under a new CloudEvents id (content-service's relay resent it)

        eventually().until(() -> duplicates() - before >= 2);
        awaitFinishedAndSent(request.requestId());
        assertThat(channel.publishCount(request.requestId())).isEqualTo(1);
        List<ConsumerRecord<String, byte[]>> records = broker.readAll(Topics.PUBLICATION_EVENTS).stream()
                .filter(r -> item.equals(r.key())).toList();
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.getFirst();
        assertThat(TestBroker.type(record)).isEqualTo("vn.loa.channel.PublicationSucceeded.v1");
        assertThat(TestBroker.header(record, CloudEventHeaders.TENANT_ID)).isEqualTo(tenant);
        assertThat(TestBroker.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/loa/echo-channel");
        assertThat(EventSchemas.violations(TestBroker.type(record), record.value())).isEmpty();
        PublicationSucceeded succeeded = (PublicationSucceeded) broker.decode(record);
        assertThat(succeeded.requestId()).isEqualTo(request.requestId());
        assertThat(succeeded.channel()).isEqualTo("echo");
        assertThat(succeeded.url()).isEqualTo("https://echo.example/" + tenant + "/" + item);
        assertThat(succeeded.externalId()).isEqualTo("ext-" + item);
        assertThat(meters.find("loa.channel.publications").tags("channel", "echo", "outcome", "succeeded")
                .counter().count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void failuresAreReportedRetryableOrNotByTheirKind() {
        String refused = "item-" + UUID.randomUUID();
        String later = "item-" + UUID.randomUUID();
        String bug = "item-" + UUID.randomUUID();
        String wrongKind = "item-" + UUID.randomUUID();
        List<PublicationRequested> requests = List.of(request(tenant, refused, "news", "refuse"),
                request(tenant, later, "news", "later"), request(tenant, bug, "article", "boom"),
                request(tenant, wrongKind, "video", "Phim tài liệu"));
        requests.forEach(broker::send);
        requests.forEach(r -> awaitFinishedAndSent(r.requestId()));

        PublicationFailed r1 = (PublicationFailed) resultsOf(refused + ":echo:1").getFirst();
        assertThat(r1.retryable()).isFalse();
        assertThat(r1.reason()).isEqualTo("Bài không có nội dung để đăng.");
        PublicationFailed r2 = (PublicationFailed) resultsOf(later + ":echo:1").getFirst();
        assertThat(r2.retryable()).isTrue();
        assertThat(r2.reason()).contains("bảo trì");
        PublicationFailed r3 = (PublicationFailed) resultsOf(bug + ":echo:1").getFirst();
        assertThat(r3.retryable()).isTrue();
        assertThat(r3.reason()).startsWith("Kênh «Kênh thử nghiệm» gặp lỗi khi đăng bài");
        PublicationFailed r4 = (PublicationFailed) resultsOf(wrongKind + ":echo:1").getFirst();
        assertThat(r4.retryable()).isFalse();
        assertThat(r4.reason()).contains("không nhận loại nội dung «video»");
        assertThat(channel.publishCount(wrongKind + ":echo:1")).isZero();
        requests.forEach(r -> assertThat(resultsOf(r.requestId())).hasSize(1));
    }

    @Test
    void aRequestLeftInProgressByACrashedInstanceIsNotPublishedBlindly() {
        String item = "item-" + UUID.randomUUID();
        PublicationRequested request = request(tenant, item, "news", "Thông báo lịch tiếp công dân");
        // what a crashed instance leaves behind: claimed, lease run out, no result
        mongo.insert(new Document("_id", request.requestId()).append("tenantId", tenant).append("itemId", item)
                .append("channel", "echo").append("state", "IN_PROGRESS").append("claim", "dead-instance")
                .append("leaseUntil", Date.from(Instant.now().minusSeconds(5))).append("takeovers", 0),
                "channel_requests");
        broker.send(request);

        awaitFinishedAndSent(request.requestId());
        assertThat(channel.publishCount(request.requestId())).isZero();
        PublicationFailed failed = (PublicationFailed) resultsOf(request.requestId()).getFirst();
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.reason()).contains("gián đoạn");
    }

    @Test
    void aRequestInProgressElsewhereIsWaitedForAndNotPublishedAgain() {
        String item = "item-" + UUID.randomUUID();
        PublicationRequested request = request(tenant, item, "news", "Kết quả khảo sát mức độ hài lòng");
        // another, live instance holds the request: its lease runs for a while yet
        mongo.insert(new Document("_id", request.requestId()).append("tenantId", tenant).append("itemId", item)
                .append("channel", "echo").append("state", "IN_PROGRESS").append("claim", "live-instance")
                .append("leaseUntil", Date.from(Instant.now().plusSeconds(60))).append("takeovers", 0),
                "channel_requests");
        double waitsBefore = waits();
        double duplicatesBefore = duplicates();
        broker.send(request);

        eventually().until(() -> waits() > waitsBefore); // the consumer found it in progress and waits
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(request.requestId())),
                new org.springframework.data.mongodb.core.query.Update().set("state", "SUCCEEDED").unset("leaseUntil"),
                "channel_requests"); // the other instance finishes
        eventually().until(() -> duplicates() > duplicatesBefore);
        assertThat(channel.publishCount(request.requestId())).isZero();
        assertThat(resultsOf(request.requestId())).isEmpty(); // the other instance answers, not this one
    }

    private double waits() {
        var c = meters.find("loa.channel.lease-waits").tag("ledger", "channel_requests").counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void theChannelRegistersAndItsHeartbeatCarriesItsHealth() {
        // the start-up announcement
        eventually().untilAsserted(() -> assertThat(broker.events(Topics.CHANNEL_REGISTRY))
                .filteredOn(e -> e instanceof ChannelRegistered r && r.channelId().equals("echo")).isNotEmpty());
        ConsumerRecord<String, byte[]> first = broker.readAll(Topics.CHANNEL_REGISTRY).stream()
                .filter(r -> "echo".equals(r.key())).findFirst().orElseThrow();
        assertThat(EventSchemas.violations(TestBroker.type(first), first.value())).isEmpty();
        ChannelRegistered registered = (ChannelRegistered) broker.decode(first);
        assertThat(registered.displayName()).isEqualTo("Kênh thử nghiệm");
        assertThat(registered.acceptedKinds()).containsExactly("news", "article");
        assertThat(registered.healthy()).isTrue();
        assertThat(TestBroker.header(first, CloudEventHeaders.TENANT_ID)).isEqualTo(Tenants.PLATFORM);

        channel.healthy.set(false);
        try {
            assertThat(heartbeat.announce()).isEqualTo(1);
            List<LoaEvent> all = broker.events(Topics.CHANNEL_REGISTRY).stream()
                    .filter(e -> e instanceof ChannelRegistered r && r.channelId().equals("echo")).toList();
            assertThat(((ChannelRegistered) all.getLast()).healthy()).isFalse();
        } finally {
            channel.healthy.set(true);
        }
    }

    @Test
    void aRetractionDeliveredTwiceRetractsOnceAndOtherChannelsRetractionsAreIgnored() {
        String item = "item-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> sent = broker.send(
                new ContentRetracted(tenant, item, "echo", Instant.now(), "Sai số liệu"));
        broker.send(new ContentRetracted(tenant, item, "portal", Instant.now(), "Sai số liệu"));
        broker.send(sent); // redelivered: the same event (same ce_id)
        // a later, distinct retraction of the same item (same key, same partition, so read after the others)
        ProducerRecord<String, byte[]> marker = broker.send(
                new ContentRetracted(tenant, item, "echo", Instant.now(), "Rút lại lần nữa"));
        String markerKey = TestBroker.header(marker, CloudEventHeaders.ID) + ":echo";

        eventually().until(() -> {
            Document d = mongo.findById(markerKey, Document.class, "channel_retractions");
            return d != null && "DONE".equals(d.getString("state"));
        });
        // two distinct events for this channel: two calls; the redelivery and the portal's event made none
        assertThat(channel.retractCount(tenant, item)).isEqualTo(2);
        assertThat(mongo.findById(TestBroker.header(sent, CloudEventHeaders.ID) + ":portal", Document.class,
                "channel_retractions")).isNull();
    }

    @Test
    void anUnreadableRequestGoesToTheDeadLetterTopicAndLaterRequestsStillPublish() {
        String poisonKey = "poison-" + UUID.randomUUID();
        PublicationRequested shape = request(tenant, poisonKey, "news", "x");
        ProducerRecord<String, byte[]> poison = new ProducerRecord<>(Topics.channelRequests("echo"), poisonKey,
                "{\"tenantId\": \"10804\", \"requestId\": ".getBytes(StandardCharsets.UTF_8));
        EventEnvelope.wrap(shape, "content-service", Instant.now(), new EventCodec()).headers().forEach((n, v) ->
                poison.headers().add(new RecordHeader(n, v.getBytes(StandardCharsets.UTF_8))));
        broker.send(poison);
        String after = "item-" + UUID.randomUUID();
        PublicationRequested next = request(tenant, after, "news", "Bài sau");
        broker.send(next);

        String dlq = Topics.deadLetter(Topics.channelRequests("echo"), GROUP);
        eventually().untilAsserted(() -> assertThat(broker.readAll(dlq)).anySatisfy(r -> {
            assertThat(r.key()).isEqualTo(poisonKey);
            assertThat(TestBroker.header(r, "x-exception-message")).contains("cannot be read");
        }));
        awaitFinishedAndSent(next.requestId());
        assertThat(resultsOf(next.requestId())).singleElement().isInstanceOf(PublicationSucceeded.class);
    }

    @Test
    void aPendingRequestIsAnsweredOnlyWhenCompletedAndOnlyOnce() {
        String item = "item-" + UUID.randomUUID();
        PublicationRequested request = request(tenant, item, "news", "wait");
        String other = "item-" + UUID.randomUUID();
        PublicationRequested failing = request(tenant, other, "news", "wait");
        double before = duplicates();
        ProducerRecord<String, byte[]> sent = broker.send(request);
        broker.send(failing);
        eventually().until(() -> {
            Document d = mongo.findById(request.requestId(), Document.class, "channel_requests");
            return d != null && "PENDING".equals(d.getString("state"));
        });
        broker.send(sent); // redelivered while parked: not published again, still no answer
        eventually().until(() -> duplicates() > before);
        assertThat(channel.publishCount(request.requestId())).isEqualTo(1);
        assertThat(mongo.findById(request.requestId(), Document.class, "channel_requests")
                .getList("outbox", Document.class, List.of())).isEmpty();
        assertThat(resultsOf(request.requestId())).isEmpty();

        // another tenant cannot complete it, an unknown id is unknown
        assertThat(pending.succeed("00004", request.requestId(), Outcome.at("https://x.example/1")).status())
                .isEqualTo(Completion.Status.UNKNOWN);
        assertThat(pending.succeed(tenant, "nope:echo:1", Outcome.at("https://x.example/1")).status())
                .isEqualTo(Completion.Status.UNKNOWN);

        Instant at = Instant.parse("2025-09-02T01:15:00Z");
        Completion first = pending.succeed(tenant, request.requestId(),
                Outcome.at("https://baochi.example/bai-1").publishedAt(at));
        Completion second = pending.succeed(tenant, request.requestId(), Outcome.at("https://other.example/2"));
        Completion third = pending.fail(tenant, request.requestId(), "Không đăng được.", false);
        assertThat(first.status()).isEqualTo(Completion.Status.SUCCEEDED);
        assertThat(first.now()).isTrue();
        assertThat(first.url()).isEqualTo("https://baochi.example/bai-1");
        assertThat(first.publishedAt()).isEqualTo(at);
        for (Completion again : List.of(second, third)) {
            assertThat(again.now()).isFalse();
            assertThat(again.status()).isEqualTo(Completion.Status.SUCCEEDED);
            assertThat(again.url()).isEqualTo("https://baochi.example/bai-1");
        }
        Completion failed = pending.fail(tenant, failing.requestId(), "Tòa soạn không nhận bài.", false);
        assertThat(failed.status()).isEqualTo(Completion.Status.FAILED);
        assertThat(failed.now()).isTrue();

        awaitFinishedAndSent(request.requestId());
        awaitFinishedAndSent(failing.requestId());
        List<ConsumerRecord<String, byte[]>> records = broker.readAll(Topics.PUBLICATION_EVENTS).stream()
                .filter(r -> item.equals(r.key())).toList();
        assertThat(records).hasSize(1);
        assertThat(EventSchemas.violations(TestBroker.type(records.getFirst()), records.getFirst().value())).isEmpty();
        PublicationSucceeded succeeded = (PublicationSucceeded) broker.decode(records.getFirst());
        assertThat(succeeded.url()).isEqualTo("https://baochi.example/bai-1");
        assertThat(succeeded.publishedAt()).isEqualTo(at);
        assertThat(succeeded.channel()).isEqualTo("echo");
        assertThat(succeeded.itemId()).isEqualTo(item);
        PublicationFailed notPublished = (PublicationFailed) resultsOf(failing.requestId()).getFirst();
        assertThat(notPublished.retryable()).isFalse();
        assertThat(notPublished.reason()).isEqualTo("Tòa soạn không nhận bài.");
        assertThat(resultsOf(failing.requestId())).hasSize(1);
    }
}
