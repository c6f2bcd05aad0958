package vn.loa.report.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import vn.loa.contracts.content.ContentPublished;
import vn.loa.contracts.task.CreditBasis;
import vn.loa.contracts.task.TaskCredited;
import vn.loa.report.support.Samples;
import vn.loa.testsupport.TestBroker;

/** The live stream: a change reaches the open dashboards within a second; a reconnect resumes from Last-Event-ID. */
class LiveStreamTest extends IntegrationTest {

    private final TestBroker broker = new TestBroker();

    @Autowired
    MongoTemplate mongo;

    @AfterEach
    void close() {
        broker.close();
    }

    private SseClient open(String tenant, String roles, String lastEventId) throws Exception {
        var request = request("/api/dashboard/stream", tenant, roles).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        SseClient client = new SseClient(HTTP, request.GET().build());
        client.awaitOpen();
        assertThat(client.status).isEqualTo(200);
        return client;
    }

    private ContentPublished publication(String commune, String item) {
        return new ContentPublished(commune, item, "news", "Tin " + item, List.of(), List.of(), null, "portal",
                Instant.now(), null);
    }

    @Test
    void aPublicationReachesTheCommuneAndProvinceDashboardsWithinASecond() throws Exception {
        String commune = freshCommune();
        String other = freshCommune();
        try (SseClient own = open(commune, "EDITOR", null);
                SseClient province = open(Samples.HAI_PHONG, "VIEWER", null);
                SseClient neighbour = open(other, "EDITOR", null);
                SseClient hanoi = open(Samples.HA_NOI, "VIEWER", null)) {
            // warm the path up once (first poll of the consumer, first emitter write)
            String warm = "live-warm-" + commune;
            broker.send(publication(commune, warm));
            eventually().until(() -> !own.about(warm).isEmpty());

            String item = "live-" + commune;
            long sent = System.nanoTime();
            broker.send(publication(commune, item));
            eventually().atMost(Duration.ofSeconds(30)).until(() -> !own.about(item).isEmpty()
                    && !province.about(item).isEmpty());
            Duration communeLatency = Duration.ofNanos(own.about(item).getFirst().receivedAt() - sent);
            Duration provinceLatency = Duration.ofNanos(province.about(item).getFirst().receivedAt() - sent);
            org.slf4j.LoggerFactory.getLogger(LiveStreamTest.class).info("SSE latency event→dashboard: commune {} ms, province {} ms",
                    communeLatency.toMillis(), provinceLatency.toMillis());
            assertThat(communeLatency).isLessThan(Duration.ofSeconds(1));
            assertThat(provinceLatency).isLessThan(Duration.ofSeconds(1));
            SseClient.Event e = own.about(item).getFirst();
            assertThat(e.id()).matches("[0-9]+");
            assertThat(e.data()).contains("\"area\":\"publication\"").contains("\"cause\":\"ContentPublished\"");

            // a task credit moves the dashboard too
            broker.send(new TaskCredited(commune, "live-task-" + commune, "live-plan", "live-c-" + commune, item,
                    "news", "portal", Instant.now(), "2026-11", CreditBasis.MATCHED, 1, 1, 1));
            eventually().until(() -> !own.about("live-task-" + commune).isEmpty());

            // nobody else hears of it
            assertThat(neighbour.about(item)).isEmpty();
            assertThat(hanoi.about(item)).isEmpty();
        }
    }

    @Test
    void aReconnectingClientGetsWhatItMissedAfterLastEventId() throws Exception {
        String commune = freshCommune();
        String first = "resume-1-" + commune;
        String lastId;
        try (SseClient client = open(commune, "LEADER", null)) {
            broker.send(publication(commune, first));
            eventually().until(() -> !client.about(first).isEmpty());
            lastId = client.about(first).getFirst().id();
        }
        // while the dashboard is closed, two more things happen
        String second = "resume-2-" + commune;
        String third = "resume-3-" + commune;
        broker.send(publication(commune, second));
        broker.send(publication(commune, third));
        eventually().until(() -> get("/api/dashboard", commune, "LEADER").json()
                .path("publications").path("total").asInt() == 3);

        try (SseClient resumed = open(commune, "LEADER", lastId)) {
            eventually().until(() -> !resumed.about(second).isEmpty() && !resumed.about(third).isEmpty());
            assertThat(resumed.about(first)).isEmpty();
            List<Long> ids = resumed.events().stream().filter(e -> "change".equals(e.name()))
                    .map(e -> Long.parseLong(e.id())).toList();
            assertThat(ids).isSorted().doesNotHaveDuplicates().allMatch(id -> id > Long.parseLong(lastId));
        }
    }

    /**
     * Under load a writer may take its change number and write the change seconds later, after later changes are
     * already in the log. The gap holds nothing up: a later change of this instance reaches the dashboard at once;
     * the changes that only the log has (written late, or by another instance) come with the next sweep; every one
     * arrives exactly once.
     */
    @Test
    void aChangeWrittenLateAfterItsNumberStillReachesTheDashboardAndHoldsNothingUp() throws Exception {
        String commune = freshCommune();
        try (SseClient client = open(commune, "EDITOR", null)) {
            String warm = "gap-warm-" + commune;
            broker.send(publication(commune, warm));
            eventually().until(() -> !client.about(warm).isEmpty());

            // a slow writer took number n+1 and has not written it; n+2 is numbered and written straight into the log
            // (as another instance would), stamped five seconds ago
            var meta = mongo.getCollection("live_meta");
            long late = meta.findOneAndUpdate(new Document("_id", "sequence"), new Document("$inc",
                    new Document("value", 1L)), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))
                    .get("value", Number.class).longValue();
            long early = meta.findOneAndUpdate(new Document("_id", "sequence"), new Document("$inc",
                    new Document("value", 1L)), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))
                    .get("value", Number.class).longValue();
            Instant fiveSecondsAgo = Instant.now().minusSeconds(5);
            mongo.getCollection("live_changes").insertOne(change(early, commune, "gap-early-" + commune,
                    fiveSecondsAgo));
            String nudge = "gap-nudge-" + commune;
            long sent = System.nanoTime();
            broker.send(publication(commune, nudge));
            eventually().until(() -> !client.about(nudge).isEmpty());
            assertThat(Duration.ofNanos(client.about(nudge).getFirst().receivedAt() - sent))
                    .as("a later change is not held up by the gap").isLessThan(Duration.ofSeconds(2));

            mongo.getCollection("live_changes").insertOne(change(late, commune, "gap-late-" + commune,
                    fiveSecondsAgo));
            eventually().until(() -> !client.about("gap-late-" + commune).isEmpty()
                    && !client.about("gap-early-" + commune).isEmpty());
            List<Long> ids = client.events().stream().filter(e -> "change".equals(e.name()))
                    .map(e -> Long.parseLong(e.id())).toList();
            assertThat(ids).contains(late, early).doesNotHaveDuplicates();
            assertThat(client.about("gap-late-" + commune)).hasSize(1);
            assertThat(client.about("gap-early-" + commune)).hasSize(1);
            assertThat(client.about(nudge)).hasSize(1);
        }
    }

    private static Document change(long seq, String commune, String subject, Instant at) {
        return new Document("_id", seq).append("tenant", commune).append("province", Samples.HAI_PHONG)
                .append("area", "publication").append("subject", subject).append("cause", "ContentPublished")
                .append("at", java.util.Date.from(at));
    }

    @Test
    void aCallerWithoutADashboardHasNoStream() {
        assertThat(get("/api/dashboard/stream", Samples.HA_NOI, "EDITOR").status()).isEqualTo(404);
    }
}
