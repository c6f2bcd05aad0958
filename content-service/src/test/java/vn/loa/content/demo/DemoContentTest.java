package vn.loa.content.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.loa.content.ContentServiceApplication;
import vn.loa.content.activity.Activities;
import vn.loa.content.item.ContentDraft;
import vn.loa.content.item.ContentItem;
import vn.loa.content.item.ContentKind;
import vn.loa.content.item.ContentStatus;
import vn.loa.content.item.Items;
import vn.loa.contracts.Topics;
import vn.loa.platform.demo.DemoHistory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.loa.testsupport.LoaInfrastructure;
import vn.loa.testsupport.TestBroker;

/**
 * content-service's part of the demo on a fixed day (06/12/2026), on the real broker and database: every item of the
 * history up to that day is published on its own day through the "published elsewhere" record, every activity held,
 * each once — a second run makes nothing, an item a crash left as a draft is finished, and what a commune wrote
 * itself is left alone.
 */
@SpringBootTest(classes = ContentServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"loa.content.scheduler.initial-delay=PT1H", "loa.outbox.poll-interval=200ms"})
class DemoContentTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 6);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T03:00:00Z"), ZoneOffset.UTC);

    @Autowired
    Items items;

    @Autowired
    Activities activities;

    @Autowired
    MongoTemplate mongo;

    static final JsonMapper JSON = JsonMapper.builder().build();

    final TestBroker broker = new TestBroker();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        LoaInfrastructure.register(registry, "content-service-demo-it");
    }

    @Test
    void theYearSoFarOnceWithItsOwnDaysThenNothingMore() {
        DemoContent demo = new DemoContent(items, activities, CLOCK);
        // a crash left one item half-way (written, not yet sent up); a commune's own item sits beside the demo's
        DemoHistory.Item first = (DemoHistory.Item) DemoHistory.entries().getFirst();
        items.insert(ContentItem.create(first.id(), first.tenant(), DemoHistory.WRITER, new ContentDraft(first.title(),
                null, "<p>x</p>", ContentKind.NEWS, List.of(), first.taskIds(), List.of(first.channel()), null),
                CLOCK.instant()));
        ContentItem own = ContentItem.create("own-item-of-kim-thanh", DemoHistory.KIM_THANH, "kim-thanh.editor",
                new ContentDraft("Tin của xã", null, "<p>x</p>", ContentKind.NEWS, List.of(), List.of(),
                        List.of("portal"), null), CLOCK.instant());
        items.insert(own);

        List<DemoHistory.Entry> due = DemoHistory.upTo(DAY);
        assertThat(due).as("the whole history lies before 06/12").hasSize(DemoHistory.entries().size());
        assertThat(demo.seed(DAY)).isEqualTo(due.size());
        assertThat(demo.seed(DAY)).as("a second start").isZero();
        assertThat(new DemoContent(items, activities, CLOCK).seed(DAY)).as("a third start").isZero();

        long itemCount = due.stream().filter(e -> e instanceof DemoHistory.Item).count();
        assertThat(mongo.count(Query.query(Criteria.where("_id").regex("^demo-")), Items.COLLECTION))
                .isEqualTo(itemCount);
        assertThat(mongo.count(Query.query(Criteria.where("_id").regex("^demo-")), Activities.COLLECTION))
                .isEqualTo(due.size() - itemCount);
        for (DemoHistory.Entry e : due) {
            if (e instanceof DemoHistory.Item) {
                assertThat(items.find(e.id()).orElseThrow().status()).as(e.id()).isEqualTo(ContentStatus.PUBLISHED);
            }
        }
        assertThat(items.find(own.id()).orElseThrow().status()).as("the commune's own item").isEqualTo(ContentStatus.DRAFT);

        // exactly one ContentPublished per entry, dated on the entry's day (items at 08:30, activities at 00:00)
        Map<String, List<JsonNode>> published = Awaitility.await().atMost(Duration.ofSeconds(45))
                .until(() -> publishedByItem(due), m -> m.size() == due.size() && m.values().stream()
                        .allMatch(l -> !l.isEmpty()));
        for (DemoHistory.Entry e : due) {
            List<JsonNode> events = published.get(e.id());
            assertThat(events).as(e.id()).hasSize(1);
            JsonNode p = events.getFirst();
            assertThat(p.get("tenantId").asString()).isEqualTo(e.tenant());
            assertThat(p.get("taskIds").valueStream().map(JsonNode::asString).toList())
                    .as("names its tasks, so it credits no one else's").isEqualTo(e.taskIds());
            Instant day = e.on(2026).atStartOfDay(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
            if (e instanceof DemoHistory.Item item) {
                assertThat(p.get("channel").asString()).isEqualTo(item.channel());
                assertThat(Instant.parse(p.get("publishedAt").asString()))
                        .isEqualTo(day.plus(Duration.ofHours(8).plusMinutes(30)));
            } else {
                assertThat(p.get("channel").isNull()).isTrue();
                assertThat(Instant.parse(p.get("publishedAt").asString())).isEqualTo(day);
            }
        }
    }

    @Test
    void onlyTheDaysThatHaveComeEarlyInTheYearNothing() {
        assertThat(DemoHistory.upTo(LocalDate.of(2026, 9, 8))).extracting(DemoHistory.Entry::id)
                .contains("demo-00292-tin-01").doesNotContain("demo-00292-tin-02");
        assertThat(DemoHistory.upTo(LocalDate.of(2027, 2, 1))).isEmpty();
    }

    private Map<String, List<JsonNode>> publishedByItem(List<DemoHistory.Entry> due) {
        return due.stream().collect(Collectors.toMap(DemoHistory.Entry::id, e -> broker
                .records(Topics.CONTENT_EVENTS, e.id()).stream().filter(this::isPublished)
                .map(r -> JSON.readTree(new String(r.value(), StandardCharsets.UTF_8))).toList()));
    }

    private boolean isPublished(ConsumerRecord<String, byte[]> r) {
        var type = r.headers().lastHeader("ce_type");
        return type != null && new String(type.value(), StandardCharsets.UTF_8).contains("ContentPublished");
    }
}
