package vn.loa.content.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import vn.loa.content.item.Editorial;
import vn.loa.content.item.Items;
import vn.loa.content.schedule.PublishingScheduler;
import vn.loa.contracts.EventType;
import vn.loa.contracts.LoaEvent;
import vn.loa.contracts.Topics;
import vn.loa.contracts.channel.PublicationFailed;
import vn.loa.contracts.channel.PublicationRequested;
import vn.loa.contracts.channel.PublicationSucceeded;
import vn.loa.contracts.content.ContentApproved;
import vn.loa.contracts.content.ContentSubmitted;
import vn.loa.contracts.content.ContentPublished;
import vn.loa.contracts.content.ContentRetracted;
import vn.loa.platform.tenancy.Caller;
import vn.loa.platform.tenancy.Role;
import vn.loa.testsupport.EventSchemas;
import vn.loa.testsupport.TestBroker;

/**
 * The whole loop on the real broker: a fake channel registers on {@code channel.registry}, an item goes draft →
 * approved → published, the requests reach {@code channel.<id>.requests}, the answers come back on
 * {@code channel.publication.events}, and {@code content.item.events} gets exactly one ContentPublished per channel.
 */
class PublishingOnTheBrokerTest extends IntegrationTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Autowired
    PublishingScheduler scheduler;

    @Autowired
    Editorial editorial;

    /** The one request on a channel's topic for the item (waits for it), checked against its schema. */
    PublicationRequested request(String channel, String itemId, int expected) {
        List<ConsumerRecord<String, byte[]>> records = eventually().until(
                () -> broker.records(Topics.channelRequests(channel), itemId), r -> r.size() >= expected);
        ConsumerRecord<String, byte[]> last = records.getLast();
        assertThat(TestBroker.type(last)).isEqualTo(EventType.PUBLICATION_REQUESTED.type());
        assertThat(EventSchemas.violations(TestBroker.type(last), last.value())).isEmpty();
        return (PublicationRequested) broker.decode(last);
    }

    List<LoaEvent> contentEvents(String itemId) {
        eventually().until(() -> drained(Items.COLLECTION, itemId));
        List<ConsumerRecord<String, byte[]>> records = broker.records(Topics.CONTENT_EVENTS, itemId);
        records.forEach(r -> assertThat(EventSchemas.violations(TestBroker.type(r), r.value())).isEmpty());
        return records.stream().map(broker::decode).toList();
    }

    static PublicationSucceeded success(PublicationRequested r) {
        return new PublicationSucceeded(r.tenantId(), r.requestId(), r.itemId(), r.channel(),
                "https://loa.example/p/" + r.tenantId() + "/cchc/" + r.itemId(), Instant.parse("2025-09-02T01:15:00Z"),
                "ext-" + r.channel(), List.of());
    }

    @Test
    void draftToPublishedOnTwoChannelsWithExactlyOneContentPublishedPerChannelEvenWhenAnAnswerComesTwice()
            throws Exception {
        String portal = channelId("portal");
        String radio = channelId("radio");
        register(portal, List.of("article", "news"), true);
        register(radio, List.of("article", "news"), true);
        http.perform(as(get("/api/channels"), COMMUNE, "writer-1", "EDITOR"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", hasItem(portal)))
                .andExpect(jsonPath("$[?(@.id == '" + portal + "')].acceptedKinds[0]").value("article"));

        String id = approved(COMMUNE, List.of(portal, radio));
        http.perform(as(multipart("/api/contents/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "anh-hoi-nghi.png", "image/png", PNG)),
                        COMMUNE, "writer-1", "EDITOR"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
        http.perform(as(post("/api/contents/" + id + "/approve"), COMMUNE, "leader-1", "LEADER"))
                .andExpect(status().isOk());
        http.perform(as(post("/api/contents/" + id + "/publish"), COMMUNE, "writer-1", "EDITOR"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHING"));
        // publishing again changes nothing: still one request per channel
        http.perform(as(post("/api/contents/" + id + "/publish"), COMMUNE, "leader-1", "LEADER"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHING"));

        PublicationRequested toPortal = request(portal, id, 1);
        assertThat(toPortal.requestId()).isEqualTo(id + ":" + portal + ":1");
        assertThat(toPortal.kind()).isEqualTo("article");
        assertThat(toPortal.bodyHtml()).doesNotContain("script").contains("Nội dung");
        assertThat(toPortal.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("anh-hoi-nghi.png");
            assertThat(a.mediaType()).isEqualTo("image/png");
            assertThat(a.url()).isEqualTo("http://content.internal:8083/internal/files/" + COMMUNE + "/" + id + "/"
                    + a.id());
        });
        // the channel can read the file at that URL (path part; the host is the internal address)
        http.perform(get("/internal/files/" + COMMUNE + "/" + id + "/" + toPortal.attachments().getFirst().id()))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(PNG));
        PublicationRequested toRadio = request(radio, id, 1);

        var answer = broker.send(success(toPortal));
        broker.send(answer); // redelivered: same ce_id
        broker.send(success(toPortal)); // sent twice by the channel: another ce_id, same request
        broker.send(new PublicationSucceeded(COMMUNE, toRadio.requestId(), id, radio, null,
                Instant.parse("2025-09-02T01:20:00Z"), null,
                List.of(new PublicationRequested.Attachment("radio-file-1", "ban-tin.ogg", "audio/ogg", 1234,
                        "http://127.0.0.1:8080/radio/" + COMMUNE + "/ban-tin.ogg"))));

        eventually().until(() -> itemStatus(id, COMMUNE).equals("PUBLISHED"));
        eventually().until(() -> broker.caughtUp(GROUP, Topics.PUBLICATION_EVENTS));
        assertThat(request(portal, id, 1).requestId()).isEqualTo(toPortal.requestId());
        assertThat(broker.records(Topics.channelRequests(portal), id)).hasSize(1);

        List<LoaEvent> events = contentEvents(id);
        assertThat(events.stream().filter(e -> e instanceof ContentApproved)).hasSize(2);
        // submitted, approved, sent back for approval by the attachment, approved again: each left through the
        // item's outbox, in the order of the workflow (the key keeps it)
        assertThat(events.stream().filter(e -> !(e instanceof ContentPublished)).map(e -> e.getClass().getSimpleName()))
                .containsExactly("ContentSubmitted", "ContentApproved", "ContentSubmitted", "ContentApproved");
        assertThat(events.stream().filter(e -> e instanceof ContentSubmitted).map(e -> (ContentSubmitted) e))
                .allSatisfy(e -> assertThat(e.author()).isEqualTo("writer-1"));
        List<ContentPublished> published = events.stream().filter(e -> e instanceof ContentPublished)
                .map(e -> (ContentPublished) e).toList();
        assertThat(published).extracting(ContentPublished::channel).containsExactlyInAnyOrder(portal, radio);
        assertThat(published).allSatisfy(p -> {
            assertThat(p.kind()).isEqualTo("article");
            assertThat(p.taskIds()).containsExactly("task-7");
            assertThat(p.tenantId()).isEqualTo(COMMUNE);
        });

        String view = item(id, COMMUNE);
        assertThat((List<String>) JsonPath.read(view, "$.publications[?(@.channel == '" + portal + "')].publishedAt"))
                .containsExactly("2025-09-02T08:15:00+07:00");
        assertThat((List<String>) JsonPath.read(view, "$.attachments[*].fileName"))
                .containsExactly("anh-hoi-nghi.png", "ban-tin.ogg");
        assertThat((List<String>) JsonPath.read(view, "$.history[*].to"))
                .containsExactly("DRAFT", "SUBMITTED", "APPROVED", "SUBMITTED", "APPROVED", "PUBLISHING", "PUBLISHED");
    }

    @Test
    void aPermanentFailureGivesPartiallyPublishedWithItsReasonAndARetryIsANewRequestThatCanSucceed()
            throws Exception {
        String portal = channelId("portal");
        String zalo = channelId("zalo");
        register(portal, List.of("article"), true);
        register(zalo, List.of("article"), true);
        String id = approved(COMMUNE, List.of(portal, zalo));
        http.perform(as(post("/api/contents/" + id + "/publish"), COMMUNE, "leader-1", "LEADER"))
                .andExpect(status().isOk());
        broker.send(success(request(portal, id, 1)));
        PublicationRequested first = request(zalo, id, 1);
        broker.send(new PublicationFailed(COMMUNE, first.requestId(), id, zalo, "Mã truy cập Zalo OA đã hết hạn",
                false, Instant.now()));

        eventually().until(() -> itemStatus(id, COMMUNE).equals("PARTIALLY_PUBLISHED"));
        http.perform(as(get("/api/contents/" + id), COMMUNE, "writer-1", "EDITOR"))
                .andExpect(jsonPath("$.failures[0].channel").value(zalo))
                .andExpect(jsonPath("$.failures[0].reason").value("Mã truy cập Zalo OA đã hết hạn"));

        http.perform(as(post("/api/contents/" + id + "/publications/" + zalo + "/retry"), COMMUNE, "writer-1",
                        "EDITOR"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHING"));
        PublicationRequested second = request(zalo, id, 2);
        assertThat(second.requestId()).isEqualTo(id + ":" + zalo + ":2").isNotEqualTo(first.requestId());
        // a late duplicate of the first failure is stale: it changes nothing
        broker.send(new PublicationFailed(COMMUNE, first.requestId(), id, zalo, "cũ", false, Instant.now()));
        broker.send(success(second));
        eventually().until(() -> itemStatus(id, COMMUNE).equals("PUBLISHED"));
        assertThat(contentEvents(id).stream().filter(e -> e instanceof ContentPublished)
                .map(e -> ((ContentPublished) e).channel())).containsExactlyInAnyOrder(portal, zalo);
    }

    @Test
    void aRetryableFailureIsSentAgainAsANewAttemptAfterTheBackOffAndTheItemStaysPublishing()
            throws Exception {
        String radio = channelId("radio");
        register(radio, List.of("article"), true);
        String id = approved(COMMUNE, List.of(radio));
        http.perform(as(post("/api/contents/" + id + "/publish"), COMMUNE, "writer-1", "EDITOR"))
                .andExpect(status().isOk());
        PublicationRequested first = request(radio, id, 1);
        broker.send(new PublicationFailed(COMMUNE, first.requestId(), id, radio, "espeak-ng bận", true,
                Instant.now()));
        eventually().until(() -> JsonPath.read(item(id, COMMUNE), "$.publications[0].nextTryAt") != null);
        assertThat(itemStatus(id, COMMUNE)).isEqualTo("PUBLISHING");
        eventually().until(() -> {
            scheduler.pass();
            return broker.records(Topics.channelRequests(radio), id).size() == 2;
        });
        // a new attempt: the channel remembers answered request ids (failures included) and would drop the same one
        PublicationRequested second = request(radio, id, 2);
        assertThat(second.requestId()).isEqualTo(id + ":" + radio + ":2");
        assertThat(itemStatus(id, COMMUNE)).isEqualTo("PUBLISHING");
        broker.send(success(second));
        eventually().until(() -> itemStatus(id, COMMUNE).equals("PUBLISHED"));
        assertThat(contentEvents(id).stream().filter(e -> e instanceof ContentPublished)).hasSize(1);
    }

    @Test
    void retractingSendsOneContentRetractedPerChannelItWasPublishedOn() throws Exception {
        String portal = channelId("portal");
        String radio = channelId("radio");
        register(portal, List.of("article"), true);
        register(radio, List.of("article"), true);
        String id = approved(COMMUNE, List.of(portal, radio));
        http.perform(as(post("/api/contents/" + id + "/publish"), COMMUNE, "writer-1", "EDITOR"))
                .andExpect(status().isOk());
        broker.send(success(request(portal, id, 1)));
        broker.send(success(request(radio, id, 1)));
        eventually().until(() -> itemStatus(id, COMMUNE).equals("PUBLISHED"));

        http.perform(as(json(post("/api/contents/" + id + "/retract"), "{\"reason\": \"Số liệu chưa chính xác\"}"),
                        COMMUNE, "writer-1", "EDITOR"))
                .andExpect(status().isForbidden());
        http.perform(as(json(post("/api/contents/" + id + "/retract"), "{\"reason\": \"Số liệu chưa chính xác\"}"),
                        COMMUNE, "leader-1", "LEADER"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RETRACTED"))
                .andExpect(jsonPath("$.publications[*].status", not(hasItem("SUCCEEDED"))));
        List<ContentRetracted> retracted = contentEvents(id).stream().filter(e -> e instanceof ContentRetracted)
                .map(e -> (ContentRetracted) e).toList();
        assertThat(retracted).extracting(ContentRetracted::channel).containsExactlyInAnyOrder(portal, radio);
        assertThat(retracted).allMatch(r -> "Số liệu chưa chính xác".equals(r.reason()));
    }

    @Test
    void publishesRacingOnOneItemSendOneRequestPerChannel() throws Exception {
        String portal = channelId("portal");
        register(portal, List.of("article"), true);
        String id = approved(COMMUNE, List.of(portal));
        Caller editor = new Caller(COMMUNE, "writer-1", Set.of(Role.EDITOR));
        Caller leader = new Caller(COMMUNE, "leader-1", Set.of(Role.LEADER));
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Caller who = i % 2 == 0 ? editor : leader;
                all.add(pool.submit(() -> editorial.publish(id, null, who)));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
        eventually().until(() -> drained(Items.COLLECTION, id));
        assertThat(broker.records(Topics.channelRequests(portal), id)).hasSize(1);
        assertThat((List<String>) JsonPath.read(item(id, COMMUNE), "$.history[*].to"))
                .containsOnlyOnce("PUBLISHING");
    }

    @Test
    void aScheduledPublicationLeavesWhenItsTimeComes() throws Exception {
        String portal = channelId("portal");
        register(portal, List.of("article"), true);
        String id = approved(COMMUNE, List.of(portal));
        Instant at = Instant.now().plusSeconds(2);
        http.perform(as(json(post("/api/contents/" + id + "/publish"), "{\"at\": \"" + at + "\"}"), COMMUNE,
                        "writer-1", "EDITOR"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.scheduledAt").isNotEmpty());
        scheduler.pass();
        assertThat(broker.records(Topics.channelRequests(portal), id)).isEmpty();
        eventually().until(() -> {
            scheduler.pass();
            return itemStatus(id, COMMUNE).equals("PUBLISHING");
        });
        assertThat(request(portal, id, 1).requestId()).isEqualTo(id + ":" + portal + ":1");
    }
}
